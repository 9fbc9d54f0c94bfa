"""The build model: one typed object, `site`, that every hook adapter reads.

It is made in stages, each a new frozen `Site` (`update()`): the config's settings and data
files when the build starts (`on_config`), the pages' front matter and the scenario index once
the files are known (`on_files`), and each page's address once the navigation is (`on_nav`).
Module globals survive `mkdocs serve` rebuilds, so the first `on_config` of each build calls
`reset()`. Nothing here imports MkDocs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .brand import Brand
from .checklists import Checklist
from .fragments import Fragments
from .frontmatter import FrontMatter
from .messages import Builder
from .safety import MarkdownCheck
from .scenarios import Index, Scenario
from .sources import Source
from .strings import Catalogue

#: A directive's renderer: (page's docs path, the directive's arguments) -> Markdown.
Directive = Callable[[str, str], str]


@dataclass(frozen=True)
class Site:
    """What one build knows. Containers may fill during their stage (the page addresses while
    the navigation is read, the fragments while pages render); fields are never reassigned."""

    root: Path  # the config file's folder
    docs: Path
    config_file: Path
    docs_shown: str = "docs"
    snippet_bases: tuple[Path, ...] = ()
    check_markdown: MarkdownCheck | None = None
    fragments: Fragments = field(default_factory=Fragments)
    # -- from the config and the data files (on_config)
    brand: Brand = field(default_factory=Brand)
    strings: Catalogue | None = None
    content_language: str = "en"
    brand_assets: Mapping[str, Path] = field(default_factory=dict)  # published path -> file
    stylesheets: tuple[str, ...] = ()  # the local extra_css files bundled into assets/site.css
    checklists: Mapping[str, Checklist] = field(default_factory=dict)
    scenarios: tuple[Scenario, ...] = ()
    builder: Builder | None = None
    decide: Any = None  # kb.decide.Aid, or None without docs/_data/decide.yml
    search_words: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # language -> same/ignore
    # -- from the pages (on_files)
    sources: Mapping[str, Source] = field(default_factory=dict)
    metas: Mapping[str, FrontMatter] = field(default_factory=dict)
    index: Index | None = None
    files: Any = None  # MkDocs' Files, for the link messages
    # -- from the navigation (on_nav)
    sections: dict[str, list[Any]] = field(default_factory=dict)  # folder -> its guides, in order
    urls: dict[str, str] = field(default_factory=dict)  # docs path -> page URL

    def shown(self, path: str) -> str:
        """A docs path as a contributor sees it from the repository root (docs/why/x.md)."""
        return f"{self.docs_shown}/{path}"

    @property
    def ui_language(self) -> str:
        return self.strings.language if self.strings else "en"

    @property
    def other_language(self) -> bool:
        """Whether the interface's language differs from the content's, so that each part of a
        page must say which language it is in (WCAG 3.1.2)."""
        return self.ui_language != self.content_language

    @property
    def scenario_by_id(self) -> dict[str, Scenario]:
        return {s.id: s for s in self.scenarios}


site: Site = Site(Path("."), Path("docs"), Path("mkdocs.yml"))


def reset(config_dir: Path, docs_dir: Path, config_file: Path) -> Site:
    global site
    try:
        shown = docs_dir.relative_to(config_dir).as_posix()
    except ValueError:
        shown = docs_dir.as_posix()
    site = Site(config_dir, docs_dir, config_file, docs_shown=shown)
    return site


def update(**changes: Any) -> Site:
    """The next stage of the model: the same site with these fields set."""
    global site
    site = dataclasses.replace(site, **changes)
    return site


def shown(path: str) -> str:
    return site.shown(path)
