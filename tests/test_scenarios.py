"""Scenarios: hubs, advice blocks and the finder, built for real; and the registry's checks."""

from __future__ import annotations

import random

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
        assert " ".join(entry["answer"].split())[:40] in soup.article.get_text(" ", strip=True)
        guides = soup.select(".tti-guides dt a")
        assert len(guides) >= 3, entry["id"]
        assert all(dd.get_text(strip=True) for dd in soup.select(".tti-guides dd"))
        for template in entry.get("templates", []):
            assert soup.select_one(f'a[href$="messages/templates/#{template}"]'), template


def test_hub_guides_follow_site_order(site: Build) -> None:
    soup = site.soup("scenarios/too-busy/index.html")
    links = [a["href"] for a in soup.select(".tti-guides dt a")]
    assert links == ["../../why/plan-b/", "../../bad-reasons/too-busy/", "../../stages/recruiter-screen/"]


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
    from test_site import guide_pages

    for path in guide_pages(site):
        soup = site.soup(path)
        block = soup.select_one(".tti-advice")
        assert block is not None, path
        items = block.find_all("li")
        assert items, path
        for li in items:
            hub = li.find("a")["href"]
            assert "/scenarios/" in "/" + hub.replace("../", "")
            others = [a["href"] for a in li.find_all("a")[1:]]
            assert len(others) <= 3 and "./" not in others and "../" + path.split("/")[1] + "/" not in others


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


# ---- bad input ----

REG = "docs/_data/scenarios.yml"


def line_of(project: Project, text: str) -> int:
    return project.read(REG).splitlines().index(text) + 1


def test_unknown_scenario_in_a_guide_suggests_the_closest(project: Project) -> None:
    project.edit("docs/why/practice.md", "  - new-graduate", "  - new-graduat")
    project.fails("docs/why/practice.md:4 [scenarios]: unknown scenario id 'new-graduat'",
                  "did you mean 'new-graduate'?")


def test_duplicate_registry_id(project: Project) -> None:
    first, second = line_of(project, "  - id: missing-a-requirement"), line_of(project, "  - id: happily-employed")
    project.edit(REG, "  - id: happily-employed", "  - id: missing-a-requirement")
    project.fails(f"{REG}:{second} [id]: the id 'missing-a-requirement' is used twice (first on line {first})")


def test_registry_entry_missing_its_statement(project: Project) -> None:
    entry = line_of(project, "  - id: happily-employed")
    project.edit(REG, "    statement: I'm employed and not really looking.\n", "")
    project.fails(f"{REG}:{entry} [statement]: scenario 'happily-employed' has no statement", "add `statement:`")


def test_registry_entry_missing_its_group(project: Project) -> None:
    text = project.read(REG)
    start = text.index("  - id: too-busy")
    end = text.index("    group: Should I go?", start)
    project.write(REG, text[:end] + text[end + len("    group: Should I go?\n"):])
    project.fails("scenario 'too-busy' has no group", "add `group:`")


def test_registry_id_that_is_not_a_slug(project: Project) -> None:
    project.edit(REG, "  - id: too-busy", "  - id: Too Busy")
    project.fails("[id]: 'Too Busy' is not an id", "e.g. 'too-busy'")


def test_scenario_no_guide_references(project: Project) -> None:
    project.write(REG, project.read(REG) + """
  - id: lonely-scenario
    statement: Nobody links here.
    answer: An answer.
    group: Saying no
""")
    project.fails("[lonely-scenario]: no guide refers to scenario 'lonely-scenario'")


def test_registry_that_is_not_yaml_gives_file_and_line(project: Project) -> None:
    project.edit(REG, "    group: Should I go?\n", "    group: [Should I go?\n")
    project.fails(f"{REG}:", "not valid YAML")


def test_unknown_related_template(project: Project) -> None:
    project.edit(REG, "      - decline-invitation\n      - recommend-colleague",
                 "      - decline-invitaton\n      - recommend-colleague")
    project.fails("scenario 'recruiter-cold-call' names an unknown template 'decline-invitaton'",
                  "did you mean 'decline-invitation'?")


def test_unknown_related_checklist(project: Project) -> None:
    project.edit(REG, "    checklists:\n      - declining\n    templates:\n      - decline-offer",
                 "    checklists:\n      - declinng\n    templates:\n      - decline-offer")
    project.fails("scenario 'declining-an-offer' names an unknown checklist 'declinng'",
                  "did you mean 'declining'?")


# ---- serve and --dirty ----

def test_rebuilds_pick_up_registry_and_front_matter_edits(project: Project) -> None:
    """`mkdocs serve` rebuilds with the same hook modules: the hubs follow each edit."""
    first = project.build()
    assert first.ok, first.messages
    assert "/why/practice/" not in "".join(a["href"] for a in first.soup("scenarios/too-busy/index.html")
                                          .select(".tti-guides dt a")).replace("../..", "")
    project.edit("docs/why/practice.md", "  - new-graduate", "  - new-graduate\n  - too-busy")
    project.edit(REG, "I don't have time for interviews.", "I have no time for interviews.")
    second = project.build()
    assert second.ok, second.messages
    hub = second.soup("scenarios/too-busy/index.html")
    assert hub.h1.get_text(strip=True).rstrip("¶") == "I have no time for interviews."
    assert any(a["href"].endswith("why/practice/") for a in hub.select(".tti-guides dt a"))


def test_dirty_build_still_has_complete_hubs(project: Project) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    assert project.build().ok
    project.edit("docs/why/practice.md", "  - new-graduate", "  - new-graduate\n  - too-busy")
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(project.out))
    build(config, dirty=True)
    hub = (project.out / "scenarios/too-busy/index.html").read_text(encoding="utf-8")
    assert hub.count("<dt>") == 4 and "why/practice/" in hub


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
