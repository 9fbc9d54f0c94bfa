"""Jinja templates in hooks/templates/ that produce the Markdown the hooks add to pages."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@cache
def relative(from_uri: str, to_uri: str) -> str:
    """A link from one docs page to another, as a relative .md path MkDocs will check."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    return env


def render(name: str, **context: Any) -> str:
    return _env().get_template(name).render(**context)
