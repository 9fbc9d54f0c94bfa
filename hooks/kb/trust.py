"""Trust at a glance: the line under each guide's title (when it was reviewed, and how many
sources it cites), and the footer's links to how the site is made and who to tell about a
mistake. Plain logic; the markup is in hooks/templates/guide-byline.md.j2 and
overrides/partials/copyright.html.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from .brand import Brand
from .render import render
from .strings import Catalogue

#: The project's own pages the footer links to.
EDITORIAL, SOURCES, PRIVACY, ACCESSIBILITY = ("about/editorial.md", "about/sources.md", "about/privacy.md",
                                              "about/accessibility.md")


@dataclass(frozen=True)
class FooterLink:
    label: str
    href: str  # a page's URL in the site (`internal`), or a full address
    internal: bool


def footer_links(brand: Brand, urls: Mapping[str, str], strings: Catalogue) -> list[FooterLink]:
    """The footer's links: how the guides are written, the sources, privacy and accessibility
    (an office's own privacy or accessibility page wins over the project's), then "Suggest a
    change". A page an office has taken out is left out."""
    wanted = [(strings.t("footer.editorial"), EDITORIAL, None), (strings.t("footer.sources"), SOURCES, None),
              (strings.t("footer.privacy"), PRIVACY, brand.privacy.get("url")),
              (strings.t("footer.accessibility"), ACCESSIBILITY, brand.accessibility.get("url"))]
    found = []
    for label, page, own in wanted:
        if own:
            found.append(FooterLink(label, own, internal=False))
        elif page in urls:
            found.append(FooterLink(label, urls[page], internal=True))
    if brand.suggest:
        found.append(FooterLink(strings.t("footer.suggest"), brand.suggest, internal=False))
    return found


def byline(reviewed: dt.date, sources: int, strings: Catalogue) -> str:
    """The line under a guide's title: "Reviewed 2 December 2026 · 3 sources", the count linked
    to the guide's Sources section. Raw HTML in the page's Markdown, left out of search."""
    count = strings.t("guide.byline_sources_one") if sources == 1 else strings.t("guide.byline_sources", n=sources)
    return render("guide-byline.md.j2", reviewed=reviewed.isoformat(),
                  reviewed_text=strings.t("guide.byline_reviewed", date=strings.date(reviewed)),
                  count=count if sources else "")
