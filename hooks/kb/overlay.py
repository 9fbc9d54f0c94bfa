"""A career office's overlay file, checked before MkDocs reads it (see `kb.__main__`)."""

from __future__ import annotations

import re
from pathlib import Path

from . import yamlfile
from .errors import ContentError

PROJECT_CONFIG = "mkdocs.yml"


def check_config_file(path: Path) -> None:
    """The config file exists and, unless it is the project's own, inherits from it."""
    shown = path.name if path.parent.resolve() == Path.cwd().resolve() else str(path)
    if not path.is_file():
        raise ContentError(shown, "the config file does not exist",
                           f"copy example-office.yml to {shown} and change its values, or pass CONFIG=mkdocs.yml")
    if path.name == PROJECT_CONFIG:
        return
    text = yamlfile.read_text(path, shown, limit=None)
    if not re.search(r"^INHERIT:\s*\S", text, re.MULTILINE):
        raise ContentError(shown, "the overlay does not start from the project's settings",
                           f"add the line `INHERIT: {PROJECT_CONFIG}` at the top, so that everything you do not "
                           "set (the guides, the hooks, the theme) comes from mkdocs.yml", line=1, key="INHERIT")
