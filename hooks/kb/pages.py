"""Page-level additions: the data behind each guide's footer, and page directives.

Directives are HTML comments on a line of their own, so that a page still reads well where
they are not expanded: `<!-- kb:guides -->` lists the guides of the page's section.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import ContentError, did_you_mean
from .fragments import Fragments
from .render import relative, render
from .sources import DATE, Source
from .strings import Catalogue

DIRECTIVE = re.compile(r"^<!--\s*kb:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->\s*$", re.MULTILINE)
#: A directive renderer: (page's docs path, the directive's arguments) -> Markdown.
Directive = Callable[[str, str], str]


@dataclass(frozen=True)
class Guide:
    src_uri: str
    title: str
    description: str


def guide_sources(meta: dict[str, Any], sources: Mapping[str, Source]) -> list[Source]:
    """The sources a guide cites, in its order."""
    return [sources[s] for s in meta.get("sources", [])]


def sources_markdown(src_uri: str, sources: Mapping[str, Source], metas: Mapping[str, Any],
                     catalogue: Catalogue) -> str:
    """The Sources page: every source by kind, with its link, its date and the guides that cite it."""
    from .sources import KINDS

    citing: dict[str, list[tuple[str, str]]] = {}
    for uri, fm in sorted(metas.items()):
        for ident in fm.meta.get("sources", []):
            citing.setdefault(ident, []).append((relative(src_uri, uri), fm.meta["title"]))
    groups = [(kind, catalogue.t(f"sources.{kind}"),
               [(s, source_date(s.date, catalogue), citing.get(s.id, []))
                for s in sorted(sources.values(), key=lambda s: s.title.lower()) if s.kind == kind])
              for kind in KINDS]
    return render("sources.md.j2", groups=groups, cited_by=catalogue.t("sources.cited_by"))


def source_date(text: str, catalogue: Catalogue) -> str:
    """A source's date as a reader sees it, in the interface's language: 27 May 2011, May 2011,
    2011, or "" when undated."""
    match = DATE.match(text)
    if not match:
        return ""
    year, month, day = (int(match[g]) if match[g] else 0 for g in "ymd")
    if day:
        return catalogue.date(dt.date(year, month, day))
    if month:
        return catalogue.month(dt.date(year, month, 1))
    return str(year)


def guide_list(src_uri: str, guides: list[Any], fragments: Fragments, start: bool = False) -> str:
    """The Markdown that stands for a list of guides (titles linked, with descriptions); with
    `start`, the first is marked as the one to read first."""
    return fragments.add(render("guide-list.html.j2", start=start,
                                guides=[(relative(src_uri, g.src_uri), g) for g in guides]))


def tool_first(markdown: str) -> bool:
    """Whether a page's expanded Markdown opens with a tool that must stay on a phone's first
    screen (the message builder)."""
    return 'class="tti-builder' in markdown


def with_lead(markdown: str, description: str, questions: list[str], heading: str, *,
              tool_first: bool = False) -> str:
    """A guide's Markdown with its description as a lead paragraph under the title, and its
    `questions:` in a folded list beside it. Readers see in a line what the guide answers; search
    indexes both as the page's own entry (its title and the text before the first heading), so a
    question finds the guide, and the result shows its description. On a page whose tool comes
    first (the message builder), the questions go to the foot, so that the tool stays on a
    phone's first screen."""
    if tool_first:
        return (render("guide-lead.md.j2", description=description, questions=[], heading=heading) + markdown
                + "\n\n" + render("guide-lead.md.j2", description="", questions=questions, heading=heading))
    return render("guide-lead.md.j2", description=description, questions=questions, heading=heading) + markdown


def expand(markdown: str, src_uri: str, shown: str, *, section_guides: list[Guide], fragments: Fragments,
           directives: Mapping[str, Directive] = {}, first_line: int = 1) -> str:
    """Replace each `<!-- kb:name args -->` directive in a page; unknown ones are an error.

    `guides` is built in; other hook files add theirs through `directives`.
    """
    if "kb:" not in markdown:
        return markdown
    known = {"guides": lambda uri, args: guide_list(uri, section_guides, fragments)}
    known.update(directives)

    def one(match: re.Match[str]) -> str:
        name, args = match.group("name"), match.group("args").strip()
        line = first_line + markdown.count("\n", 0, match.start())
        if name not in known:
            raise ContentError(shown, f"unknown directive 'kb:{name}'",
                               did_you_mean(name, sorted(known), "directives"), line=line)
        try:
            return known[name](src_uri, args)
        except ContentError as exc:
            raise ContentError(shown, exc.problem, exc.fix, line=line, key=exc.key) from None

    return DIRECTIVE.sub(one, markdown)
