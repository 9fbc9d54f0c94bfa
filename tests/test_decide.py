"""The "Should I go?" decision aid: its data file, its markup without JavaScript, and every bad
input stopping the build with the file, line and fix (the browser tests are in
test_decide_browser.py)."""

from __future__ import annotations

import yaml

from conftest import ROOT, Build, Project

DATA = ROOT / "docs" / "_data" / "decide.yml"
FIXTURE_DATA = "docs/_data/decide.yml"


def test_the_real_aid_has_five_to_eight_questions_of_two_to_four_answers() -> None:
    questions = yaml.safe_load(DATA.read_text(encoding="utf-8"))["questions"]
    assert 5 <= len(questions) <= 8
    for question in questions:
        assert 2 <= len(question["answers"]) <= 4, question["question"]
    meanings = {a["means"] for q in questions for a in q["answers"]}
    assert meanings == {"go", "stop", "neutral"}


def test_the_home_page_lists_every_question_with_answers_that_link_to_advice(site: Build) -> None:
    questions = yaml.safe_load(DATA.read_text(encoding="utf-8"))["questions"]
    soup = site.soup("index.html")
    aid = soup.select_one("[data-decision-aid]")
    assert aid is not None
    items = aid.select(".tti-decide__list > li")
    assert [li.select_one(".tti-decide__question").get_text(strip=True) for li in items] == \
        [q["question"] for q in questions]
    for li, question in zip(items, questions):
        answers = li.select("li[data-answer]")
        assert [a.select_one(".tti-decide__answer").get_text(strip=True) for a in answers] == \
            [a["answer"] for a in question["answers"]]
        for item, data in zip(answers, question["answers"]):
            assert item["data-means"] == data["means"]
            assert item.select_one(".tti-decide__why").get_text(strip=True) == data["why"]
            links = item.select(".tti-decide__links a")
            assert len(links) == len(data.get("scenarios", [])) + len(data.get("guides", []))
            for a in links:  # a built page, by a relative address
                assert not a["href"].startswith(("/", "http")) and a["href"].endswith("/"), a["href"]
                assert (site.site / a["href"] / "index.html").is_file(), a["href"]
    # The form: one radio group per question, each with a legend, hidden until the script runs
    form = aid.select_one("form.tti-decide__form")
    assert form.has_attr("hidden")
    fieldsets = form.select("fieldset")
    assert len(fieldsets) == len(questions)
    assert all(f.legend and f.legend.get_text(strip=True) for f in fieldsets)
    summary = aid.select_one(".tti-decide__summary")
    assert summary.has_attr("hidden")
    assert form.select_one("[data-status]")["aria-live"] == "polite"


def test_the_script_stores_nothing() -> None:
    script = (ROOT / "docs" / "assets" / "js" / "decide.js").read_text(encoding="utf-8")
    assert "Storage" not in script and "cookie" not in script and "__md_set" not in script


def test_the_fixture_aid_resolves_anchors_and_titles(small: Project) -> None:
    result = small.build()
    assert result.ok, result.messages
    soup = result.soup("index.html")
    links = {a["href"]: a.get_text() for a in soup.select(".tti-decide__links a")}
    assert links == {"scenarios/one/": "I am in the first situation.", "why/alpha/": "Alpha guide",
                     "why/beta/#in-short": "Beta guide", "scenarios/two/": "I am in the second situation.",
                     "stages/delta/": "Delta guide"}, links


def test_the_aid_is_optional_but_the_directive_needs_it(small: Project) -> None:
    small.path(FIXTURE_DATA).unlink()
    small.fails("docs/index.md:9: the page uses the decision aid, but docs/_data/decide.yml is missing",
                "Fix: restore docs/_data/decide.yml")
    small.edit("docs/index.md", "<!-- kb:decision-aid -->", "")
    assert small.build().ok


# ---- bad input: each stops the build with the file, line and fix ----

def test_an_answer_that_links_to_a_page_that_does_not_exist(small: Project) -> None:
    small.edit(FIXTURE_DATA, "guides: [stages/delta.md]", "guides: [stages/deltaa.md]")
    small.fails(f"{FIXTURE_DATA}:25 [guides]: answer 2 of question 2 links to 'stages/deltaa.md', "
                "which is not a page of the site", "Fix: did you mean 'stages/delta.md'?")


def test_a_question_with_no_answers(small: Project) -> None:
    text = small.read(FIXTURE_DATA)
    small.write(FIXTURE_DATA, text[:text.index("  - question: Is the second")]
                + "  - question: Is the second question fair?\n    answers: []\n")
    small.fails(f"{FIXTURE_DATA}:17 [answers]: question 2 has no answers",
                "Fix: add `answers:` with 2 to 4 entries")


def test_a_question_with_one_answer(small: Project) -> None:
    text = small.read(FIXTURE_DATA)
    small.write(FIXTURE_DATA, text[:text.index("      - answer: It is not.")])
    small.fails(f"{FIXTURE_DATA}:17 [answers]: question 2 has only 1 answer", "Fix: add `answers:`")


def test_an_unknown_scenario_id(small: Project) -> None:
    small.edit(FIXTURE_DATA, "scenarios: [two]", "scenarios: [tow]")
    small.fails(f"{FIXTURE_DATA}:21 [scenarios]: answer 1 of question 2 names an unknown scenario 'tow'",
                "Fix: did you mean 'two'?")


def test_an_unknown_key(small: Project) -> None:
    small.edit(FIXTURE_DATA, "        means: neutral\n", "        means: neutral\n        nxt: typo\n")
    small.fails(f"{FIXTURE_DATA}:20 [nxt]: answer 1 of question 2 has an unknown key 'nxt'",
                "Fix: did you mean 'next'?")


def test_an_unknown_key_at_the_top(small: Project) -> None:
    small.write(FIXTURE_DATA, small.read(FIXTURE_DATA) + "intro: Hello\n")
    small.fails(f"{FIXTURE_DATA}:26 [intro]: unknown key 'intro'", "Fix:")


def test_a_duplicate_key(small: Project) -> None:
    small.edit(FIXTURE_DATA, "        why: A clear question is a reason to go.\n",
               "        why: A clear question is a reason to go.\n        why: Twice.\n")
    small.fails(f"{FIXTURE_DATA}:8: the key 'why' is given twice in the same place",
                "Fix: remove one of the two, or merge them: YAML keeps only the last one (the first is on line 7)")


def test_an_unknown_meaning(small: Project) -> None:
    small.edit(FIXTURE_DATA, "means: neutral", "means: maybe")
    small.fails(f"{FIXTURE_DATA}:19 [means]: answer 1 of question 2 means 'maybe', which the aid does not know",
                "Fix:")


def test_an_answer_with_no_links(small: Project) -> None:
    small.edit(FIXTURE_DATA, "        scenarios: [two]\n", "")
    small.fails(f"{FIXTURE_DATA}:18: answer 1 of question 2 links to no advice", "Fix: add `scenarios:` or `guides:`")


def test_an_answer_with_no_reason(small: Project) -> None:
    small.edit(FIXTURE_DATA, "        why: Fairness is worth weighing.\n", "")
    small.fails(f"{FIXTURE_DATA}:18 [why]: answer 1 of question 2 has no 'why'", "Fix: add `why:`")


# ---- the finder's other phrasings (`also:` in scenarios.yml) ----

def test_also_phrasings_are_shown_on_the_finder(small: Project) -> None:
    small.edit("docs/_data/scenarios.yml", "    group: First group\n",
               "    group: First group\n    also:\n      - \"I have an interview *tomorrow* & [more](x.md).\"\n")
    result = small.build()
    assert result.ok, result.messages
    item = result.soup("scenarios/index.html").select_one(".tti-finder__group li")
    also = item.select_one(".tti-finder__also")
    assert also.get_text() == "“I have an interview *tomorrow* & [more](x.md).”"
    assert not also.find("em") and not also.find("a")


def test_also_must_be_a_list(small: Project) -> None:
    small.edit("docs/_data/scenarios.yml", "    group: First group\n", "    group: First group\n    also: tomorrow\n")
    small.fails("docs/_data/scenarios.yml:7 [also]: 'also' of scenario 'one' must be a list of sentences",
                "Fix: write one sentence per line under `also:`")


def test_also_must_not_repeat_the_statement(small: Project) -> None:
    small.edit("docs/_data/scenarios.yml", "    group: First group\n",
               "    group: First group\n    also:\n      - i am in the first situation.\n")
    small.fails("docs/_data/scenarios.yml:8 [also]: scenario 'one' gives the phrasing 'i am in the first situation.' twice",
                "Fix: remove the repeat")


def test_an_unknown_scenario_key_suggests_also(small: Project) -> None:
    small.edit("docs/_data/scenarios.yml", "    group: First group\n", "    group: First group\n    alos: [x]\n")
    small.fails("docs/_data/scenarios.yml:7 [alos]: scenario 'one' has an unknown key 'alos'", "did you mean 'also'?")


def test_a_guide_an_office_hides_gives_way_to_its_replacement(small: Project) -> None:
    small.edit("site.yml", "    home: {}", "    home: {}\n    hide:\n      why/alpha.md: why/gamma.md")
    result = small.build()
    assert result.ok, result.messages
    hrefs = [a["href"] for a in result.soup("index.html").select(".tti-decide__links a")]
    assert "why/gamma/" in hrefs and "why/alpha/" not in hrefs, hrefs
