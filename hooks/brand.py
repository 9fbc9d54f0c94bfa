"""MkDocs hooks for the brand a career office sets in its overlay (`extra.brand`): check it into
the build model, put its logo, colours and own pages on the site, and take out the guides it
hides. They also make the site's shipped files, without comments (`kb.minify`): the one
stylesheet, which ends with the brand's colours, the scripts, and each tool's page's one script
file (`kb.scripts`). Thin adapters; the logic lives
in `kb.brand`, `kb.office` and `kb.scripts`, the markup in overrides/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from kb import brand, minify, office, scripts, state, yamlfile
from kb.errors import ContentError
from kb.render import render

#: The site's one stylesheet: the project's own stylesheets (the local files extra_css lists) and
#: then the brand's colours, bundled into one file, since each render-blocking file costs a phone
#: a round trip before the first paint. The site allows no inline <style>.
STYLESHEET = "assets/site.css"
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
    local = [css for css in config.extra_css if css != STYLESHEET and _local(css, config.docs_dir)]
    bundled = []  # the first local stylesheet's place takes the bundle; addresses elsewhere stay
    for css in config.extra_css + [STYLESHEET]:
        css = STYLESHEET if css in local else css
        if css not in bundled:
            bundled.append(css)
    config.extra_css[:] = bundled
    if not checked.contributor_links:
        # Readers get no edit pencil and no repository link (both follow repo_url); the footer's
        # "Suggest a change" link, made from it above, is theirs.
        config.repo_url = config.edit_uri = None
    pages = office.pages(site.root, checked)
    config.nav = office.nav(config.nav, checked, pages)
    state.update(brand=checked, brand_assets=assets, stylesheets=tuple(local))
    return config


def _local(css: str, docs_dir: str) -> bool:
    """Whether an extra_css entry is a file of the site's own (not an address elsewhere)."""
    return "://" not in css and not css.startswith("//") and (Path(docs_dir) / css).is_file()


@event_priority(60)  # before the front matter is read: hidden guides never enter the model
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    site = state.site
    for dest, source in site.brand_assets.items():
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    try:
        parts = [(css, yamlfile.read_text(Path(config.docs_dir) / css, f"{site.docs_shown}/{css}", limit=None))
                 for css in site.stylesheets]
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    colours = render("brand.css.j2", light=site.brand.light, dark=site.brand.dark)
    files.append(File.generated(config, STYLESHEET, content=brand.stylesheet(parts, colours)))
    # The project's scripts ship without comments (kb.minify), and a tool's page loads site.js
    # and the tool's script as one file (kb.scripts).
    js = Path(config.docs_dir) / "assets" / "js"
    try:
        read = {path.name: minify.js(yamlfile.read_text(path, f"{site.docs_shown}/assets/js/{path.name}", limit=None))
                for path in sorted(js.glob("*.js"))}
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    for name, text in read.items():
        dest = f"assets/js/{name}"
        if (source := files.get_file_from_path(dest)) is not None:
            files.remove(source)
        files.append(File.generated(config, dest, content=text))
    for tool in scripts.TOOLS:
        if scripts.SITE in read and tool in read:
            files.append(File.generated(config, f"assets/js/{scripts.bundle_name(tool)}",
                                        content=scripts.bundle(read[scripts.SITE], read[tool])))
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
