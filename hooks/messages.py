"""MkDocs hook for the message builder: check the templates and docs/_data/messages.yml into the
build model (`<!-- kb:message-builder -->` expands from it). A thin adapter; the logic lives in
`kb.messages`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb import messages, state
from kb.errors import ContentError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Runs after guides.on_config (priority 100), which starts the model and finds the snippets."""
    site = state.site
    path = site.docs / "_data" / "messages.yml"
    try:
        builder = messages.load(path, messages.load_templates(site.snippet_bases, site.root)) \
            if path.is_file() else None
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    state.update(builder=builder)
    return config
