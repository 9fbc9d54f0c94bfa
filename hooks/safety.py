"""MkDocs hooks that keep content from running script (see `kb.safety` for the rule): plain-text
values reach Material's templates escaped, every page's HTML is checked, and broken links are
reported with their line. Thin adapters; the logic lives in `kb.safety` and `kb.links`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from kb import brand, csp, safety, state, yamlfile
from kb.errors import ContentError, did_you_mean
from kb.links import LinkMessages, NoFraming

#: Config values that Material prints as they are.
CONFIG_TEXT = ("site_name", "site_description", "copyright", "repo_name")
#: Front-matter values that Material prints as they are.
META_TEXT = ("title", "description", "subtitle")


@event_priority(-100)  # last: the other hooks have read the config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        for shown, text in brand.chain(Path(config.config_file_path), state.site.root):
            yamlfile.check_config(text, shown)
        config_file = Path(config.config_file_path)
        for key in CONFIG_TEXT:
            if config[key] is not None:
                where = lambda key=key: brand.origin(config_file, key, state.site.root)  # noqa: E731 - only on a mistake
                try:
                    text = safety.plain(config[key], "", key=key, what=f"`{key}`")
                except ContentError as exc:
                    shown, line = where()
                    raise ContentError(shown, exc.problem, exc.fix, line=line, key=key) from None
                config[key] = safety.escaped(text)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    for name, new in (("mkdocs.structure.pages", LinkMessages(source=_source, anchors=_anchors, pages=_pages,
                                                              shown=state.shown)),
                      ("mkdocs.commands.build", NoFraming())):
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if getattr(f, "name", "") == "kb.links"]:
            logger.removeFilter(old)
        logger.addFilter(new)
    return config


@event_priority(-100)  # last: every hook has added its generated files
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """No two files may publish to the same address: MkDocs would keep one and drop the other."""
    state.update(files=files)
    owners: dict[str, File] = {}
    for file in files:
        other = owners.setdefault(file.dest_uri, file)
        if other is not file:
            first, second = sorted((_origin(other), _origin(file)))
            raise PluginError(str(ContentError(
                second, f"this page and {first} both publish to '{file.dest_uri}', so one would be lost",
                "rename or remove one of them (why/x.md and why/x/index.md are the same address)")))
    return files


@event_priority(-100)
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Titles from `nav:` (and the scenario groups and statements added to it) are plain text."""
    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, (Section, Link)) or (isinstance(item, Page) and "title" in vars(item)):
                item.title = safety.escaped(item.title)
            if isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    return nav


@event_priority(-100)  # every page is read and rendered; no template has run yet
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """Page titles, descriptions and subtitles reach the templates as HTML: front-matter text is
    escaped, and a title MkDocs took from the page's first heading is already HTML. A template or
    an icon named in front matter must exist (the theme would stop with a traceback)."""
    templates: set[str] = set()  # listed when a page first names one: listing them is not free
    named = {page.meta["icon"] for file in files.documentation_pages()
             if (page := file.page) is not None and isinstance(page.meta.get("icon"), str)}
    icons = {f".icons/{name}.svg" for name in named if _has_template(env, f".icons/{name}.svg")}
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.markdown is None:
            continue
        for key in META_TEXT:
            if isinstance(page.meta.get(key), str):
                page.meta[key] = safety.escaped(page.meta[key])
        template = page.meta.get("template")
        if template and not templates:
            templates.update(env.list_templates(filter_func=lambda name: name.endswith(".html")))
        if template and template not in templates:
            raise PluginError(str(ContentError(
                state.shown(file.src_uri), f"the template '{template}' does not exist",
                did_you_mean(str(template), sorted(templates), "templates"), key="template")))
        icon = page.meta.get("icon")
        if icon and f".icons/{icon}.svg" not in icons:
            raise PluginError(str(ContentError(
                state.shown(file.src_uri), f"the icon '{icon}' does not exist",
                "use a Material icon name, e.g. `icon: material/handshake-outline`", key="icon")))
        title = page.title
        if title is not None and not isinstance(title, Markup):
            from_heading = "title" not in page.meta and title == page._title_from_render
            page.title = Markup(title) if from_heading else safety.escaped(title)
    env.globals["kb_csp_meta"] = csp.policy(meta=True)
    return env


@event_priority(-100)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    uri = page.file.src_uri
    try:
        safety.check_html(html, state.shown(uri), source=lambda: _source(uri) or "")
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    return html


def _has_template(env: Environment, name: str) -> bool:
    try:
        env.get_template(name)
    except Exception:  # noqa: BLE001 - any failure to load means the name is unusable
        return False
    return True


def _origin(file: File) -> str:
    """Where a file comes from, as a contributor would look for it."""
    if file.generated_by:
        return f"{file.src_uri} (made by the build from docs/_data/)"
    return state.shown(file.src_uri)


# ---- what the link messages need to know ----

def _source(src: str) -> str | None:
    path = state.site.docs / src
    try:
        return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else None
    except OSError:
        return None


def _anchors(src: str) -> set[str]:
    files: Files | None = state.site.files
    found = files.get_file_from_path(src) if files else None
    page = found.page if found else None
    return set(page.present_anchor_ids or ()) if page else set()


def _pages() -> list[str]:
    files: Files | None = state.site.files
    return [f.src_uri for f in files.documentation_pages()] if files else []
