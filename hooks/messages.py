"""MkDocs hook for the message builder: check the templates and docs/_data/messages.yml, and
expand `<!-- kb:message-builder -->`. A thin adapter; the logic lives in `kb.messages`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb import messages, state
from kb.errors import ContentError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Runs after guides.on_config (priority 100), which resets `state` and finds the snippets."""
    path = state.docs / "_data" / "messages.yml"
    try:
        builder = messages.load(path, messages.load_templates(state.snippet_bases, state.root)) \
            if path.is_file() else None
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    state.extra.setdefault("directives", {})["message-builder"] = (
        lambda uri, args: messages.markdown(builder) if builder else messages.missing())
    return config
