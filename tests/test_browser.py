"""Every page in real headless Chromium: accessible, private and error-free, in both schemes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from browser import axe_violations, instant, without_search_index


def url_of(path: str) -> str:
    return path[: -len("index.html")] if path.endswith("index.html") else path


#: Pages are checked in this many slices, so that parallel workers can share them.
SLICES = 4
#: Records every Content-Security-Policy violation, for the tests to read.
WATCH_CSP = """window.__csp = []; document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile));"""


def kinds(pages: list[str]) -> list[str]:
    """One page of each kind the templates make, with the first page of each section: the pages
    the dark scheme is checked on. Pages of one kind share their markup and styles; the light
    scheme checks every page."""
    wanted = ["index.html", "404.html", "scenarios/index.html", "checklists/index.html",
              "messages/write-your-message/index.html", "messages/templates/index.html"]
    firsts: dict[str, str] = {}
    for path in pages:
        section = path.split("/")[0]
        firsts.setdefault(section, path)  # a section's index page
        if path.count("/") == 2:
            firsts.setdefault(section + "/guide", path)  # and its first guide or hub
    return sorted(set(p for p in wanted if p in pages) | set(firsts.values()))


@pytest.mark.parametrize("part", range(SLICES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_accessible_private_and_error_free(served, browser: Browser, scheme: str, part: int) -> None:
    """Zero axe-core violations, no request to another site, no console or page error, and
    nothing refused by the site's Content-Security-Policy (the <meta> tag every page carries).
    Every page and every rule in the light scheme; in the dark scheme, which changes colours and
    nothing else, the colour rules on one page of each kind (see `kinds`)."""
    base, site = served
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(WATCH_CSP)
    without_search_index(context)  # a full load would build the whole index again; search has its own tests
    problems: list[str] = []
    page = context.new_page()
    current = {"path": ""}
    page.on("request", lambda r: r.url.startswith((base, "data:", "blob:"))
            or problems.append(f"{current['path']}: request leaves the site: {r.url}"))
    page.on("console", lambda m: m.type == "error"
            and problems.append(f"{current['path']}: console error: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{current['path']}: page error: {e}"))
    expected = "slate" if scheme == "dark" else "default"
    pages = site.pages() + ["404.html"]
    assert len(pages) > 40
    if scheme == "dark":
        pages = kinds(pages)
    whole = {}  # the first page of each section is loaded and checked whole; the rest are reached
    for path in pages:  # by instant navigation, as readers reach them, and checked without the chrome
        whole.setdefault(path.split("/")[0] if "/" in path else path, path)
    for path in pages[part::SLICES]:
        current["path"] = path
        if path in whole.values() or not page.url.startswith(base):
            page.goto(base + url_of(path), wait_until="load")
        else:
            instant(page, base + url_of(path))
        got = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        if got != expected:
            problems.append(f"{path}: scheme is {got}, expected {expected}")
        problems += [f"{path}: axe: {v}" for v in axe_violations(
            page, chrome=path in whole.values(), scheme=scheme)]
        problems += [f"{path}: CSP refused {v}" for v in page.evaluate("window.__csp")]
    context.close()
    assert not problems, "\n".join(problems)


def test_palette_toggle_switches_and_remembers(served, browser: Browser) -> None:
    base, _ = served
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(base, wait_until="load")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    page.get_by_title("Switch to dark mode").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.reload(wait_until="load")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    # head.js restores it by itself, from <head>, before Material's script has run.
    page.route("**/assets/javascripts/bundle.*.js", lambda r: r.fulfill(body="", content_type="text/javascript"))
    page.reload(wait_until="load")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate("typeof document$") == "undefined", "Material's script did not run"
    context.close()


def test_navigation_is_instant(served, browser: Browser) -> None:
    """Material swaps the page in place: a marker set on window survives a link click."""
    base, _ = served
    page: Page = browser.new_page()
    page.goto(base, wait_until="load")
    page.evaluate("window.__stillHere = true")
    page.locator(".tti-entry a[href$='/stages/']").click()
    page.wait_for_url(base + "stages/")
    page.wait_for_function("() => document.querySelector('h1').textContent.includes('stages')")
    assert page.evaluate("window.__stillHere === true")
    page.close()


def test_search_finds_a_guide(served, browser: Browser) -> None:
    base, _ = served
    page = browser.new_page()
    page.goto(base, wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("hiring manager")
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    assert "hiring" in first.inner_text().lower()
    page.close()


def test_scenario_finder_filters_and_announces(served, browser: Browser) -> None:
    base, _ = served
    page = browser.new_page()
    page.goto(base + "scenarios/", wait_until="load")
    items = page.locator(".tti-finder__group li")
    total = items.count()
    assert total >= 16
    box = page.get_by_label("Filter the situations")
    box.focus()
    page.keyboard.type("Rejected")
    count = page.locator("#tti-finder-count")
    assert count.get_attribute("aria-live") == "polite"
    page.wait_for_function("() => document.querySelector('#tti-finder-count').textContent.startsWith('1 of')")
    assert count.inner_text() == f"1 of {total} situations match"
    assert page.locator(".tti-finder__group li:visible").all_inner_texts() == ["I'm afraid of being rejected."]
    assert page.locator(".tti-finder__group:visible h2").count() == 1
    box.fill("zzzz")
    page.wait_for_function("() => document.querySelector('#tti-finder-count').textContent.startsWith('No situation')")
    box.fill("")
    page.wait_for_function(f"() => document.querySelector('#tti-finder-count').textContent === '{total} situations'")
    assert page.locator(".tti-finder__group li:visible").count() == total
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.tti-finder__group') !== null")
    assert focused, "Tab moves from the filter box to the first situation"
    page.close()


@pytest.fixture(scope="module")
def finder(served, browser: Browser) -> Iterator[Page]:
    """The situation finder, loaded once for the tests that only type into its filter."""
    base, _ = served
    context = browser.new_context()
    without_search_index(context)
    page = context.new_page()
    page.goto(base + "scenarios/", wait_until="load")
    yield page
    context.close()


def filter_to(finder: Page, typed: str) -> list[str]:
    """Type into the shared finder, starting from the full list; the situations it shows."""
    box = finder.get_by_label("Filter the situations")
    box.fill("")
    finder.wait_for_function("() => / situations$/.test(document.querySelector('#tti-finder-count').textContent)")
    box.fill(typed)
    finder.wait_for_function("() => / of \\d+ situations match$/.test(document.querySelector('#tti-finder-count').textContent)")
    return finder.locator(".tti-finder__group li:visible a").all_inner_texts()


@pytest.mark.parametrize("typed, expected", [
    ("invited", "I'm changing industries, or I don't know what I want."),  # an `also:` phrasing
    ("not sure", "I'm changing industries, or I don't know what I want."),
    ("I was invited and I'm not sure I want it", "I'm changing industries, or I don't know what I want."),
    ("tomorrow", "I have an interview soon and want to be ready."),
    ("I have an interview tomorrow", "I have an interview soon and want to be ready."),
    ("back out", "I've decided to withdraw. How do I do it?"),
    ("I want to back out", "I accepted an offer but want to back out."),
    ("headhunter", "A recruiter called about a job I don't want."),  # a word group of search.yml
    ("pull out", "I've decided to withdraw. How do I do it?"),  # a group's phrase
    ("rescheduling", "I need to reschedule, or I missed an interview."),  # a stem
    ("declining", "I have an offer I will turn down."),  # a stem of a group's word
    ("RÉJECTED", "I'm afraid of being rejected."),  # case and accents
])
def test_scenario_finder_finds_what_readers_say(finder: Page, typed: str, expected: str) -> None:
    shown = filter_to(finder, typed)
    assert expected in shown, shown
    assert len(shown) <= 3, f"{typed!r} finds too much: {shown}"
    assert finder.locator("[data-finder-none]").is_hidden()


def test_scenario_finder_group_words_do_not_stretch_to_other_meanings(finder: Page) -> None:
    """"turn down" finds the offer to turn down, not the fear of being rejected."""
    assert filter_to(finder, "turn down") == ["I have an offer I will turn down."]


def test_scenario_finder_offers_the_decision_aid_and_search_when_nothing_matches(served, browser: Browser) -> None:
    base, _ = served
    page = browser.new_page()
    page.goto(base + "scenarios/", wait_until="load")
    page.get_by_label("Filter the situations").fill("zebra crossing")
    page.wait_for_function("() => document.querySelector('#tti-finder-count').textContent === 'No situation matches those words.'")
    none = page.locator("[data-finder-none]")
    assert none.is_visible()
    aid = none.get_by_role("link", name="Answer a few short questions to weigh up an interview")
    assert aid.evaluate("a => a.href") == base + "#should-i-go"
    search = none.get_by_role("link", name="Search the whole site for your words")
    assert search.get_attribute("href") == "?q=zebra%20crossing"
    aid.click()
    page.wait_for_url(base + "#should-i-go")
    # instant navigation: the aid's script arrives after the page (site.js loads it)
    expect(page.locator("#should-i-go .tti-decide__form")).to_be_visible()
    page.close()


def test_scenario_finder_without_javascript_is_a_list_of_links(served, browser: Browser) -> None:
    base, _ = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "scenarios/")
    assert not page.locator(".tti-finder__search").is_visible()
    links = page.locator(".tti-finder__group li a")
    assert links.count() >= 16 and all(links.nth(i).is_visible() for i in range(links.count()))
    context.close()


def test_the_site_works_under_the_strict_policy_sent_as_a_header(site, browser: Browser) -> None:
    """The documented header (kb.csp.policy(), with frame-ancestors) on top of the <meta> tag:
    search, the colour toggle, a checklist's buttons and the message builder all work, and the
    browser refuses nothing."""
    from browser import free_port, serve
    from kb import csp

    with serve(site.site, free_port(), headers={"Content-Security-Policy": csp.policy()}) as base:
        context = browser.new_context()
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        response = page.goto(base, wait_until="load")
        assert response.headers["content-security-policy"] == csp.policy()
        page.keyboard.press("/")
        page.keyboard.type("recruiter")
        page.locator(".md-search-result__item a").first.wait_for()
        page.keyboard.press("Escape")
        page.get_by_title("Switch to dark mode").click()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        page.goto(base + "checklists/", wait_until="load")
        page.locator("[data-checklist] input[data-item]").first.check()
        page.locator('[data-checklist] [data-action="reset"]').first.click()
        assert page.locator("[data-checklist] [data-panel]").first.is_visible()
        page.goto(base + "messages/write-your-message/", wait_until="load")
        page.locator("[data-message-builder][data-ready] [data-copy]").wait_for(state="visible")
        page.get_by_label("Their name", exact=True).fill("Ana")
        assert page.locator("[data-body]").inner_text().startswith("Dear Ana,")
        assert page.evaluate("window.__csp") == [] and errors == []
        context.close()
