"""Page-level additions: the guide footer and the section index lists.

Directives are HTML comments on a line of their own, so that a page still reads well where
they are not expanded: `<!-- kb:guides -->` lists the guides of the page's section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import ContentError, did_you_mean
from .render import relative, render

DIRECTIVE = re.compile(r"^<!--\s*kb:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->\s*$", re.MULTILINE)
DIRECTIVES = ("guides",)


@dataclass(frozen=True)
class Guide:
    src_uri: str
    title: str
    description: str


def guide_footer(meta: dict[str, Any], sources: dict[str, dict[str, Any]]) -> str:
    """Markdown for the foot of a guide: its sources and the date it was last reviewed."""
    fields = ("title", "author", "published", "note")
    cited = [{f: sources[s].get(f, "") for f in fields} for s in meta.get("sources", [])]
    return render("guide-footer.md.j2", sources=cited, reviewed=meta.get("reviewed"))


def expand(markdown: str, src_uri: str, shown: str, *, section_guides: list[Guide],
           first_line: int = 1) -> str:
    """Replace each `<!-- kb:... -->` directive in a page; unknown ones are an error."""

    def one(match: re.Match[str]) -> str:
        name = match.group("name")
        if name == "guides":
            return render("guide-list.md.j2",
                          guides=[(relative(src_uri, g.src_uri), g) for g in section_guides])
        line = first_line + markdown.count("\n", 0, match.start())
        raise ContentError(shown, f"unknown directive 'kb:{name}'",
                           did_you_mean(name, DIRECTIVES, "directives"), line=line)

    return DIRECTIVE.sub(one, markdown)
