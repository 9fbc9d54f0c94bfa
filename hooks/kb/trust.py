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

#: The project's own pages the footer links to, by the key of their label in the catalogue.
ABOUT_PAGES = {
    "footer.editorial": "about/editorial.md",
    "footer.sources": "about/sources.md",
    "footer.privacy": "about/privacy.md",
    "footer.accessibility": "about/accessibility.md",
}


@dataclass(frozen=True)
class FooterLink:
    label: str
    href: str  # a page's URL in the site (`internal`), or a full address
    internal: bool


def footer_links(brand: Brand, urls: Mapping[str, str], catalogue: Catalogue) -> list[FooterLink]:
    """The footer's links: how the guides are written, the sources, privacy and accessibility
    (an office's own privacy or accessibility page wins over the project's), then "Suggest a
    change". A page an office has taken out is left out."""
    own = {"footer.privacy": brand.privacy.get("url"), "footer.accessibility": brand.accessibility.get("url")}
    found = []
    for key, page in ABOUT_PAGES.items():
        if own.get(key):
            found.append(FooterLink(catalogue.t(key), own[key], internal=False))
        elif page in urls:
            found.append(FooterLink(catalogue.t(key), urls[page], internal=True))
    if brand.suggest:
        found.append(FooterLink(catalogue.t("footer.suggest"), brand.suggest, internal=False))
    return found


def byline(reviewed: dt.date, sources: int, catalogue: Catalogue) -> str:
    """The line under a guide's title: "Reviewed 2 December 2026 · 3 sources", the count linked
    to the guide's Sources section. Raw HTML in the page's Markdown, left out of search."""
    count = catalogue.t("guide.byline_sources_one") if sources == 1 else catalogue.t("guide.byline_sources", n=sources)
    return render("guide-byline.md.j2", reviewed=reviewed.isoformat(),
                  reviewed_text=catalogue.t("guide.byline_reviewed", date=catalogue.date(reviewed)),
                  count=count if sources else "")
