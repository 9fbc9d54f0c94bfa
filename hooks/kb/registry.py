"""Data files in docs/_data/: loading and checking the shape every registry shares."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import yamlfile
from .errors import ContentError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_mapping(path: Path, shown: str, top: str) -> tuple[dict[str, Any], yamlfile.Lines]:
    """Load `top:` from a YAML file: a mapping of id -> entry. Returns it with each id's line."""
    if not path.is_file():
        raise ContentError(shown, "the file is missing", f"restore it from the repository (it holds `{top}:`)")
    text = yamlfile.read_text(path, shown)
    data = yamlfile.load(text, shown)
    if not isinstance(data, dict) or not isinstance(data.get(top), dict):
        raise ContentError(shown, f"the file must hold a mapping under `{top}:`",
                           f"start the file with `{top}:` and indent each entry under it", line=1, key=top)
    lines = yamlfile.Lines(text)
    for ident in data[top]:
        if not isinstance(ident, str) or not SLUG.match(ident):
            raise ContentError(shown, f"'{ident}' is not an id (lower-case words joined by hyphens)",
                               "rename it, e.g. `hiring-manager`", line=lines.find(top, ident), key=str(ident))
    return data[top], lines


def load_sources(docs_dir: Path) -> dict[str, dict[str, Any]]:
    """The citable sources, by id, from docs/_data/sources.yml."""
    shown = "docs/_data/sources.yml"
    entries, lines = read_mapping(docs_dir / "_data" / "sources.yml", shown, "sources")
    for ident, entry in entries.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            raise ContentError(shown, f"source '{ident}' has no title",
                               "give it `title:` as it appears on the source",
                               line=lines.find("sources", ident), key=ident)
    return entries
