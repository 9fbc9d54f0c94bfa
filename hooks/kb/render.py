"""Jinja templates in hooks/templates/ that produce the Markdown the hooks add to pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@cache
def relative(from_uri: str, to_uri: str) -> str:
    """A link from one docs page to another, as a relative .md path MkDocs will check.

    Both are docs paths such as `why/practice.md` (no `..`, no leading slash): plain string
    work, several times quicker than `posixpath.relpath`, which resolves against the disk.
    """
    here, there = from_uri.split("/")[:-1], to_uri.split("/")
    common = 0
    for a, b in zip(here, there[:-1]):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


#: The characters Python-Markdown lets a backslash escape (`{` also starts an attribute list).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def markdown_text(value: object) -> str:
    """Plain text made safe to place in Markdown: every character Markdown would read as syntax
    is escaped with a backslash. The template then escapes it for HTML too (autoescape)."""
    return _MARKDOWN.sub(r"\\\1", str(value))


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = markdown_text
    env.globals.update(t=lambda key, **values: key, ui_lang="", content_lang="")
    return env


def set_language(t: Callable[..., str], ui: str, content: str) -> None:
    """The interface's words (`t(key, **values)`) and languages for this build's templates.
    `ui_lang` and `content_lang` are set only when the two differ, for `lang` attributes."""
    _env().globals.update(t=t, ui_lang=ui if ui != content else "", content_lang=content if ui != content else "")


def render(name: str, **context: Any) -> str:
    return _env().get_template(name).render(**context)
