"""Front matter: split it from a page, parse it with line numbers, validate it with a schema.

MkDocs itself drops malformed front matter without a word. This module reads every page's
front matter first and reports each mistake as `docs/page.md:line: problem. Fix: how`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import fastjsonschema
import jsonschema

from . import safety, yamlfile
from .errors import ContentError, did_you_mean

# The same pattern MkDocs uses, so both read the same block.
_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|$)", re.DOTALL)

#: Folders whose pages (other than index.md, at any depth) are guides and need the full
#: front matter.
GUIDE_SECTIONS = ("why", "bad-reasons", "before", "stages", "interviewing", "offers", "declining", "messages")

GUIDE_KEYS = ("title", "description", "scenarios", "reviewed", "sources")
#: Keys Material for MkDocs reads, allowed on any page.
THEME_KEYS = ("hide", "template", "icon", "status", "subtitle", "search")

DESCRIPTION_MAX = 160
#: Plain-text keys: checked for control characters and blanks, and escaped wherever printed.
TEXT_KEYS = ("title", "description", "subtitle")
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "title": {"type": "string", "minLength": 1, "maxLength": 90},
        "description": {"type": "string", "minLength": 1, "maxLength": DESCRIPTION_MAX},
        "scenarios": {"type": "array", "minItems": 1, "uniqueItems": True,
                      "items": {"type": "string", "pattern": SLUG}},
        "reviewed": {"type": "string"},
        "sources": {"type": "array", "minItems": 1, "uniqueItems": True,
                    "items": {"type": "string", "pattern": SLUG}},
        "questions": {"type": "array", "minItems": 1, "maxItems": 12, "uniqueItems": True,
                      "items": {"type": "string", "minLength": 3, "maxLength": 120}},
        "hide": {"type": "array", "items": {"enum": ["navigation", "toc", "footer", "path", "tags",
                                                    "feedback"]}},
        "template": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_-]*\.html$"},
        "icon": {"type": "string", "pattern": r"^[a-z0-9-]+(?:/[a-z0-9-]+)+$"},
        "status": {"enum": ["new", "deprecated"]},
        "subtitle": {"type": "string", "minLength": 1},
        "search": {"type": "object", "additionalProperties": False,
                   "properties": {"boost": {"type": "number", "minimum": 0, "maximum": 100},
                                  "exclude": {"type": "boolean"}}},
    },
}

#: Every page is checked by the schema compiled to Python (about ten times quicker); only a page
#: that fails goes to jsonschema, which lists all its errors for a precise message.
_CHECK = fastjsonschema.compile(SCHEMA)
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

#: What to write, per key, when it is missing or wrong.
HOW = {
    "title": "add a short title in sentence case, e.g. `title: What happens in a recruiter screen`",
    "description": f"write one or two plain sentences of at most {DESCRIPTION_MAX} characters",
    "scenarios": "give a list of scenario ids, one per line, e.g.\n  scenarios:\n    - too-busy",
    "reviewed": "give the date you last checked the page as YYYY-MM-DD, e.g. `reviewed: 2026-11-21`",
    "sources": "give a list of source ids from docs/_data/sources.yml, e.g.\n  sources:\n    - real-purpose",
    "questions": "give a list of the questions the page answers, in readers' words, e.g.\n"
                 "  questions:\n    - Should I go to an interview for a job I don't want?",
}


@dataclass
class FrontMatter:
    """A page's validated front matter."""

    path: str
    meta: dict[str, Any]
    block: str = ""  # the YAML text, kept to find line numbers when there is a mistake
    body_line: int = 1  # the file line where the Markdown body starts

    @cached_property
    def lines(self) -> yamlfile.Lines:
        return yamlfile.Lines(self.block, first_line=2)

    def line(self, key: str) -> int | None:
        return self.lines.find(key)


def is_guide(src_uri: str) -> bool:
    parts = src_uri.split("/")
    return len(parts) >= 2 and parts[0] in GUIDE_SECTIONS and parts[-1] != "index.md"


def parse(text: str, path: str) -> FrontMatter:
    """Split and parse a page's front matter (an empty mapping when it has none)."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        return FrontMatter(path, {})
    match = _FRONT.match(text)
    if not match:
        raise ContentError(path, "front matter is not closed", "end it with a line of three dashes (---)",
                           line=1)
    block = match.group(1) or ""
    meta = yamlfile.load(block, path, first_line=2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError(path, "front matter must be a set of `key: value` lines",
                           "write each setting as `key: value`", line=2)
    # MkDocs drops the blank lines after the front matter too; count them to match its body.
    rest = text[match.end():]
    body_line = text.count("\n", 0, match.end()) + 1 + (len(rest) - len(rest.lstrip("\n")))
    return FrontMatter(path, meta, block, body_line)


def validate(fm: FrontMatter, *, guide: bool, sources: dict[str, Any],
             today: dt.date | None = None) -> FrontMatter:
    """Check `fm` against the schema; raise ContentError at the first mistake."""
    meta, path = dict(fm.meta), fm.path
    known = list(SCHEMA["properties"])
    for key in meta:
        if key not in SCHEMA["properties"]:
            raise ContentError(path, f"unknown front-matter key '{key}'",
                               did_you_mean(str(key), known, "keys"), line=fm.line(str(key)), key=str(key))
    if guide:
        if not fm.meta:
            raise ContentError(path, "this guide has no front matter",
                               "start the file with the front matter from docs/_template.md", line=1)
        for key in GUIDE_KEYS:
            if key not in meta:
                raise ContentError(path, f"missing required key '{key}'", HOW[key], line=1, key=key)

    reviewed = meta.get("reviewed")
    if isinstance(reviewed, (dt.date, dt.datetime)):
        meta["reviewed"] = reviewed.isoformat()[:10]

    try:
        _CHECK(meta)
    except fastjsonschema.JsonSchemaException:
        errors = sorted(_VALIDATOR.iter_errors(meta), key=lambda e: [str(p) for p in e.absolute_path])
        if errors:
            raise _explain(errors[0], fm) from None

    for key in TEXT_KEYS:
        if key in meta:
            meta[key] = safety.plain(meta[key], path, line=lambda key=key: fm.line(key), key=key, what=f"'{key}'")
    if "questions" in meta:
        meta["questions"] = [safety.plain(q, path, line=lambda n=n: fm.lines.at("questions", n), key="questions",
                                          what="a question") for n, q in enumerate(meta["questions"])]
    if "reviewed" in meta:
        meta["reviewed"] = _check_date(meta["reviewed"], fm, today or dt.date.today())
    for source in meta.get("sources", []):
        if source not in sources:
            raise ContentError(path, f"unknown source id '{source}'",
                               did_you_mean(source, sources, "source ids (docs/_data/sources.yml)"),
                               line=fm.line("sources"), key="sources")
    return FrontMatter(path, meta, fm.block, fm.body_line)


def _check_date(value: str, fm: FrontMatter, today: dt.date) -> dt.date:
    try:
        when = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        when = None
    if when is None:
        raise ContentError(fm.path, f"'{value}' is not a date in the form YYYY-MM-DD", HOW["reviewed"],
                           line=fm.line("reviewed"), key="reviewed")
    if when > today:
        raise ContentError(fm.path, f"the reviewed date {value} is in the future (today is {today})",
                           "give the date you actually checked the page, today or earlier",
                           line=fm.line("reviewed"), key="reviewed")
    return when


def _explain(error: jsonschema.ValidationError, fm: FrontMatter) -> ContentError:
    """Turn a schema error into a sentence a contributor can act on."""
    key = str(error.absolute_path[0]) if error.absolute_path else "front matter"
    line = fm.line(key)
    how = HOW.get(key, "see the front-matter table in CONTRIBUTING.md")
    kind, value = error.validator, error.instance
    if kind == "maxLength" and key == "description":
        problem = f"the description is {len(value)} characters long; the limit is {DESCRIPTION_MAX}"
        how = "shorten it to one or two plain sentences"
    elif kind == "type":
        want = {"array": "a list", "string": "text", "object": "a mapping"}.get(error.validator_value,
                                                                               error.validator_value)
        got = type(value).__name__
        got = {"str": "text", "list": "a list", "dict": "a mapping", "int": "a number",
               "NoneType": "empty", "bool": "true/false"}.get(got, got)
        where = f"'{key}'" if len(error.absolute_path) == 1 else f"an item of '{key}'"
        problem = f"{where} must be {want}, not {got}"
    elif kind == "pattern" and key in ("template", "icon"):
        problem = f"'{value}' is not a {'template file name' if key == 'template' else 'Material icon name'}"
        how = "e.g. `template: main.html`" if key == "template" else "e.g. `icon: material/handshake-outline`"
    elif kind == "pattern":
        problem = f"'{value}' in '{key}' is not an id (lower-case words joined by hyphens)"
        how = "write ids like `missing-a-requirement`"
    elif kind == "minLength" or kind == "minItems":
        problem = f"'{key}' is empty"
    elif kind == "enum":
        problem = f"'{value}' is not a value '{key}' takes"
        how = "use one of: " + ", ".join(map(str, error.validator_value))
    elif kind == "additionalProperties":
        problem = f"'{key}': {error.message}"
        how = "`search:` takes only `boost:` (a number) and `exclude:` (true or false)"
    elif kind == "uniqueItems":
        problem = f"'{key}' lists the same id twice"
        how = "remove the repeated id"
    else:
        problem = f"'{key}': {error.message}"
    return ContentError(fm.path, problem, how, line=line, key=key)
