"""MkDocs hooks for checklists: load and check docs/_data/checklists/*.yml into the build model,
and check their links once the pages are known. Thin adapters; the logic lives in `kb.checklists`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from kb import checklists, state
from kb.errors import ContentError


@event_priority(10)  # after guides.on_config starts the model, before scenarios.on_config (uses the ids)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = state.site
    try:
        found = checklists.load_all(site.docs / checklists.FOLDER, site.shown(checklists.FOLDER))
        checklists.check_markdown(found.values(), site.check_markdown)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    state.update(checklists=found)
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Every `why` link names a page that exists."""
    try:
        checklists.check_links(state.site.checklists.values(), [f.src_uri for f in files.documentation_pages()])
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    return files
