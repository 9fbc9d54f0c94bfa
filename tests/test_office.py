"""A career office's overlay: every value checked or escaped, policies where they belong, its own
pages and hidden guides without copying upstream lists, its language, and branded print.

Most tests build the small fixture site (tests/fixture/site.yml is itself an overlay of
mkdocs.yml) with settings added under `extra.brand`, from line 26 of that file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest

from conftest import ROOT, Project, run_build

from kb import strings

BRAND = "    # the office's settings go here"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
ADDRESS = 'Room 2, "Old" Hall <East>'
POLICY_TITLE = 'Our "rules"'


def settings(small: Project, yaml_text: str) -> None:
    """Add `yaml_text` (indented four spaces) under `extra.brand` of the fixture's overlay."""
    small.edit("site.yml", BRAND + "\n    home: {}", BRAND + "\n" + yaml_text.rstrip("\n"))


@dataclass(frozen=True)
class Bad:
    id: str
    yaml: str
    expected: tuple[str, ...] = ()  # in the build's one message; empty: the value shows escaped
    page: str = "index.html"  # where an escaped value shows
    shows: str = ""  # the text a reader sees there


def q(value: str) -> str:
    return json.dumps(value)


BAD = [
    # text is escaped wherever it lands, and honest text shows as typed
    Bad("office-script", f"    office: {q(SCRIPT)}", page="index.html", shows=SCRIPT),
    Bad("office-angle", f"    office: {q('A<B & Sons Careers')}", page="why/alpha/index.html", shows="A<B & Sons Careers"),
    Bad("address-quote", f"    contact:\n      address: {q(ADDRESS)}", shows=ADDRESS),
    Bad("booking-text", f"    booking:\n      label: {q(IMG)}\n      url: https://example.org/b\n      text: {q(SCRIPT)}",
        page="why/alpha/index.html", shows=SCRIPT),
    Bad("policy-quote", f"    policy:\n      title: {q(POLICY_TITLE)}\n      text: {q('Say <b>no</b> & mean it.')}",
        page="declining/epsilon/index.html", shows="Say <b>no</b> & mean it."),
    Bad("footer-label", f"    footer:\n      links:\n        {q(IMG)}: https://example.org/", shows=IMG),
    Bad("announcement", f"    announcement: {q(SCRIPT + ' *now*')}", shows=SCRIPT),
    Bad("home-text", f"    home:\n      text: {q(IMG + ' [help](https://example.org/)')}", shows=IMG),
    # links: https, mailto or tel only
    Bad("booking-http", "    booking:\n      label: Book\n      url: http://example.org/b",
        ("site.yml:28 [extra.brand.booking.url]", "is not an https, mailto or tel address")),
    Bad("booking-javascript", "    booking:\n      label: Book\n      url: javascript:alert(1)",
        ("site.yml:28 [extra.brand.booking.url]",)),
    Bad("booking-without-label", "    booking:\n      url: https://example.org/b",
        ("site.yml:26 [extra.brand.booking]", "the booking link has no label")),
    Bad("accessibility-data", "    accessibility:\n      url: data:text/html,hi", ("[extra.brand.accessibility.url]",)),
    Bad("footer-vbscript", "    footer:\n      links:\n        Help: vbscript:x", ("[extra.brand.footer.links.Help]",)),
    Bad("link-with-quote", "    footer:\n      links:\n        Help: 'https://example.org/\"onmouseover=\"x'",
        ("[extra.brand.footer.links.Help]", "holds spaces, quotes or angle brackets")),
    Bad("policy-javascript", "    policy:\n      text: '[x](javascript:alert(1))'",
        ("site.yml:27 [extra.brand.policy.text]", "'javascript:'")),
    Bad("home-javascript", "    home:\n      text: '[x](javascript:alert(1))'", ("[extra.brand.home.text]", "'javascript:'")),
    # e-mail addresses and phone numbers
    Bad("email-quote", "    contact:\n      email: '\"x\"@example.org'",
        ("site.yml:27 [extra.brand.contact.email]", "is not a valid e-mail address")),
    Bad("email-no-domain", "    contact:\n      email: careers@", ("[extra.brand.contact.email]",)),
    Bad("phone-letters", "    contact:\n      phone: call us", ("[extra.brand.contact.phone]", "is not a phone number")),
    Bad("accessibility-email", "    accessibility:\n      email: 'a b@example.org'", ("[extra.brand.accessibility.email]",)),
    # images inside the repository
    Bad("logo-absolute", "    logo: /etc/passwd", ("site.yml:26 [extra.brand.logo]", "outside the repository")),
    Bad("logo-parent", "    logo: ../secret.png", ("[extra.brand.logo]", "outside the repository")),
    Bad("logo-not-image", "    logo: mkdocs.yml", ("[extra.brand.logo]", "is not an image file")),
    Bad("favicon-missing", "    favicon: brand/nowhere.svg", ("[extra.brand.favicon]", "does not exist")),
    # YAML and keys
    Bad("unquoted-colour", "    colors:\n      light:\n        primary: #1b4f8a",
        ("[extra.brand.colors.light.primary]", "YAML reads an unquoted # as the start of a comment", "in quotes")),
    Bad("not-a-colour", "    colors:\n      light:\n        primary: blue",
        ("[extra.brand.colors.light.primary]", "is not a colour in the form #rrggbb")),
    Bad("duplicate-key", "    office: One\n    office: Two", ("site.yml:27:", "the key 'office' is given twice")),
    Bad("unknown-key", "    ofice: X", ("site.yml:26 [extra.brand.ofice]", "did you mean 'office'?")),
    Bad("control-character", "    office: \"Careers\\x07\"", ("[extra.brand.office]", "control character")),
    # policies, pages and hidden guides
    Bad("policy-unknown-key", "    policies:\n      rules:\n        text: x\n        page: [why/]",
        ("[extra.brand.policies.rules.page]", "did you mean 'pages'?")),
    Bad("policy-nowhere", "    policies:\n      rules:\n        text: Be kind.", ("[extra.brand.policies.rules]", "is shown nowhere")),
    Bad("policy-unknown-scenario", "    policies:\n      rules:\n        text: Be kind.\n        scenarios: [tow]",
        ("[extra.brand.policies.rules.scenarios]", "unknown scenario 'tow'", "did you mean 'two'?")),
    Bad("policy-unknown-page", "    policies:\n      rules:\n        text: Be kind.\n        pages: [stage/]",
        ("[extra.brand.policies.rules.pages]", "has no page", "did you mean 'stages/'?")),
    Bad("hide-unknown", "    hide:\n      why/alpa.md: ~", ("[extra.brand.hide.why/alpa.md]", "did you mean 'why/alpha.md'?")),
    Bad("hide-replacement-hidden", "    hide:\n      why/alpha.md: why/beta.md\n      why/beta.md: ~",
        ("[extra.brand.hide.why/alpha.md]", "is hidden too")),
    # the reader's footer and the contributor controls
    Bad("suggest-http", "    suggest: http://example.org/issues",
        ("site.yml:26 [extra.brand.suggest]", "is not an https address")),
    Bad("contributor-links-text", "    contributor_links: 'on'",
        ("site.yml:26 [extra.brand.contributor_links]", "must be `true` or `false`")),
    Bad("privacy-javascript", "    privacy:\n      url: javascript:alert(1)", ("site.yml:27 [extra.brand.privacy.url]",)),
    Bad("pages-missing-folder", "    pages:\n      folder: brand/nowhere\n      section: Us",
        ("[extra.brand.pages.folder]", "is not a folder inside the repository")),
]


def test_the_overlay_table_is_long_enough() -> None:
    assert len(BAD) >= 25 and len({b.id for b in BAD}) == len(BAD)


@pytest.mark.parametrize("bad", BAD, ids=[b.id for b in BAD])
def test_each_bad_overlay_value_is_refused_or_escaped(small: Project, bad: Bad) -> None:
    settings(small, bad.yaml)
    if bad.expected:
        text = small.fails(*bad.expected, "Fix:")
        assert text.count("Fix:") == 1, text
        return
    built = small.build()
    assert built.ok, built.messages
    html = built.html(bad.page)
    assert "<script>alert" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert bad.shows in built.soup(bad.page).get_text(), f"{bad.shows!r} does not show on {bad.page}"


def test_an_overlay_without_inherit_is_named_before_mkdocs_starts(tmp_path) -> None:
    (tmp_path / "office.yml").write_text("site_name: Careers\nextra:\n  brand:\n    office: Us\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kb", "check-config", "office.yml"], cwd=tmp_path,
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert run.returncode == 1
    assert run.stderr.strip() == ("ERROR - office.yml:1 [INHERIT]: the overlay does not start from the project's "
                                  "settings. Fix: add the line `INHERIT: mkdocs.yml` at the top, so that everything "
                                  "you do not set (the guides, the hooks, the theme) comes from mkdocs.yml")
    assert subprocess.run(["make", "-n", "build", "CONFIG=x.yml"], cwd=ROOT, capture_output=True,
                          text=True).stdout.count("-m kb check-config x.yml") == 1, "make build runs the check"


# ---- policies where they belong ----

def test_policies_show_on_the_pages_and_scenarios_they_name_with_light_markdown(small: Project) -> None:
    settings(small, "    policies:\n      no-shows:\n        title: Interviews booked through us\n"
                    "        text: |-\n          **Attend or cancel** a day ahead.\n\n          - one\n          - two\n\n"
                    "          [Rules](https://example.org/rules)\n        pages: [stages/]\n"
                    "      reneging:\n        text: Talk to us first.\n        scenarios: [one]\n")
    built = small.build()
    assert built.ok, built.messages
    delta = built.soup("stages/delta/index.html").select(".tti-policy")
    assert [p.h2.get_text() for p in delta] == ["Interviews booked through us"]
    assert delta[0].find("strong").get_text() == "Attend or cancel" and len(delta[0].select("li")) == 2
    assert delta[0].find("a", href="https://example.org/rules")
    for page in ("why/alpha/index.html", "why/gamma/index.html", "scenarios/one/index.html"):
        titles = [p.h2.get_text() for p in built.soup(page).select(".tti-policy")]
        assert titles == ["Our policy"], (page, titles)  # the catalogue's title when none is given
    assert not built.soup("declining/epsilon/index.html").select(".tti-policy")


# ---- the office's own pages, hidden guides, the home block ----

def test_office_pages_appear_in_their_own_section(small: Project) -> None:
    folder = small.path("brand/pages")
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("---\ntitle: About us\ndescription: Us.\n---\n\n# About us\n\nHello.\n",
                                     encoding="utf-8")
    (folder / "hours.md").write_text("---\ntitle: Opening hours\ndescription: When.\n---\n\n# Opening hours\n\n"
                                     "See [alpha](../why/alpha.md).\n", encoding="utf-8")
    settings(small, "    pages:\n      folder: brand/pages\n      section: Our careers service\n")
    built = small.build()
    assert built.ok, built.messages
    assert built.soup("office/hours/index.html").h1.get_text(strip=True).rstrip("¶") == "Opening hours"
    nav = built.soup("office/index.html").select_one(".md-nav--primary")
    assert "Our careers service" in nav.get_text()
    assert [a["href"] for a in built.soup("office/hours/index.html").select("article a[href]")
            if "alpha" in a["href"]] == ["../../why/alpha/"]


def test_hidden_guides_leave_every_list_and_a_link_to_one_stops_the_build(small: Project) -> None:
    settings(small, "    hide:\n      why/gamma.md: ~\n      why/beta.md: why/alpha.md\n")
    built = small.build()
    assert built.ok, built.messages
    everything = " ".join(built.html(p) for p in built.pages())
    index = json.loads(built.html("search/search_index.json"))
    assert "why/gamma/" not in everything and not (built.site / "why/gamma/index.html").exists()
    assert not any(d["location"].startswith("why/beta/") for d in index["docs"]), "not in search"
    assert "why/beta/" not in str(built.soup("scenarios/one/index.html").select(".tti-guides"))
    assert "why/beta/" not in str(built.soup("why/index.html").select(".tti-guides"))
    moved = built.soup("why/beta/index.html")  # the address sends readers to the replacement
    assert moved.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../alpha/"
    assert moved.select_one("article a")["href"] == "../alpha/"
    small.edit("docs/why/alpha.md", "It exists for the tests.", "It exists for the tests. See [gamma](gamma.md).")
    small.fails("docs/why/alpha.md:14: the link 'gamma.md' goes to a page that does not exist")


def test_hiding_a_situation_takes_its_hub_out(small: Project) -> None:
    settings(small, "    hide:\n      scenarios/one.md: ~\n")
    built = small.build()
    assert built.ok, built.messages
    assert not (built.site / "scenarios/one/index.html").exists()
    assert "first situation" not in built.html("scenarios/index.html")


def test_the_home_block_and_the_announcement(small: Project) -> None:
    settings(small, "    home:\n      title: From our office\n      text: Book a *free* appointment.\n"
                    "    announcement: Closed on Friday.\n")
    built = small.build()
    assert built.ok, built.messages
    home = built.soup("index.html").select_one(".tti-office-home")
    assert home.h2.get_text() == "From our office" and home.em.get_text() == "free"
    assert built.soup("why/alpha/index.html").select_one(".tti-office-home") is None
    assert built.soup("why/alpha/index.html").select_one(".md-banner .tti-announcement").get_text(strip=True) \
        == "Closed on Friday."


def test_an_upstream_nav_change_needs_no_edit_to_an_office_overlay(project: Project) -> None:
    """The office's overlay names its folder, its section and what it hides; it copies no list,
    so a new guide upstream reaches its site."""
    import shutil

    shutil.copy2(ROOT / "example-office.yml", project.path("example-office.yml"))
    text = project.read("mkdocs.yml")
    project.edit("mkdocs.yml", "      - why/plan-b.md\n", "")
    project.edit("mkdocs.yml", "      - why/index.md\n", "      - why/index.md\n      - why/plan-b.md\n")
    assert text != project.read("mkdocs.yml")
    built = project.build(config_file="example-office.yml")
    assert built.ok, built.messages
    assert built.soup("office/index.html").select_one(".md-nav--primary")


# ---- the interface's language ----

def test_every_catalogue_has_every_key_and_the_keys_are_the_ones_the_site_uses() -> None:
    docs = ROOT / "docs"
    english = strings.load(docs, "en")
    for language in strings.available(docs):
        assert set(strings.load(docs, language).strings) == set(english.strings), language
    used = set()
    for path in [*(ROOT / "hooks" / "templates").glob("*.j2"), *(ROOT / "overrides").rglob("*.html")]:
        used |= set(re.findall(r"""(?:\bkb_t|(?<![\w.])t)\(\s*["']([\w.]+)["']""", path.read_text(encoding="utf-8")))
    for path in [*(ROOT / "hooks").glob("*.py"), *(ROOT / "hooks" / "kb").glob("*.py")]:
        used |= set(re.findall(r"""strings\.t\(\s*["']([\w.]+)["']""", path.read_text(encoding="utf-8")))
    for path in (ROOT / "docs" / "assets" / "js").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""__tti_text\(\s*["']([\w.]+)["']""", text))
        used |= {"checklist." + k for k in re.findall(r"""\bt\(\s*["'](\w+)["']""", text)} if "checklist." in text else set()
        used |= set(re.findall(r"""word\(\s*["']([\w.]+)["']""", text))
    used = {key for key in used if not key.endswith(".")}  # a prefix, completed in code
    used |= {"source.official", "source.research", "source.practitioner", "moved.text", "moved.link",
             "site.permalink", "sources.official", "sources.research", "sources.practitioner", "sources.cited_by"}
    assert used == set(english.strings), (used ^ set(english.strings))


def test_a_missing_key_or_an_unknown_language_is_named(small: Project) -> None:
    small.edit("docs/_data/strings/es.yml", "  hub.all: Todas las situaciones\n", "")
    small.edit("site.yml", "site_name: Fixture Site", "site_name: Fixture Site\ntheme:\n  language: es")
    small.fails("docs/_data/strings/es.yml [hub.all]: the catalogue has no string 'hub.all'",
                "translate it from en.yml: `hub.all: All situations`")
    small.edit("site.yml", "  language: es", "  language: fr")
    small.fails("there is no interface catalogue for the language 'fr'", "add docs/_data/strings/fr.yml")


def test_an_overlay_changes_single_strings_and_keeps_their_fields(small: Project) -> None:
    small.edit("site.yml", "  content_language: en", "  content_language: en\n  strings:\n    guide.sources: Where this comes from")
    built = small.build()
    assert built.ok, built.messages
    assert built.soup("why/alpha/index.html").select_one("#sources").get_text() == "Where this comes from"
    small.edit("site.yml", "    guide.sources: Where this comes from",
               "    guide.sources: Where this comes from\n    checklist.progress: '{done} done'")
    small.fails("site.yml:", "[extra.strings.checklist.progress]", "must use the fields {done}, {total}")
    small.edit("site.yml", "    checklist.progress: '{done} done'", "    guide.sorces: x")
    small.fails("[extra.strings.guide.sorces]", "did you mean 'guide.sources'?")


def test_a_spanish_interface_keeps_english_content_marked_english(small: Project) -> None:
    small.edit("site.yml", "site_name: Fixture Site", "site_name: Fixture Site\ntheme:\n  language: es")
    built = small.build()
    assert built.ok, built.messages
    soup = built.soup("why/alpha/index.html")
    assert soup.html["lang"] == "es"
    content = soup.select_one("article > div[lang]")
    assert content["lang"] == "en", "the guide is English"
    assert soup.select_one("#sources").get_text() == "Fuentes" and soup.select_one("#sources")["lang"] == "es"
    assert "2 de enero de 2026" in soup.select_one(".tti-meta time").get_text()
    hub = built.soup("scenarios/one/index.html")
    heading = next((h for h in hub.find_all("h2") if "Guías para esta situación" in h.get_text()), None)
    assert heading is not None and heading["lang"] == "es"
    tools = built.soup("checklists/index.html").select_one(".tti-checklist__tools")
    assert tools["lang"] == "es" and "Imprimir" in tools.get_text()


# ---- printed pages ----

def test_a_printed_page_carries_the_office_address_and_contact(small: Project, browser) -> None:
    from browser import free_port, serve

    settings(small, "    office: Riverside Careers\n    contact:\n      email: careers@riverside.example\n"
                    "      address: Hall 3")
    port = free_port()
    built = small.build(site_url=f"http://127.0.0.1:{port}/")
    assert built.ok, built.messages
    with serve(built.site, port) as base:
        page = browser.new_page()
        page.goto(base + "why/alpha/", wait_until="load")
        assert not page.locator(".tti-print-brand").is_visible(), "hidden on screen"
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        footer = page.locator(".tti-print-brand")
        assert footer.is_visible()
        text = footer.inner_text()
        assert "Riverside Careers" in text and f"{base}why/alpha/" in text
        assert "Hall 3 · careers@riverside.example" in text and re.search(r"Printed on \w+ \d+, \d{4}|Printed on \d", text)
        page.close()
