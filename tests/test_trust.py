"""Trust at a glance and endings that guide: the line under each guide's title, the footer's
links, contributor controls kept for contributors, hubs that name the guides their answer rests
on and mark the one to read first, and guides that end with at most six links to read next.

Properties of the real site are checked on every guide and hub, whatever pages it has today;
the settings and their mistakes on the small fixture site.
"""

from __future__ import annotations

import random
from urllib.parse import urljoin

import pytest
import yaml

from conftest import ROOT, Build, Project

from kb import scenarios as sc
from kb import strings
from kb.frontmatter import is_guide

REGISTRY = yaml.safe_load((ROOT / "docs/_data/scenarios.yml").read_text(encoding="utf-8"))["scenarios"]
CATALOGUE = strings.load(ROOT / "docs", "en")


def front_matter(path: str) -> dict:
    text = (ROOT / "docs" / path).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def guide_pages(site: Build) -> list[str]:
    """Every guide of the built site (index.html paths), in every section that has guides."""
    return [p for p in site.pages() if is_guide(p.removesuffix("/index.html") + ".md")]


def docs_path(page: str, href: str) -> str:
    """The docs path (why/practice.md) a relative link on a built page (why/practice/index.html)
    goes to."""
    target = urljoin("https://x/" + page, href).removeprefix("https://x/").split("#")[0]
    return target.removesuffix("index.html").removesuffix("/") + ".md"


# ---- under each guide's title ----

def test_each_guide_says_when_it_was_reviewed_and_links_its_sources(site: Build) -> None:
    for path in guide_pages(site):
        meta = front_matter(path.removesuffix("/index.html") + ".md")
        soup = site.soup(path)
        byline = soup.select_one("article .tti-byline")
        assert byline is not None, path
        title = soup.select_one("article h1")
        assert title.find_next("p") is byline, f"{path}: the line comes right under the title"
        when = byline.select_one("time")
        assert when["datetime"] == meta["reviewed"].isoformat()
        assert when.get_text() == "Reviewed " + CATALOGUE.date(meta["reviewed"])
        count = len(meta["sources"])
        cited = soup.select(".tti-meta ul > li")
        assert len(cited) == count, path
        link = byline.select_one("a")
        assert link["href"] == "#sources" and soup.select_one("h2#sources")
        assert link.get_text() == (f"{count} sources" if count != 1 else "1 source")
        assert byline.has_attr("data-search-exclude"), "search keeps the description as the page's lead"


def test_a_spanish_interface_writes_the_line_in_spanish(small: Project) -> None:
    small.edit("site.yml", "site_name: Fixture Site", "site_name: Fixture Site\ntheme:\n  language: es")
    built = small.build()
    assert built.ok, built.messages
    byline = built.soup("why/alpha/index.html").select_one(".tti-byline")
    assert byline["lang"] == "es"
    assert byline.get_text(" ", strip=True) == "Revisada el 2 de enero de 2026 · 1 fuente"
    start = built.soup("scenarios/two/index.html").select_one(".tti-guides .tti-start-here")
    assert start.get_text() == "Empieza aquí" and start["lang"] == "es"
    label = built.soup("scenarios/two/index.html").select_one(".tti-based-on span[lang]")
    assert label["lang"] == "es" and label.get_text() == "Esta respuesta se basa en:"
    footer = built.soup("why/alpha/index.html").select_one(".tti-about-site")
    assert [a.get_text() for a in footer.select("a")][-1] == "Sugerir un cambio"


# ---- the foot of a guide ----

def expected_next(guide: str, metas: dict[str, dict], order: dict[str, int], limit: int = 6) -> list[str]:
    """By brute force: the other guides that share a situation with `guide`, the most shared
    first, then in the order of the navigation."""
    mine = set(metas[guide]["scenarios"])
    others = [g for g in metas if g != guide and mine & set(metas[g]["scenarios"])]
    others.sort(key=lambda g: (-len(mine & set(metas[g]["scenarios"])), order[g]))
    return others[:limit]


def test_every_guide_ends_with_its_situations_and_at_most_six_guides_to_read_next(site: Build) -> None:
    order = sc.site_order(site.config.nav, [])
    pages = guide_pages(site)
    metas = {p.removesuffix("/index.html") + ".md": front_matter(p.removesuffix("/index.html") + ".md") for p in pages}
    statements = {s["id"]: s["statement"] for s in REGISTRY}
    for path in pages:
        guide = path.removesuffix("/index.html") + ".md"
        block = site.soup(path).select_one(".tti-advice")
        assert block is not None, path
        hubs = [a.get_text() for a in block.select(".tti-advice__situations a")]
        assert hubs == [statements[s] for s in metas[guide]["scenarios"]], path
        links = [docs_path(path, a["href"]) for a in block.select(".tti-advice__next a")]
        assert 1 <= len(links) <= 6, f"{path}: {len(links)} guides to read next"
        assert len(set(links)) == len(links), f"{path}: a guide is listed twice"
        assert guide not in links, f"{path} lists itself"
        assert links == expected_next(guide, metas, order), path
        hrefs = [a["href"] for a in block.find_all("a")]
        assert len(set(hrefs)) == len(hrefs), f"{path}: a link is repeated"


@pytest.mark.parametrize("seed", range(20))
def test_guides_to_read_next_match_a_brute_force_ranking(seed: int) -> None:
    rng = random.Random(seed)
    pool = [f"s{i}" for i in range(rng.choice([3, 6, 12, 40]))]
    guides = [sc.GuideRef(f"g{n}.md", f"G{n}", "", tuple(rng.sample(pool, rng.randint(1, min(9, len(pool))))))
              for n in range(rng.randint(5, 150))]
    index = sc.Index.build(guides)
    metas = {g.src_uri: {"scenarios": g.scenarios} for g in guides}
    order = {g.src_uri: n for n, g in enumerate(guides)}
    for guide in guides:
        got = [g.src_uri for g in index.related(guide.src_uri, None, 6)]
        assert got == expected_next(guide.src_uri, metas, order)


# ---- hubs ----

def test_every_hub_marks_the_guide_to_read_first(site: Build) -> None:
    """The first guide of each hub is marked "Start here", and only it (the order itself is
    tested in test_scenarios.py)."""
    for entry in REGISTRY:
        soup = site.soup(f"scenarios/{entry['id']}/index.html")
        marks = soup.select(".tti-guides .tti-start-here")
        assert len(marks) == 1 and marks[0].parent is soup.select_one(".tti-guides dt"), entry["id"]
        assert marks[0].get_text() == "Start here"


def test_every_hub_answer_names_the_guides_it_rests_on(site: Build) -> None:
    for entry in REGISTRY:
        page = f"scenarios/{entry['id']}/index.html"
        soup = site.soup(page)
        line = soup.select_one("article .tti-based-on")
        assert line is not None, entry["id"]
        assert line.find_previous_sibling("p") is not None and "tti-lead" not in (line.get("class") or [])
        assert line.get_text().startswith("This answer is based on:")
        named = [a["href"] for a in line.select("a")]
        assert named == [a["href"] for a in soup.select(".tti-guides dt a")][:sc.BASED_ON], entry["id"]
        assert line.has_attr("data-search-exclude")


def test_first_orders_a_hub_in_the_fixture(small: Project) -> None:
    small.edit("docs/_data/scenarios.yml", "    group: Second group", "    group: Second group\n    first: declining/epsilon.md")
    built = small.build()
    assert built.ok, built.messages
    soup = built.soup("scenarios/two/index.html")
    links = [a["href"] for a in soup.select(".tti-guides dt a")]
    assert links == ["../../declining/epsilon/", "../../why/alpha/", "../../why/beta/", "../../stages/delta/",
                     "../../messages/write/"]
    assert soup.select_one(".tti-guides dt .tti-start-here").find_next("a")["href"] == "../../declining/epsilon/"
    assert [a["href"] for a in soup.select(".tti-based-on a")] == links[:3]


def test_a_first_guide_the_office_hides_is_skipped(small: Project) -> None:
    small.edit("docs/_data/scenarios.yml", "    group: Second group", "    group: Second group\n    first: declining/epsilon.md")
    small.edit("site.yml", "    home: {}", "    hide:\n      declining/epsilon.md: ~")
    built = small.build()
    assert built.ok, built.messages
    assert built.soup("scenarios/two/index.html").select_one(".tti-guides dt a")["href"] == "../../why/alpha/"


# ---- the footer ----

def test_every_page_footer_names_the_maintainers_and_links_how_the_site_is_made(site: Build) -> None:
    wanted = {"How we write the guides": "about/editorial.md", "Sources": "about/sources.md",
              "Privacy": "about/privacy.md", "Accessibility": "about/accessibility.md"}
    repo = "https://github.com/take-the-interview/take-the-interview"
    for page in site.pages():
        soup = site.soup(page)
        nav = soup.select_one(".md-footer nav.tti-about-site[aria-label]")
        assert nav is not None, page
        assert nav.select_one(".tti-maintainer").get_text(strip=True).startswith("Written and kept up to date by")
        links = {a.get_text(strip=True): a["href"] for a in nav.select("a")}
        for label, target in wanted.items():
            assert docs_path(page, links[label]) == target, (page, label)
        assert links["Suggest a change"] == repo + "/issues/new"


def test_privacy_and_accessibility_pages_are_in_the_navigation(site: Build) -> None:
    soup = site.soup("about/index.html")
    nav = [a["href"] for a in soup.select(".md-nav--primary a")]
    assert any(h.endswith("privacy/") for h in nav) and any(h.endswith("accessibility/") for h in nav)
    text = site.soup("about/accessibility/index.html").get_text(" ")
    assert "WCAG" in text and "2.2" in text and "axe-core" in text
    text = site.soup("about/privacy/index.html").get_text(" ")
    assert "localStorage" in text and "No cookies" in text


# ---- contributor controls ----

def test_readers_get_no_edit_pencil_and_no_repository_link(site: Build) -> None:
    for page in ("index.html", "why/practice/index.html", "scenarios/too-busy/index.html"):
        soup = site.soup(page)
        assert not soup.select(".md-source"), page
        assert not soup.select("a.md-content__button"), page
        assert not soup.select('a[rel="edit"]'), page


def settings(small: Project, yaml_text: str) -> None:
    small.edit("site.yml", "    home: {}", yaml_text.rstrip("\n"))


def test_an_overlay_can_bring_back_the_contributor_links(small: Project) -> None:
    settings(small, "    contributor_links: true")
    built = small.build()
    assert built.ok, built.messages
    soup = built.soup("why/alpha/index.html")
    repo = "https://github.com/take-the-interview/take-the-interview"
    source = soup.select_one(".md-source")
    assert source is not None and source["href"] == repo
    assert not soup.select('[data-md-component="source"]'), "no call to the GitHub API"
    pencil = soup.select_one("a.md-content__button[href]")
    assert pencil is not None and pencil["href"] == f"{repo}/edit/main/docs/why/alpha.md"
    assert soup.select_one(".tti-site-links a[href$='/issues/new']")


def test_an_overlay_sets_or_removes_the_suggest_link(small: Project) -> None:
    settings(small, "    suggest: https://forms.example.org/suggest")
    built = small.build()
    assert built.ok, built.messages
    link = built.soup("why/alpha/index.html").find("a", string="Suggest a change")
    assert link["href"] == "https://forms.example.org/suggest"
    small.edit("site.yml", "    suggest: https://forms.example.org/suggest", "    suggest: false")
    built = small.build()
    assert built.ok, built.messages
    assert built.soup("why/alpha/index.html").find("a", string="Suggest a change") is None


def test_an_office_privacy_and_accessibility_page_win(small: Project) -> None:
    settings(small, "    privacy:\n      url: https://uni.example.org/privacy\n"
                    "    accessibility:\n      url: https://uni.example.org/access")
    built = small.build()
    assert built.ok, built.messages
    links = {a.get_text(strip=True): a["href"] for a in built.soup("index.html").select(".tti-site-links a")}
    assert links["Privacy"] == "https://uni.example.org/privacy"
    assert links["Accessibility"] == "https://uni.example.org/access"


# ---- bad input ----

BRAND_LINE = "site.yml:26"


@pytest.mark.parametrize("value, problem", [
    ("http://github.com/x/y/issues", "is not an https address"),
    ("mailto:edit@example.org", "is not an https address"),
    ("javascript:alert(1)", "is not an https address"),
    ("https:///issues", "has no host name"),
    ("'https://example.org/\"x'", "holds spaces, quotes or angle brackets"),
])
def test_a_suggest_link_that_is_not_https_stops_the_build(small: Project, value: str, problem: str) -> None:
    settings(small, f"    suggest: {value}")
    text = small.fails(f"{BRAND_LINE} [extra.brand.suggest]", problem,
                       "Fix: give the full https:// address of your repository's issues or edit page")
    assert text.count("Fix:") == 1


def test_contributor_links_must_be_true_or_false(small: Project) -> None:
    settings(small, "    contributor_links: 'yes'")
    small.fails(f"{BRAND_LINE} [extra.brand.contributor_links]", "must be `true` or `false`",
                "Fix: write `contributor_links: true`")


def test_a_suggest_link_that_is_a_list_is_refused(small: Project) -> None:
    settings(small, "    suggest:\n      - https://example.org/")
    small.fails(f"{BRAND_LINE} [extra.brand.suggest]", "must be an https:// address, or `false`")


def test_a_first_guide_that_does_not_name_the_situation(small: Project) -> None:
    small.edit("docs/_data/scenarios.yml", "    group: First group", "    group: First group\n    first: why/gama.md")
    small.fails("docs/_data/scenarios.yml:7 [first]: `first:` of scenario 'one' names 'why/gama.md', "
                "which is not one of its guides", "did you mean 'why/gamma.md'?")


def test_a_first_guide_that_is_not_a_path(small: Project) -> None:
    small.edit("docs/_data/scenarios.yml", "    group: First group", "    group: First group\n    first: [alpha]")
    small.fails("docs/_data/scenarios.yml:7 [first]: `first:` of scenario 'one' must be the docs path of a guide",
                "Fix: write the path of one of its guides")


def test_a_first_guide_from_another_situation(small: Project) -> None:
    small.edit("docs/_data/scenarios.yml", "    group: First group", "    group: First group\n    first: messages/write.md")
    small.fails("[first]: `first:` of scenario 'one' names 'messages/write.md', which is not one of its guides",
                "or add `one` to that guide's `scenarios:`")


# ---- in the browser ----

def test_the_sources_link_moves_to_the_sources_by_keyboard(served, browser) -> None:
    from browser import without_search_index

    base, _ = served
    context = browser.new_context(viewport={"width": 375, "height": 700})
    without_search_index(context)
    page = context.new_page()
    page.goto(base + "why/practice/", wait_until="load")
    link = page.locator(".tti-byline a")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#sources'")
    # the Sources heading comes on screen (Material may scroll to it smoothly)
    page.wait_for_function("""() => { const r = document.getElementById('sources').getBoundingClientRect();
                                      return r.top >= 0 && r.bottom <= innerHeight; }""", timeout=5000)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.tti-meta') !== null"), \
        "Tab goes on from the sources, not from the top"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_parts_have_no_axe_violations(served, browser, scheme: str) -> None:
    from browser import axe_violations, without_search_index

    base, _ = served
    context = browser.new_context(color_scheme=scheme, viewport={"width": 375, "height": 800})
    without_search_index(context)
    page = context.new_page()
    problems = []
    for path in ("why/practice/", "scenarios/too-busy/", "about/privacy/", "about/accessibility/"):
        page.goto(base + path, wait_until="load")
        problems += [f"{path}: {v}" for v in axe_violations(page, scheme=scheme)]
    context.close()
    assert not problems, "\n".join(problems)


def test_titles_in_the_new_lines_show_as_typed(small: Project) -> None:
    """A guide title that looks like HTML or Markdown is text in the hub's "based on" line and
    in another guide's list to read next."""
    hostile = 'Alpha <script>alert(1)</script> *x* [y](javascript:z)'
    small.edit("docs/why/alpha.md", "title: Alpha guide", f"title: {hostile!r}")
    built = small.build()
    assert built.ok, built.messages
    hub = built.soup("scenarios/one/index.html")
    assert hostile in hub.select_one(".tti-based-on").get_text()
    assert not hub.select("article script")
    assert all(a["href"].startswith("../../") for a in hub.select(".tti-based-on a"))
    nexts = built.soup("why/beta/index.html").select(".tti-advice__next a")
    assert hostile in [a.get_text() for a in nexts]
