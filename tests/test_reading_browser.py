"""Reading comfort, measured in real headless Chromium: lines of about 80 characters at most on a
wide screen, a page title heavier than the headings below it, an "On this page" list at the
top of a long guide on a phone only, and printed pages that carry the site's name, the page's
address and the print date with no blank page at the end. The contents list's markup is also
checked on the small fixture site, built with the real hooks and theme."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Browser, Page

from browser import axe_violations, without_search_index
from conftest import Project
from pdftext import Pdf

GUIDE = "stages/recruiter-screen/"
WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

#: Every text block's width in ch, and the number of characters on its longest line (lines are
#: found from each character's box, so wrapping decides, not the stylesheet).
MEASURE = """() => {
  const inner = document.querySelector('.md-content__inner');
  const blocks = [...inner.querySelectorAll(':scope > p, :scope > ul > li, :scope > ol > li')];
  const canvas = document.createElement('canvas').getContext('2d');
  return blocks.map(el => {
    const style = getComputedStyle(el);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const ch = canvas.measureText('0').width;
    const lines = new Map();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (!box.width && !box.height) continue;
        const top = Math.round(box.top);
        lines.set(top, (lines.get(top) || 0) + 1);
      }
    }
    return {text: el.textContent.trim().slice(0, 40), ch: el.getBoundingClientRect().width / ch,
            longest: Math.max(0, ...lines.values()), lines: lines.size};
  });
}"""


def open_page(browser: Browser, base: str, path: str = GUIDE, **context) -> Page:
    ctx = browser.new_context(**context)
    without_search_index(ctx)
    page = ctx.new_page()
    page.goto(base + path, wait_until="load")
    return page


def test_lines_of_body_text_are_about_80_characters_at_most_on_a_wide_screen(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base, viewport=WIDE)
    blocks = page.evaluate(MEASURE)
    assert len(blocks) > 20
    too_wide = [b for b in blocks if b["ch"] > 80 or b["longest"] > 85]
    assert not too_wide, too_wide
    # The limit bites: without it, the guide's paragraphs run well past 80 characters.
    assert max(b["longest"] for b in blocks) > 70
    page.evaluate("document.querySelectorAll('.md-content__inner > *').forEach(e => { e.style.maxWidth = 'none'; })")
    assert max(b["longest"] for b in page.evaluate(MEASURE)) > 85
    page.context.close()


@pytest.mark.parametrize("path, wide", [("messages/write-your-message/", ".tti-builder"),
                                        ("checklists/", ".tti-checklist")])
def test_tools_keep_the_full_width(served, browser: Browser, path: str, wide: str) -> None:
    """The measure limits running text only: the message builder and the checklists still use
    the whole column."""
    base, _ = served
    page = open_page(browser, base, path, viewport=WIDE)
    column = page.locator(".md-content__inner").evaluate("e => e.clientWidth - parseFloat(getComputedStyle(e).paddingLeft) - parseFloat(getComputedStyle(e).paddingRight)")
    tool = page.locator(wide).first.evaluate("e => e.getBoundingClientRect().width")
    paragraph = page.locator(".md-content__inner > p").first.evaluate("e => e.getBoundingClientRect().width")
    assert tool >= column - 2, (tool, column)
    assert paragraph < tool
    page.context.close()


def test_on_a_phone_text_uses_the_whole_width(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base, viewport=PHONE)
    inner = page.locator(".md-content__inner")
    column = inner.evaluate("e => e.getBoundingClientRect().width")
    widths = page.locator(".md-content__inner > p").evaluate_all("ps => ps.map(p => p.getBoundingClientRect().width)")
    assert widths and all(abs(w - column) < 2 for w in widths), (column, widths)
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [GUIDE, "", "scenarios/missing-a-requirement/"])
def test_the_page_title_is_heavier_than_the_headings_below_it(served, browser: Browser, scheme: str, path: str) -> None:
    base, _ = served
    page = open_page(browser, base, path, viewport=WIDE, color_scheme=scheme)
    weights = page.evaluate("""() => [...document.querySelectorAll('.md-content__inner :is(h1, h2, h3)')]
        .map(h => [h.tagName, Number(getComputedStyle(h).fontWeight), getComputedStyle(h).color])""")
    title = [w for tag, w, _ in weights if tag == "H1"]
    below = [w for tag, w, _ in weights if tag != "H1"]
    assert len(title) == 1 and below, weights
    assert title[0] >= 700 and title[0] > max(below), weights
    # The title is in the text's own colour, not Material's lighter grey.
    body = page.locator(".md-content__inner > p:not(.tti-byline)").first.evaluate("p => getComputedStyle(p).color")
    assert [c for tag, _, c in weights if tag == "H1"] == [body]
    page.context.close()


def contents(page: Page):
    return page.locator("nav.tti-page-contents")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_long_guide_has_a_folded_contents_list_on_a_phone(served, browser: Browser, scheme: str) -> None:
    base, _ = served
    page = open_page(browser, base, viewport=PHONE, color_scheme=scheme)
    nav = contents(page)
    assert nav.is_visible()
    # It sits after the title and the lead, before the first section.
    assert page.evaluate("""() => {
        const nav = document.querySelector('nav.tti-page-contents');
        const follows = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
        return follows(document.querySelector('.md-content__inner h1'), nav)
            && follows(document.querySelector('.tti-lead'), nav)
            && follows(nav, document.querySelector('.md-content__inner h2'));
    }""")
    # A named navigation landmark, folded; the keyboard opens it and reaches every section.
    assert page.get_by_role("navigation", name="On this page").count() == 1
    links = nav.locator("a")
    assert not links.first.is_visible()
    sections = page.evaluate("""() => [...document.querySelectorAll('.md-content__inner h2[id]')]
        .filter(h => !h.closest('section')).map(h => '#' + h.id)""")
    assert links.evaluate_all("links => links.map(a => a.hash)") == sections
    assert len(sections) >= 4
    nav.locator("summary").focus()
    page.keyboard.press("Enter")
    assert links.first.is_visible()
    assert axe_violations(page, chrome=False) == []
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hash") == sections[0]
    page.keyboard.press("Enter")
    page.wait_for_function("s => location.hash === s", arg=sections[0])
    # The section's heading comes to the top of the screen (Material may scroll smoothly).
    page.wait_for_function("""s => { const top = document.querySelector(s).getBoundingClientRect().top;
        return top >= 0 && top < 200; }""", arg=sections[0], timeout=5000)
    page.context.close()


def test_the_contents_list_needs_no_javascript(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base, viewport=PHONE, java_script_enabled=False)
    nav = contents(page)
    nav.locator("summary").click()
    assert nav.locator("a").first.is_visible()
    page.context.close()


def test_a_wide_screen_shows_materials_own_contents_instead(served, browser: Browser) -> None:
    base, _ = served
    page = open_page(browser, base, viewport=WIDE)
    assert contents(page).count() == 1 and not contents(page).is_visible()
    assert page.get_by_role("navigation", name="On this page").count() == 0  # not read out twice
    assert page.locator(".md-sidebar--secondary .md-nav--secondary").is_visible()
    page.context.close()


def test_the_contents_list_comes_with_four_sections_and_prints_headings_as_text(small: Project) -> None:
    result = small.build()
    assert result.ok, result.messages
    assert not result.soup("why/alpha/index.html").select(".tti-page-contents")  # two sections
    small.edit("docs/why/alpha.md", "## What to read next",
               "## Q&A: \"quotes\" and <b>bold</b>\n\nText.\n\n## Third\n\nText.\n\n## What to read next")
    small.edit("docs/index.md", "\n", "\n\n## One\n\n## Two\n\n## Three\n\n## Four\n\n", 1)
    result = small.build()
    assert result.ok, result.messages
    soup = result.soup("why/alpha/index.html")
    nav = soup.select_one("nav.tti-page-contents")
    assert nav is not None and nav.find("b") is None
    assert [a.get_text() for a in nav.select("a")] == ["In short", 'Q&A: "quotes" and bold', "Third",
                                                       "What to read next"]
    assert all(soup.find(id=a["href"][1:]) for a in nav.select("a"))
    assert not result.soup("index.html").select(".tti-page-contents")  # only guides get one


def printed(page: Page) -> Pdf:
    return Pdf(page.pdf(format="A4", print_background=False))


@pytest.mark.parametrize("path", [GUIDE, "", "scenarios/missing-a-requirement/", "checklists/",
                                  "messages/write-your-message/", "about/licence/"])
def test_printed_pages_carry_name_address_and_date_with_no_blank_page(served, browser: Browser, path: str) -> None:
    base, _ = served
    page = open_page(browser, base, path, viewport=WIDE)
    pdf = printed(page)
    texts = pdf.texts()
    assert pdf.page_count == len(texts) >= 1
    assert all(text.strip() for text in texts), [len(t.strip()) for t in texts]  # no blank page
    squashed = "".join(texts[-1].split())
    assert "TaketheInterview" in squashed
    assert "".join((base + path).split()) in squashed, texts[-1][-300:]
    today = dt.date.today()
    assert f"Printedon{today.day}{today:%B}{today.year}" in squashed
    # What only a screen needs is not printed.
    whole = "".join("".join(texts).split())
    assert "Search" not in texts[0][:200] and "Onthispage" not in whole
    page.context.close()
