"""The bad-input table: each contributor mistake stops the strict build with one message that
names the file, the line (or key) and the fix, and never a traceback.

Every case edits the small fixture site (tests/fixture/), so that the table does not depend on
today's guides. Front matter of docs/why/alpha.md, by line: 1 `---`, 2 title, 3 description,
4 scenarios, 5-6 its ids, 7 reviewed, 8 sources, 9 its id, 10 `---`; the body starts on line 12.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from conftest import Project

ALPHA = "docs/why/alpha.md"
SCEN, CHECK, SOURCES = "docs/_data/scenarios.yml", "docs/_data/checklists/fixture-list.yml", "docs/_data/sources.yml"
PARAGRAPH = "The alpha guide. It exists for the tests."
WORDS = "docs/_data/search.yml"


def edit(path: str, old: str, new: str) -> Callable[[Project], None]:
    return lambda project: project.edit(path, old, new)


def write(path: str, text: str | bytes) -> Callable[[Project], None]:
    def run(project: Project) -> None:
        target = project.path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text) if isinstance(text, bytes) else target.write_text(text, encoding="utf-8")
    return run


def in_body(markdown: str) -> Callable[[Project], None]:
    """Markdown added to alpha's body, from line 14."""
    return edit(ALPHA, PARAGRAPH, markdown + "\n\n" + PARAGRAPH)


@dataclass(frozen=True)
class Case:
    id: str
    change: Callable[[Project], None]
    expected: tuple[str, ...]


CASES = [
    # front matter
    Case("yaml-syntax", edit(ALPHA, "title: Alpha guide", "title: [Alpha guide"), (f"{ALPHA}:3:", "not valid YAML")),
    Case("yaml-colon", edit(ALPHA, "title: Alpha guide", "title: Alpha: guide"), (f"{ALPHA}:2:", "not valid YAML")),
    Case("not-closed", edit(ALPHA, "fixture-source\n---", "fixture-source\n"), (f"{ALPHA}:1:", "not closed")),
    Case("missing-key", edit(ALPHA, "reviewed: 2026-01-02\n", ""), (f"{ALPHA}:1 [reviewed]", "missing required key")),
    Case("unknown-key", edit(ALPHA, "scenarios:", "senarios:"), (f"{ALPHA}:4 [senarios]", "did you mean 'scenarios'?")),
    Case("duplicate-key", edit(ALPHA, "description:", "title: Again\ndescription:"),
         (f"{ALPHA}:3:", "the key 'title' is given twice", "first is on line 2")),
    Case("wrong-type", edit(ALPHA, "scenarios:\n  - one\n  - two", "scenarios: one"),
         (f"{ALPHA}:4 [scenarios]", "must be a list, not text")),
    Case("blank-description", edit(ALPHA, "description: The alpha guide, for tests.", 'description: "   "'),
         (f"{ALPHA}:3 [description]", "is blank")),
    Case("long-description", edit(ALPHA, "description: The alpha guide, for tests.", "description: " + "Long. " * 30),
         (f"{ALPHA}:3 [description]", "the limit is 160")),
    Case("control-character", edit(ALPHA, "title: Alpha guide", 'title: "Alpha\\a guide"'),
         (f"{ALPHA}:2 [title]", "control character U+0007")),
    Case("bad-date", edit(ALPHA, "reviewed: 2026-01-02", "reviewed: 2026-13-45"),
         (f"{ALPHA}:7 [reviewed]", "not a date in the form YYYY-MM-DD")),
    Case("future-date", edit(ALPHA, "reviewed: 2026-01-02", "reviewed: 2999-01-01"),
         (f"{ALPHA}:7 [reviewed]", "is in the future")),
    Case("unknown-source", edit(ALPHA, "  - fixture-source", "  - fixture-sauce"),
         (f"{ALPHA}:8 [sources]", "did you mean 'fixture-source'?")),
    Case("unknown-scenario", edit(ALPHA, "  - two", "  - tow"), (f"{ALPHA}:4 [scenarios]", "did you mean 'two'?")),
    Case("questions-text", edit(ALPHA, "sources:", "questions: how do i\nsources:"),
         (f"{ALPHA}:8 [questions]", "must be a list")),
    Case("questions-not-text", edit(ALPHA, "sources:", "questions:\n  - [how, do, i]\nsources:"),
         (f"{ALPHA}:8 [questions]", "must be text")),
    Case("questions-repeated", edit(ALPHA, "sources:", "questions:\n  - can i go\n  - can i go\nsources:"),
         (f"{ALPHA}:8 [questions]", "repeat")),
    Case("unknown-template", edit(ALPHA, "sources:", "template: nowhere.html\nsources:"),
         (f"{ALPHA} [template]", "the template 'nowhere.html' does not exist")),
    Case("unknown-icon", edit(ALPHA, "sources:", "icon: material/no-such-icon\nsources:"),
         (f"{ALPHA} [icon]", "the icon 'material/no-such-icon' does not exist")),
    # files
    Case("not-utf8-guide", write(ALPHA, b"---\ntitle: Alpha\n---\n\n## In short\n\nCaf\xe9 au lait.\n"),
         (f"{ALPHA}:7:", "not UTF-8 text", "save the file as UTF-8")),
    Case("not-utf8-data", write(SCEN, b"scenarios:\n  - id: one\n    statement: Caf\xe9\n"),
         (f"{SCEN}:3:", "not UTF-8 text")),
    Case("not-utf8-stylesheet", write("docs/assets/css/site.css", b"/* caf\xe9 */\n"),
         ("docs/assets/css/site.css:1:", "not UTF-8 text")),
    Case("too-large", write("docs/why/gamma.md", (ALPHA and "---\ntitle: G\n---\n\n") + "word " * 30_000),
         ("docs/why/gamma.md:", "the limit is 100 KB", "split it")),
    Case("shadowed-page", write("docs/why/alpha/index.md", "---\ntitle: Shadow\n---\n\nA page.\n"),
         ("docs/why/alpha/index.md", "docs/why/alpha.md", "both publish to 'why/alpha/index.html'")),
    # Markdown in pages
    Case("missing-snippet", in_body('```text\n--8<-- "messages/decline-ofer.txt"\n```'),
         (f"{ALPHA}:15:", "snippet 'messages/decline-ofer.txt' does not exist", "did you mean 'messages/decline-offer.txt'?")),
    Case("snippet-outside", in_body('```text\n--8<-- "../site.yml"\n```'),
         (f"{ALPHA}:15:", "leads outside snippets/")),
    Case("snippet-not-utf8", lambda p: (write("snippets/bad.txt", b"caf\xe9")(p), in_body('--8<-- "bad.txt"')(p)),
         (f"{ALPHA}:14:", "cannot be included", "not UTF-8", "(snippets/bad.txt:1)")),
    Case("broken-link", in_body("See [delta](../stages/delt.md)."),
         (f"{ALPHA}:14:", "goes to a page that does not exist", "did you mean '../stages/delta.md'?")),
    Case("broken-anchor", in_body("See [delta](../stages/delta.md#in-shrt)."),
         (f"{ALPHA}:14:", "a heading '#in-shrt'", "did you mean '#in-short'?")),
    Case("absolute-link", in_body("See [delta](/stages/delta.md)."), (f"{ALPHA}:14:", "absolute path")),
    Case("unknown-directive", edit("docs/why/index.md", "<!-- kb:guides -->", "<!-- kb:guide -->"),
         ("docs/why/index.md:8:", "unknown directive 'kb:guide'", "did you mean 'guides'?")),
    Case("unknown-checklist", edit("docs/why/index.md", "kb:checklist fixture-list", "kb:checklist fixture-lst"),
         ("docs/why/index.md:10:", "unknown checklist id 'fixture-lst'", "did you mean 'fixture-list'?")),
    Case("unsafe-markdown", in_body("[x](javascript:alert(1))"), (f"{ALPHA}:14:", "'javascript:'")),
    # checklists
    Case("duplicate-item", edit(CHECK, "id: second-item", "id: first-item"),
         (f"{CHECK}:8 [id]", "used twice in this checklist")),
    Case("item-without-text", edit(CHECK, "    text: The first item.\n", ""), (f"{CHECK}:5 [text]", "has no 'text'")),
    Case("checklist-unknown-key", edit(CHECK, "    why: why/alpha.md", "    wyh: why/alpha.md"),
         (f"{CHECK}:7 [wyh]", "did you mean 'why'?")),
    Case("checklist-why-missing", edit(CHECK, "    why: why/alpha.md", "    why: why/alpa.md"),
         (f"{CHECK}:7 [why]", "did you mean 'why/alpha.md'?")),
    Case("checklist-blank-title", edit(CHECK, "title: A fixture checklist", 'title: " "'), (f"{CHECK}:2 [title]", "blank")),
    # scenarios
    Case("duplicate-scenario", edit(SCEN, "  - id: two", "  - id: one"), (f"{SCEN}:10 [id]", "used twice")),
    Case("scenario-unknown-key", edit(SCEN, "    group: Second group", "    grup: Second group"),
         (f"{SCEN}:14 [grup]", "unknown key 'grup'", "did you mean 'group'?")),
    Case("scenario-no-statement", edit(SCEN, "    statement: I am in the second situation.\n", ""),
         (f"{SCEN}:10 [statement]", "has no statement")),
    Case("scenario-yaml-duplicate", edit(SCEN, "    group: Second group", "    group: Second group\n    group: Again"),
         (f"{SCEN}:15:", "given twice")),
    Case("scenario-not-slug", edit(SCEN, "  - id: two", "  - id: Two Things"), (f"{SCEN}:10 [id]", "is not an id")),
    Case("scenario-without-guides", edit(SCEN, "    group: Second group", "    group: Second group\n\n"
                                         "  - id: lonely\n    statement: Nobody.\n    answer: An answer.\n    group: X"),
         (f"{SCEN}:16 [lonely]", "no guide refers to scenario 'lonely'")),
    # sources
    Case("source-http", edit(SOURCES, "url: https://example.org/source", "url: http://example.org/source"),
         (f"{SOURCES}:7 [url]", "not an https:// address")),
    Case("source-official-no-url", edit(SOURCES, "    kind: practitioner\n    url: https://example.org/source\n",
                                        "    kind: official\n"),
         (f"{SOURCES}:2 [url]", "official guidance but has no `url:`")),
    Case("source-unknown-key", edit(SOURCES, "    kind: practitioner", "    kind: practitioner\n    publised: 2020"),
         (f"{SOURCES}:7 [publised]", "unknown key 'publised'", "did you mean")),
    Case("source-duplicate-id", edit(SOURCES, "    note: A source that exists only for the tests.",
                                     "    note: x.\n  fixture-source:\n    title: Again"),
         (f"{SOURCES}:9:", "the key 'fixture-source' is given twice")),
    # the search's word groups
    Case("search-words-one", write(WORDS, "en:\n  same:\n    - [cv]\n"),
         (f"{WORDS}:3 [en.same[0]]", "two or more words")),
    Case("search-words-case", write(WORDS, "en:\n  same:\n    - [CV, résumé]\n"),
         (f"{WORDS}:3 [en.same[0]]", "'CV' is not a lower-case word", "e-mail is `e mail`")),
    Case("search-words-flat", write(WORDS, "en: [cv, resume]\n"), (f"{WORDS}:1 [en]", "must hold `same:`")),
    Case("search-words-ignore", write(WORDS, "en:\n  ignore: [job, long phrase]\n"),
         (f"{WORDS}:2 [en.ignore[1]]", "is not one lower-case word")),
    Case("search-words-duplicate", write(WORDS, "en:\n  same: []\n  same: []\n"), (f"{WORDS}:3:", "given twice")),
    # templates and config
    Case("template-unknown-field", edit("snippets/messages/decline-offer.txt", "Dear [Name],", "Dear [Nmae],"),
         ("snippets/messages/decline-offer.txt:3 [Nmae]", "did you mean '[Name]'?")),
    Case("config-duplicate-key", edit("site.yml", "site_name: Fixture Site", "site_name: Fixture Site\nsite_name: Again"),
         ("site.yml:6:", "the key 'site_name' is given twice")),
    Case("config-control-character", edit("site.yml", "site_name: Fixture Site", 'site_name: "Fixture\\x07 Site"'),
         ("site.yml:5 [site_name]", "control character")),
]


def test_the_table_is_complete() -> None:
    assert len(CASES) >= 40 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_stops_the_build_with_file_line_and_fix(small: Project, case: Case) -> None:
    case.change(small)
    text = small.fails(*case.expected, "Fix:")
    assert text.count("Fix:") == 1, f"one message, with one fix:\n{text}"


def test_the_command_line_build_fails_cleanly(small: Project) -> None:
    """The contributor's own command: exit code non-zero, one message, no traceback."""
    small.edit(ALPHA, "scenarios:", "senarios:")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "site.yml",
                          "-d", str(small.out)], cwd=small.root, capture_output=True, text=True, env=env)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    errors = [line for line in run.stderr.splitlines() if "senarios" in line]
    assert len(errors) == 1 and "did you mean 'scenarios'?" in errors[0], run.stderr
