"""The message builder in real headless Chromium: drafts for every situation and reason, safe
handling of any name, copy, e-mail link, reset, keyboard, a phone-sized screen, no JavaScript,
and axe-core in both schemes."""

from __future__ import annotations

import itertools
import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Page

from browser import axe_violations, open_watched
from conftest import ROOT


from kb import messages, strings

PAGE = "messages/write-your-message/"
BUILDER = messages.load(ROOT / "docs" / "_data" / "messages.yml",
                        messages.load_templates([ROOT / "snippets"], ROOT))
LABELS = {name: spec.label for name, spec in BUILDER.fields.items()}
TEXT = strings.load(ROOT / "docs", "en").strings  # the interface's words
EVIL = "O'Brien \"Bob\" <b>&amp; Zoë 李 😀"
NAMES = {"Name": EVIL, "Company": "Zoë & <i>Sons</i> 李", "Role": "Data “Lead” </script>",
         "Your name": "Ана-Мария 😀 O'Neil", "Colleague": "Bob <b>bold</b> &lt;"}
#: The builder's Copy button, shown once builder.js has started (the form shows before it).
READY = "[data-message-builder][data-ready] [data-copy]"
AWKWARD = re.compile(r", ,| ,|  |\n\n\n|^\s|\s$")


def open_builder(browser: Browser, base: str, **context) -> Page:  # noqa: F811
    page = open_watched(browser, base + PAGE, **context)
    if context.get("java_script_enabled", True):
        page.locator(READY).wait_for(state="visible")
    return page


NAMES.update({"Interview date": "Tuesday <b>14</b> May", "Other times": "Wed & Thu", "Topic": "the <i>plan</i>",
              "Reply date": "Friday 😀", "Request": "a later start & $1", "Adjustment": "extra time \"please\""})


def fill(page: Page, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.get_by_label(LABELS[name], exact=True).fill(value)


def fill_all(page: Page, values: dict[str, str]) -> None:
    """Set several fields at once, each with the input event typing sends (quicker than fill)."""
    page.evaluate("""values => { for (const [name, value] of Object.entries(values)) {
        const input = document.querySelector(`[data-field="${name}"]`);
        input.value = value;
        input.dispatchEvent(new Event('input', {bubbles: true}));
    } }""", values)


def pick(page: Page, situation: messages.Situation, reason: int | None = None) -> None:
    page.get_by_label(TEXT["builder.situation"], exact=True).select_option(situation.template)
    if reason is not None:
        page.get_by_label(BUILDER.reasons[reason].label, exact=True).check()


def draft(page: Page) -> tuple[str, str]:
    return (page.locator("[data-subject]").evaluate("e => e.textContent"),
            page.locator("[data-body]").evaluate("e => e.textContent"))


def mailto(page: Page) -> tuple[str, str]:
    href = page.locator("[data-email]").get_attribute("href")
    match = re.fullmatch(r"mailto:\?subject=([^&]*)&body=([^&]*)", href)
    assert match, href
    return unquote(match.group(1), errors="strict"), unquote(match.group(2), errors="strict")


def cases():
    """Every situation with each reason it offers."""
    for situation in BUILDER.situations:
        tpl = BUILDER.templates[situation.template]
        for reason in range(len(BUILDER.reasons)) if tpl.has_reason else [None]:
            yield situation, reason


@pytest.mark.parametrize("group", [g for g, _ in BUILDER.groups()])
def test_every_situation_and_reason(served, browser: Browser, group: str) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base)
    for situation, reason in cases():
        if situation.group != group:
            continue
        tpl = BUILDER.templates[situation.template]
        uses = BUILDER.uses(situation.template)
        # Choose, type and read back in one step, as a reader's input events would.
        seen = page.evaluate("""([template, reason, values]) => {
            const form = document.querySelector('.tti-builder__form');
            const select = form.querySelector('select');
            select.value = template;
            select.dispatchEvent(new Event('change', {bubbles: true}));
            if (reason !== null) {
                const radio = form.querySelector(`input[name=tti-reason][value="${reason}"]`);
                radio.checked = true;
                radio.dispatchEvent(new Event('change', {bubbles: true}));
            }
            for (const [name, value] of Object.entries(values)) {
                const input = form.querySelector(`[data-field="${name}"]`);
                input.value = value;
                input.dispatchEvent(new Event('input', {bubbles: true}));
            }
            const shown = e => e.getClientRects().length > 0;
            return {fields: [...form.querySelectorAll('[data-field]')].filter(shown).map(i => i.dataset.field),
                    reasons: shown(form.querySelector('[data-reasons]'))};
        }""", [situation.template, reason, {name: NAMES[name] for name in uses}])
        assert seen == {"fields": uses, "reasons": tpl.has_reason}, "only what the message uses is offered"
        subject, body = draft(page)
        text = subject + "\n" + body
        for name in uses:
            assert NAMES[name] in text, f"{name} {NAMES[name]!r} is not in the draft of {situation.label}"
        assert body.startswith(f"Dear {EVIL},\n\n") and body.endswith(NAMES["Your name"])
        assert (NAMES["Role"] in subject) == ("[Role]" in tpl.subject)
        assert "[" not in text.replace(NAMES["Other times"], "") and "]" not in text
        assert not AWKWARD.search(subject) and not AWKWARD.search(body), text
        if reason is not None:
            sentence = BUILDER.reasons[reason].for_template(situation.template)
            others = {r.sentence for r in BUILDER.reasons if r.sentence} - {sentence}
            assert (sentence is None) or f"\n\n{sentence}\n\n" in body
            assert not any(other in body for other in others), "only the chosen reason is given"
        # The page composes exactly what the build checked.
        expected = messages.compose(BUILDER, situation.template,
                                    BUILDER.default_reason if reason is None else reason, NAMES)
        assert (subject, body) == expected, situation.label
        # The e-mail link carries exactly the draft, lines broken as CRLF.
        mail_subject, mail_body = mailto(page)
        assert mail_subject == subject
        assert "\n" not in mail_body.replace("\r\n", "") and mail_body.replace("\r\n", "\n") == body
        # Typed text is text, never markup.
        assert page.locator("[data-message-builder] b, [data-message-builder] i").count() == 0
        assert page.locator("[data-body]").evaluate("e => e.children.length") == 0
    assert page.errors == []  # type: ignore[attr-defined]
    page.context.close()


def test_empty_fields_leave_no_trace(served, browser: Browser) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base)
    for situation, reason in cases():
        subject, body, mail = page.evaluate("""([template, reason]) => {
            const form = document.querySelector('.tti-builder__form');
            const select = form.querySelector('select');
            select.value = template;
            select.dispatchEvent(new Event('change', {bubbles: true}));
            if (reason !== null) {
                const radio = form.querySelector(`input[name=tti-reason][value="${reason}"]`);
                radio.checked = true;
                radio.dispatchEvent(new Event('change', {bubbles: true}));
            }
            const href = form.querySelector('[data-email]').getAttribute('href');
            return [form.querySelector('[data-subject]').textContent, form.querySelector('[data-body]').textContent,
                    decodeURIComponent(href.split('&body=')[1])];
        }""", [situation.template, reason])
        text = subject + "\n" + body
        assert "[" not in text and "]" not in text, text
        assert not AWKWARD.search(subject) and not AWKWARD.search(body), text
        assert body.startswith("Hello,\n\n") and body.endswith(","), body
        assert "suggest" not in body
        assert mail.replace("\r\n", "\n") == body
    # A field filled and then cleared leaves no trace either.
    pick(page, BUILDER.situations[0])
    fill(page, {"Name": "Ana", "Colleague": "Ben"})
    assert draft(page)[1].startswith("Dear Ana,") and "Ben" in draft(page)[1]
    fill(page, {"Name": "   ", "Colleague": ""})
    assert draft(page)[1].startswith("Hello,\n\n") and "suggest" not in draft(page)[1]
    page.context.close()


def test_text_with_a_broken_character_still_copies_and_mails(served, browser: Browser) -> None:  # noqa: F811
    """A lone surrogate (half of a character pair, which some keyboards and pastes produce)
    becomes U+FFFD: the e-mail link and the clipboard take the text."""
    base, _ = served
    page = open_builder(browser, base, permissions=["clipboard-read", "clipboard-write"])
    page.get_by_label(LABELS["Name"], exact=True).evaluate(
        "e => { e.value = 'Zo\\ud83d'; e.dispatchEvent(new Event('input', {bubbles: true})); }")
    assert draft(page)[1].startswith("Dear Zo\ufffd,")
    assert mailto(page)[1].startswith("Dear Zo\ufffd,")
    page.get_by_role("button", name=TEXT["builder.copy"]).click()
    page.wait_for_function("t => document.querySelector('[data-status]').textContent === t",
                           arg=TEXT["builder.copied"])
    assert "Dear Zo\ufffd," in page.evaluate("navigator.clipboard.readText()")
    assert page.errors == []  # type: ignore[attr-defined]
    page.context.close()


def test_copy_announces_and_copies_the_message(served, browser: Browser) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base, permissions=["clipboard-read", "clipboard-write"])
    fill(page, {"Name": EVIL, "Your name": "Zoë"})
    status = page.locator("[data-status]")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    page.get_by_role("button", name=TEXT["builder.copy"]).click()
    page.wait_for_function("t => document.querySelector('[data-status]').textContent === t",
                           arg=TEXT["builder.copied"])
    subject, body = draft(page)
    assert page.evaluate("navigator.clipboard.readText()") == f"Subject: {subject}\n\n{body}"
    page.context.close()


def test_reset_clears_the_fields(served, browser: Browser) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base)
    first = draft(page)
    pick(page, BUILDER.situations[3], 0)
    fill(page, {name: NAMES[name] for name in BUILDER.uses(BUILDER.situations[3].template)})
    assert draft(page) != first
    page.get_by_role("button", name=TEXT["builder.reset"]).click()
    for name in BUILDER.uses(BUILDER.situations[0].template):
        assert page.get_by_label(LABELS[name], exact=True).input_value() == ""
    assert page.get_by_label(TEXT["builder.situation"], exact=True).input_value() == BUILDER.situations[0].template
    assert page.get_by_label(BUILDER.reasons[BUILDER.default_reason].label, exact=True).is_checked()
    assert draft(page) == first and EVIL not in draft(page)[1]
    page.wait_for_function("t => document.querySelector('[data-status]').textContent === t",
                           arg=TEXT["builder.cleared"])
    page.context.close()


def test_keyboard_alone_can_build_and_copy(served, browser: Browser) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base, permissions=["clipboard-read", "clipboard-write"])
    page.get_by_label(TEXT["builder.situation"], exact=True).focus()
    page.keyboard.press("ArrowDown")  # a closed select takes the next option
    assert page.get_by_label(TEXT["builder.situation"], exact=True).input_value() == BUILDER.situations[1].template
    page.keyboard.press("Tab")  # to the reason group
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")  # to the first text field
    assert page.evaluate("document.activeElement.dataset.field") == "Name"
    page.keyboard.type("Ana")
    subject, body = draft(page)
    assert body.startswith("Dear Ana,") and subject == messages.compose(
        BUILDER, BUILDER.situations[1].template, BUILDER.default_reason - 1, {"Name": "Ana"})[0]
    focused = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
        if focused[-1] == TEXT["builder.copy"]:
            break
    assert focused[-1] == TEXT["builder.copy"], focused
    page.keyboard.press("Enter")
    page.wait_for_function("t => document.querySelector('[data-status]').textContent === t",
                           arg=TEXT["builder.copied"])
    page.context.close()


def test_a_phone_sized_screen_needs_no_sideways_scrolling(served, browser: Browser) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base, viewport={"width": 375, "height": 740})
    fill(page, {name: NAMES[name] for name in BUILDER.uses(BUILDER.situations[0].template)})
    fill(page, {"Company": "Averyveryverylongcompanynamewithnospacesatallforwrapping"})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for selector in ("[data-body]", "[data-email]", "[data-reset]", "input[data-field='Colleague']"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375, selector
    page.context.close()


def test_without_javascript_the_templates_show_and_no_control_does(served, browser: Browser) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base, java_script_enabled=False)
    blocks = page.locator("[data-message-builder] .tti-builder__fallback pre")
    assert blocks.count() == len(BUILDER.situations)
    for n, situation in enumerate(BUILDER.situations):
        assert blocks.nth(n).is_visible()
        assert blocks.nth(n).inner_text().startswith("Subject: " + BUILDER.templates[situation.template].subject)
    assert not page.locator(".tti-builder__form").is_visible()
    controls = page.locator("[data-message-builder] :is(input, button, select, textarea, a[href])")
    assert controls.count() > 0 and not any(controls.nth(i).is_visible() for i in range(controls.count()))
    page.context.close()


def test_the_builder_works_after_instant_navigation(served, browser: Browser) -> None:  # noqa: F811
    base, _ = served
    page = browser.new_page()
    page.goto(base + "declining/how-to-decline/", wait_until="load")
    page.evaluate("window.__stillHere = true")
    page.locator(".md-nav a[href$='write-your-message/']").first.click()
    page.locator(READY).wait_for(state="visible")
    assert page.evaluate("window.__stillHere === true"), "Material swapped the page in place"
    assert not page.locator(".tti-builder__fallback").is_visible()
    fill(page, {"Name": "Ana"})
    assert draft(page)[1].startswith("Dear Ana,")
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_filled_builder_has_no_axe_violations(served, browser: Browser, scheme: str) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base, color_scheme=scheme,
                        permissions=["clipboard-read", "clipboard-write"])
    pick(page, BUILDER.situations[2], 1)
    fill(page, {name: NAMES[name] for name in BUILDER.uses(BUILDER.situations[2].template)})
    page.get_by_role("button", name=TEXT["builder.copy"]).click()
    page.wait_for_function("t => document.querySelector('[data-status]').textContent === t",
                           arg=TEXT["builder.copied"])
    page.get_by_label(LABELS["Role"], exact=True).focus()
    assert axe_violations(page, scheme=scheme) == []
    assert page.errors == []  # type: ignore[attr-defined]
    page.context.close()


# ---- the tool comes first on a phone, and its draft stays in view ----

def boxes(page: Page) -> dict[str, dict]:
    """Bounding boxes (in the viewport) of the first control, the draft and the last visible field."""
    return page.evaluate("""() => {
        const box = e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
        const fields = [...document.querySelectorAll('.tti-builder__form [data-field]')].filter(i => i.getClientRects().length);
        return {select: box(document.querySelector('#tti-msg-situation')), draft: box(document.querySelector('.tti-builder__draft')),
                subject: box(document.querySelector('[data-subject]')), last: box(fields[fields.length - 1]),
                header: box(document.querySelector('.md-header')), height: innerHeight, width: innerWidth};
    }""")


def test_on_a_phone_the_form_and_the_draft_are_on_the_first_screen(served, browser: Browser) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base, viewport={"width": 375, "height": 667})
    seen = boxes(page)
    print(f"\n375x667 first screen: situation list {seen['select']['top']:.0f}-{seen['select']['bottom']:.0f} px, "
          f"draft {seen['draft']['top']:.0f}-{seen['draft']['bottom']:.0f} px")
    assert 0 <= seen["select"]["top"] and seen["select"]["bottom"] <= seen["draft"]["top"], "the draft covers no control"
    assert seen["draft"]["top"] < 667 - 100 and seen["draft"]["bottom"] <= 667, "the draft shows on the first screen"
    assert seen["subject"]["bottom"] <= 667, "with its subject line"
    page.context.close()


@pytest.mark.parametrize("width, height", [(375, 667), (1280, 800)])
def test_the_draft_stays_in_view_while_typing_in_the_last_field(served, browser: Browser,  # noqa: F811
                                                                 width: int, height: int) -> None:
    base, _ = served
    page = open_builder(browser, base, viewport={"width": width, "height": height})
    pick(page, BUILDER.situations[0])
    last = page.locator(".tti-builder__form [data-field]:visible").last
    last.click()
    page.keyboard.type("Sam Okafor")
    seen = boxes(page)
    print(f"\n{width}x{height} typing in the last field: field {seen['last']['top']:.0f}-{seen['last']['bottom']:.0f} px, "
          f"draft {seen['draft']['top']:.0f}-{seen['draft']['bottom']:.0f} px")
    assert 0 <= seen["last"]["top"] and seen["last"]["bottom"] <= height, "the field is in view"
    assert seen["header"]["bottom"] <= seen["draft"]["top"] < height - 80, "so is the draft, below the header"
    assert seen["subject"]["bottom"] <= height
    if width < 900:
        assert seen["last"]["bottom"] <= seen["draft"]["top"], "the draft does not cover the field"
    else:
        assert seen["draft"]["left"] >= seen["last"]["right"], "the draft sits beside the form"
    assert "Sam Okafor" in draft(page)[1], "and it is live"
    page.context.close()


def test_on_a_phone_a_field_reached_by_the_keyboard_is_never_behind_the_draft(served, browser: Browser) -> None:  # noqa: F811
    """Tab scrolls each field into view just far enough; the draft at the foot of the screen must
    not cover it (builder.css keeps room below each field)."""
    base, _ = served
    page = open_builder(browser, base, viewport={"width": 375, "height": 667})
    pick(page, BUILDER.situations[0])
    page.locator("#tti-msg-situation").focus()
    reached = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        field = page.evaluate("""() => {
            const f = document.activeElement;
            if (!f.matches('.tti-builder__form [data-field]')) return null;
            const r = f.getBoundingClientRect(), d = document.querySelector('.tti-builder__draft').getBoundingClientRect();
            return {name: f.name || f.id, bottom: r.bottom, draft: d.top};
        }""")
        if field:
            reached.add(field["name"])
            assert field["bottom"] <= field["draft"], field
    assert len(reached) >= 3, f"the keyboard reached only {sorted(reached)}"
    page.context.close()


def test_the_draft_scrolls_along_the_whole_form_on_a_phone(served, browser: Browser) -> None:  # noqa: F811
    base, _ = served
    page = open_builder(browser, base, viewport={"width": 375, "height": 667})
    top = page.evaluate("document.querySelector('.tti-builder__form').getBoundingClientRect().top + scrollY")
    bottom = page.evaluate("document.querySelector('.tti-builder__form').getBoundingClientRect().bottom + scrollY")
    for y in range(int(top), int(bottom) - 667, 150):
        page.evaluate(f"scrollTo(0, {y})")
        seen = boxes(page)
        assert seen["draft"]["bottom"] <= 667 + 1 and seen["draft"]["top"] < 667 - 100, y
    page.context.close()


# ---- drawn before its script runs, and nothing moves when the script starts ----

#: The form as drawn: the draft, the e-mail link, the rows shown, and where each part sits.
FORM_STATE = """() => {
    const q = s => document.querySelector(s);
    const parts = '.tti-builder__form :is(select, fieldset, [data-field-row], .tti-builder__draft, dd, .tti-builder__actions)';
    return {subject: q('[data-subject]').textContent, body: q('[data-body]').textContent,
            href: q('[data-email]').getAttribute('href'), reasons: !q('[data-reasons]').hidden,
            rows: [...document.querySelectorAll('[data-field-row]')].filter(r => !r.hidden).map(r => r.dataset.fieldRow),
            boxes: [...document.querySelectorAll(parts)].map(e => {
                const r = e.getBoundingClientRect(); return [r.top, r.left, r.width, r.height]; })};
}"""
#: Every layout shift of the page, from the start.
SHIFTS = """window.__shifts = []; new PerformanceObserver(list => list.getEntries()
    .forEach(e => window.__shifts.push(e.value))).observe({type: 'layout-shift', buffered: true});"""
BUTTONS = ("[data-copy]", "[data-email]", "[data-reset]")


@pytest.mark.parametrize("width, height", [(375, 667), (1280, 800)])
def test_the_form_and_its_first_draft_are_drawn_before_the_script_and_nothing_moves_when_it_starts(
        served, browser: Browser, width: int, height: int) -> None:  # noqa: F811
    base, site = served
    first = BUILDER.situations[0].template
    context = browser.new_context(viewport={"width": width, "height": height})
    # The page's script file is site.js and builder.js in one (site.builder.js): serve site.js alone.
    alone = (site.site / "assets" / "js" / "site.js").read_text(encoding="utf-8")
    asked = []
    context.route("**/assets/js/site.builder.js", lambda route: asked.append(route.request.url) or
                  route.fulfill(status=200, content_type="text/javascript", body=alone))
    page = context.new_page()
    page.goto(base + PAGE, wait_until="load")
    assert page.locator(".tti-builder__form").is_visible() and page.locator("[data-body]").is_visible()
    assert not page.locator(".tti-builder__fallback").is_visible()
    assert not any(page.locator(button).is_visible() for button in ("[data-copy]", "[data-reset]")), \
        "the buttons do not work yet, so they do not show"
    assert page.locator("[data-email]").is_visible(), "the e-mail link works already"
    assert axe_violations(page) == []  # the draft scrolls on a phone: it holds that link to reach it by
    assert len(asked) == 1, "the page's one script file is the one served without builder.js"
    drawn = page.evaluate(FORM_STATE)
    assert (drawn["subject"], drawn["body"]) == messages.compose(BUILDER, first, BUILDER.default_reason, {})
    assert drawn["rows"] == BUILDER.uses(first) and drawn["reasons"] == BUILDER.templates[first].has_reason
    context.close()

    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(SHIFTS)
    page = context.new_page()
    page.goto(base + PAGE, wait_until="load")
    page.locator(READY).wait_for(state="visible")
    assert all(page.locator(button).is_visible() for button in BUTTONS)
    assert page.evaluate(FORM_STATE) == drawn, "the script's first draft is the one the page carried"
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shifts") == []
    context.close()
