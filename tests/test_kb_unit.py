"""Unit tests of the plain modules, with no MkDocs involved."""

from __future__ import annotations

import datetime as dt
import itertools
import posixpath

import markdown
import pytest

from kb import frontmatter, pages, snippets
from kb.errors import ContentError, closest
from kb.fragments import Fragments, FragmentsExtension
from kb.render import relative

SOURCES = {"real-purpose": {"title": "What Is The Real Purpose Of Interviewing?"}}
GOOD = """---
title: A guide
description: Short.
scenarios:
  - too-busy
reviewed: 2026-01-02
sources:
  - real-purpose
---


Body starts here.
"""


def check(text: str, guide: bool = True) -> frontmatter.FrontMatter:
    fm = frontmatter.parse(text, "docs/why/x.md")
    return frontmatter.validate(fm, guide=guide, sources=SOURCES, today=dt.date(2026, 11, 21))


def test_a_good_guide_validates_and_knows_where_its_body_starts() -> None:
    fm = check(GOOD)
    assert fm.meta["reviewed"] == dt.date(2026, 1, 2)
    assert fm.body_line == 12


def test_key_lines_are_file_lines() -> None:
    fm = frontmatter.parse(GOOD, "x.md")
    assert fm.line("title") == 2 and fm.line("reviewed") == 6


def test_guides_are_pages_in_the_guide_sections() -> None:
    assert frontmatter.is_guide("why/practice.md")
    assert not frontmatter.is_guide("why/index.md")
    assert not frontmatter.is_guide("about/licence.md")
    assert not frontmatter.is_guide("index.md")


def test_other_pages_need_no_guide_keys() -> None:
    assert check("---\ntitle: About\n---\n", guide=False).meta == {"title": "About"}
    assert check("No front matter at all.\n", guide=False).meta == {}


def test_a_guide_without_front_matter_is_an_error() -> None:
    with pytest.raises(ContentError, match="has no front matter"):
        check("Just text.\n")


def test_unclosed_front_matter_is_an_error() -> None:
    with pytest.raises(ContentError, match="not closed"):
        check("---\ntitle: x\n")


def test_the_message_names_file_line_key_and_fix() -> None:
    with pytest.raises(ContentError) as info:
        check(GOOD.replace("sources:\n  - real-purpose", "sources:\n  - real-porpose"))
    assert str(info.value) == ("docs/why/x.md:7 [sources]: unknown source id 'real-porpose'. "
                               "Fix: did you mean 'real-purpose'?")


def test_duplicate_scenarios_are_an_error() -> None:
    with pytest.raises(ContentError, match="lists the same id twice"):
        check(GOOD.replace("  - too-busy", "  - too-busy\n  - too-busy"))


def test_an_id_must_be_a_slug() -> None:
    with pytest.raises(ContentError, match="'Too Busy' in 'scenarios' is not an id"):
        check(GOOD.replace("  - too-busy", "  - Too Busy"))


def test_snippet_includes_are_found_with_lines() -> None:
    md = 'a\n```text\n--8<-- "messages/x.txt"\n```\n'
    assert snippets.includes(md) == [(3, "messages/x.txt")]


def test_closest_suggests_only_near_words() -> None:
    assert closest("senarios", ["scenarios", "sources"]) == "scenarios"
    assert closest("zzz", ["scenarios", "sources"]) is None


def test_relative_links_between_pages() -> None:
    assert relative("why/index.md", "why/practice.md") == "practice.md"
    assert relative("why/practice.md", "stages/purpose.md") == "../stages/purpose.md"
    assert relative("index.md", "why/index.md") == "why/index.md"
    paths = ["index.md", "a.md", "why/index.md", "why/x.md", "why/part/y.md", "why/parts/z.md", "w/x.md"]
    for here, there in itertools.product(paths, repeat=2):
        assert relative(here, there) == posixpath.relpath(there, posixpath.dirname(here) or "."), (here, there)


def test_guide_list_escapes_html_in_titles() -> None:
    fragments = Fragments()
    out = pages.expand("<!-- kb:guides -->", "why/index.md", "docs/why/index.md", fragments=fragments,
                       section_guides=[pages.Guide("why/a.md", "<b>A</b>", "D & E")])
    html = markdown.markdown(out, extensions=[FragmentsExtension(fragments)])
    assert '<dt><a href="a.md">&lt;b&gt;A&lt;/b&gt;</a></dt>' in html and "<dd>D &amp; E</dd>" in html


def test_hubs_join_the_navigation_after_the_finder() -> None:
    from kb.scenarios import Scenario, nav_with_hubs

    hubs = [Scenario("too-busy", "I'm too busy.", "A.", "G"), Scenario("new-graduate", "I'm new.", "A.", "H"),
            Scenario("bad-feeling", "It feels off.", "A.", "G")]
    nav = [{"Home": "index.md"}, {"Find your situation": "scenarios/index.md"}, {"About": ["about/index.md"]}]
    assert nav_with_hubs(nav, hubs, "scenarios/index.md") == [
        {"Home": "index.md"},
        {"Find your situation": ["scenarios/index.md",
                                 {"G": [{"I'm too busy.": "scenarios/too-busy.md"},
                                        {"It feels off.": "scenarios/bad-feeling.md"}]},
                                 {"H": [{"I'm new.": "scenarios/new-graduate.md"}]}]},
        {"About": ["about/index.md"]}]
    assert nav_with_hubs(None, hubs, "scenarios/index.md") is None


def test_hub_paths_and_site_order() -> None:
    from kb.scenarios import is_hub, site_order

    assert is_hub("scenarios/too-busy.md") and not is_hub("scenarios/index.md") and not is_hub("why/x.md")
    nav = [{"Home": "index.md"}, {"Why": ["why/index.md", {"Practice": "why/practice.md"}]}, "about.md"]
    assert site_order(nav, ["ignored.md"]) == {"index.md": 0, "why/index.md": 1, "why/practice.md": 2, "about.md": 3}
    assert site_order(None, ["b.md", "a.md"]) == {"b.md": 0, "a.md": 1}


def test_yaml_lines_by_path_with_nearest_fallback() -> None:
    from kb.yamlfile import Lines

    text = "INHERIT: mkdocs.yml\nsite_url: !ENV [URL, 'x']\nitems:\n  - id: a\n    why: b\n  - id: c\n"
    lines = Lines(text)
    assert lines.find("items", 0, "why") == 5 and lines.find("items", 1) == 6
    assert lines.find("items", 1, "why") is None
    assert lines.at("items", 1, "why") == 6
    assert Lines("a: 1\n", first_line=2).find("a") == 2


def test_a_page_gets_site_js_or_one_file_with_its_first_tool_then_any_other_tool() -> None:
    from kb import scripts

    assert scripts.for_page(None) == scripts.for_page("<p>text</p>") == ["site.js"]
    assert scripts.for_page('<div class="tti-letter"><div class="tti-builder">') == ["site.builder.js"]
    assert scripts.for_page('<div class="tti-checklist x"><div class="tti-decide">') == ["site.checklist.js", "decide.js"]
    assert scripts.TOOLS == ("checklist.js", "builder.js", "finder.js", "decide.js")
