"""The "Should I go?" decision aid in real headless Chromium: answered by keyboard alone, a
summary whose reasons match the answers, links that resolve, copy and print, nothing stored,
a phone's first screen, no JavaScript, and axe-core in both schemes."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import Browser, Page

from browser import axe_violations, instant, open_watched
from conftest import ROOT

from kb import strings

QUESTIONS = yaml.safe_load((ROOT / "docs" / "_data" / "decide.yml").read_text(encoding="utf-8"))["questions"]
TEXT = strings.load(ROOT / "docs", "en").strings
#: The answers a reader picks, by question: a mix of reasons to go, to stop and to weigh.
PICKS = [0, 1, 2, 1, 1, 0][:len(QUESTIONS)] + [0] * (len(QUESTIONS) - 6)
HEADINGS = {"go": TEXT["decide.go"], "stop": TEXT["decide.stop"], "neutral": TEXT["decide.neutral"]}
STORAGE = "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"


def open_home(browser: Browser, base: str, **context) -> Page:
    page = open_watched(browser, base, **context)
    if context.get("java_script_enabled", True):
        page.locator(".tti-decide__form").wait_for(state="visible")
    return page


def answer_by_keyboard(page: Page, picks: list[int]) -> None:
    """Tab from the top of the page to the first radio group, then in each group choose with
    the arrow keys (or Space for the first answer), and Tab on to the next group."""
    page.locator("body").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name === 'tti-decide-0'"):
            break
    else:
        pytest.fail("Tab never reached the first question")
    for number, pick in enumerate(picks):
        assert page.evaluate("document.activeElement.name") == f"tti-decide-{number}"
        if pick == 0:
            page.keyboard.press("Space")
        for _ in range(pick):
            page.keyboard.press("ArrowDown")
        checked = page.evaluate(f"document.querySelector('input[name=\"tti-decide-{number}\"]:checked').value")
        assert checked == str(pick), (number, pick)
        page.keyboard.press("Tab")


def summary_lists(page: Page) -> dict[str, list[str]]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.tti-decide__summary [data-part]')]
        .filter(p => !p.hidden).map(p => [p.dataset.part,
            [...p.querySelectorAll('[data-list] > li')].map(li => li.textContent.trim())]))""")


def test_keyboard_only_gives_a_summary_whose_reasons_match_the_answers(served, browser: Browser) -> None:
    base, _ = served
    page = open_home(browser, base)
    before = page.evaluate(STORAGE)
    answer_by_keyboard(page, PICKS)
    chosen = [QUESTIONS[q]["answers"][a] for q, a in enumerate(PICKS)]
    # The polite status says all are answered (and the summary is below).
    status = page.locator(".tti-decide__form [data-status]")
    assert status.get_attribute("aria-live") == "polite"
    done = TEXT["decide.done"].replace("{total}", str(len(QUESTIONS)))
    page.wait_for_function("t => document.querySelector('.tti-decide__form [data-status]').textContent === t", arg=done)
    lists = summary_lists(page)
    for means in ("go", "stop", "neutral"):
        expected = [f"{a['answer']} {a['why']}" for a in chosen if a["means"] == means]
        assert lists.get(means, []) == expected, means
    nexts = [a["next"] for a in chosen if "next" in a]
    assert lists["next"] == (list(dict.fromkeys(nexts)) or [TEXT["decide.next_default"]])
    # Never a bare verdict: the overview gives the counts and a reason.
    go = sum(a["means"] == "go" for a in chosen)
    stop = sum(a["means"] == "stop" for a in chosen)
    overview = page.locator("[data-overview]").inner_text()
    assert f"({go} for, {stop} against)" in overview or f"({stop} against, {go} for)" in overview
    # The links are the chosen answers' advice, each once, and every one resolves.
    links = page.locator(".tti-decide__summary [data-part=read] a")
    hrefs = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    assert hrefs and len(hrefs) == len(set(hrefs))
    expected = sum(len(a.get("scenarios", [])) + len(a.get("guides", [])) for a in chosen)
    assert len(hrefs) <= expected
    for href in hrefs:
        response = page.request.get(href)
        assert response.ok and "<h1" in response.text(), href
    # The summary is reachable by keyboard: Tab goes on from the last question into it.
    assert page.evaluate("!!document.activeElement.closest('.tti-decide__summary')"), \
        page.evaluate("document.activeElement.outerHTML")
    # Nothing was written to storage or cookies.
    assert page.evaluate(STORAGE) == before
    assert not page.errors  # type: ignore[attr-defined]
    page.context.close()


def test_reasons_to_stop_are_never_outweighed_by_a_count(served, browser: Browser) -> None:
    """Five reasons to go and one to stop: the summary asks the reader to read the stop first."""
    base, _ = served
    page = open_home(browser, base)
    for q, question in enumerate(QUESTIONS):
        means = [a["means"] for a in question["answers"]]
        pick = means.index("stop") if q == 0 and "stop" in means else (means.index("go") if "go" in means else 0)
        page.locator(f'input[name="tti-decide-{q}"]').nth(pick).check()
    overview = page.locator("[data-overview]").inner_text()
    assert overview.startswith(TEXT["decide.lean_even"].split("(")[0].strip()), overview
    page.locator("[data-reset]").click()
    assert page.locator(".tti-decide__summary").is_hidden()
    assert page.evaluate("document.activeElement.name") == "tti-decide-0"
    page.context.close()


def test_copy_puts_the_summary_on_the_clipboard_as_plain_text(served, browser: Browser) -> None:
    base, _ = served
    page = open_home(browser, base, permissions=["clipboard-read", "clipboard-write"])
    for q, pick in enumerate(PICKS):
        page.locator(f'input[name="tti-decide-{q}"]').nth(pick).check()
    copy = page.get_by_role("button", name=TEXT["decide.copy"])
    copy.click()
    page.wait_for_function("t => document.querySelector('[data-copy-status]').textContent === t",
                           arg=TEXT["decide.copied"])
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith(TEXT["decide.summary"] + "\n\n")
    assert "<" not in text and "¶" not in text
    for means, heading in HEADINGS.items():
        if any(QUESTIONS[q]["answers"][a]["means"] == means for q, a in enumerate(PICKS)):
            assert f"\n{heading}\n- " in text
    first = QUESTIONS[0]["answers"][PICKS[0]]
    assert f"- {first['answer']} {first['why']}" in text
    assert f"\n{TEXT['decide.links']}\n- " in text and base in text, "links are copied with their addresses"
    page.context.close()


def test_print_shows_only_the_summary(served, browser: Browser) -> None:
    base, _ = served
    page = open_home(browser, base)
    page.locator('input[name="tti-decide-0"]').first.check()
    page.evaluate("window.print = () => { window.__printed = document.body.getAttribute('data-tti-print'); }")
    page.get_by_role("button", name=TEXT["decide.print"]).click()
    assert page.evaluate("window.__printed") == "decide"
    page.evaluate("document.body.setAttribute('data-tti-print', 'decide')")
    page.emulate_media(media="print")
    assert page.locator(".tti-decide__summary").is_visible()
    assert page.locator(".tti-decide__form").is_hidden()
    assert page.locator(".tti-entry").is_hidden()
    assert page.locator(".tti-decide__actions").is_hidden()
    page.context.close()


def test_the_first_question_is_on_a_phones_first_screen(served, browser: Browser) -> None:
    base, _ = served
    page = open_home(browser, base, viewport={"width": 375, "height": 667})
    legend = page.locator(".tti-decide__form legend").first.bounding_box()
    first = page.locator(".tti-decide__choice").first.bounding_box()
    assert legend["y"] >= 0 and first["y"] + first["height"] <= 667, (legend, first)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_the_summary_shown(served, browser: Browser, scheme: str) -> None:
    base, _ = served
    page = open_home(browser, base, color_scheme=scheme)
    for q, pick in enumerate(PICKS):
        page.locator(f'input[name="tti-decide-{q}"]').nth(pick).check()
    page.locator("[data-copy]").focus()
    assert page.locator(".tti-decide__summary").is_visible()
    assert axe_violations(page, scheme=scheme) == []
    page.context.close()


def test_without_javascript_it_is_a_list_of_questions_linking_to_advice(served, browser: Browser) -> None:
    base, _ = served
    page = open_home(browser, base, java_script_enabled=False)
    assert page.locator(".tti-decide__form").is_hidden()
    assert page.locator(".tti-decide__summary").is_hidden()
    questions = page.locator(".tti-decide__list > li")
    assert questions.count() == len(QUESTIONS)
    for q, question in enumerate(QUESTIONS):
        item = questions.nth(q)
        assert item.locator(".tti-decide__question").inner_text() == question["question"]
        answers = item.locator("li[data-answer]")
        assert answers.count() == len(question["answers"])
        for a in range(answers.count()):
            links = answers.nth(a).locator("a")
            assert links.count() >= 1 and links.first.is_visible()
    href = questions.first.locator("a").first.evaluate("a => a.href")
    assert page.request.get(href).ok
    page.context.close()


def test_set_up_once_across_instant_navigation(served, browser: Browser) -> None:
    base, _ = served
    page = open_home(browser, base)
    instant(page, base + "why/")
    instant(page, base)
    page.locator(".tti-decide__form").wait_for(state="visible")
    assert page.locator(".tti-decide__list").is_hidden()
    page.locator('input[name="tti-decide-0"]').first.check()
    assert page.locator(".tti-decide__summary").is_visible()
    assert len(summary_lists(page)["go"]) == 1
    assert not page.errors  # type: ignore[attr-defined]
    page.context.close()
