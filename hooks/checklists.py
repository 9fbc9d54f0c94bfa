"""MkDocs hooks for checklists: load and check docs/_data/checklists/*.yml, and expand
`<!-- kb:checklist ID -->` in any page. Thin adapters; the logic lives in `kb.checklists`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from kb import checklists, state
from kb.errors import ContentError


@event_priority(10)  # after guides.on_config (the reset), before scenarios.on_config (uses the ids)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        found = checklists.load_all(state.docs / checklists.FOLDER, state.shown(checklists.FOLDER))
        checklists.check_markdown(found.values(), state.extra["markdown_check"])
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    state.extra["checklists"] = found
    state.extra["checklist_ids"] = set(found)
    state.extra["checklist_titles"] = {c.id: c.title for c in found.values()}
    state.extra.setdefault("directives", {})["checklist"] = (
        lambda uri, args: checklists.markdown(found, args, uri))
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Every `why` link names a page that exists."""
    try:
        checklists.check_links(state.extra["checklists"].values(),
                               [f.src_uri for f in files.documentation_pages()])
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    return files
