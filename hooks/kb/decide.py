"""The "Should I go?" decision aid: docs/_data/decide.yml, checked, and rendered into a page.

A page embeds it with the line `<!-- kb:decision-aid -->` (the home page does). Each question
has two to four answers; each answer says what it means for the reader (a reason to go, a
reason to stop, or neither), why, and which scenarios and guides help. Without JavaScript the
aid is a list of the questions whose answers link to their advice; docs/assets/js/decide.js
turns it into a form that ends in a summary. It stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import safety, yamlfile
from .errors import ContentError, did_you_mean

FILE = "_data/decide.yml"
#: Where the finder sends a reader whose words match no situation: the aid on the home page.
HOME = "index.md#should-i-go"
MEANINGS = ("go", "stop", "neutral")
MIN_ANSWERS, MAX_ANSWERS = 2, 4
MAX_QUESTIONS = 8
TOP_KEYS = ("questions",)
QUESTION_KEYS = ("question", "answers")
ANSWER_KEYS = ("answer", "means", "why", "next", "scenarios", "guides")
_HOW = {
    "questions": "start the file with `questions:` and list each one as `- question: ...` with its `answers:`",
    "question": "add `question:` with one short question, e.g. `question: Do you know the job is real?`",
    "answers": f"add `answers:` with {MIN_ANSWERS} to {MAX_ANSWERS} entries, each `- answer: ...` "
               "with `means:`, `why:` and links",
    "answer": "add `answer:` with the reader's reply in a few words, e.g. `answer: Yes, I have checked.`",
    "means": "add `means:` with one of go, stop or neutral",
    "why": "add `why:` with one short sentence of reasoning",
    "next": "write `next:` as one short sentence: what the reader could do next",
    "scenarios": "list scenario ids under `scenarios:`, one per line, e.g. `- is-this-job-real`",
    "guides": "list docs paths under `guides:`, one per line, e.g. `- before/is-this-job-real.md`",
}


@dataclass(frozen=True)
class Answer:
    text: str
    means: str
    why: str
    next: str | None
    scenarios: tuple[str, ...]
    guides: tuple[str, ...]  # docs paths, each maybe with #anchor
    index: int


@dataclass(frozen=True)
class Question:
    text: str
    answers: tuple[Answer, ...]
    index: int


@dataclass(frozen=True)
class Aid:
    questions: tuple[Question, ...]
    shown: str
    lines: yamlfile.Lines


def load(path: Path, shown: str, *, scenarios: Iterable[str]) -> Aid | None:
    """Read and check the decision aid's data file, or None when there is none. `scenarios`
    are the scenario ids that exist; the guides are checked later (`check_links`)."""
    if not path.is_file():
        return None
    text = yamlfile.read_text(path, shown)
    data = yamlfile.load(text, shown)
    lines = yamlfile.Lines(text)
    known = list(scenarios)

    def fail(problem: str, fix: str, *where: Any, key: str | None = None) -> ContentError:
        return ContentError(shown, problem, fix, line=lines.at(*where) if where else 1, key=key)

    if not isinstance(data, dict):
        raise fail("the file must hold `questions:`", _HOW["questions"])
    for key in data:
        if key not in TOP_KEYS:
            raise fail(f"unknown key '{key}'", did_you_mean(str(key), TOP_KEYS, "keys"), key, key=str(key))
    items = data.get("questions")
    if not isinstance(items, list) or not items:
        raise fail("there are no questions", _HOW["questions"], "questions", key="questions")
    if len(items) > MAX_QUESTIONS:
        raise fail(f"there are {len(items)} questions; the most is {MAX_QUESTIONS}",
                   "keep the questions that matter most: a short aid gets finished", "questions",
                   key="questions")
    questions = []
    for q, item in enumerate(items):
        at: tuple[Any, ...] = ("questions", q)
        label = f"question {q + 1}"
        if not isinstance(item, dict):
            raise fail(f"{label} is not a mapping", _HOW["question"], *at)
        for key in item:
            if key not in QUESTION_KEYS:
                raise fail(f"{label} has an unknown key '{key}'", did_you_mean(str(key), QUESTION_KEYS, "keys"),
                           *at, key, key=str(key))
        if "question" not in item:
            raise fail(f"{label} has no 'question'", _HOW["question"], *at, key="question")
        text = safety.plain(item["question"], shown, line=lambda at=at: lines.at(*at, "question"),
                            key="question", what=f"the text of {label}")
        answers = item.get("answers")
        if not isinstance(answers, list) or len(answers) < MIN_ANSWERS:
            count = len(answers) if isinstance(answers, list) else 0
            problem = f"{label} has no answers" if not count else f"{label} has only {count} answer"
            raise fail(problem, _HOW["answers"], *at, *(("answers",) if "answers" in item else ()), key="answers")
        if len(answers) > MAX_ANSWERS:
            raise fail(f"{label} has {len(answers)} answers; the most is {MAX_ANSWERS}",
                       "merge the answers that lead to the same advice", *at, "answers", key="answers")
        questions.append(Question(text, tuple(_answer(a, n, label, shown, lines, (*at, "answers", n), known)
                                              for n, a in enumerate(answers)), q))
    return Aid(tuple(questions), shown, lines)


def _answer(item: Any, n: int, question: str, shown: str, lines: yamlfile.Lines, at: tuple[Any, ...],
            known: Sequence[str]) -> Answer:
    label = f"answer {n + 1} of {question}"

    def fail(problem: str, key: str | None, fix: str | None = None) -> ContentError:
        return ContentError(shown, problem, fix or _HOW.get(key or "answer", ""),
                            line=lines.at(*at, *([key] if key else [])), key=key)

    if not isinstance(item, dict):
        raise fail(f"{label} is not a mapping", None)
    for key in item:
        if key not in ANSWER_KEYS:
            raise fail(f"{label} has an unknown key '{key}'", str(key), did_you_mean(str(key), ANSWER_KEYS, "keys"))
    for key in ("answer", "means", "why"):
        if key not in item:
            raise fail(f"{label} has no '{key}'", key)
    if item["means"] not in MEANINGS:
        raise fail(f"{label} means '{item['means']}', which the aid does not know", "means",
                   did_you_mean(str(item["means"]), MEANINGS, "meanings (a reason to go, to stop, or neither)"))
    text, why = (safety.plain(item[key], shown, line=lambda key=key: lines.at(*at, key), key=key,
                              what=f"the {key} of {label}") for key in ("answer", "why"))
    after = (safety.plain(item["next"], shown, line=lambda: lines.at(*at, "next"), key="next",
                          what=f"the next step of {label}") if "next" in item else None)
    links: dict[str, tuple[str, ...]] = {}
    for key in ("scenarios", "guides"):
        values = item.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise fail(f"'{key}' of {label} must be a list", key)
        links[key] = tuple(values)
    for ident in links["scenarios"]:
        if ident not in known:
            raise fail(f"{label} names an unknown scenario '{ident}'", "scenarios",
                       did_you_mean(ident, known, "scenario ids (docs/_data/scenarios.yml)"))
    if not links["scenarios"] and not links["guides"]:
        raise fail(f"{label} links to no advice", None,
                   "add `scenarios:` or `guides:` (or both), so that the reader can read on")
    return Answer(text, item["means"], why, after, links["scenarios"], links["guides"], n)


def check_links(aid: Aid | None, pages: Iterable[str]) -> None:
    """Every guide an answer names is a page of the site."""
    if aid is None:
        return
    pages = list(pages)
    for question in aid.questions:
        for answer in question.answers:
            for n, guide in enumerate(answer.guides):
                if guide.split("#")[0] not in pages:
                    raise ContentError(
                        aid.shown, f"answer {answer.index + 1} of question {question.index + 1} links to "
                        f"'{guide}', which is not a page of the site",
                        did_you_mean(guide, pages, "pages (docs paths such as why/practice.md)"),
                        line=aid.lines.at("questions", question.index, "answers", answer.index, "guides", n),
                        key="guides")


def markdown(aid: Aid | None, src_uri: str, *, scenario_titles: Mapping[str, tuple[str, str]],
             guide_titles: Callable[[str], str]) -> str:
    """The markup for `<!-- kb:decision-aid -->` on page `src_uri` (hooks/templates/decision-aid.md.j2).
    `scenario_titles` maps a scenario id to (its hub's docs path, its statement)."""
    from .render import relative, render

    if aid is None:
        raise ContentError("", f"the page uses the decision aid, but docs/{FILE} is missing",
                           f"restore docs/{FILE} from the repository, or remove the line")

    def link(target: str) -> str:
        path, _, anchor = target.partition("#")
        return relative(src_uri, path) + (f"#{anchor}" if anchor else "")

    questions = [(q, [(a, [(link(scenario_titles[s][0]), scenario_titles[s][1]) for s in a.scenarios]
                       + [(link(g), guide_titles(g.split("#")[0])) for g in a.guides])
                      for a in q.answers])
                 for q in aid.questions]
    return render("decision-aid.md.j2", questions=questions)


def page_markdown(site: Any, src_uri: str) -> str:
    """The aid for a page of this build (`site` is the build model, kb.state.Site): scenario
    links go to their hubs, guide links carry the guide's title, and what a career office hides
    is left out (a hidden guide's replacement, if it names one, takes its place)."""
    hubs = {s.id: (s.hub, s.statement) for s in site.scenarios}
    hide = site.brand.hide
    aid = site.decide
    if aid is not None:
        aid = Aid(tuple(Question(q.text, tuple(
            Answer(a.text, a.means, a.why, a.next, tuple(s for s in a.scenarios if s in hubs),
                   tuple(dict.fromkeys(g if g.split("#")[0] not in hide else hide[g.split("#")[0]]
                                       for g in a.guides if g.split("#")[0] not in hide or hide[g.split("#")[0]])),
                   a.index) for a in q.answers), q.index) for q in aid.questions), aid.shown, aid.lines)

    def title(uri: str) -> str:
        fm = site.metas.get(uri)
        return str(fm.meta.get("title") or uri) if fm else uri

    return markdown(aid, src_uri, scenario_titles=hubs, guide_titles=title)
