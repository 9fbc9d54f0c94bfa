"""The citable sources in docs/_data/sources.yml: their schema, their checks, and how a source
reads at the foot of a guide and on the Sources page.

A reader must be able to check a source: every entry names its publisher, its date and its kind
(official guidance, research or a practitioner's view), and links to a public copy where one
exists. Official guidance always has a link, and every link is `https`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from . import safety
from .errors import ContentError, did_you_mean
from .registry import read_mapping

SHOWN = "docs/_data/sources.yml"
#: The kinds of source, with how a reader sees each one.
KINDS = {"official": "Official guidance", "research": "Research", "practitioner": "Practitioner view"}
#: YYYY, YYYY-MM or YYYY-MM-DD; `undated` for a page that gives no date.
DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
_TEXT = {"type": "string", "pattern": r"\S"}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["title", "publisher", "date", "kind"],
    "additionalProperties": False,
    "properties": {
        "title": _TEXT, "publisher": _TEXT, "author": _TEXT, "note": _TEXT, "country": _TEXT,
        "date": {"type": "string"},
        "kind": {"enum": list(KINDS)},
        "url": {"type": "string"},
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
HOW = {
    "title": "give `title:` as the source itself prints it",
    "publisher": "give `publisher:`, the organisation or site that published it, e.g. `publisher: US Federal Trade Commission`",
    "author": "give the author's name, or leave `author:` out",
    "date": "give `date:` as YYYY-MM-DD, YYYY-MM or YYYY, or `date: undated` when the source shows none",
    "kind": "give `kind:` as one of: " + ", ".join(KINDS),
    "url": "give the full address of a public copy, starting with https://",
    "note": "write one sentence on what the source covers, or leave `note:` out",
    "country": "name the country whose rules it describes, e.g. `country: United Kingdom`",
}


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str  # as written: 2011-05-27, 2011-05, 2011 or undated
    kind: str
    url: str = ""
    author: str = ""
    note: str = ""
    country: str = ""

    @property
    def kind_text(self) -> str:
        return KINDS[self.kind]


def load(docs_dir: Path, *, today: dt.date | None = None) -> dict[str, Source]:
    """Every source by id; raises ContentError at the first mistake, with its line."""
    entries, lines = read_mapping(docs_dir / "_data" / "sources.yml", SHOWN, "sources")
    found: dict[str, Source] = {}
    for ident, entry in entries.items():
        def fail(problem: str, key: str | None, fix: str) -> ContentError:
            line = lines.at("sources", ident, *([key] if key else []))
            return ContentError(SHOWN, problem, fix, line=line, key=key or ident)

        if not isinstance(entry, dict):
            raise fail(f"source '{ident}' must be a set of `key: value` lines", None,
                       "indent `title:`, `publisher:`, `date:`, `kind:` and `url:` under the id")
        errors = sorted(_VALIDATOR.iter_errors(entry), key=lambda e: [str(p) for p in e.absolute_path])
        if errors:
            raise _explain(errors[0], ident, fail)
        date = entry["date"].strip()
        if date != "undated" and not valid_date(date, today or dt.date.today()):
            raise fail(f"'{date}' in source '{ident}' is not a past date", "date", HOW["date"])
        url = entry.get("url", "").strip()
        if url and not re.fullmatch(r"https://[^\s/?#]+\.[^\s/?#]+[^\s]*", url):
            raise fail(f"the address '{url}' of source '{ident}' is not an https:// address", "url",
                       "link a public copy over https (most sites serve one); if there is none, "
                       "leave `url:` out")
        if entry["kind"] == "official" and not url:
            raise fail(f"source '{ident}' is official guidance but has no `url:`", "url",
                       "official guidance must link a public copy, so that readers can check it: "
                       + HOW["url"])
        text = {key: safety.plain(entry[key], SHOWN, line=lambda key=key: lines.at("sources", ident, key), key=key,
                                  what=f"`{key}:` of source '{ident}'")
                for key in ("title", "publisher", "author", "note", "country") if key in entry}
        found[ident] = Source(ident, text["title"], text["publisher"], date, entry["kind"], url,
                              text.get("author", ""), text.get("note", ""), text.get("country", ""))
    return found


def valid_date(text: str, today: dt.date) -> bool:
    match = DATE.match(text)
    if not match:
        return False
    y, m, d = (int(match[g]) if match[g] else 1 for g in "ymd")
    try:
        return dt.date(y, m, d) <= today
    except ValueError:
        return False


def _explain(error: jsonschema.ValidationError, ident: str, fail) -> ContentError:
    path = [str(p) for p in error.absolute_path]
    if error.validator == "required":
        key = error.message.split("'")[1]
        return fail(f"source '{ident}' has no `{key}:`", None, HOW[key])
    if error.validator == "additionalProperties":
        key = re.findall(r"'([^']+)'", error.message)[0]
        return fail(f"source '{ident}' has an unknown key '{key}'", key,
                    did_you_mean(key, list(SCHEMA["properties"]), "keys"))
    key = path[0] if path else None
    if error.validator == "enum":
        return fail(f"'{error.instance}' is not a kind of source", key, HOW["kind"])
    if error.validator == "pattern":
        return fail(f"`{key}:` of source '{ident}' is blank", key, HOW.get(key, "fill it in"))
    return fail(f"`{key}:` of source '{ident}' must be text", key, HOW.get(key or "", "write it as text"))
