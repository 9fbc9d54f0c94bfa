"""A career office's structure, without copying upstream lists: its own pages, in a section of
the navigation it names, and guides it hides (each left out, or sent on to a replacement).

The overlay only names a folder and a section title (`extra.brand.pages`) and the guides to hide
(`extra.brand.hide`), so an upstream change to `nav:` reaches the office's site with no edit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .brand import OFFICE_DIR, Brand, origin
from .errors import ContentError, did_you_mean
from .render import markdown_text, relative
from .strings import Catalogue

#: The office's section goes before this top-level entry of the navigation, when there is one.
BEFORE = "About"


def pages(root: Path, brand: Brand) -> dict[str, Path]:
    """The office's own files, by the docs path they are published at (office/...)."""
    if not brand.pages_folder:
        return {}
    folder = root / brand.pages_folder
    return {f"{OFFICE_DIR}/{p.relative_to(folder).as_posix()}": p
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def nav(config_nav: list[Any] | None, brand: Brand, office_pages: dict[str, Path]) -> list[Any] | None:
    """The configured navigation without the hidden guides, and with the office's pages in a
    section of their own (its index page first)."""
    if not config_nav:
        return config_nav
    hidden = set(brand.hide)

    def keep(items: list[Any]) -> list[Any]:
        out = []
        for item in items:
            if isinstance(item, str):
                if item not in hidden:
                    out.append(item)
            elif isinstance(item, dict) and len(item) == 1:
                (title, value), = item.items()
                if isinstance(value, list):
                    out.append({title: keep(value)})
                elif value not in hidden:
                    out.append(item)
            else:
                out.append(item)
        return out

    result = keep(config_nav)
    docs = sorted((uri for uri in office_pages if uri.endswith(".md")),
                  key=lambda uri: (not uri.endswith("/index.md"), uri))
    if docs:
        section = {brand.pages_section: docs}
        at = next((n for n, item in enumerate(result) if isinstance(item, dict) and BEFORE in item), len(result))
        result.insert(at, section)
    return result


def check_hidden(brand: Brand, doc_pages: Iterable[str], config_file: Path, root: Path) -> dict[str, str | None]:
    """Every hidden guide and every replacement is a page of the site; a replacement is not hidden."""
    known = list(doc_pages)
    for guide, replacement in brand.hide.items():
        if guide.startswith("scenarios/"):  # a situation's hub: the scenario hooks check it
            continue
        for value, what in ((guide, "hidden page"), (replacement, "replacement")):
            if value is not None and value not in known:
                shown, line = origin(config_file, f"extra.brand.hide.{guide}", root)
                raise ContentError(shown, f"the {what} '{value}' is not a page of the site",
                                   did_you_mean(value, known, "pages (docs paths such as why/plan-b.md)"),
                                   line=line, key=f"extra.brand.hide.{guide}")
        if replacement in brand.hide:
            shown, line = origin(config_file, f"extra.brand.hide.{guide}", root)
            raise ContentError(shown, f"the replacement '{replacement}' is hidden too",
                               "send readers to a page that stays on the site", line=line,
                               key=f"extra.brand.hide.{guide}")
    return {guide: replacement for guide, replacement in brand.hide.items() if not guide.startswith("scenarios/")}


def moved_page(src_uri: str, replacement: str, url: str, catalogue: Catalogue) -> str:
    """The page left at a hidden guide's address: it sends the reader on to the replacement (a
    refresh in its head, and a link for anyone whose browser does not follow it)."""
    return (f"---\ntemplate: moved.html\nmoved_to: {json.dumps(url)}\nsearch:\n  exclude: true\n---\n\n"
            f"{markdown_text(catalogue.t('moved.text'))} [{markdown_text(catalogue.t('moved.link'))}]"
            f"({relative(src_uri, replacement)})\n")
