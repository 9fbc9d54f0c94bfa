"""Scenarios: the registry of readers' situations, its checks, and the cross-links it yields.

The registry is docs/_data/scenarios.yml. Guides name scenarios in their front matter. From
both, the hooks build a hub page per scenario, an "Advice for your situation" block on each
guide, and the finder page.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import safety, yamlfile
from .errors import ContentError, did_you_mean
from .fragments import Fragments
from .pages import guide_list
from .registry import SLUG
from .render import relative, render

SHOWN = "docs/_data/scenarios.yml"
FIELDS = ("id", "statement", "answer", "group", "templates", "checklists", "first", "also")
REQUIRED = ("id", "statement", "answer", "group")
HUB_DIR = "scenarios"
#: How many of a hub's guides its answer names as the ones it rests on (the first, in hub order).
BASED_ON = 3


@dataclass(frozen=True)
class Scenario:
    id: str
    statement: str
    answer: str
    group: str
    templates: tuple[str, ...] = ()
    checklists: tuple[str, ...] = ()
    first: str = ""  # the guide to read first (a docs path), listed first on the hub
    also: tuple[str, ...] = ()  # other ways readers say it, shown and matched by the finder
    lines: yamlfile.Lines | None = None  # of the registry, to report a mistake with a line
    index: int = 0  # the entry's place in the registry

    @property
    def line(self) -> int | None:
        return self.lines.at("scenarios", self.index) if self.lines else None

    @property
    def hub(self) -> str:
        """The hub page's path in the docs tree."""
        return f"{HUB_DIR}/{self.id}.md"

    @property
    def summary(self) -> str:
        """The answer's first sentence, for the hub's meta description."""
        first = self.answer.split(". ")[0].rstrip(".") + "."
        return first if len(first) <= 160 else first[:157].rstrip() + "..."


def load(path: Path, *, shown: str = SHOWN, templates: Iterable[str] = (),
         checklists: Iterable[str] = ()) -> list[Scenario]:
    """Read and check the registry. `templates` and `checklists` are the ids that exist."""
    if not path.is_file():
        raise ContentError(shown, "the scenario registry is missing",
                           "restore docs/_data/scenarios.yml from the repository")
    text = yamlfile.read_text(path, shown)
    data = yamlfile.load(text, shown)
    if not isinstance(data, dict) or not isinstance(data.get("scenarios"), list):
        raise ContentError(shown, "the registry must hold a list under `scenarios:`",
                           "start the file with `scenarios:` and list entries as `- id: ...`", line=1)
    templates, checklists = set(templates), set(checklists)
    lines = yamlfile.Lines(text)
    seen: dict[str, int] = {}
    found = []
    for index, entry in enumerate(data["scenarios"]):
        def where(key: str = "", index: int = index) -> int | None:
            """The line of `key` in this entry (or of the entry itself)."""
            return lines.at("scenarios", index, *([key] if key else []))

        if not isinstance(entry, dict):
            raise ContentError(shown, f"entry {index + 1} is not a mapping",
                               "write each scenario as `- id: ...` followed by its fields", line=where())
        ident = entry.get("id")
        label = f"scenario '{ident}'" if ident else f"entry {index + 1}"
        for key in entry:
            if key not in FIELDS:
                raise ContentError(shown, f"{label} has an unknown key '{key}'",
                                   did_you_mean(str(key), FIELDS, "keys"), line=where(str(key)),
                                   key=str(key))
        for key in REQUIRED:
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ContentError(shown, f"{label} has no {key}",
                                   _HOW[key], line=where(key), key=key)
        if not SLUG.match(ident):
            raise ContentError(shown, f"'{ident}' is not an id (lower-case words joined by hyphens)",
                               f"rename it, e.g. '{_slugify(ident)}'", line=where("id"), key="id")
        if ident in seen:
            raise ContentError(shown, f"the id '{ident}' is used twice (first on line {lines.at('scenarios', seen[ident], 'id')})",
                               "give each scenario its own id, or merge the two entries",
                               line=where("id"), key="id")
        seen[ident] = index
        related = {}
        for key, known, what in (("templates", templates, "message template ids (snippets/messages/)"),
                                 ("checklists", checklists, "checklist ids (docs/_data/checklists/)")):
            values = entry.get(key, [])
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ContentError(shown, f"'{key}' of scenario '{ident}' must be a list of ids",
                                   f"write one id per line under `{key}:`", line=where(key), key=key)
            for value in values:
                if value not in known:
                    raise ContentError(shown, f"scenario '{ident}' names an unknown {key[:-1]} '{value}'",
                                       did_you_mean(value, sorted(known), what), line=where(key),
                                       key=key)
            related[key] = tuple(values)
        first = entry.get("first")
        if first is not None and not (isinstance(first, str) and first.endswith(".md") and not first.startswith("/")):
            raise ContentError(shown, f"`first:` of scenario '{ident}' must be the docs path of a guide",
                               "write the path of one of its guides, e.g. `first: why/practice.md`",
                               line=where("first"), key="first")
        related["first"] = first or ""
        statement, group = (safety.plain(entry[key], shown, line=lambda key=key: where(key), key=key,
                                         what=f"the {key}")
                            for key in ("statement", "group"))
        answer = safety.plain(entry["answer"], shown, line=lambda: where("answer"), key="answer",
                              what="the answer")
        also = _also(entry.get("also", []), statement, shown, lambda n=None: where("also") if n is None
                     else lines.at("scenarios", index, "also", n), ident)
        found.append(Scenario(ident, statement, answer, group, also=also, lines=lines, index=index, **related))
    return found


def _also(values: Any, statement: str, shown: str, where: Callable[..., int | None], ident: str) -> tuple[str, ...]:
    """The other phrasings of a scenario (`also:`): a list of distinct sentences in the reader's
    words, none the same as the statement."""
    if not isinstance(values, list):
        raise ContentError(shown, f"'also' of scenario '{ident}' must be a list of sentences",
                           "write one sentence per line under `also:`, e.g. `- I have an interview tomorrow.`",
                           line=where(), key="also")
    found: list[str] = []
    for n, value in enumerate(values):
        text = safety.plain(value, shown, line=lambda n=n: where(n), key="also",
                            what=f"phrasing {n + 1} of scenario '{ident}'")
        if text.casefold() in {statement.casefold(), *(f.casefold() for f in found)}:
            raise ContentError(shown, f"scenario '{ident}' gives the phrasing '{text}' twice",
                               "remove the repeat: the statement and each phrasing must differ",
                               line=where(n), key="also")
        found.append(text)
    return tuple(found)


_HOW = {
    "id": "add `id:` with a short slug, e.g. `id: too-busy`",
    "statement": "add `statement:` in the reader's words, e.g. `statement: I'm too busy for interviews.`",
    "answer": "add `answer:` with two or three plain sentences",
    "group": "add `group:`, e.g. `group: Should I go?`",
}


def _slugify(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "my-scenario"


def without_hidden(scenarios: Sequence[Scenario], hide: Mapping[str, str | None], config_file: Path,
                   root: Path) -> list[Scenario]:
    """The registry without the situations a career office hides (`extra.brand.hide` names
    their hubs, scenarios/<id>.md); a name that is no hub is a mistake."""
    from .brand import origin

    hubs = {s.hub for s in scenarios}
    for name in hide:
        if name.startswith(f"{HUB_DIR}/") and name not in hubs:
            shown, line = origin(config_file, f"extra.brand.hide.{name}", root)
            raise ContentError(shown, f"'{name}' is not the hub of a scenario",
                               did_you_mean(name, sorted(hubs), "hubs"), line=line, key=f"extra.brand.hide.{name}")
    return [s for s in scenarios if s.hub not in hide]


def hidden_ids(hide: Mapping[str, str | None]) -> set[str]:
    """The ids of the situations a career office hides (their hubs, scenarios/<id>.md)."""
    return {name[len(HUB_DIR) + 1:-len(".md")] for name in hide if name.startswith(f"{HUB_DIR}/")}


def check_answers(scenarios: Sequence[Scenario], check: Callable[..., None]) -> None:
    """Each answer is Markdown: `check` renders it as the site does and refuses anything unsafe."""
    for scenario in scenarios:
        check(scenario.answer, SHOWN, key="answer",
              line=lambda s=scenario: s.lines.at("scenarios", s.index, "answer") if s.lines else None)


def check_guides(scenarios: Sequence[Scenario], guides: Sequence[GuideRef]) -> None:
    """Every scenario a guide names exists, and every scenario is named by some guide."""
    known = [s.id for s in scenarios]
    used: set[str] = set()
    for guide in guides:
        for ident in guide.scenarios:
            if ident not in known:
                raise ContentError(guide.shown, f"unknown scenario id '{ident}'",
                                   did_you_mean(ident, known, f"scenario ids ({SHOWN})"),
                                   line=guide.line(), key="scenarios")
            used.add(ident)
    for scenario in scenarios:
        if scenario.id not in used:
            raise ContentError(SHOWN, f"no guide refers to scenario '{scenario.id}'",
                               f"add `{scenario.id}` to the `scenarios:` of the guides that help with it, "
                               "or remove the entry", line=scenario.line, key=scenario.id)


def check_first(scenarios: Sequence[Scenario], index: Index, hidden: Iterable[str] = ()) -> None:
    """Each `first:` names a guide of its scenario. A guide a career office hides is skipped:
    its hub then starts with the first guide in site order."""
    hidden = set(hidden)
    for scenario in scenarios:
        if not scenario.first or scenario.first in hidden:
            continue
        guides = [g.src_uri for g in index.for_scenario(scenario.id)]
        if scenario.first not in guides:
            line = scenario.lines.at("scenarios", scenario.index, "first") if scenario.lines else None
            raise ContentError(SHOWN, f"`first:` of scenario '{scenario.id}' names '{scenario.first}', "
                               "which is not one of its guides",
                               did_you_mean(scenario.first, guides, f"guides that name '{scenario.id}'")
                               + f" (or add `{scenario.id}` to that guide's `scenarios:`)", line=line, key="first")


def hub_guides(scenario: Scenario, index: Index) -> list[GuideRef]:
    """A hub's guides: its `first:` guide, then the others in site order."""
    guides = index.for_scenario(scenario.id)
    return sorted(guides, key=lambda g: g.src_uri != scenario.first)  # stable: the rest keep site order


def is_hub(src_uri: str) -> bool:
    """Whether a docs path is a scenario's hub (scenarios/<id>.md, not the finder)."""
    folder, _, name = src_uri.rpartition("/")
    return folder == HUB_DIR and name != "index.md"


def site_order(nav: Any, pages: Iterable[str]) -> dict[str, int]:
    """Docs paths in the order the configured `nav` lists them, or in `pages` order without one."""
    found: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav or list(pages))
    return {uri: n for n, uri in enumerate(found)}


@dataclass(frozen=True)
class GuideRef:
    """What the scenario logic needs to know about a guide."""

    src_uri: str
    title: str
    description: str
    scenarios: tuple[str, ...]
    shown: str = ""
    #: Finds the line of `scenarios:` in the file; called only to report a mistake.
    line: Callable[[], int | None] = lambda: None


@dataclass
class Index:
    """Guides by scenario, in site order, with a ranking of related guides.

    `related()` must stay cheap on large sites. Each guide is filed under every subset of its
    scenarios (a guide has only a few), keeping the first few guides of each subset in site
    order. The guides that share the most scenarios with a page are then found by looking up
    the subsets of the page's own scenarios, largest first: the work per page does not grow
    with the number of pages.
    """

    guides: list[GuideRef]
    by_scenario: dict[str, list[int]] = field(default_factory=dict)
    _subsets: dict[frozenset[str], list[int]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)

    KEEP = 8  # per subset: enough to skip the page itself and the guides already chosen

    @classmethod
    def build(cls, guides: Sequence[GuideRef]) -> Index:
        index = cls(list(guides))
        for number, guide in enumerate(index.guides):
            index.position[guide.src_uri] = number
            for ident in guide.scenarios:
                index.by_scenario.setdefault(ident, []).append(number)
            own = sorted(set(guide.scenarios))
            for size in range(1, min(len(own), 6) + 1):
                for subset in itertools.combinations(own, size):
                    kept = index._subsets.setdefault(frozenset(subset), [])
                    if len(kept) < cls.KEEP:
                        kept.append(number)
        return index

    def for_scenario(self, ident: str) -> list[GuideRef]:
        return [self.guides[n] for n in self.by_scenario.get(ident, [])]

    def related(self, src_uri: str, ident: str | None = None, limit: int = 3) -> list[GuideRef]:
        """Up to `limit` other guides (in scenario `ident`, or in any of the page's scenarios)
        that share the most scenarios with the page; ties go to site order. Exact for a `limit`
        below KEEP: a guide left out of a subset's list has KEEP guides before it that share as
        much with the page."""
        me = self.position[src_uri]
        own = sorted(set(self.guides[me].scenarios) - {ident})
        if len(own) > (5 if ident else 6):  # more than the subsets hold: count them (rare)
            return self._counted(me, ident, limit)
        fixed = (ident,) if ident else ()
        chosen: list[int] = []
        for size in range(len(own), -1 if ident else 0, -1):
            tier: set[int] = set()
            for rest in itertools.combinations(own, size):
                tier.update(self._subsets.get(frozenset((*fixed, *rest)), ()))
            for number in sorted(tier - {me} - set(chosen)):
                chosen.append(number)
                if len(chosen) == limit:
                    return [self.guides[n] for n in chosen]
        return [self.guides[n] for n in chosen]


    def _counted(self, me: int, ident: str | None, limit: int) -> list[GuideRef]:
        """`related()` by counting each guide's shared scenarios: exact for any number of them."""
        from collections import Counter

        mine = set(self.guides[me].scenarios)
        shared = Counter(n for i in mine for n in self.by_scenario.get(i, ()))
        pool = set(self.by_scenario.get(ident, ())) if ident else set(shared)
        ranked = sorted(pool - {me}, key=lambda n: (-shared[n], n))
        return [self.guides[n] for n in ranked[:limit]]


def groups(scenarios: Sequence[Scenario]) -> list[tuple[str, list[Scenario]]]:
    """Scenarios by group, groups in order of first appearance in the registry."""
    out: dict[str, list[Scenario]] = {}
    for scenario in scenarios:
        out.setdefault(scenario.group, []).append(scenario)
    return list(out.items())


def nav_with_hubs(nav: list[Any] | None, scenarios: Sequence[Scenario], finder: str) -> list[Any] | None:
    """The configured nav with the hubs added after the finder page, one sub-section per group
    (so a pruned navigation shows them only to readers inside that section)."""
    if not nav:
        return nav
    hubs = [{group: [{s.statement: s.hub} for s in items]} for group, items in groups(scenarios)]

    def walk(items: list[Any]) -> list[Any]:
        out = []
        for item in items:
            if isinstance(item, dict) and len(item) == 1:
                (title, value), = item.items()
                if value == finder:
                    out.append({title: [finder, *hubs]})
                    continue
                if isinstance(value, list):
                    item = {title: walk(value)}
            elif item == finder:
                out.append([finder, *hubs])
                continue
            out.append(item)
        return out

    return walk(nav)


# ---- rendering data (the Markdown itself comes from templates in hooks/templates/) ----

def hub_markdown(scenario: Scenario, index: Index, *, template_titles: dict[str, str],
                 checklist_titles: dict[str, str], templates_page: str, checklists_page: str,
                 finder: str, fragments: Fragments) -> str:
    hub = scenario.hub
    guides = hub_guides(scenario, index)
    return render(
        "scenario-hub.md.j2", scenario=scenario, finder=relative(hub, finder),
        guide_list=guide_list(hub, guides, fragments, start=True),
        based_on=fragments.add(render("hub-based-on.html.j2",
                                      based_on=[(relative(hub, g.src_uri), g.title) for g in guides[:BASED_ON]])),
        templates=[(f"{relative(hub, templates_page)}#{t}", template_titles.get(t, t))
                   for t in scenario.templates],
        checklists=[(f"{relative(hub, checklists_page)}#{c}", checklist_titles.get(c, c))
                    for c in scenario.checklists])


def advice(src_uri: str, by_id: dict[str, Scenario], index: Index,
           limit: int = 6) -> tuple[list[Scenario], list[GuideRef]]:
    """The "Advice for your situation" block of one guide: its scenarios (their hubs), and up to
    `limit` other guides to read next, those that share the most scenarios with it first."""
    if src_uri not in index.position:
        return [], []
    mine = index.guides[index.position[src_uri]].scenarios
    return [by_id[i] for i in mine if i in by_id], index.related(src_uri, None, limit)


def finder_markdown(src_uri: str, scenarios: Sequence[Scenario], *, same: Sequence[Sequence[str]] = (),
                    aid: str | None = None) -> str:
    """The finder: the scenarios by group, with the word groups of docs/_data/search.yml (`same`)
    for its filter as JSON, and, when nothing matches, a link to the decision aid (`aid`, a
    docs path with its anchor) and to the site's search."""
    import json

    return render("scenario-finder.md.j2", groups=[
        (group, [(relative(src_uri, s.hub), s) for s in items]) for group, items in groups(scenarios)],
        same=json.dumps([list(g) for g in same], ensure_ascii=False),
        aid=relative(src_uri, aid.split("#")[0]) + "#" + aid.split("#")[1] if aid else None)
