"""Checklists: YAML data files in docs/_data/checklists/, checked, and rendered into pages.

A page embeds one with the line `<!-- kb:checklist ID -->`. Item ids are stable: readers'
ticks are saved in their browser by checklist id and item id, so rewording an item keeps them.

Each checklist has its own address, the anchor `#ID` on its page. A checklist may be cut into
`parts:` (each `- id: ..., title: ...`), and each item then names its `part:`; a part has the
address `#ID--PART`, so a guide can link to the part it prepares for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from . import safety, yamlfile
from .errors import ContentError, did_you_mean
from .registry import SLUG

FOLDER = "_data/checklists"
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "title", "intro", "items"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string", "minLength": 1},
        "intro": {"type": "string", "minLength": 1},
        "parts": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["id", "title"],
            "additionalProperties": False,
            "properties": {"id": {"type": "string"}, "title": {"type": "string", "minLength": 1}},
        }},
        "items": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["id", "text"],
            "additionalProperties": False,
            "properties": {"id": {"type": "string"}, "text": {"type": "string", "minLength": 1},
                           "why": {"type": "string"}, "part": {"type": "string"}},
        }},
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
_HOW = {
    "id": "give it an id: lower-case words joined by hyphens, e.g. `id: send-thanks`",
    "text": "give it `text:`, one short sentence the reader can tick",
    "title": "add `title:`, e.g. `title: After the interview`",
    "intro": "add `intro:` with one or two sentences",
    "items": "add `items:` with at least one `- id: ...` and `text: ...`",
    "why": "give the docs path of the guide that explains the item, e.g. `why: why/practice.md`",
    "part": "give the id of one of the checklist's `parts:`, e.g. `part: screen`",
    "parts": "list each part as `- id: screen` and `title: Recruiter or HR screen`",
}


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    why: str | None = None
    part: str | None = None


@dataclass(frozen=True)
class Part:
    id: str
    title: str


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    intro: str
    items: tuple[Item, ...]
    shown: str  # the data file, as a contributor sees it
    lines: yamlfile.Lines  # to report a mistake with its line
    parts: tuple[Part, ...] = ()

    def anchor(self, part: str | None = None) -> str:
        """The id of the checklist's heading, or of one part's."""
        return f"{self.id}--{part}" if part else self.id

    def grouped(self) -> list[tuple[Part | None, list[Item]]]:
        """The items by part, in the order of `parts:` (one group with no part if it has none)."""
        if not self.parts:
            return [(None, list(self.items))]
        return [(part, [i for i in self.items if i.part == part.id]) for part in self.parts]


def load_all(folder: Path, shown_folder: str) -> dict[str, Checklist]:
    """Every checklist in `folder`, by id; raises ContentError at the first mistake."""
    found: dict[str, Checklist] = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        checklist = load(path, f"{shown_folder}/{path.name}")
        if checklist.id in found:
            raise ContentError(checklist.shown, f"the checklist id '{checklist.id}' is already used by "
                               f"{found[checklist.id].shown}", "give each checklist its own id",
                               line=checklist.lines.find("id"), key="id")
        found[checklist.id] = checklist
    return found


def load(path: Path, shown: str) -> Checklist:
    text = yamlfile.read_text(path, shown)
    data = yamlfile.load(text, shown)
    lines = yamlfile.Lines(text)
    if not isinstance(data, dict):
        raise ContentError(shown, "a checklist file must be a set of `key: value` lines",
                           "start it with `id:`, `title:`, `intro:` and `items:`", line=1)
    # An unknown key first: a misspelt key is also a missing one, and its name is the better clue.
    errors = sorted(_VALIDATOR.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)),
                                                                 e.validator != "additionalProperties"))
    if errors:
        raise _explain(errors[0], shown, lines)
    if not SLUG.match(data["id"]):
        raise ContentError(shown, f"'{data['id']}' is not an id (lower-case words joined by hyphens)",
                           _HOW["id"], line=lines.find("id"), key="id")
    seen: dict[str, int] = {}
    for index, item in enumerate(data["items"]):
        if not SLUG.match(item["id"]):
            raise ContentError(shown, f"item id '{item['id']}' is not an id (lower-case words joined by hyphens)",
                               _HOW["id"], line=lines.at("items", index, "id"), key="id")
        if item["id"] in seen:
            raise ContentError(shown, f"the item id '{item['id']}' is used twice in this checklist "
                               f"(first at item {seen[item['id']] + 1})",
                               "give each item its own id; ids must stay stable once published",
                               line=lines.at("items", index, "id"), key="id")
        seen[item["id"]] = index
    parts = _parts(data, shown, lines)
    items = tuple(Item(i["id"], safety.plain(i["text"], shown, line=lambda n=n: lines.at("items", n, "text"), key="text",
                                             what=f"the text of item '{i['id']}'"), i.get("why"), i.get("part"))
                  for n, i in enumerate(data["items"]))
    title, intro = (safety.plain(data[key], shown, line=lambda key=key: lines.find(key), key=key,
                                  what=f"the {key}")
                    for key in ("title", "intro"))
    return Checklist(data["id"], title, intro, items, shown, lines, parts)


def _parts(data: dict[str, Any], shown: str, lines: yamlfile.Lines) -> tuple[Part, ...]:
    """The checklist's parts: each has its own id, items name only those, and with parts every
    item names one and every part has an item."""
    parts: list[Part] = []
    for index, part in enumerate(data.get("parts", [])):
        if not SLUG.match(part["id"]):
            raise ContentError(shown, f"part id '{part['id']}' is not an id (lower-case words joined by hyphens)",
                               _HOW["part"], line=lines.at("parts", index, "id"), key="id")
        if any(p.id == part["id"] for p in parts):
            raise ContentError(shown, f"the part id '{part['id']}' is used twice in this checklist",
                               "give each part its own id", line=lines.at("parts", index, "id"), key="id")
        title = safety.plain(part["title"], shown, line=lambda n=index: lines.at("parts", n, "title"), key="title",
                             what=f"the title of part '{part['id']}'")
        parts.append(Part(part["id"], title))
    ids = [p.id for p in parts]
    for index, item in enumerate(data["items"]):
        named = item.get("part")
        if named is None and parts:
            raise ContentError(shown, f"item '{item['id']}' has no `part:`, and this checklist has parts",
                               f"add `part:` with one of: {', '.join(ids)}", line=lines.at("items", index, "id"),
                               key="part")
        if named is not None and named not in ids:
            fix = did_you_mean(named, ids, "parts") if ids else \
                "list the checklist's parts under `parts:` first, or remove `part:`"
            raise ContentError(shown, f"item '{item['id']}' names an unknown part '{named}'", fix,
                               line=lines.at("items", index, "part"), key="part")
    for index, part in enumerate(parts):
        if not any(item.get("part") == part.id for item in data["items"]):
            raise ContentError(shown, f"part '{part.id}' has no items", "name it in an item's `part:`, or remove it",
                               line=lines.at("parts", index, "id"), key="parts")
    return tuple(parts)


def check_markdown(checklists: Iterable[Checklist], check: Callable[..., None]) -> None:
    """The intro and each item are Markdown: `check` renders them as the site does and refuses
    anything unsafe, at the data file's line."""
    for checklist in checklists:
        lines = checklist.lines
        check(checklist.intro, checklist.shown, line=lambda: lines.find("intro"), key="intro")
        for n, part in enumerate(checklist.parts):
            check(part.title, checklist.shown, line=lambda n=n: lines.at("parts", n, "title"), key="title")
        for n, item in enumerate(checklist.items):
            check(item.text, checklist.shown, line=lambda n=n: lines.at("items", n, "text"), key="text")


def check_links(checklists: Iterable[Checklist], pages: Iterable[str]) -> None:
    """Every `why` names a page of the site."""
    pages = list(pages)
    for checklist in checklists:
        for index, item in enumerate(checklist.items):
            if item.why is not None and item.why.split("#")[0] not in pages:
                raise ContentError(checklist.shown, f"item '{item.id}' links `why` to '{item.why}', "
                                   "which is not a page of the site",
                                   did_you_mean(item.why, pages, "pages (docs paths such as why/practice.md)"),
                                   line=checklist.lines.at("items", index, "why"), key="why")


def _explain(error: jsonschema.ValidationError, shown: str, lines: yamlfile.Lines) -> ContentError:
    path = list(error.absolute_path)
    where = "the checklist" if not path else (f"item {path[1] + 1}" if path[0] == "items" and len(path) > 1
                                              else f"part {path[1] + 1}" if path[0] == "parts" and len(path) > 1
                                              else f"'{path[0]}'")
    if error.validator == "required":
        key = error.message.split("'")[1]
        return ContentError(shown, f"{where} has no '{key}'", _HOW.get(key, "add it"),
                            line=lines.at(*path), key=key)
    if error.validator == "additionalProperties":
        item_keys = SCHEMA["properties"][str(path[0]) if path else "items"]["items"]["properties"] \
            if path and path[0] in ("items", "parts") else {}
        allowed = list(SCHEMA["properties"] if len(path) < 2 else item_keys)
        key = error.message.split("'")[1]
        return ContentError(shown, f"{where} has an unknown key '{key}'", did_you_mean(key, allowed, "keys"),
                            line=lines.at(*path, key), key=key)
    key = str(path[-1]) if path else None
    want = {"string": "text", "array": "a list", "object": "a mapping"}.get(error.validator_value, "")
    problem = (f"{where}: '{key}' must be {want}" if error.validator == "type" and want
               else f"{where}: '{key}' is empty" if error.validator in ("minLength", "minItems")
               else f"{where}: {error.message}")
    return ContentError(shown, problem, _HOW.get(str(key), "see CONTRIBUTING.md"), line=lines.at(*path), key=key)


def markdown(found: dict[str, Checklist], args: str, src_uri: str, guides: Mapping[str, Any] | None = None) -> str:
    """The markup for `<!-- kb:checklist ID -->` on page `src_uri` (see hooks/templates/checklist.md.j2).
    `guides` gives each page's front matter (`.meta`), by docs path: an item's "Why?" shows the
    title and short answer of the guide it names."""
    from .render import relative, render

    ident = args.strip()
    if ident not in found:
        raise ContentError("", f"unknown checklist id '{ident}'",
                           did_you_mean(ident, sorted(found), f"checklist ids ({FOLDER}/)")
                           if ident else "name a checklist, e.g. `<!-- kb:checklist declining -->`")
    checklist = found[ident]

    def why(item: Item) -> Why | None:
        if not item.why:
            return None
        page, _, anchor = item.why.partition("#")
        meta = getattr((guides or {}).get(page), "meta", None) or {}
        return Why(relative(src_uri, page) + (f"#{anchor}" if anchor else ""),
                   meta.get("title"), meta.get("description"))

    groups = [(part, [(item, why(item)) for item in items]) for part, items in checklist.grouped()]
    return render("checklist.md.j2", checklist=checklist, groups=groups)


@dataclass(frozen=True)
class Why:
    """What an item's "Why?" discloses: the guide's short answer and a link to it."""
    link: str
    title: str | None
    answer: str | None
