"""MkDocs hooks for the guides: front-matter validation, snippet checks, section lists and the
data for each guide's footer. Thin adapters only; the logic lives in the plain package `kb` beside this file.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb import frontmatter, pages, safety, snippets, sources, state, yamlfile
from kb.errors import ContentError
from kb.fragments import FragmentsExtension


@event_priority(100)  # first: the other hook files rely on the reset
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    state.reset(root, Path(config.docs_dir).resolve())
    # pymdownx.snippets resolves base_path against the working directory; pin it to the
    # config file's folder so builds work from anywhere (tests, overlays, CI).
    options = config.mdx_configs.setdefault("pymdownx.snippets", {})
    bases = [Path(p) if Path(p).is_absolute() else root / p for p in options.get("base_path", ["snippets"])]
    options["base_path"] = [str(p) for p in bases]
    state.snippet_bases.extend(bases)
    state.extra["markdown_check"] = safety.MarkdownCheck(config.markdown_extensions, config.mdx_configs)
    config.markdown_extensions.append(FragmentsExtension(state.fragments))
    return config


@event_priority(50)  # before the scenario hooks, which read the front matter
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Read and validate every page's front matter before any page is built."""
    try:
        state.sources.update(sources.load(state.docs))
        for file in files.documentation_pages():
            if file.generated_by or file.abs_src_path is None:
                continue
            text = yamlfile.read_text(Path(file.abs_src_path), state.shown(file.src_uri))
            parsed = frontmatter.parse(text, state.shown(file.src_uri))
            state.metas[file.src_uri] = frontmatter.validate(
                parsed, guide=frontmatter.is_guide(file.src_uri), sources=state.sources)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    return files


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Remember each folder's guides in navigation order, for the section index pages, and
    every page's URL, for the advice blocks."""
    state.extra["urls"] = {file.src_uri: file.url for file in files.documentation_pages()}
    for page in nav.pages:
        uri = page.file.src_uri
        fm = state.metas.get(uri)
        if fm and frontmatter.is_guide(uri):
            state.sections.setdefault(posixpath.dirname(uri), []).append(
                pages.Guide(uri, fm.meta["title"], fm.meta["description"]))
    return nav


@event_priority(-50)  # last: expand directives and add footers after other hooks
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    uri = page.file.src_uri
    shown = state.shown(uri)
    fm = state.metas.get(uri)
    first = fm.body_line if fm else 1
    try:
        snippets.check(markdown, shown, state.snippet_bases, first_line=first)
        markdown = pages.expand(markdown, uri, shown, first_line=first,
                                section_guides=state.sections.get(posixpath.dirname(uri), []),
                                fragments=state.fragments,
                                directives=state.extra.get("directives", {}))
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    return markdown


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the theme what it shows at the foot of a guide (overrides/partials/guide-extras.html):
    the advice for the reader's situation, the sources and the reviewed date. Rendered by the
    template, not Markdown: it is cheap on large sites and stays out of the search index."""
    uri = page.file.src_uri
    fm = state.metas.get(uri)
    if not (fm and frontmatter.is_guide(uri)):
        return context
    urls, here = state.extra["urls"], page.url  # every target is a page of this build
    url = lambda src: get_relative_url(urls[src], here)  # noqa: E731 - what the `url` filter does
    advice = [{"statement": scenario.statement, "url": url(scenario.hub),
               "related": [{"title": g.title, "url": url(g.src_uri)} for g in related]}
              for scenario, related in state.extra.get("advice", lambda uri: [])(uri)]
    reviewed = fm.meta["reviewed"]
    cited = [{"source": source, "date": pages.source_date(source.date)}
             for source in pages.guide_sources(fm.meta, state.sources)]
    context["kb_guide"] = {"advice": advice, "sources": cited,
                           "reviewed": reviewed.isoformat(), "reviewed_text": pages.long_date(reviewed)}
    return context
