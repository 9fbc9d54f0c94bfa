"""Scripts that one page needs load only there (docs/assets/js/site.js): a guide loads site.js
and none of them, a tool's page loads its own (in one file with site.js on a full load, on its
own after Material's instant navigation), and no script loads twice."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from browser import instant, without_search_index



def ours(page: Page) -> list[str]:
    """The project's scripts the page requested, in order (Material's are *.min.js)."""
    return [name for name in page.scripts if not name.endswith(".min.js")]  # type: ignore[attr-defined]


def open_page(browser: Browser, base: str, path: str) -> Page:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    without_search_index(ctx)
    page = ctx.new_page()
    page.scripts = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("request", lambda r: r.url.endswith(".js") and page.scripts.append(r.url.rsplit("/", 1)[-1]))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(base + path, wait_until="load")
    return page


def test_a_guide_loads_none_of_the_one_page_scripts(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base, "stages/recruiter-screen/")
    page.wait_for_timeout(300)
    assert ours(page) == ["head.js", "site.js"], page.scripts
    page.context.close()


#: What each script changes on its page, so that its having run shows.
READY = {
    "checklist.js": "/ of /.test(document.querySelector('[data-checklist] [data-progress]').textContent)",
    "builder.js": "document.querySelector('[data-message-builder]').dataset.ready === '1'",
    "finder.js": "!document.querySelector('.tti-finder__search').hidden",
}


@pytest.mark.parametrize("path, script", [("checklists/", "checklist.js"),
                                          ("messages/write-your-message/", "builder.js"),
                                          ("scenarios/", "finder.js")])
def test_a_tool_page_loads_its_script_on_a_full_load_in_one_file_with_site_js(
        served, browser: Browser, path: str, script: str) -> None:
    base, _ = served
    page = open_page(browser, base, path)
    page.wait_for_function(READY[script], timeout=5000)
    page.wait_for_timeout(300)  # time for site.js to load a script it wrongly thought missing
    assert ours(page) == ["head.js", "site." + script], page.scripts
    assert not page.errors
    page.context.close()


def test_tools_work_after_instant_navigation_and_load_once(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base, "stages/recruiter-screen/")
    page.evaluate("window.__tti_marker = 1")  # gone after a full page load
    instant(page, base + "checklists/")
    box = page.locator('[data-checklist="declining"]')
    box.locator("[data-progress]").wait_for(state="visible", timeout=5000)
    box.locator("input[data-item]").first.check()
    page.wait_for_function("""() => /^1 /.test(document.querySelector('[data-checklist="declining"] [data-progress]').textContent)""")
    instant(page, base + "messages/write-your-message/")
    page.locator("[data-message-builder][data-ready] [data-copy]").wait_for(state="visible", timeout=5000)
    instant(page, base + "checklists/")
    box.locator("input[data-item]").nth(1).check()
    page.wait_for_function("""() => /^2 /.test(document.querySelector('[data-checklist="declining"] [data-progress]').textContent)""")
    assert page.evaluate("window.__tti_marker") == 1  # every move was instant
    assert page.scripts.count("checklist.js") == 1 and page.scripts.count("builder.js") == 1, page.scripts
    assert "finder.js" not in page.scripts
    assert not page.errors
    page.context.close()


def test_a_tool_in_the_first_pages_file_is_not_loaded_again_after_instant_navigation(
        served, browser: Browser) -> None:
    """The builder page's file holds builder.js, which the templates page's letters need too."""
    base, _ = served
    page = open_page(browser, base, "messages/write-your-message/")
    page.wait_for_function(READY["builder.js"], timeout=5000)
    page.evaluate("window.__tti_marker = 1")
    instant(page, base + "messages/templates/")
    page.locator("[data-letter-copy]").first.wait_for(state="visible", timeout=5000)
    instant(page, base + "checklists/")
    page.wait_for_function("() => " + READY["checklist.js"], timeout=5000)
    assert page.evaluate("window.__tti_marker") == 1  # every move was instant
    assert ours(page) == ["head.js", "site.builder.js", "checklist.js"], page.scripts
    assert not page.errors
    page.context.close()
