"""Hostile content: every way a pull request or an overlay could try to run script on the site.

Each case is an edit of the small fixture site (tests/fixture/). It must either stop the strict
build with the file, the line and the fix, or leave the site inert: all the inert cases are
applied to one site together, which is built without its Content-Security-Policy (so that the
escaping alone is tested) and opened in Chromium with a dialog listener. On each page the test
also looks for any element with an event-handler attribute, any inline script, and any
`javascript:` link in the live DOM.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from conftest import Project, copy_fixture, run_build

ALERT = "alert(document.domain)"
IMG = f"<img src=x onerror={ALERT}>"
SCRIPT = f"<script>{ALERT}</script>"
SVG = f"<svg onload={ALERT}>"


@dataclass(frozen=True)
class Case:
    id: str
    edits: tuple[tuple[str, str, str], ...]  # (file, old text, new text); old "" appends
    fails: tuple[str, ...] = ()  # expected in the build's message; empty: the site must be inert
    pages: tuple[str, ...] = field(default=("",))  # where to look when inert


def body(path: str, markdown: str) -> tuple[str, str, str]:
    """Add Markdown after the first paragraph of a fixture guide."""
    return (path, "It exists for the tests.", "It exists for the tests.\n\n" + markdown)


def quoted(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML string


ALPHA, BETA, GAMMA, DELTA = "docs/why/alpha.md", "docs/why/beta.md", "docs/why/gamma.md", "docs/stages/delta.md"
SCEN, CHECK, SOURCES, MSGS = ("docs/_data/scenarios.yml", "docs/_data/checklists/fixture-list.yml",
                              "docs/_data/sources.yml", "docs/_data/messages.yml")
SITE = "site.yml"
BRAND = "    # the office's settings go here"  # in site.yml, under extra.brand
NOT_ALLOWED = "is not allowed in page content"

CASES = [
    # ---- front matter: plain text, escaped wherever it is printed ----
    Case("title-script", ((ALPHA, "title: Alpha guide", f"title: {quoted(SCRIPT)}"),),
         pages=("why/alpha/", "why/", "")),
    Case("title-closes-title", ((BETA, "title: Beta guide", f"title: {quoted('</title>' + SCRIPT)}"),),
         pages=("why/beta/", "why/")),
    Case("description-breaks-attribute", ((GAMMA, "description: The gamma guide, for tests.",
                                           f"description: {quoted(chr(34) + '>' + IMG)}"),),
         pages=("why/gamma/", "why/")),
    Case("question-img", ((DELTA, "sources:", f"questions:\n  - {quoted(IMG)}\nsources:"),),
         pages=("stages/delta/",)),
    # ---- guide bodies: rendered HTML is checked ----
    Case("body-script", (body(ALPHA, SCRIPT),), fails=("docs/why/alpha.md:16", "<script>", NOT_ALLOWED)),
    Case("body-img-onerror", (body(ALPHA, IMG),), fails=("docs/why/alpha.md:16", "'onerror'", "would run script")),
    Case("body-attr-list", (body(ALPHA, "Hello.\n{: autofocus onfocus=alert(1) }"),),
         fails=("docs/why/alpha.md:17", "'onfocus'")),
    Case("heading-attr-list", (body(ALPHA, "## Hi { onclick=alert(1) }"),), fails=("docs/why/alpha.md:16", "'onclick'")),
    Case("link-javascript", (body(ALPHA, "[x](javascript:alert(1))"),),
         fails=("docs/why/alpha.md:16", "'javascript:'", "Fix:")),
    Case("link-mixed-case", (body(ALPHA, "[x](JavaScript:alert(1))"),), fails=("docs/why/alpha.md:16", "'javascript:'")),
    Case("reference-link", (body(ALPHA, "[x][r]\n\n[r]: javascript:alert(1)"),),
         fails=("docs/why/alpha.md:18", "'javascript:'")),
    Case("entity-scheme", (body(ALPHA, '<a href="&#106;avascript:alert(1)">x</a>'),), fails=("'javascript:'",)),
    Case("tab-in-scheme", (body(ALPHA, '<a href="java&#x09;script:alert(1)">x</a>'),), fails=("'javascript:'",)),
    Case("leading-space-scheme", (body(ALPHA, '<a href=" javascript:alert(1)">x</a>'),), fails=("'javascript:'",)),
    Case("vbscript", (body(ALPHA, '<a href="vbscript:msgbox(1)">x</a>'),), fails=("'vbscript:'",)),
    Case("data-image", (body(ALPHA, "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)"),),
         fails=("docs/why/alpha.md:16", "'data:'")),
    Case("iframe", (body(ALPHA, '<iframe src="https://example.org/"></iframe>'),), fails=("<iframe>", NOT_ALLOWED)),
    Case("object", (body(ALPHA, '<object data="x.swf"></object>'),), fails=("<object>", NOT_ALLOWED)),
    Case("embed", (body(ALPHA, '<embed src="x.swf">'),), fails=("<embed>", NOT_ALLOWED)),
    Case("svg-onload", (body(ALPHA, SVG + "</svg>"),), fails=("'onload'",)),
    Case("svg-script", (body(ALPHA, "<svg>" + SCRIPT + "</svg>"),), fails=("<script>",)),
    Case("form-action", (body(ALPHA, '<form action="javascript:alert(1)"><button>x</button></form>'),),
         fails=("'javascript:'",)),
    Case("details-ontoggle", (body(ALPHA, "<details open ontoggle=alert(1)><summary>x</summary></details>"),),
         fails=("'ontoggle'",)),
    Case("style-element", (body(ALPHA, "<style>body{display:none}</style>"),), fails=("<style>",)),
    Case("style-attribute", (body(ALPHA, '<p style="position:fixed">x</p>'),), fails=("'style'",)),
    Case("base-element", (body(ALPHA, '<base href="https://evil.example/">'),), fails=("<base>",)),
    Case("meta-refresh", (body(ALPHA, '<meta http-equiv="refresh" content="0;url=https://evil.example/">'),),
         fails=("<meta>",)),
    Case("theme-id", (body(ALPHA, '<div id="__config">x</div>'),), fails=("'__config' is reserved",)),
    Case("math", (body(ALPHA, "<math><mtext>x</mtext></math>"),), fails=("<math>",)),
    # ---- scenario registry ----
    Case("statement-img", ((SCEN, "statement: I am in the first situation.", f"statement: {quoted(IMG)}"),),
         pages=("scenarios/one/", "scenarios/", "why/alpha/")),
    Case("statement-markdown-link", ((SCEN, "statement: I am in the second situation.",
                                      f"statement: {quoted('x](javascript:alert(1)) [y')}"),),
         pages=("scenarios/two/", "scenarios/")),
    Case("group-img", ((SCEN, "group: First group", f"group: {quoted(IMG)}"),), pages=("scenarios/",)),
    Case("answer-attr-list", ((SCEN, "The first answer. It has two sentences.",
                               "The *first*{: onmouseover=alert(1) } answer."),),
         fails=("docs/_data/scenarios.yml:4 [answer]", "'onmouseover'")),
    Case("answer-javascript", ((SCEN, "The first answer. It has two sentences.", "[x](javascript:alert(1))"),),
         fails=("docs/_data/scenarios.yml:4 [answer]", "'javascript:'")),
    Case("answer-script", ((SCEN, "The second answer. It has two sentences.", SCRIPT + " " + IMG),),
         pages=("scenarios/two/",)),
    # ---- checklists ----
    Case("checklist-title", ((CHECK, "title: A fixture checklist", f"title: {quoted(IMG)}"),),
         pages=("checklists/", "why/")),
    Case("checklist-item-html", ((CHECK, "text: The first item.", f"text: {quoted(IMG + SCRIPT)}"),),
         pages=("checklists/",)),
    Case("checklist-item-attr-list", ((CHECK, "text: The second item, with *emphasis*.",
                                       "text: \"The second item, with *emphasis*{: onclick=alert(1) }.\""),),
         fails=("docs/_data/checklists/fixture-list.yml:9 [text]", "'onclick'")),
    Case("checklist-item-javascript", ((CHECK, "text: The first item.", "text: \"[x](javascript:alert(1))\""),),
         fails=("fixture-list.yml:6 [text]", "'javascript:'")),
    Case("checklist-intro-javascript", ((CHECK, "intro: Two items for the tests.", "intro: \"[x](javascript:1)\""),),
         fails=("fixture-list.yml:3 [intro]", "'javascript:'")),
    # ---- sources ----
    Case("source-title", ((SOURCES, 'title: "A source for the tests"', f"title: {quoted(IMG)}"),),
         pages=("why/alpha/",)),
    Case("source-note", ((SOURCES, "note: A source that exists only for the tests.", f"note: {quoted('</li>' + SCRIPT)}"),),
         pages=("why/beta/",)),
    Case("source-url", ((SOURCES, "url: https://example.org/source", "url: javascript:alert(1)"),),
         fails=("docs/_data/sources.yml:7 [url]", "is not an https:// address")),
    # ---- the message builder's words and a template ----
    Case("builder-label", ((MSGS, "label: Decline an interview invitation", f"label: {quoted(IMG)}"),),
         pages=("messages/write/",)),
    Case("builder-field-label", ((MSGS, "label: Their name", f"label: {quoted(SCRIPT)}"),), pages=("messages/write/",)),
    Case("builder-reason", ((MSGS, "sentence: I have accepted another role.", f"sentence: {quoted(IMG)}"),),
         pages=("messages/write/",)),
    Case("catalogue-string", (("docs/_data/strings/en.yml", "builder.copy: Copy the message",
                               f"builder.copy: {quoted(chr(34) + '>' + IMG)}"),), pages=("messages/write/",)),
    Case("catalogue-script-string", (("docs/_data/strings/en.yml", "checklist.print: Print",
                                      f"checklist.print: {quoted(chr(39) + '></meta>' + SCRIPT)}"),),
         pages=("checklists/",)),
    Case("overlay-string", ((SITE, "  content_language: en", "  content_language: en\n  strings:\n"
                             f"    guide.sources: {quoted(IMG)}"),), pages=("why/alpha/",)),
    Case("template-body", (("snippets/messages/decline-offer.txt", "After careful thought,", SCRIPT + " After careful thought,"),),
         pages=("messages/write/",)),
    # ---- the config and a career office's overlay ----
    Case("site-name", ((SITE, "site_name: Fixture Site", f"site_name: {quoted(SCRIPT)}"),), pages=("", "why/alpha/")),
    Case("site-description", ((SITE, "INHERIT: mkdocs.yml",
                               f"INHERIT: mkdocs.yml\nsite_description: {quoted(chr(34) + '>' + IMG)}"),),
         pages=("scenarios/",)),
    Case("copyright", ((SITE, "INHERIT: mkdocs.yml", f"INHERIT: mkdocs.yml\ncopyright: {quoted(IMG)}"),),
         pages=("",)),
    Case("nav-title", ((SITE, "  - Stages:", f"  - {quoted(IMG)}:"),), pages=("", "stages/delta/")),
    Case("office-name", ((SITE, BRAND, f"{BRAND}\n    office: {quoted(SCRIPT)}"),), pages=("",)),
    Case("booking-label", ((SITE, BRAND, BRAND + "\n    booking:\n"
                            f"      label: {quoted(chr(34) + '>' + IMG)}\n      url: https://example.org/book\n"
                            f"      text: {quoted(SCRIPT)}"),), pages=("why/alpha/",)),
    Case("policy-text", ((SITE, BRAND, f"{BRAND}\n    policy:\n      title: {quoted(IMG)}\n"
                          f"      text: {quoted(SCRIPT + ' & <b>x</b>')}"),), pages=("declining/epsilon/",)),
    Case("footer-label", ((SITE, BRAND, BRAND + "\n    footer:\n      links:\n"
                           f"        {quoted(IMG)}: https://example.org/"),), pages=("",)),
    Case("contact-address", ((SITE, BRAND, f"{BRAND}\n    contact:\n      address: {quoted(IMG)}"),),
         pages=("",)),
    Case("booking-javascript", ((SITE, BRAND, BRAND + "\n    booking:\n      label: Book\n"
                                 "      url: javascript:alert(1)"),), fails=("site.yml:", "[extra.brand.booking.url]")),
    Case("accessibility-javascript", ((SITE, BRAND, BRAND + "\n    accessibility:\n"
                                       "      url: javascript:alert(1)"),), fails=("[extra.brand.accessibility.url]",)),
    Case("contact-email-quote", ((SITE, BRAND, BRAND + "\n    contact:\n"
                                  "      email: '\"onmouseover=alert(1)\"@x.org'"),),
         fails=("[extra.brand.contact.email]", "is not a valid e-mail address")),
    Case("footer-javascript", ((SITE, BRAND, BRAND + "\n    footer:\n      links:\n"
                                "        Help: javascript:alert(1)"),), fails=("[extra.brand.footer.links.Help]",)),
    Case("logo-outside", ((SITE, BRAND, BRAND + "\n    logo: /etc/passwd"),),
         fails=("[extra.brand.logo]", "outside the repository")),
    Case("logo-parent", ((SITE, BRAND, BRAND + "\n    logo: ../x.png"),),
         fails=("[extra.brand.logo]", "outside the repository")),
]
INERT = [c for c in CASES if not c.fails]
FAILING = [c for c in CASES if c.fails]


def test_the_table_covers_every_content_source() -> None:
    files = {path for case in CASES for path, _, _ in case.edits}
    assert len(CASES) >= 40
    assert {ALPHA, SCEN, CHECK, SOURCES, MSGS, SITE} <= files and any(f.startswith("snippets/") for f in files)


def apply(project: Project, case: Case) -> None:
    for path, old, new in case.edits:
        project.edit(path, old, new) if old else project.write(path, project.read(path) + new)


@pytest.mark.parametrize("case", FAILING, ids=[c.id for c in FAILING])
def test_hostile_input_stops_the_build(small: Project, case: Case) -> None:
    apply(small, case)
    small.fails(*case.fails, "Fix:")


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory: pytest.TempPathFactory):
    """Every inert case at once, built for the address it is served on, without the CSP."""
    from browser import free_port, serve

    project = Project(copy_fixture(tmp_path_factory.mktemp("hostile") / "site"),
                      tmp_path_factory.mktemp("hostile-out"), config_file="site.yml")
    for case in INERT:
        apply(project, case)
    project.edit(SITE, "  content_language: en", "  content_language: en\n  csp_meta: false")
    port = free_port()
    built = project.build(site_url=f"http://127.0.0.1:{port}/")
    assert built.ok, built.messages
    with serve(built.site, port) as base:
        yield base, built


@pytest.fixture(scope="module")
def inert_page(inert_site, browser):
    """One tab for all the inert cases, with a listener that records any dialog."""
    from browser import without_search_index

    page = browser.new_page()
    without_search_index(page.context)
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    page.close()


@pytest.mark.parametrize("case", INERT, ids=[c.id for c in INERT])
def test_hostile_input_is_inert(inert_site, inert_page, case: Case) -> None:
    base, built = inert_site
    assert "Content-Security-Policy" not in built.html("index.html"), "escaping alone is tested"
    page, dialogs = inert_page, inert_page.dialogs
    dialogs.clear()
    for path in case.pages:
        page.goto(base + path, wait_until="load")
        page.keyboard.press("Tab")  # anything with autofocus or onfocus gets its chance
        found = page.evaluate("""() => {
            const all = [...document.querySelectorAll('*')];
            const handlers = all.filter(e => [...e.attributes].some(a => a.name.startsWith('on')));
            const inline = [...document.scripts].filter(s => !s.src && s.type !== 'application/json');
            const links = [...document.querySelectorAll('[href], [src], [action]')].filter(e =>
                /^\\s*(javascript|vbscript|data):/i.test(e.getAttribute('href') || e.getAttribute('src')
                                                        || e.getAttribute('action') || ''));
            return {handlers: handlers.map(e => e.outerHTML.slice(0, 80)),
                    inline: inline.map(s => s.outerHTML.slice(0, 80)),
                    links: links.map(e => e.outerHTML.slice(0, 80)),
                    pwned: typeof window.__pwned !== 'undefined'};
        }""")
        assert found == {"handlers": [], "inline": [], "links": [], "pwned": False}, (path, found)
    assert dialogs == [], dialogs
