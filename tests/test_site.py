"""The real project builds strictly, and its HTML has what readers and forks rely on."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
import yaml

from conftest import ROOT, Build, run_build

GUIDE_SECTIONS = ("why", "bad-reasons", "stages", "declining")


def guide_pages(site: Build) -> list[str]:
    return [p for p in site.pages() if p.split("/")[0] in GUIDE_SECTIONS and p.count("/") == 2]


def test_information_architecture(site: Build) -> None:
    pages = site.pages()
    for required in ("index.html", "why/index.html", "stages/index.html", "declining/index.html",
                     "bad-reasons/index.html", "scenarios/index.html", "checklists/index.html",
                     "about/index.html", "about/sources/index.html", "about/licence/index.html",
                     "about/contributing/index.html"):
        assert required in pages
    assert len(guide_pages(site)) >= 16


def test_every_page_has_title_heading_and_description(site: Build) -> None:
    for path in site.pages():
        soup = site.soup(path)
        assert len(soup.find_all("h1")) == 1, path
        meta = soup.find("meta", attrs={"name": "description"})
        assert meta and 0 < len(meta["content"]) <= 160, path
        assert soup.html["lang"] == "en", path


def test_no_third_party_assets(site: Build) -> None:
    """Scripts, styles, fonts and images all come from the site itself."""
    for path in site.pages():
        soup = site.soup(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr) or ""
                if tag == "link" and el.get("rel") not in (["stylesheet"], ["preload"], ["icon"],
                                                            ["modulepreload"], ["manifest"]):
                    continue
                assert not re.match(r"^(https?:)?//", url), f"{path}: {tag} {url}"
        html = site.html(path)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_light_and_dark_schemes_with_a_toggle(site: Build) -> None:
    soup = site.soup("index.html")
    schemes = [i["data-md-color-scheme"] for i in soup.select("input[data-md-color-scheme]")]
    assert schemes == ["default", "slate"]
    assert soup.select('label[title="Switch to dark mode"]')
    style = (site.site / "assets/site.css").read_text(encoding="utf-8")
    colors = site.config.extra["brand"]["colors"]
    assert colors["light"]["primary"] in style and colors["dark"]["primary"] in style


def test_search_dialog_has_a_name(site: Build) -> None:
    dialog = site.soup("index.html").select_one('[data-md-component="search"]')
    assert dialog["role"] == "dialog" and dialog["aria-label"]


def test_guides_end_with_sources_and_reviewed_date(site: Build) -> None:
    for path in guide_pages(site):
        soup = site.soup(path)
        meta = soup.select_one(".tti-meta")
        assert meta is not None, path
        assert meta.find("h2", id="sources"), path
        assert meta.find_all("li"), path
        assert meta.find("time", attrs={"datetime": re.compile(r"^\d{4}-\d{2}-\d{2}$")}), path
        assert soup.find(id="what-to-read-next"), f"{path} has no 'What to read next'"


def test_section_pages_list_their_guides_with_descriptions(site: Build) -> None:
    for section in GUIDE_SECTIONS:
        soup = site.soup(f"{section}/index.html")
        links = [a["href"] for a in soup.select(".tti-guides dt a")]
        expected = sorted(p.split("/")[1] + "/" for p in guide_pages(site) if p.startswith(section + "/"))
        assert sorted(links) == expected
        assert all(dd.get_text(strip=True) for dd in soup.select(".tti-guides dd"))


def test_home_offers_the_three_questions(site: Build) -> None:
    soup = site.soup("index.html")
    entries = soup.select(".tti-entry > ul > li")
    text = [li.get_text(" ", strip=True) for li in entries]
    assert any("Should I go?" in t for t in text)
    assert any("What happens at each stage?" in t for t in text)
    assert any("How do I say no, nicely?" in t for t in text)
    assert {a["href"] for li in entries for a in li.find_all("a")} == {
        "why/", "stages/", "declining/"}


@pytest.mark.parametrize("name", ["decline-invitation", "withdraw-after-screen", "withdraw-after-rounds",
                                  "decline-offer", "stay-in-touch", "thank-interviewer",
                                  "recommend-colleague"])
def test_message_templates_are_on_the_templates_page(site: Build, name: str) -> None:
    from conftest import ROOT

    text = (ROOT / "snippets" / "messages" / f"{name}.txt").read_text(encoding="utf-8")
    assert text.startswith("Subject: ")
    assert re.search(r"\[[A-Z][^\]]*\]", text), "a template shows its placeholders"
    blocks = [c.get_text() for c in site.soup("messages/templates/index.html").select("[data-letter-text]")]
    assert text.strip() in blocks, "each template is shown whole, as it is in its file"


def test_two_builds_of_one_commit_are_byte_identical(small, tmp_path, monkeypatch) -> None:
    """With SOURCE_DATE_EPOCH set (the Makefile sets it from the last commit), every file of
    two builds is the same, and the sitemap gives that date."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    first = small.build()
    second = run_build(small.root, tmp_path / "second", config_file="site.yml")
    assert first.ok and second.ok, first.messages + second.messages
    files = sorted(p.relative_to(first.site) for p in first.site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.site) for p in second.site.rglob("*") if p.is_file())
    different = [str(f) for f in files if (first.site / f).read_bytes() != (second.site / f).read_bytes()]
    assert different == []
    assert "<lastmod>2026-01-01</lastmod>" in first.html("sitemap.xml")


def test_the_makefile_takes_the_build_date_from_the_last_commit() -> None:
    commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    if commit.returncode != 0 or not commit.stdout.strip():
        pytest.skip("not a git checkout")
    made = subprocess.run(["make", "-s", "print-SOURCE_DATE_EPOCH"], cwd=ROOT, capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"})
    assert made.stdout.strip() == commit.stdout.strip()


def test_the_documented_policy_is_the_one_the_site_uses(site: Build) -> None:
    from kb import csp

    text = site.soup("about/fork-and-rebrand/index.html").get_text()
    assert f"Content-Security-Policy: {csp.policy()}" in text
    meta = site.soup("index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"] == csp.policy(meta=True)


def test_one_stylesheet_of_the_projects_own_with_the_brand_colours_last(site: Build) -> None:
    """The local files extra_css lists reach a page as one file, assets/site.css, each whole
    (without its comments, kb.minify) and in order, with the brand's colours after them
    (hooks/brand.py)."""
    from kb import minify

    listed = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra_css"]
    assert len(listed) >= 2
    for path in ("index.html", "checklists/index.html", "why/practice/index.html"):
        links = [link["href"] for link in site.soup(path).select('link[rel="stylesheet"]')
                 if "/assets/stylesheets/" not in "/" + link["href"]]
        assert [href.rsplit("/", 1)[-1] for href in links] == ["site.css"], (path, links)
    bundle = (site.site / "assets/site.css").read_text(encoding="utf-8")
    places = [bundle.index(minify.css((ROOT / "docs" / css).read_text(encoding="utf-8")).strip()) for css in listed]
    assert places == sorted(places)
    assert bundle.rindex("--md-primary-fg-color") > places[-1]


def test_each_page_loads_one_script_file_of_the_projects_own_after_materials(site: Build) -> None:
    """site.js on a page with no tool; on a tool's page, site.<tool>.js: site.js and the tool's
    script, each whole (without comments, kb.minify) and in that order, in one file
    (hooks/kb/scripts.py)."""
    from kb import minify, scripts

    expected = {"stages/recruiter-screen/index.html": "site.js", "404.html": "site.js",
                "checklists/index.html": "site.checklist.js", "index.html": "site.decide.js",
                "messages/write-your-message/index.html": "site.builder.js",
                "messages/templates/index.html": "site.builder.js", "scenarios/index.html": "site.finder.js"}
    for path, name in expected.items():
        found = [tag["src"].rsplit("/", 1)[-1] for tag in site.soup(path).select("script[src]")]
        assert found[0] == "head.js" and found[1].startswith("bundle.") and found[2:] == [name], (path, found)
    site_js = minify.js((ROOT / "docs/assets/js/site.js").read_text(encoding="utf-8")).strip()
    for tool in scripts.TOOLS:
        text = (site.site / "assets/js" / scripts.bundle_name(tool)).read_text(encoding="utf-8")
        tool_js = minify.js((ROOT / "docs/assets/js" / tool).read_text(encoding="utf-8")).strip()
        assert text.startswith(site_js) and text.rstrip().endswith(tool_js), tool



def test_the_site_ships_its_scripts_and_styles_without_comments_but_with_credits(site: Build) -> None:
    """The files in docs/assets/ keep their comments for contributors; the site's copies drop
    them and spare white space (kb.minify), keeping the `/*!` credit to Material in head.js."""
    sources = sorted((ROOT / "docs/assets/js").glob("*.js"))
    assert {p.name for p in sources} >= {"head.js", "site.js"}
    for source in sources:
        text = source.read_text(encoding="utf-8")
        shipped = (site.site / "assets/js" / source.name).read_text(encoding="utf-8")
        assert "/* " in text and len(shipped) < 0.8 * len(text), source.name
        comments = re.findall(r"/\*.*?\*/", shipped, re.S)
        assert all(c.startswith("/*!") for c in comments), (source.name, comments)
    head = (site.site / "assets/js/head.js").read_text(encoding="utf-8")
    assert head.startswith("/*!") and "Martin Donath, MIT licence" in head
    css = (site.site / "assets/site.css").read_text(encoding="utf-8")
    project = css[:css.index("/* The brand's colours")]
    assert re.findall(r"/\*.*?\*/", project, re.S) == [f"/* {name} */" for name in
                                                       yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra_css"]]

def test_no_script_in_the_body_stops_the_first_paint_before_the_content(site: Build) -> None:
    """Scripts in <body> come after the page's text: a script loaded in the header (where
    Material's palette script was) would make a phone draw the header alone, then wait."""
    for path in ("index.html", "stages/recruiter-screen/index.html", "checklists/index.html"):
        html = site.html(path)
        body = html[html.index("<body"):html.index("</article>")]
        assert "<script src=" not in body and "<script>" not in body, path


def test_rebuilds_in_one_process_use_edited_templates_and_check_edited_phrases(small) -> None:
    """`mkdocs serve` rebuilds in one process, which keeps the theme's compiled templates and
    the phrases whose drafts passed: an edit to either is still seen."""
    assert small.build().ok
    small.edit("overrides/main.html", "{% block content %}", "{% block content %}<!-- edited -->")
    second = small.build()
    assert second.ok, second.messages
    assert "<!-- edited -->" in second.html("index.html")
    small.edit("docs/_data/messages.yml", '      - find: " at [Company]"', '      - find: "at [Company]"')
    small.fails("docs/_data/messages.yml", "the draft has")
