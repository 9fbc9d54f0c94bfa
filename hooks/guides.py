"""MkDocs hooks for the guides: front-matter validation, snippet checks, section lists and the
guide footer. Thin adapters only; the logic lives in the plain package `kb` beside this file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb import frontmatter, pages, registry, snippets
from kb.errors import ContentError

# Per-build state. Module globals survive `mkdocs serve` rebuilds, so on_config resets it.
_state: dict = {}


def _shown(config: MkDocsConfig, path: str) -> str:
    """A docs path as a contributor sees it from the repository root (docs/why/x.md)."""
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve()
    try:
        return str((docs / path).relative_to(root))
    except ValueError:
        return str(docs / path)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    root = Path(config.config_file_path).resolve().parent
    # pymdownx.snippets resolves base_path against the working directory; pin it to the
    # config file's folder so builds work from anywhere (tests, overlays, CI).
    options = config.mdx_configs.setdefault("pymdownx.snippets", {})
    bases = [Path(p) if Path(p).is_absolute() else root / p for p in options.get("base_path", ["snippets"])]
    options["base_path"] = [str(p) for p in bases]
    _state["snippet_bases"] = bases
    return config


@event_priority(50)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Read and validate every page's front matter before any page is built."""
    try:
        sources = registry.load_sources(Path(config.docs_dir))
        metas: dict[str, frontmatter.FrontMatter] = {}
        for file in files.documentation_pages():
            if file.generated_by or file.abs_src_path is None:
                continue
            shown = _shown(config, file.src_uri)
            text = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
            parsed = frontmatter.parse(text, shown)
            metas[file.src_uri] = frontmatter.validate(
                parsed, guide=frontmatter.is_guide(file.src_uri), sources=sources)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    _state.update(sources=sources, metas=metas)
    return files


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Remember each section's guides in navigation order, for the section index pages."""
    sections: dict[str, list[pages.Guide]] = {}
    for page in nav.pages:
        uri = page.file.src_uri
        fm = _state["metas"].get(uri)
        if fm and frontmatter.is_guide(uri):
            sections.setdefault(uri.split("/")[0], []).append(
                pages.Guide(uri, fm.meta["title"], fm.meta["description"]))
    _state["sections"] = sections
    return nav


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    uri = page.file.src_uri
    shown = _shown(config, uri)
    fm = _state["metas"].get(uri)
    first = fm.body_line if fm else 1
    try:
        snippets.check(markdown, shown, _state["snippet_bases"], first_line=first)
        markdown = pages.expand(markdown, uri, shown, first_line=first,
                                section_guides=_state["sections"].get(uri.split("/")[0], []))
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    if fm and frontmatter.is_guide(uri):
        markdown += pages.guide_footer(fm.meta, _state["sources"])
    return markdown
