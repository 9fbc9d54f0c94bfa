"""MkDocs hook for the site's search (Material's, tuned): each page's weight, and the query
reading that Material's search worker gets in front (see kb.search and
hooks/assets/search-query.js). A thin adapter; the logic lives in `kb.search`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kb import search, state
from kb.errors import ContentError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Runs after guides.on_config (priority 100), which starts the model."""
    site = state.site
    try:
        state.update(search_words=search.load_words(site.docs, site.docs_shown))
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Material's search worker, replaced at its own address by the site's version."""
    for file in list(files):
        if search.MATERIAL_WORKER.fullmatch(file.src_uri):
            material = file.content_string
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=search.worker(material, state.site.search_words)))
    return files


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Pages that only point to others weigh less in search than the guides (kb.search.weight);
    a page's own `search:` front matter wins."""
    boost = search.weight(page.file.src_uri)
    if boost is not None and "search" not in page.meta:
        page.meta["search"] = {"boost": boost}
    return markdown
