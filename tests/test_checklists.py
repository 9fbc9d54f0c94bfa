"""Checklists: data files embedded by a directive; the public markup; and every bad input."""

from __future__ import annotations

import gzip

import yaml

from conftest import ROOT, Build, Project

DATA = ROOT / "docs/_data/checklists"
CHECKLISTS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in DATA.glob("*.yml")}


def test_the_five_checklists_of_the_brief_exist() -> None:
    assert {"should-i-go", "before-each-stage", "find-out", "after-the-interview", "declining"} <= {
        c["id"] for c in CHECKLISTS.values()}


def test_markup_contract(site: Build) -> None:
    soup = site.soup("checklists/index.html")
    for data in CHECKLISTS.values():
        box = soup.select_one(f'[data-checklist="{data["id"]}"]')
        assert box is not None, data["id"]
        assert box.find("h2").get_text(strip=True).rstrip("¶") == data["title"]
        progress = box.select_one("[data-progress]")
        assert progress["aria-live"] == "polite"
        inputs = box.select('input[type="checkbox"][data-item]')
        assert [i["data-item"] for i in inputs] == [item["id"] for item in data["items"]]
        for box_input in inputs:
            label = soup.find("label", attrs={"for": box_input["id"]})
            assert label is not None and label.get_text(strip=True)
        actions = [b["data-action"] for b in box.select(".tti-checklist__tools button")]
        assert actions == ["print", "export", "import", "reset"]


def test_why_is_a_disclosure_with_the_guides_answer_and_a_real_link(site: Build) -> None:
    soup = site.soup("checklists/index.html")
    whys = soup.select('[data-checklist="should-i-go"] details.tti-checklist__why')
    assert whys
    for why in whys:
        assert why.summary.get_text(strip=True) == "Why?"
        link = why.select_one("a[href]")
        assert link["href"].startswith("../") and link["href"].endswith("/")
        assert link.get_text().startswith("Read more: ")
        assert len(why.get_text(strip=True)) > len(link.get_text()) + 20, "it shows the guide's short answer"


def test_item_text_is_inline_markdown(small: Project) -> None:
    built = small.build()
    assert built.ok, built.messages
    label = built.soup("checklists/index.html").find("label", attrs={"for": "fixture-list--second-item"})
    assert label.em and label.em.get_text() == "emphasis"


def test_a_checklist_can_be_embedded_in_any_page(site: Build) -> None:
    assert site.soup("declining/how-to-decline/index.html").select_one('[data-checklist="declining"]')
    assert site.soup("why/index.html").select_one('[data-checklist="should-i-go"]')


def test_scenario_hubs_link_their_checklists(site: Build) -> None:
    soup = site.soup("scenarios/after-hr-screen/index.html")
    assert soup.select_one('a[href="../../checklists/#before-each-stage"]')


def test_script_and_styles_stay_small() -> None:
    js = (ROOT / "docs/assets/js/checklist.js").read_bytes()
    css = (ROOT / "docs/assets/css/checklist.css").read_bytes()
    # Unminified and gzipped; minifying only makes them smaller.
    assert len(gzip.compress(js, 9)) <= 4096
    assert len(gzip.compress(css, 9)) <= 2048


def test_item_html_is_escaped(small: Project) -> None:
    small.edit(FILE, "text: The first item.", 'text: "I thank them <script>alert(1)</script> & <b>bold</b>"')
    built = small.build()
    assert built.ok, built.messages
    label = built.soup("checklists/index.html").select_one('label[for="fixture-list--first-item"]')
    assert label.find("script") is None and label.find("b") is None
    assert "<script>alert(1)</script> & <b>bold</b>" in label.get_text()


# ---- mistakes stop the build with the file, the line and the fix (see also test_bad_input.py) ----

FILE = "docs/_data/checklists/fixture-list.yml"


def test_two_checklists_with_the_same_id(small: Project) -> None:
    small.write("docs/_data/checklists/zz-copy.yml", small.read(FILE))
    small.fails("docs/_data/checklists/zz-copy.yml:1 [id]: the checklist id 'fixture-list' is already used by "
                f"{FILE}")


def test_item_missing_its_id(small: Project) -> None:
    small.edit(FILE, "  - id: second-item\n    text:", "  - text:")
    small.fails(f"{FILE}:8 [id]: item 2 has no 'id'")


def test_id_that_is_not_a_slug(small: Project) -> None:
    small.edit(FILE, "  - id: second-item", "  - id: Second Item")
    small.fails(f"{FILE}:8 [id]: item id 'Second Item' is not an id")


def test_checklist_yaml_that_does_not_parse(small: Project) -> None:
    small.edit(FILE, "  - id: second-item", "  - id: [second-item")
    small.fails(f"{FILE}:", "not valid YAML")
