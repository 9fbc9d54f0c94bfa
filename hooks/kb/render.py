"""Jinja templates in hooks/templates/ that produce the Markdown the hooks add to pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import markupsafe

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


def text_lines(value: object) -> markupsafe.Markup:
    """Text of several lines for raw HTML inside Markdown: escaped, each line break written as
    `&#10;`, so that a blank line in the text cannot end the HTML block."""
    return markupsafe.Markup(str(markupsafe.escape(value)).replace("\n", "&#10;"))


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = markdown_text
    env.filters["lines"] = text_lines
    env.globals.update(t=lambda key, **values: key, ui_lang="", content_lang="")
    return env


def set_language(t: Callable[..., str], ui: str, content: str) -> None:
    """The interface's words (`t(key, **values)`) and languages for this build's templates.
    `ui_lang` and `content_lang` are set only when the two differ, for `lang` attributes."""
    _env().globals.update(t=t, ui_lang=ui if ui != content else "", content_lang=content if ui != content else "")


def render(name: str, **context: Any) -> str:
    return _env().get_template(name).render(**context)


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per process. MkDocs makes a new Jinja environment for
    every build, which compiles every template again; a rebuild in `mkdocs serve` (and each of
    the test suite's builds) reuses them instead. A template is found by its name, its source's
    checksum and the environment's extensions, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.compiled: dict[tuple[str, str, tuple[str, ...]], bytes] = {}

    def _key(self, bucket: jinja2.bccache.Bucket) -> tuple[str, str, tuple[str, ...]]:
        return bucket.key, bucket.checksum, tuple(sorted(bucket.environment.extensions))

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return name  # not the file's path: a copy of the project shares its templates' code

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(self._key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[self._key(bucket)] = bucket.bytecode_to_string()


#: The one cache of the process: the module outlives each build's hook modules.
COMPILED = CompiledTemplates()
