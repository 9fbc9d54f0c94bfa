"""Scenarios: hubs, advice blocks and the finder, built for real; and the registry's checks."""

from __future__ import annotations

import random
import re

import pytest
import yaml

from conftest import ROOT, Build, Project

from kb import scenarios as sc

REGISTRY = yaml.safe_load((ROOT / "docs/_data/scenarios.yml").read_text(encoding="utf-8"))["scenarios"]
IDS = [s["id"] for s in REGISTRY]
BRIEF_IDS = {"missing-a-requirement", "happily-employed", "recruiter-cold-call", "sounds-wrong-level",
             "other-offer-in-hand", "too-busy", "fear-of-rejection", "feels-dishonest", "bad-feeling",
             "unethical-employer", "after-hr-screen", "new-graduate", "changing-careers",
             "on-unemployment-benefits", "ready-to-withdraw", "declining-an-offer"}


def test_registry_holds_the_brief_scenarios() -> None:
    assert BRIEF_IDS <= set(IDS)


def test_each_hub_shows_statement_answer_and_at_least_three_guides(site: Build) -> None:
    for entry in REGISTRY:
        soup = site.soup(f"scenarios/{entry['id']}/index.html")
        assert soup.h1.get_text(strip=True).rstrip("¶") == entry["statement"]
        answer = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(entry["answer"].split()))  # as rendered
        assert answer[:40] in " ".join(soup.article.get_text().split()), entry["id"]
        guides = soup.select(".tti-guides dt a")
        assert len(guides) >= 3, entry["id"]
        assert all(dd.get_text(strip=True) for dd in soup.select(".tti-guides dd"))
        for template in entry.get("templates", []):
            assert soup.select_one(f'a[href$="messages/templates/#{template}"]'), template


def test_every_hub_lists_its_first_guide_then_the_navigation_order(site: Build) -> None:
    """A property of the real content, whatever guides it has: each hub lists every guide that
    names its scenario; its `first:` guide (or, without one, the first in the navigation) comes
    first, and the others follow the order of the navigation."""
    order = sc.site_order(site.config.nav, [])  # docs path -> place in the navigation
    place = {uri.removesuffix(".md") + "/": n for uri, n in order.items()}
    for entry in REGISTRY:
        links = [a["href"].replace("../../", "") for a in
                 site.soup(f"scenarios/{entry['id']}/index.html").select(".tti-guides dt a")]
        assert len(links) >= 3, entry["id"]
        if entry.get("first"):
            assert links[0] == entry["first"].removesuffix(".md") + "/", entry["id"]
        else:
            assert links[0] == min(links, key=place.__getitem__), entry["id"]
        assert links[1:] == sorted(links[1:], key=place.__getitem__), entry["id"]


def test_hub_guides_follow_site_order(small: Project) -> None:
    built = small.build()
    assert built.ok, built.messages
    links = [a["href"] for a in built.soup("scenarios/two/index.html").select(".tti-guides dt a")]
    assert links == ["../../why/alpha/", "../../why/beta/", "../../stages/delta/", "../../declining/epsilon/",
                     "../../messages/write/"]


def test_hubs_are_in_the_navigation_and_in_search(site: Build) -> None:
    import json

    groups = dict.fromkeys(s["group"] for s in REGISTRY)
    finder_nav = site.soup("scenarios/index.html").select_one(".md-nav--primary")
    assert all(finder_nav.find(string=lambda t, g=g: t and t.strip() == g) for g in groups)
    index = json.loads(site.html("search/search_index.json"))
    locations = {d["location"] for d in index["docs"]}
    for entry in REGISTRY:
        ident = entry["id"]
        nav = site.soup(f"scenarios/{ident}/index.html").select_one(".md-nav--primary")
        active = nav.select_one("a.md-nav__link--active")
        assert active and active.get_text(strip=True) == entry["statement"]
        assert f"scenarios/{ident}/" in locations


def test_every_guide_has_advice_for_its_situations(site: Build) -> None:
    """Each guide ends with its situations (links to their hubs) and at most six other guides
    to read next, none twice (the ranking is tested in test_trust.py)."""
    from test_trust import guide_pages

    for path in guide_pages(site):
        block = site.soup(path).select_one(".tti-advice")
        assert block is not None, path
        hubs = [a["href"] for a in block.select(".tti-advice__situations a")]
        assert hubs and all("/scenarios/" in "/" + hub.replace("../", "") for hub in hubs), path
        others = [a["href"] for a in block.select(".tti-advice__next a")]
        assert 1 <= len(others) <= 6 and len(set(others)) == len(others), path
        assert "./" not in others and "../" + path.split("/")[1] + "/" not in others


def test_finder_lists_every_statement_by_group(site: Build) -> None:
    soup = site.soup("scenarios/index.html")
    finder = soup.select_one("[data-scenario-finder]")
    groups = [h.get_text(strip=True).rstrip("¶") for h in finder.select(".tti-finder__group h2")]
    assert groups == list(dict.fromkeys(s["group"] for s in REGISTRY))
    statements = [a.get_text(strip=True) for a in finder.select(".tti-finder__group li a")]
    assert sorted(statements) == sorted(s["statement"] for s in REGISTRY)
    search = finder.select_one(".tti-finder__search")
    assert search.has_attr("hidden"), "without JavaScript the filter box stays hidden"
    assert search.select_one("[aria-live=polite]")
    assert soup.select_one('label[for="tti-finder-input"]')


def test_home_links_to_the_finder(site: Build) -> None:
    button = site.soup("index.html").select_one("a.md-button--primary")
    assert button["href"] == "scenarios/"


# ---- bad input (the rest of the table is in test_bad_input.py) ----

REG = "docs/_data/scenarios.yml"


def test_unknown_related_template(small: Project) -> None:
    small.edit(REG, "    group: Second group", "    group: Second group\n    templates:\n      - decline-ofer")
    small.fails(f"{REG}:15 [templates]: scenario 'two' names an unknown template 'decline-ofer'",
                "did you mean 'decline-offer'?")


def test_unknown_related_checklist(small: Project) -> None:
    small.edit(REG, "      - fixture-list", "      - fixture-lst")
    small.fails(f"{REG}:7 [checklists]: scenario 'one' names an unknown checklist 'fixture-lst'",
                "did you mean 'fixture-list'?")


# ---- serve and --dirty ----

def test_rebuilds_pick_up_registry_and_front_matter_edits(small: Project) -> None:
    """`mkdocs serve` rebuilds with the same hook modules: the hubs follow each edit."""
    first = small.build()
    assert first.ok, first.messages
    assert "delta" not in str(first.soup("scenarios/one/index.html").select(".tti-guides"))
    small.edit("docs/stages/delta.md", "  - two", "  - two\n  - one")
    small.edit(REG, "I am in the first situation.", "I am in the first situation, renamed.")
    second = small.build()
    assert second.ok, second.messages
    hub = second.soup("scenarios/one/index.html")
    assert hub.h1.get_text(strip=True).rstrip("¶") == "I am in the first situation, renamed."
    assert any(a["href"].endswith("stages/delta/") for a in hub.select(".tti-guides dt a"))


def test_dirty_build_still_has_complete_hubs(small: Project) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    assert small.build().ok
    small.edit("docs/stages/delta.md", "  - two", "  - two\n  - one")
    config = load_config(str(small.root / "site.yml"), site_dir=str(small.out))
    build(config, dirty=True)
    hub = (small.out / "scenarios/one/index.html").read_text(encoding="utf-8")
    assert hub.count("<dt>") == 4 and "stages/delta/" in hub


# ---- the ranking, against a brute-force reference ----

def brute(guides, me, ident, limit=3):
    mine = set(guides[me].scenarios)
    cands = [n for n, g in enumerate(guides) if n != me and ident in g.scenarios]
    cands.sort(key=lambda n: (-len(mine & set(guides[n].scenarios)), n))
    return cands[:limit]


@pytest.mark.parametrize("seed", range(20))
def test_related_guides_match_a_brute_force_ranking(seed: int) -> None:
    rng = random.Random(seed)
    pool = [f"s{i}" for i in range(rng.choice([3, 6, 12]))]
    guides = [sc.GuideRef(f"g{n}.md", f"G{n}", "", tuple(rng.sample(pool, rng.randint(1, min(5, len(pool))))))
              for n in range(rng.randint(5, 120))]
    index = sc.Index.build(guides)
    for me, guide in enumerate(guides):
        for ident in guide.scenarios:
            got = [index.position[g.src_uri] for g in index.related(guide.src_uri, ident)]
            assert got == brute(guides, me, ident)
