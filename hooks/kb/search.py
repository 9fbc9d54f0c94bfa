"""How much each kind of page weighs in the site's search (Material's `search: boost:`).

A reader who searches wants the guide that answers the question. Pages that only list other
pages (section pages, the finder), the situation hubs, whose titles are the readers' own
sentences, and the pages about the project itself weigh less, so that they do not crowd out the
guides they point to. A page's own `search:` front matter wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import yamlfile
from .errors import ContentError
from .frontmatter import is_guide

#: Weights by kind of page; a guide weighs 1.
HUB, LIST, ABOUT = 0.7, 0.5, 0.3
#: Section pages that are tools a reader uses, not lists: they weigh as much as a guide.
TOOLS = frozenset({"checklists/index.md"})


def weight(src_uri: str) -> float | None:
    """The search boost for a page, or None for the default (a guide's)."""
    if is_guide(src_uri):
        return None
    if src_uri.startswith("scenarios/") and src_uri != "scenarios/index.md":
        return HUB
    if src_uri.startswith("about/"):
        return ABOUT
    if src_uri.endswith("index.md") and src_uri not in TOOLS:
        return LIST
    return None


# -- the reader's words -----------------------------------------------------------------------

#: The word groups (docs/_data/search.yml) and the worker script that reads queries with them.
WORDS = "_data/search.yml"
QUERY_SCRIPT = Path(__file__).resolve().parent.parent / "assets" / "search-query.js"
#: Material's search worker, which the site's version replaces at the same address.
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
_WORD = re.compile(r"[^\W_]+")
_MEMBER = re.compile(r"[^\W_]+(?: [^\W_]+)*")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def load_words(docs_dir: Path, shown_docs: str = "docs") -> dict[str, dict[str, Any]]:
    """The reader's words by language, checked: each language code maps to `same:`, a list of
    groups of two or more lower-case words or phrases that mean the same, and `ignore:`, a list
    of words too common on the site to tell its pages apart."""
    path = docs_dir / WORDS
    if not path.is_file():
        return {}
    shown = f"{shown_docs}/{WORDS}"
    text = yamlfile.read_text(path, shown)
    data = yamlfile.load(text, shown)
    lines = yamlfile.Lines(text)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError(shown, "the file must map a language code (en) to its words",
                           "start the file with `en:` and put `same:` and `ignore:` under it", line=1)
    words: dict[str, dict[str, Any]] = {}
    for language, entry in data.items():
        if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
            raise ContentError(shown, f"'{language}' is not a language code", "write a code such as en or es",
                               line=lines.at(language), key=str(language))
        if not isinstance(entry, dict) or set(entry) - {"same", "ignore"}:
            raise ContentError(shown, f"`{language}:` must hold `same:` (word groups) and `ignore:` (words)",
                               "indent `same:` and `ignore:` under the language code, and nothing else",
                               line=lines.at(language), key=language)
        same, ignore = entry.get("same") or [], entry.get("ignore") or []
        fix = "write each group as a list of two or more words that mean the same, e.g. `- [cv, résumé]`"
        if not isinstance(same, list):
            raise ContentError(shown, "`same:` must be a list of word groups", fix,
                               line=lines.at(language, "same"), key=f"{language}.same")
        for n, group in enumerate(same):
            where = {"line": lines.at(language, "same", n), "key": f"{language}.same[{n}]"}
            if not isinstance(group, list) or len(group) < 2:
                raise ContentError(shown, "a word group must be a list of two or more words", fix, **where)
            for member in group:
                _check_word(member, shown, where, phrase=True)
        if not isinstance(ignore, list):
            raise ContentError(shown, "`ignore:` must be a list of words", "write it as `ignore: [job, jobs]`",
                               line=lines.at(language, "ignore"), key=f"{language}.ignore")
        for n, word in enumerate(ignore):
            _check_word(word, shown, {"line": lines.at(language, "ignore", n), "key": f"{language}.ignore[{n}]"},
                        phrase=False)
        words[language] = {"same": [list(g) for g in same], "ignore": list(ignore)}
    return words


def _check_word(word: Any, shown: str, where: dict[str, Any], *, phrase: bool) -> None:
    pattern = _MEMBER if phrase else _WORD
    if not isinstance(word, str) or word != word.lower() or not pattern.fullmatch(word):
        what = "a lower-case word or phrase" if phrase else "one lower-case word"
        raise ContentError(shown, f"{word!r} is not {what}",
                           "write words in lower case, letters and digits only"
                           + (", one space between the words of a phrase (e-mail is `e mail`)" if phrase else ""),
                           **where)


def worker(material: str, words: Mapping[str, Any]) -> str:
    """Material's search worker with the site's query reading in front (hooks/assets/search-query.js).
    The word groups are checked data, written as JSON."""
    data = json.dumps(words, ensure_ascii=True)
    return (f"self.__tti_words = {data};\n" + QUERY_SCRIPT.read_text(encoding="utf-8") + "\n" + material)
