"""MkDocs hooks that start the build model and serve the guides: the interface's language,
front-matter validation, snippet checks, section lists and the data for each guide's footer.
Thin adapters only; the logic lives in the plain package `kb` beside this file.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb import (brand, frontmatter, pages, render, safety, scripts, snippets, sources, state, strings, trust,
                yamlfile)
from kb.errors import ContentError
from kb.fragments import FragmentsExtension


@event_priority(100)  # first: the other hook files read the model this starts
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config_file = Path(config.config_file_path).resolve()
    root = config_file.parent
    site = state.reset(root, Path(config.docs_dir).resolve(), config_file)
    # pymdownx.snippets resolves base_path against the working directory; pin it to the
    # config file's folder so builds work from anywhere (tests, overlays, CI).
    options = config.mdx_configs.setdefault("pymdownx.snippets", {})
    bases = tuple(Path(p) if Path(p).is_absolute() else root / p for p in options.get("base_path", ["snippets"]))
    options["base_path"] = [str(p) for p in bases]
    try:
        catalogue = strings.load(site.docs, config.theme["language"], config.extra.get("strings"),
                                 shown_docs=site.docs_shown,
                                 overrides_at=lambda key: brand.origin(config_file, "extra.strings", root,
                                                                       ("extra", "strings", *([key] if key else []))))
        content_language = str(config.extra.get("content_language") or "en")
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = catalogue.t("site.permalink")  # the heading links' tooltip
    state.update(snippet_bases=bases, strings=catalogue, content_language=content_language,
                 check_markdown=safety.MarkdownCheck(config.markdown_extensions, config.mdx_configs))
    render.set_language(catalogue.t, catalogue.language, content_language)
    config.markdown_extensions.append(FragmentsExtension(state.site.fragments))
    return config


@event_priority(50)  # before the scenario hooks, which read the front matter
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Read and validate every page's front matter before any page is built."""
    site = state.site
    metas = {}
    try:
        cited = sources.load(site.docs)
        for file in files.documentation_pages():
            if file.abs_src_path is None or (file.generated_by and not file.src_uri.startswith(brand.OFFICE_DIR + "/")):
                continue
            path = Path(file.abs_src_path)
            shown = site.shown(file.src_uri) if not file.generated_by else _from_root(path, site.root)
            text = yamlfile.read_text(path, shown)
            parsed = frontmatter.parse(text, shown)
            metas[file.src_uri] = frontmatter.validate(parsed, guide=frontmatter.is_guide(file.src_uri), sources=cited)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    state.update(sources=cited, metas=metas)
    return files


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Remember each folder's guides in navigation order, for the section index pages, and
    every page's URL, for the advice blocks."""
    site = state.site
    site.urls.update({file.src_uri: file.url for file in files.documentation_pages()})
    for page in nav.pages:
        uri = page.file.src_uri
        fm = site.metas.get(uri)
        if fm and frontmatter.is_guide(uri):
            site.sections.setdefault(posixpath.dirname(uri), []).append(
                pages.Guide(uri, fm.meta["title"], fm.meta["description"]))
    return nav


@event_priority(-50)  # last: expand directives and add footers after other hooks
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = state.site
    uri = page.file.src_uri
    fm = site.metas.get(uri)
    shown = fm.path if fm else site.shown(uri)
    first = fm.body_line if fm else 1
    try:
        snippets.check(markdown, shown, list(site.snippet_bases), first_line=first)
        markdown = pages.expand(markdown, uri, shown, first_line=first,
                                section_guides=site.sections.get(posixpath.dirname(uri), []),
                                fragments=site.fragments, directives=_directives(site))
        if fm and frontmatter.is_guide(uri):
            # a page whose tool comes first keeps it on a phone's first screen (the theme's
            # "On this page" list reads the same mark: overrides/partials/page-contents.html)
            page.meta["kb_tool_first"] = pages.tool_first(markdown)
            markdown = pages.with_lead(markdown, fm.meta["description"], fm.meta.get("questions", []),
                                       site.strings.t("guide.questions"), tool_first=page.meta["kb_tool_first"])
            markdown = trust.byline(fm.meta["reviewed"], len(fm.meta["sources"]), site.strings) + markdown
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    return markdown


def _directives(site: state.Site) -> dict[str, state.Directive]:
    """What `<!-- kb:name args -->` lines expand to, besides the section's guide list."""
    from kb import checklists, decide, messages, scenarios

    found: dict[str, state.Directive] = {
        "checklist": lambda uri, args: checklists.markdown(site.checklists, args, uri, site.metas),
        "message-builder": lambda uri, args: messages.markdown(site.builder) if site.builder else messages.missing(),
        "message-template": lambda uri, args: messages.letter(
            site.builder.templates if site.builder else messages.load_templates(site.snippet_bases, site.root), args),
        "scenario-finder": lambda uri, args: scenarios.finder_markdown(
            uri, site.scenarios, same=site.search_words.get(site.content_language, {}).get("same", ()),
            aid=decide.HOME if site.decide else None),
        "sources": lambda uri, args: pages.sources_markdown(uri, site.sources, site.metas, site.strings),
        "decision-aid": lambda uri, args: decide.page_markdown(site, uri),
    }
    return found


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """The theme's templates get the model's brand, the interface's words and languages and each
    page's script files, and are compiled once per process (see `render.CompiledTemplates`)."""
    env.bytecode_cache = render.COMPILED
    site = state.site
    env.globals.update(kb_brand=site.brand, kb_t=site.strings.t, kb_strings=site.strings.for_scripts(),
                       kb_ui_lang=site.ui_language if site.other_language else "",
                       kb_content_lang=site.content_language if site.other_language else "",
                       kb_footer_links=trust.footer_links(site.brand, site.urls, site.strings),
                       kb_locale=site.strings.locale.replace("_", "-"), kb_page_scripts=scripts.for_page)
    return env


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the theme what it shows at the foot of a guide (overrides/partials/guide-extras.html):
    the advice for the reader's situation, the sources and the reviewed date. Rendered by the
    template, not Markdown: it is cheap on large sites and stays out of the search index."""
    site = state.site
    uri = page.file.src_uri
    fm = site.metas.get(uri)
    from kb import scenarios

    context["kb_policies"] = site.brand.policies_for(uri, (fm.meta.get("scenarios") if fm else None)
                                                     or _hub_scenario(uri))
    context["kb_booking"] = frontmatter.is_guide(uri) or scenarios.is_hub(uri)
    if not (fm and frontmatter.is_guide(uri)):
        return context

    urls, here = site.urls, page.url  # every target is a page of this build
    url = lambda src: get_relative_url(urls[src], here)  # noqa: E731 - what the `url` filter does
    situations, read_next = scenarios.advice(uri, site.scenario_by_id, site.index) if site.index else ([], [])
    advice = {"situations": [{"statement": s.statement, "url": url(s.hub)} for s in situations],
              "next": [{"title": g.title, "url": url(g.src_uri)} for g in read_next]}
    cited = [{"source": source, "date": pages.source_date(source.date, site.strings)}
             for source in pages.guide_sources(fm.meta, site.sources)]
    reviewed = fm.meta["reviewed"]
    context["kb_guide"] = {"advice": advice, "sources": cited, "reviewed": reviewed.isoformat(),
                           "reviewed_text": site.strings.date(reviewed)}
    return context


def _hub_scenario(uri: str) -> tuple[str, ...]:
    from kb import scenarios

    return (uri.rsplit("/", 1)[1][:-3],) if scenarios.is_hub(uri) else ()


def _from_root(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
