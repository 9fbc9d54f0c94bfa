"""The rebrand kit: one overlay file renames and recolours everything; bad overlays stop the
build with the file, key and fix; and the example office passes axe in both schemes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from browser import axe_violations, instant
from conftest import ROOT, SITE_CONFIG, Build, Project, run_build

from kb import brand

DEFAULT_NAME = "Take the Interview"
OFFICE = "example-office.yml"


def all_output(site: Build) -> dict[str, str]:
    """Every text file of a built site: pages, search index, sitemap, styles and scripts."""
    return {str(p.relative_to(site.site)): p.read_text(encoding="utf-8", errors="ignore")
            for p in site.site.rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".xml", ".css", ".js", ".txt"}}


@pytest.fixture(scope="module")
def office_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Build]:
    """The example office's overlay, built once for the local address it may be served on."""
    from browser import free_port

    port = free_port()
    result = run_build(ROOT, tmp_path_factory.mktemp("office"), config_file=OFFICE,
                       site_url=f"http://127.0.0.1:{port}/")
    assert result.ok and not result.records, result.messages
    return port, result


@pytest.fixture(scope="module")
def office(office_built: tuple[int, Build]) -> Build:
    return office_built[1]


# ---- the WCAG formula ----

def test_contrast_follows_the_wcag_formula() -> None:
    assert brand.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert brand.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert brand.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert brand.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# ---- the example office ----

def test_the_default_name_appears_nowhere(office: Build) -> None:
    found = [path for path, text in all_output(office).items() if DEFAULT_NAME in text]
    assert not found


def test_the_office_name_is_in_titles_header_and_footer(office: Build) -> None:
    for path in ("index.html", "why/practice/index.html", "scenarios/too-busy/index.html"):
        soup = office.soup(path)
        assert soup.title.get_text().endswith("Northfield Careers Interview Guide") or path == "index.html"
        assert "Northfield Careers Interview Guide" in soup.select_one(".md-header__title").get_text()
        footer = soup.select_one(".md-footer").get_text(" ", strip=True)
        assert "Northfield University Careers Service" in footer
        assert "careers@northfield.example" in footer and "access@northfield.example" in footer
        assert {a.get_text(strip=True) for a in soup.select(".tti-footer-links a")} == {"Careers Service"}
        links = {a.get_text(strip=True): a["href"] for a in soup.select(".tti-site-links a")}
        assert links["Privacy"] == "https://careers.northfield.example/privacy", "the office's notice wins"
        assert links["Suggest a change"] == "https://github.com/northfield-careers/interview-guide/issues/new"
    assert office.soup("index.html").title.get_text() == "Northfield Careers Interview Guide"
    meta = office.soup("index.html").find("meta", attrs={"name": "description"})
    assert meta is not None


def test_booking_link_on_every_guide_and_hub_only(office: Build) -> None:
    from test_site import guide_pages

    pages = guide_pages(office) + [p for p in office.pages() if p.startswith("scenarios/") and p.count("/") == 2]
    for path in pages:
        link = office.soup(path).select_one(".tti-booking a")
        assert link is not None, path
        assert link["href"] == "https://careers.northfield.example/appointments"
        assert link.get_text(strip=True) == "Book a careers appointment"
    for path in ("index.html", "about/index.html", "checklists/index.html", "scenarios/index.html"):
        assert office.soup(path).select_one(".tti-booking") is None, path


def test_each_policy_on_the_pages_it_names(office: Build) -> None:
    def titles(path: str) -> list[str]:
        return [p.h2.get_text(strip=True) for p in office.soup(path).select(".tti-policy")]

    reneging, no_shows = "Northfield's policy: accepting an offer", "Northfield's policy: interviews booked through us"
    for path in office.pages():
        if path.startswith(("offers/", "declining/")) and path.count("/") == 2:
            assert reneging in titles(path), path
        if path.startswith("stages/") and path.count("/") == 2:
            assert no_shows in titles(path), path
    assert titles("scenarios/backing-out/index.html") == [reneging], "by its scenario"
    assert no_shows in titles("interviewing/rescheduling/index.html")
    assert titles("why/practice/index.html") == []
    policy = office.soup("offers/backing-out/index.html").select_one(".tti-policy")
    assert policy.find("a", href="https://careers.northfield.example/rules") and len(policy.find_all("p")) == 2
    assert office.soup("stages/purpose/index.html").select_one(".tti-policy strong")


def test_logo_favicon_colours_and_language(office: Build) -> None:
    soup = office.soup("index.html")
    logo = soup.select_one(".md-logo img")
    assert logo is not None and logo["src"].endswith("assets/brand/logo.svg")
    assert (office.site / "assets/brand/logo.svg").is_file()
    assert soup.find("link", rel="icon")["href"].endswith("assets/brand/favicon.svg")
    assert not soup.find("style"), "no inline style: the brand's colours are a stylesheet"
    assert soup.find("link", rel="stylesheet", href=lambda h: h.endswith("assets/site.css"))
    style = (office.site / "assets/site.css").read_text(encoding="utf-8")
    assert "#5b2a86" in style and "#d7bfff" in style
    assert soup.html["lang"] == "en"


def test_the_default_site_has_no_office_blocks(site: Build, tmp_path_factory: pytest.TempPathFactory) -> None:
    if SITE_CONFIG != "mkdocs.yml":  # the suite is checking an overlay: build the default too
        site = run_build(ROOT, tmp_path_factory.mktemp("default"))
        assert site.ok, site.messages
    soup = site.soup("declining/how-to-decline/index.html")
    assert soup.select_one(".tti-booking") is None and soup.select_one(".tti-policy") is None
    assert soup.select_one(".tti-office") is None


def test_an_overlay_with_only_a_site_name_renames_everything(project: Project) -> None:
    project.write("renamed.yml", "INHERIT: mkdocs.yml\nsite_name: Riverside College Careers\n")
    built = run_build(project.root, project.out, config_file="renamed.yml")
    assert built.ok and not built.records, built.messages
    found = [path for path, text in all_output(built).items() if DEFAULT_NAME in text]
    assert not found
    assert built.soup("index.html").title.get_text() == "Riverside College Careers"
    assert "Riverside College Careers" in built.soup("why/practice/index.html").title.get_text()


# ---- bad overlays ----

def overlay(project: Project, brand_yaml: str) -> None:
    project.write("office.yml", "INHERIT: mkdocs.yml\nsite_name: An Office\nextra:\n  brand:\n" + brand_yaml)


def fails(project: Project, *expected: str) -> str:
    built = run_build(project.root, project.out, config_file="office.yml")
    assert not built.ok
    assert "Traceback" not in built.messages
    for part in expected:
        assert part in built.messages, f"{part!r} not in {built.messages}"
    return built.messages


def test_unknown_brand_key_suggests_the_closest(project: Project) -> None:
    overlay(project, "    bookng:\n      label: Book\n")
    fails(project, "office.yml:5 [extra.brand.bookng]: unknown brand key 'extra.brand.bookng'",
          "did you mean 'booking'?")


def test_unknown_nested_brand_key(project: Project) -> None:
    overlay(project, "    booking:\n      lable: Book\n      url: https://x.example/\n")
    fails(project, "office.yml:6 [extra.brand.booking.lable]", "did you mean 'label'?")


def test_booking_url_must_be_https(project: Project) -> None:
    overlay(project, "    booking:\n      label: Book\n      url: javascript:alert(1)\n")
    fails(project, "office.yml:7 [extra.brand.booking.url]: the link 'javascript:alert(1)' is not an "
          "https, mailto or tel address", "https://")


def test_logo_that_does_not_exist(project: Project) -> None:
    overlay(project, "    logo: brand/nowhere/logo.svg\n")
    fails(project, "office.yml:5 [extra.brand.logo]: the logo file 'brand/nowhere/logo.svg' does not exist")


def test_favicon_that_does_not_exist(project: Project) -> None:
    overlay(project, "    favicon: brand/nowhere/favicon.svg\n")
    fails(project, "office.yml:5 [extra.brand.favicon]: the favicon file 'brand/nowhere/favicon.svg' does not exist")


def test_colour_that_fails_contrast_prints_the_ratio(project: Project) -> None:
    overlay(project, "    colors:\n      dark:\n        primary: \"#445566\"\n")
    text = fails(project, "office.yml:7 [extra.brand.colors.dark.primary]: #445566 has a contrast of",
                 "in the dark scheme; WCAG AA needs 4.5:1", "choose a lighter primary colour")
    ratio = f"{brand.contrast('#445566', brand.DARK_BG):.2f}:1"
    assert ratio in text


def test_a_pale_accent_is_kept_for_fills_and_text_gets_a_darker_shade(project: Project) -> None:
    overlay(project, "    colors:\n      light:\n        accent: \"#ff9900\"\n")
    built = project.build(config_file="office.yml")
    assert built.ok, built.messages
    css = (built.site / "assets/site.css").read_text(encoding="utf-8")
    css = css[css.index("/* The brand's colours"):]  # the brand's part, at the end
    light = css[css.index('"default"'):css.index('"slate"')]
    shade = re.search(r"--md-accent-fg-color: (#[0-9a-f]{6});", light).group(1)
    assert "--tti-accent-fill: #ff9900;" in light and shade != "#ff9900"
    assert brand.contrast(shade, "#ffffff") >= 4.5 > brand.contrast("#ff9900", "#ffffff")
    assert "--tti-on-accent: #000000;" in light, "text on the orange fill is black"
    checked = brand.validate({"colors": {"light": {"primary": "#1b4f8a", "accent": "#ff9900"},
                                         "dark": {"primary": "#8cc4ff", "accent": "#ffb27a"}}},
                             config_file=ROOT / "mkdocs.yml", root=ROOT)
    assert checked.notes == (f"extra.brand.colors.light.accent #ff9900 has a contrast of 2.14:1 as text in the "
                             f"light scheme: it is kept for fills and borders, and text uses {shade} "
                             f"({brand.contrast(shade, '#ffffff'):.2f}:1)",)


def test_a_light_primary_that_fails_contrast_is_refused(project: Project) -> None:
    overlay(project, "    colors:\n      light:\n        primary: \"#ff9900\"\n")
    fails(project, "[extra.brand.colors.light.primary]: #ff9900 has a contrast of 2.14:1",
          "the primary colour is the links' colour and the header's background", "choose a darker primary colour")


def test_brand_setting_as_a_list_is_refused(project: Project) -> None:
    overlay(project, "    footer:\n      - Privacy\n")
    fails(project, "office.yml:5 [extra.brand.footer]: 'extra.brand.footer' must be a mapping")


# ---- in a real browser, with the overlay's colours ----

@pytest.fixture(scope="module")
def served_office(office_built: tuple[int, Build]) -> Iterator[str]:
    from browser import serve

    port, built = office_built
    with serve(built.site, port) as base:
        yield base


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_office_has_no_axe_violations(served_office: str, browser, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = []
    page.on("request", lambda r: r.url.startswith((served_office, "data:", "blob:"))
            or problems.append(f"request leaves the site: {r.url}"))
    page.goto(served_office, wait_until="load")
    for path in ("", "why/practice/", "declining/how-to-decline/", "scenarios/too-busy/"):
        if path:
            instant(page, served_office + path)
        problems += [f"{path}: {v}" for v in axe_violations(page, scheme=scheme)]
    context.close()
    assert not problems, "\n".join(problems)


def test_fork_and_rebrand_guide_walks_through_each_step(site: Build) -> None:
    soup = site.soup("about/fork-and-rebrand/index.html")
    headings = " ".join(h.get_text() for h in soup.select("article h2"))
    for step in ("Fork", "overlay", "Preview", "Check", "Publish"):
        assert step in headings
    img = soup.select_one("article img")
    assert img["src"].endswith("example-office-home.png") and img["alt"]
    assert (site.site / "assets/images/example-office-home.png").is_file()
    assert "make test CONFIG=my-office.yml" in soup.get_text()
