"""MkDocs hooks for the "Should I go?" decision aid: check docs/_data/decide.yml into the build
model, and its links once the pages are known (`<!-- kb:decision-aid -->` expands from it).
Thin adapters; the logic lives in `kb.decide`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from kb import decide, scenarios, state
from kb.errors import ContentError


@event_priority(-10)  # after scenarios.on_config (0), which loads the registry
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = state.site
    try:
        # Every scenario of the registry, hidden ones too: an office that hides a situation
        # needs no edit here; its links are left out of the page (kb.decide.markdown).
        known = [s.id for s in site.scenarios] + sorted(scenarios.hidden_ids(site.brand.hide))
        aid = decide.load(site.docs / decide.FILE, site.shown(decide.FILE), scenarios=known)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    state.update(decide=aid)
    return config


@event_priority(30)  # after guides.on_files (50) reads the front matter
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Every guide an answer names is a page of the site (or one a career office hides)."""
    site = state.site
    try:
        decide.check_links(site.decide, [*(f.src_uri for f in files.documentation_pages()), *site.brand.hide])
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    return files
