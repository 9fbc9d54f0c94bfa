"""The interface's own words: one catalogue per language in docs/_data/strings/<language>.yml,
picked by `theme.language`, with single strings overridden by a career office's overlay
(`extra.strings`). Templates get `t(key, **values)`; scripts get the strings they use as JSON.
Dates are written for the catalogue's locale with Babel.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton

from . import safety, yamlfile
from .errors import ContentError, did_you_mean

FOLDER = "_data/strings"
#: The catalogue every other one is checked against.
REFERENCE = "en"
#: The key prefixes whose strings the site's scripts need (sent to the page as JSON).
SCRIPT_PREFIXES = ("checklist.", "finder.", "builder.", "site.")
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Catalogue:
    language: str
    locale: str
    strings: Mapping[str, str]

    def t(self, key: str, **values: Any) -> str:
        """The string for `key`, with each {name} replaced by its value."""
        return _FIELD.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0),
                          self.strings[key])

    def for_scripts(self) -> dict[str, str]:
        return {k: v for k, v in self.strings.items() if k.startswith(SCRIPT_PREFIXES)}

    def date(self, day: dt.date) -> str:
        """21 November 2026 (en_GB), 21 de noviembre de 2026 (es_ES)."""
        return _long_date(day, self.locale)

    def month(self, day: dt.date) -> str:
        return format_skeleton("yMMMM", day, locale=self.locale)


@cache
def _long_date(day: dt.date, locale: str) -> str:
    return format_date(day, format="long", locale=locale)


def available(docs_dir: Path) -> list[str]:
    folder = docs_dir / FOLDER
    return sorted(p.stem for p in folder.glob("*.yml")) if folder.is_dir() else []


def load(docs_dir: Path, language: str, overrides: Any = None, *, shown_docs: str = "docs",
         overrides_at: Any = None) -> Catalogue:
    """The catalogue for `language`, checked against the reference catalogue, with the overlay's
    `extra.strings` applied. `overrides_at(key)` gives (file, line) for a mistake in them."""
    known = available(docs_dir)
    if language not in known:
        raise ContentError(f"{shown_docs}/{FOLDER}/", f"there is no interface catalogue for the language '{language}'",
                           f"set `theme.language` to one of: {', '.join(known)}; or add {shown_docs}/{FOLDER}/"
                           f"{language}.yml, a copy of {REFERENCE}.yml with every string translated")
    reference = _read(docs_dir, REFERENCE, shown_docs)
    catalogue = reference if language == REFERENCE else _read(docs_dir, language, shown_docs)
    shown = f"{shown_docs}/{FOLDER}/{language}.yml"
    missing = [key for key in reference.strings if key not in catalogue.strings]
    extra = [key for key in catalogue.strings if key not in reference.strings]
    if missing:
        raise ContentError(shown, f"the catalogue has no string '{missing[0]}'" +
                           (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""),
                           f"translate it from {REFERENCE}.yml: `{missing[0]}: {reference.strings[missing[0]]}`",
                           key=missing[0])
    if extra:
        raise ContentError(shown, f"the catalogue has a string '{extra[0]}' that the site does not use",
                           did_you_mean(extra[0], reference.strings, "keys"), key=extra[0])
    for key, text in catalogue.strings.items():
        _same_fields(text, reference.strings[key], shown, key)
    strings = dict(catalogue.strings)
    if overrides:
        if not isinstance(overrides, dict):
            where = overrides_at("") if overrides_at else (None, None)
            raise ContentError(where[0] or "mkdocs.yml", "`extra.strings` must be a mapping of `key: text` lines",
                               "write each string to change as `checklist.print: Print this list`",
                               line=where[1], key="extra.strings")
        for key, text in overrides.items():
            where = overrides_at(str(key)) if overrides_at else ("mkdocs.yml", None)
            dotted = f"extra.strings.{key}"
            if key not in strings:
                raise ContentError(where[0], f"'{key}' is not a string of the interface",
                                   did_you_mean(str(key), strings, f"keys of {REFERENCE}.yml"),
                                   line=where[1], key=dotted)
            try:
                checked = safety.plain(text, where[0], key=dotted, what=f"`{dotted}`")
            except ContentError as exc:
                raise ContentError(where[0], exc.problem, exc.fix, line=where[1], key=dotted) from None
            _same_fields(checked, strings[key], where[0], dotted, line=where[1])
            strings[key] = checked
    return Catalogue(catalogue.language, catalogue.locale, strings)


def _same_fields(text: str, reference: str, shown: str, key: str, line: int | None = None) -> None:
    want, got = sorted(set(_FIELD.findall(reference))), sorted(set(_FIELD.findall(text)))
    if want != got:
        raise ContentError(shown, f"'{key}' must use the fields {', '.join('{' + f + '}' for f in want) or 'none'}"
                           f", not {', '.join('{' + f + '}' for f in got) or 'none'}",
                           "keep each word in braces exactly as the English string has it", line=line, key=key)


def _read(docs_dir: Path, language: str, shown_docs: str) -> Catalogue:
    shown = f"{shown_docs}/{FOLDER}/{language}.yml"
    text = yamlfile.read_text(docs_dir / FOLDER / f"{language}.yml", shown)
    data = yamlfile.load(text, shown)
    lines = yamlfile.Lines(text)
    if not isinstance(data, dict) or set(data) != {"language", "locale", "strings"}:
        raise ContentError(shown, "a catalogue holds `language:`, `locale:` and `strings:`, and nothing else",
                           f"start from a copy of {REFERENCE}.yml", line=1)
    if data["language"] != language:
        raise ContentError(shown, f"the file is for '{language}' but says `language: {data['language']}`",
                           f"write `language: {language}`", line=lines.find("language"), key="language")
    try:
        Locale.parse(str(data["locale"]))
    except (UnknownLocaleError, ValueError):
        raise ContentError(shown, f"'{data['locale']}' is not a locale Babel knows",
                           "write a locale such as en_GB, en_US or es_ES", line=lines.find("locale"),
                           key="locale") from None
    if not isinstance(data["strings"], dict):
        raise ContentError(shown, "`strings:` must be a mapping of `key: text` lines", "see en.yml",
                           line=lines.find("strings"), key="strings")
    strings = {str(key): safety.plain(value, shown, line=lambda key=key: lines.find("strings", key), key=str(key),
                                      what=f"the string '{key}'")
               for key, value in data["strings"].items()}
    return Catalogue(language, str(data["locale"]), strings)
