"""MkDocs hooks for scenarios: hub pages, the advice block on guides, and the finder page.
Thin adapters only; the logic lives in `kb.scenarios`.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from kb import brand, frontmatter, scenarios, state, yamlfile
from kb.errors import ContentError

FINDER = "scenarios/index.md"
TEMPLATES_PAGE = "messages/templates.md"
CHECKLISTS_PAGE = "checklists/index.md"
_HEADING_ID = re.compile(r"^#{2,6}\s+(?P<title>.+?)\s*\{\s*#(?P<id>[a-z0-9-]+)\s*\}\s*$", re.MULTILINE)


def _titles(page: str) -> dict[str, str]:
    """Titles of the headings with an explicit id on a docs page, by id."""
    path = state.site.docs / page
    text = yamlfile.read_text(path, state.shown(page)) if path.is_file() else ""
    return {m["id"]: m["title"] for m in _HEADING_ID.finditer(text)}


@event_priority(0)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the registry, and put the hubs in the navigation after the finder page."""
    site = state.site
    templates = {p.stem for base in site.snippet_bases for p in (base / "messages").glob("*.txt")}
    try:
        registry = scenarios.load(site.docs / "_data" / "scenarios.yml",
                                  templates=templates, checklists=set(site.checklists))
        registry = scenarios.without_hidden(registry, site.brand.hide, site.config_file, site.root)
        scenarios.check_answers(registry, site.check_markdown)
        brand.check_policy_scenarios(site.brand, [s.id for s in registry], site.config_file, site.root)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    state.update(scenarios=tuple(registry))
    config.nav = scenarios.nav_with_hubs(config.nav, registry, FINDER)
    return config


@event_priority(40)  # after the front matter is read (guides.on_files runs at 50)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Check the guides' scenario ids and generate one hub page per scenario."""
    site = state.site
    registry = site.scenarios
    hidden = scenarios.hidden_ids(site.brand.hide)
    guides = [scenarios.GuideRef(uri, fm.meta["title"], fm.meta["description"],
                                 tuple(s for s in fm.meta["scenarios"] if s not in hidden), fm.path,
                                 lambda fm=fm: fm.line("scenarios"))
              for uri, fm in site.metas.items() if frontmatter.is_guide(uri)]
    try:
        scenarios.check_guides(registry, guides)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    order = scenarios.site_order(config.nav, (f.src_uri for f in files.documentation_pages()))
    guides.sort(key=lambda g: order.get(g.src_uri, len(order)))
    index = scenarios.Index.build(guides)
    try:
        scenarios.check_first(registry, index, hidden=site.brand.hide)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    template_titles = _titles(TEMPLATES_PAGE)
    checklist_titles = {c.id: c.title for c in site.checklists.values()}
    for scenario in registry:
        content = scenarios.hub_markdown(
            scenario, index, template_titles=template_titles, checklist_titles=checklist_titles,
            templates_page=TEMPLATES_PAGE, checklists_page=CHECKLISTS_PAGE, finder=FINDER,
            fragments=site.fragments)
        files.append(File.generated(config, scenario.hub, content=content))
    state.update(index=index)
    return files
