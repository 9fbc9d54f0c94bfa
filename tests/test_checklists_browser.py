"""Checklists in real headless Chromium: saved ticks, instant navigation, corrupt or missing
storage, reset, export and import, print, keyboard, no JavaScript, and axe in both schemes."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, Page

from browser import axe_violations, without_search_index

KEY = "tti-checklists:v1"
PAGE = "checklists/"
BOX = '[data-checklist="declining"]'


def open_page(browser: Browser, base: str, path: str = PAGE, init: str | None = None, **context) -> Page:
    ctx = browser.new_context(**context)
    without_search_index(ctx)
    if init:
        ctx.add_init_script(init)
    page = ctx.new_page()
    errors: list[str] = []
    # Errors from the site's own scripts (Material's may complain when storage is blocked).
    page.on("pageerror", lambda e: "/assets/js/" in (e.stack or "") and errors.append(str(e)))
    page.errors = errors  # type: ignore[attr-defined]
    page.goto(base + path, wait_until="load")
    return page


def item(page: Page, ident: str, box: str = BOX):
    return page.locator(f'{box} input[data-item="{ident}"]')


def progress(page: Page, box: str = BOX) -> str:
    return page.locator(f"{box} [data-progress]").inner_text()


def follow_why(page: Page, box: str = BOX) -> None:
    """Open the first item's "Why?" and follow its link to the guide."""
    why = page.locator(f"{box} details.tti-checklist__why").first
    why.locator("summary").click()
    why.locator("a").click()


def back_to_checklists(page: Page) -> None:
    """Go back from the guide to the checklists page, and wait until its checklist is set up.
    The address changes before Material swaps the page in, and the guide shows this checklist
    too, so wait for the checklists page itself."""
    page.go_back()
    page.wait_for_function("() => document.querySelector('.md-content h1')?.id === 'checklists'")
    page.locator(f"{BOX}[data-ready]").wait_for()


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def test_ticks_show_progress_and_survive_a_reload(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    assert progress(page) == "0 of 7 done"
    item(page, "thank-them").check()
    item(page, "no-ghosting").check()
    assert progress(page) == "2 of 7 done"
    assert stored(page)["declining"] == {"thank-them": True, "no-ghosting": True}
    page.reload(wait_until="load")
    assert item(page, "thank-them").is_checked() and item(page, "no-ghosting").is_checked()
    assert progress(page) == "2 of 7 done"
    assert not page.errors
    page.context.close()


def test_ticks_survive_instant_navigation_and_listeners_do_not_pile_up(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    page.evaluate("window.__stillHere = true")
    item(page, "thank-them").check()
    for _ in range(3):
        follow_why(page)
        page.wait_for_url(re.compile(r"/declining/how-to-decline/$"))
        back_to_checklists(page)
        page.wait_for_url(base + PAGE)
    assert page.evaluate("window.__stillHere === true"), "navigation was instant"
    assert item(page, "thank-them").is_checked()
    item(page, "keep-door-open").click()  # one click toggles exactly once
    assert item(page, "keep-door-open").is_checked()
    assert progress(page) == "2 of 7 done"
    assert stored(page)["declining"] == {"thank-them": True, "keep-door-open": True}
    page.context.close()


def test_the_same_checklist_on_another_page_shares_its_ticks(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    item(page, "decide-soon").check()
    page.goto(base + "declining/how-to-decline/", wait_until="load")
    assert item(page, "decide-soon").is_checked()
    page.context.close()


def test_reordered_and_removed_items(served, browser: Browser) -> None:
    """State is by item id: order does not matter, and a tick for an item that is gone is
    dropped while everything else stays."""
    base, _ = served
    saved = {"declining": {"gone-item": True, "keep-door-open": True, "decide-soon": True},
             "other-list": {"x": True}}
    page = open_page(browser, base, init=f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(saved))})")
    assert item(page, "keep-door-open").is_checked() and item(page, "decide-soon").is_checked()
    assert progress(page) == "2 of 7 done"
    after = stored(page)
    assert after["declining"] == {"keep-door-open": True, "decide-soon": True}
    assert after["other-list"] == {"x": True}
    page.context.close()


def test_corrupt_storage_is_discarded_for_that_checklist_only(served, browser: Browser) -> None:
    base, _ = served
    saved = {"declining": "{not json", "should-i-go": {"practice-counts": True}}
    page = open_page(browser, base, init=f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(saved))})")
    assert progress(page) == "0 of 7 done"
    assert item(page, "practice-counts", '[data-checklist="should-i-go"]').is_checked()
    item(page, "thank-them").check()
    assert stored(page) == {"declining": {"thank-them": True}, "should-i-go": {"practice-counts": True}}
    assert not page.errors
    page.context.close()


def test_unparseable_storage_raises_no_exception(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base, init=f"localStorage.setItem('{KEY}', '}}garbage')")
    assert progress(page) == "0 of 7 done"
    item(page, "thank-them").check()
    assert stored(page) == {"declining": {"thank-them": True}}
    assert not page.errors
    page.context.close()


def test_full_storage_keeps_ticks_for_the_visit_and_says_so(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base, init="Storage.prototype.setItem = function () { "
                     "throw new DOMException('full', 'QuotaExceededError'); };")
    item(page, "thank-them").check()
    assert progress(page) == "1 of 7 done"
    assert "can't be saved" in page.locator(f"{BOX} [data-status]").inner_text()
    follow_why(page)  # instant navigation
    page.wait_for_url(re.compile(r"/declining/how-to-decline/$"))
    back_to_checklists(page)
    assert item(page, "thank-them").is_checked(), "ticks last for the visit"
    assert not page.errors
    page.context.close()


SAVING = "{box} .tti-checklist__saving"


def saving(page: Page, box: str = BOX) -> str:
    return page.locator(SAVING.format(box=box)).inner_text().strip()


def test_with_storage_blocked_every_page_works_and_says_ticks_will_not_be_kept(served, blocked) -> None:
    """A browser that blocks site data (here Chromium's own setting, as a reader would set it):
    storage throws on access. Search, the colour toggle and the checklists still work, and each
    checklist says from page load, on every page, that ticks will not be kept."""
    base, _ = served
    page = blocked.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base, wait_until="load")
    assert page.evaluate("document.documentElement.classList.contains('tti-no-storage')")
    page.keyboard.press("/")
    page.keyboard.type("recruiter")
    page.locator(".md-search-result__item a").first.wait_for()
    page.keyboard.press("Escape")
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_function("s => document.body.dataset.mdColorScheme !== s", arg=before)
    page.goto(base + PAGE, wait_until="load")
    assert "blocking saved data" in saving(page), "the notice shows before any tick"
    item(page, "thank-them").check()
    assert progress(page) == "1 of 7 done"
    follow_why(page)  # instant navigation
    page.wait_for_url(re.compile(r"/declining/how-to-decline/$"))
    assert "blocking saved data" in saving(page), "and on every page with a checklist"
    assert item(page, "thank-them").is_checked(), "ticks last for the visit"
    assert errors == []
    page.close()


def test_two_tabs_keep_each_others_ticks(served, browser: Browser) -> None:
    base, _ = served
    first = open_page(browser, base)
    second = first.context.new_page()
    second.goto(base + PAGE, wait_until="load")
    item(first, "thank-them").check()
    item(second, "no-ghosting").check()
    assert stored(first)["declining"] == {"thank-them": True, "no-ghosting": True}
    first.wait_for_function("() => document.querySelector('[data-item=no-ghosting]').checked")
    assert item(first, "no-ghosting").is_checked() and progress(first) == "2 of 7 done", "the other tab shows"
    item(first, "thank-them").uncheck()
    second.wait_for_function("() => !document.querySelector('[data-item=thank-them]').checked")
    assert stored(second)["declining"] == {"no-ghosting": True}
    first.context.close()


def test_reset_asks_first(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    item(page, "thank-them").check()
    page.locator(f'{BOX} [data-action="reset"]').click()
    assert page.locator(f"{BOX} [data-panel]").inner_text().startswith("Untick all 7 items?")
    page.locator(f'{BOX} [data-action="cancel"]').click()
    assert item(page, "thank-them").is_checked()
    assert page.evaluate("document.activeElement.dataset.action") == "reset", "focus returns to Reset"
    page.locator(f'{BOX} [data-action="reset"]').click()
    page.locator(f'{BOX} [data-action="reset-yes"]').click()
    assert not item(page, "thank-them").is_checked() and progress(page) == "0 of 7 done"
    assert stored(page)["declining"] == {}
    page.context.close()


def test_export_gives_a_file_and_text_in_the_documented_format(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    item(page, "thank-them").check()
    page.locator(f'{BOX} [data-action="export"]').click()
    text = json.loads(page.locator(f"{BOX} [data-panel] textarea").input_value())
    assert text["format"] == "take-the-interview/checklist" and text["version"] == 1
    heading = page.locator(f"{BOX} h2").evaluate("e => e.firstChild.textContent.trim()")
    assert text["title"] == heading and "¶" not in text["title"], "no heading anchor in the title"
    assert text["checklist"] == "declining" and text["items"] == {"thank-them": True}
    with page.expect_download() as info:
        page.locator(f"{BOX} [data-panel] a[download]").click()
    assert info.value.suggested_filename == "declining.json"
    assert json.loads(open(info.value.path(), encoding="utf-8").read())["items"] == {"thank-them": True}
    url = page.locator(f"{BOX} [data-panel] a[download]").get_attribute("href")
    assert url.startswith("blob:")
    page.keyboard.press("Escape")
    revoked = page.evaluate("u => fetch(u).then(() => false, () => true)", url)
    assert revoked, "closing the panel revokes the file's object URL"
    page.context.close()


def export_text(items: dict, **extra) -> str:
    data = {"format": "take-the-interview/checklist", "version": 1, "checklist": "declining", "items": items}
    data.update(extra)
    return json.dumps(data)


@pytest.mark.parametrize("text,message", [
    (export_text({"decide-soon": True}, version=2), "version 2"),
    ("not json at all", "not a file saved from this site"),
    (export_text({"decide-soon": True}, checklist="should-i-go"), "another checklist"),
    (export_text({"decide-soon": "yes"}), "neither ticked nor unticked"),
    (json.dumps({"format": "something-else", "version": 1}), "not a file saved from this site"),
    (export_text({"some-other-item": True, "and-another": False}), "none of its items are on this list"),
])
def test_bad_imports_are_refused_and_change_nothing(served, browser: Browser, text: str, message: str) -> None:
    base, _ = served
    page = open_page(browser, base)
    item(page, "thank-them").check()
    before = stored(page)
    page.locator(f'{BOX} [data-action="import"]').click()
    page.locator(f"{BOX} [data-panel] textarea").fill(text)
    page.locator(f'{BOX} [data-action="import-yes"]').click()
    status = page.locator(f"{BOX} [data-status]").inner_text()
    assert status.startswith("Not imported:") and message in status and "unchanged" in status
    assert stored(page) == before and item(page, "thank-them").is_checked()
    page.context.close()


def test_import_from_a_file_and_from_text(served, browser: Browser, tmp_path) -> None:
    base, _ = served
    page = open_page(browser, base)
    page.locator(f'{BOX} [data-action="import"]').click()
    path = tmp_path / "ticks.json"
    path.write_text(export_text({"decide-soon": True, "no-ghosting": False, "unknown": True}), encoding="utf-8")
    page.locator(f"{BOX} [data-panel] input[type=file]").set_input_files(str(path))
    page.wait_for_function("() => document.querySelector('[data-checklist=declining] [data-panel] textarea').value.length > 0")
    page.locator(f'{BOX} [data-action="import-yes"]').click()
    question = page.locator(f"{BOX} [data-panel] p").inner_text()
    assert question.startswith("Replace your ticks") and "2 of the 7 items" in question and "1 of them ticked" in question
    assert not item(page, "decide-soon").is_checked(), "nothing changes before the reader agrees"
    assert page.evaluate("document.activeElement.dataset.action") == "import-replace"
    page.keyboard.press("Enter")
    assert item(page, "decide-soon").is_checked() and not item(page, "no-ghosting").is_checked()
    assert page.locator(f"{BOX} [data-status]").inner_text() == "Imported: 1 of 7 done."
    assert stored(page)["declining"] == {"decide-soon": True}
    page.context.close()


def test_import_can_be_cancelled_and_escape_closes_every_panel(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    item(page, "thank-them").check()
    page.locator(f'{BOX} [data-action="import"]').click()
    page.locator(f"{BOX} [data-panel] textarea").fill(export_text({"decide-soon": True}))
    page.locator(f'{BOX} [data-action="import-yes"]').click()
    page.locator(f'{BOX} [data-action="cancel"]').click()
    assert item(page, "thank-them").is_checked() and not item(page, "decide-soon").is_checked()
    assert stored(page)["declining"] == {"thank-them": True}
    for action in ("reset", "export", "import"):
        page.locator(f'{BOX} [data-action="{action}"]').click()
        assert page.locator(f"{BOX} [data-panel]").is_visible()
        page.keyboard.press("Escape")
        assert not page.locator(f"{BOX} [data-panel]").is_visible(), action
        assert page.evaluate("document.activeElement.dataset.action") == action, "focus returns"
    page.context.close()


def test_print_shows_only_the_checklist_with_its_ticks(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    item(page, "thank-them").check()
    page.evaluate("window.print = () => {}")
    page.locator(f'{BOX} [data-action="print"]').click()
    page.emulate_media(media="print")
    visible = lambda sel: page.locator(sel).first.is_visible()  # noqa: E731
    assert visible(BOX) and item(page, "thank-them").is_checked()
    assert not visible(".md-header") and not visible(".md-sidebar--primary") and not visible(".md-footer")
    assert not visible('[data-checklist="should-i-go"]'), "only the chosen checklist prints"
    assert not visible(f"{BOX} .tti-checklist__tools")
    page.context.close()


def test_keyboard_only(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    item(page, "decide-soon").focus()
    page.keyboard.press("Space")
    assert item(page, "decide-soon").is_checked()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus stays visible"
    page.locator(f'{BOX} [data-action="reset"]').focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.action") == "reset-yes", "focus moves into the panel"
    page.keyboard.press("Enter")
    assert not item(page, "decide-soon").is_checked()
    page.context.close()


def test_restored_before_it_is_shown(served, browser: Browser) -> None:
    """The items are hidden until the script marks the checklist ready, so the reader never
    sees unticked boxes flip; the space they take is reserved, so nothing shifts."""
    base, _ = served
    saved = {"declining": {"thank-them": True}}
    page = open_page(browser, base, init=f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(saved))})")
    assert page.evaluate("""() => {
        const box = document.querySelector('[data-checklist=declining]');
        const items = box.querySelector('.tti-checklist__items');
        const before = items.getBoundingClientRect().height;
        box.removeAttribute('data-ready');
        const hidden = getComputedStyle(items).visibility === 'hidden';
        const same = items.getBoundingClientRect().height === before;
        box.setAttribute('data-ready', '1');
        return hidden && same;
    }""")
    shift = page.evaluate("""() => new Promise(done => {
        let total = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries()) total += e.value; })
            .observe({type: 'layout-shift', buffered: true});
        setTimeout(() => done(total), 300);
    })""")
    assert shift < 0.01
    page.context.close()


def test_with_nothing_saved_nothing_is_hidden(served, browser: Browser) -> None:
    """A reader with no saved ticks has nothing to restore: the items show from the first paint."""
    base, _ = served
    page = open_page(browser, base)
    assert page.evaluate("""() => {
        const box = document.querySelector('[data-checklist=declining]');
        box.removeAttribute('data-ready');
        const shown = getComputedStyle(box.querySelector('.tti-checklist__items')).visibility;
        box.setAttribute('data-ready', '1');
        return shown;
    }""") == "visible"
    assert not page.evaluate("document.documentElement.classList.contains('tti-ticks-saved')")
    page.context.close()


def test_without_javascript_a_readable_list_and_no_dead_buttons(served, browser: Browser) -> None:
    base, _ = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + PAGE)
    assert page.locator(f"{BOX} label").first.is_visible()
    assert page.locator(f"{BOX} li").count() == 7
    assert page.locator(f"{BOX} button:visible").count() == 0
    assert saving(page).startswith("Ticks are not saved on this page without JavaScript"), "the truth about saving"
    context.close()


def test_with_javascript_the_checklist_says_ticks_stay_in_this_browser(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    assert saving(page) == "Your ticks are saved in this browser only."
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_with_panels_open(served, browser: Browser, scheme: str) -> None:
    base, _ = served
    page = open_page(browser, base, color_scheme=scheme)
    item(page, "thank-them").check()
    page.locator(f'{BOX} [data-action="export"]').click()
    page.locator('[data-checklist="should-i-go"] [data-action="import"]').click()
    page.locator('[data-checklist="find-out"] [data-action="reset"]').click()
    assert axe_violations(page, scheme=scheme) == []
    page.context.close()


# ---- tools first on a phone: wide item text, "Why?" as a disclosure, panels that Escape closes ----

def test_on_a_phone_every_items_text_is_at_least_260_px_wide(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base, viewport={"width": 375, "height": 667})
    widths = page.evaluate("""() => [...document.querySelectorAll('[data-checklist] li label')]
        .map(l => l.getBoundingClientRect().width)""")
    print(f"\n375 px: item text {min(widths):.0f} to {max(widths):.0f} px wide ({len(widths)} items)")
    assert len(widths) > 30 and min(widths) >= 260
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.context.close()


def test_each_item_has_two_tab_stops_at_most_and_why_is_a_disclosure(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    box = '[data-checklist="should-i-go"]'
    count = page.locator(f"{box} li").count()
    whys = page.locator(f"{box} li details.tti-checklist__why").count()
    page.locator(f"{box} li input").first.focus()
    stops = [page.evaluate("document.activeElement.tagName.toLowerCase()")]
    for _ in range(count + whys - 1):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.tagName.toLowerCase()"))
    assert stops.count("input") == count and stops.count("summary") == whys and set(stops) == {"input", "summary"}, stops
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "print", "then the checklist's tools"
    # The disclosure: Enter opens it, shows the guide's short answer and a link, Enter again closes it.
    why = page.locator(f"{box} details.tti-checklist__why").first
    why.locator("summary").focus()
    assert not why.locator("a").is_visible()
    page.keyboard.press("Enter")
    assert why.evaluate("d => d.open") and why.locator("a").is_visible()
    assert why.locator("a").inner_text().startswith("Read more: ")
    size = why.locator("summary").bounding_box()
    assert size and 24 <= size["height"] < 40 and size["width"] >= 24, f"a target of at least 24 px: {size}"
    page.keyboard.press("Enter")
    assert not why.evaluate("d => d.open")
    page.context.close()


def test_save_and_load_are_named_for_what_they_do(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    tools = page.locator(f"{BOX} .tti-checklist__tools")
    assert tools.get_by_role("button", name="Save your ticks to a file").is_visible()
    assert tools.get_by_role("button", name="Load ticks from a file").is_visible()
    page.context.close()


def test_panel_buttons_say_whether_their_panel_is_open_and_escape_closes_it(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base)
    panel = page.locator(f"{BOX} [data-panel]")
    for action in ("reset", "export", "import"):
        button = page.locator(f'{BOX} [data-action="{action}"]')
        assert button.get_attribute("aria-expanded") == "false"
        button.click()
        assert panel.is_visible() and button.get_attribute("aria-expanded") == "true"
        button.focus()  # Escape works with focus on the button too, not only inside the panel
        page.keyboard.press("Escape")
        assert not panel.is_visible() and button.get_attribute("aria-expanded") == "false", action
        assert page.evaluate("document.activeElement.dataset.action") == action
        button.click()
        button.click()  # a second press closes it
        assert not panel.is_visible() and button.get_attribute("aria-expanded") == "false", action
    page.context.close()
