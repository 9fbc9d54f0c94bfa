"""MkDocs hooks for the brand a career office sets in its overlay (`extra.brand`): check it into
the build model, put its logo, colours and own pages on the site, and take out the guides it
hides. Thin adapters; the logic lives in `kb.brand` and `kb.office`, the markup in overrides/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from kb import brand, office, state
from kb.errors import ContentError
from kb.render import render

#: The brand's colours as a stylesheet: the site allows no inline <style>.
BRAND_CSS = "assets/brand.css"
log = get_plugin_logger(__name__)


@event_priority(90)  # right after guides.on_config starts the model
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = state.site
    try:
        checked = brand.validate(config.extra.get("brand"), config_file=site.config_file, root=site.root,
                                 repo_url=config.repo_url or "")
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    for note in checked.notes:
        log.info(note)
    assets = {}
    for key in ("logo", "favicon"):
        if getattr(checked, key):
            dest = f"assets/brand/{key}{Path(getattr(checked, key)).suffix}"
            assets[dest] = site.root / getattr(checked, key)
            config.theme[key] = dest
    if BRAND_CSS not in config.extra_css:
        config.extra_css.append(BRAND_CSS)
    if not checked.contributor_links:
        # Readers get no edit pencil and no repository link (both follow repo_url); the footer's
        # "Suggest a change" link, made from it above, is theirs.
        config.repo_url = config.edit_uri = None
    pages = office.pages(site.root, checked)
    config.nav = office.nav(config.nav, checked, pages)
    state.update(brand=checked, brand_assets=assets)
    return config


@event_priority(60)  # before the front matter is read: hidden guides never enter the model
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    site = state.site
    for dest, source in site.brand_assets.items():
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    files.append(File.generated(config, BRAND_CSS, content=render("brand.css.j2", light=site.brand.light,
                                                                  dark=site.brand.dark)))
    for src_uri, source in office.pages(site.root, site.brand).items():
        files.append(File.generated(config, src_uri, abs_src_path=str(source)))
    try:
        hidden = office.check_hidden(site.brand, [f.src_uri for f in files.documentation_pages()],
                                     site.config_file, site.root)
        brand.check_policy_pages(site.brand, [f.src_uri for f in files.documentation_pages()],
                                 site.config_file, site.root)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    for src_uri, replacement in hidden.items():
        files.remove(files.get_file_from_path(src_uri))
        if replacement:
            moved = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            target = files.get_file_from_path(replacement)
            moved.content_string = office.moved_page(src_uri, replacement,
                                                     get_relative_url(target.url, moved.url), site.strings)
            files.append(moved)
    return files
