"""MkDocs hooks for the brand a career office sets in its overlay (`extra.brand`): check it,
put its logo and favicon on the site, and tell the theme where the booking link and the office
policy go. Thin adapters; the logic lives in `kb.brand`, the markup in overrides/partials/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb import brand, frontmatter, scenarios, state
from kb.errors import ContentError
from kb.render import render

#: The brand's colours as a stylesheet: the site allows no inline <style>.
BRAND_CSS = "assets/brand.css"


@event_priority(90)  # right after guides.on_config resets the per-build state
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        checked = brand.validate(config.extra.get("brand"), config_file=Path(config.config_file_path),
                                 root=state.root)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    config.extra["brand"] = checked
    assets = {}
    for key in ("logo", "favicon"):
        if checked.get(key):
            dest = f"assets/brand/{key}{Path(checked[key]).suffix}"
            assets[dest] = state.root / checked[key]
            config.theme[key] = dest
    state.extra["brand_assets"] = assets
    if BRAND_CSS not in config.extra_css:
        config.extra_css.append(BRAND_CSS)
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    for dest, source in state.extra.get("brand_assets", {}).items():
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    colors = config.extra["brand"]["colors"]
    files.append(File.generated(config, BRAND_CSS, content=render("brand.css.j2", light=colors["light"],
                                                                  dark=colors["dark"])))
    return files


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Where the brand's blocks go: the booking link on guides and scenario hubs, the office
    policy on the declining pages."""
    uri = page.file.src_uri
    context["kb_booking"] = frontmatter.is_guide(uri) or scenarios.is_hub(uri)
    context["kb_policy"] = uri.startswith("declining/")
    return context
