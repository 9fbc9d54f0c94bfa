"""Tools first on a phone: the build's checks on checklist parts (each with its own address)
and on message templates shown as letters. Every mistake stops the build with one message
naming the file, the line and the fix."""

from __future__ import annotations

import pytest

from conftest import Build, Project

FILE = "docs/_data/checklists/fixture-list.yml"
PARTS = """parts:
  - id: one
    title: Part one
  - id: two
    title: Part two
items:
  - id: first-item
    part: one
    text: The first item.
    why: why/alpha.md
  - id: second-item
    part: two
    text: The second item, with *emphasis*.
"""


def with_parts(small: Project, parts: str = PARTS) -> None:
    text = small.read(FILE)
    small.write(FILE, text[:text.index("items:")] + parts)


def line_of(small: Project, rel: str, needle: str, nth: int = 1) -> int:
    found = [n for n, line in enumerate(small.read(rel).splitlines(), 1) if needle in line]
    return found[nth - 1]


def test_each_part_has_its_own_address_and_heading(small: Project) -> None:
    with_parts(small)
    built = small.build()
    assert built.ok, built.messages
    box = built.soup("checklists/index.html").select_one('[data-checklist="fixture-list"]')
    assert box.find("h2")["id"] == "fixture-list"
    parts = box.select("h3.tti-checklist__part")
    assert [(h["id"], h.get_text(strip=True).rstrip("¶")) for h in parts] == [
        ("fixture-list--one", "Part one"), ("fixture-list--two", "Part two")]
    for heading, item in zip(parts, ("first-item", "second-item")):
        assert heading.find_next_sibling("ul").select_one(f'input[data-item="{item}"]')


def test_a_link_to_a_part_is_checked_like_any_anchor(small: Project) -> None:
    with_parts(small)
    small.write("docs/why/beta.md", small.read("docs/why/beta.md")
                + "\nSee [part two](../checklists/index.md#fixture-list--two).\n")
    built = small.build()
    assert built.ok, built.messages
    small.write("docs/why/beta.md", small.read("docs/why/beta.md").replace("#fixture-list--two", "#fixture-list--three"))
    built = small.build()
    assert not built.ok and "fixture-list--three" in built.messages


def test_an_unknown_part_names_the_line_and_the_closest(small: Project) -> None:
    with_parts(small, PARTS.replace("    part: two\n", "    part: tow\n"))
    small.fails(f"{FILE}:{line_of(small, FILE, 'part: tow')} [part]: item 'second-item' names an unknown part 'tow'",
                "did you mean 'two'?")


def test_an_item_without_a_part_when_there_are_parts(small: Project) -> None:
    with_parts(small, PARTS.replace("    part: two\n", ""))
    small.fails(f"{FILE}:{line_of(small, FILE, 'id: second-item')} [part]: item 'second-item' has no `part:`",
                "Fix: add `part:` with one of: one, two")


def test_a_part_with_no_items(small: Project) -> None:
    with_parts(small, PARTS.replace("    part: two\n", "    part: one\n"))
    small.fails(f"{FILE}:{line_of(small, FILE, 'id: two')} [parts]: part 'two' has no items",
                "name it in an item's `part:`, or remove it")


def test_a_part_without_parts(small: Project) -> None:
    small.edit(FILE, "  - id: second-item\n", "  - id: second-item\n    part: two\n")
    small.fails(f"{FILE}:{line_of(small, FILE, 'part: two')} [part]: item 'second-item' names an unknown part 'two'",
                "list the checklist's parts under `parts:` first, or remove `part:`")


@pytest.mark.parametrize("old, new, expected", [
    ("  - id: two\n", "  - id: one\n", "[id]: the part id 'one' is used twice in this checklist"),
    ("  - id: two\n", "  - id: Part Two\n", "[id]: part id 'Part Two' is not an id"),
    ("    title: Part two\n", "    titel: Part two\n", "part 2 has an unknown key 'titel'"),
    ("    title: Part two\n", "", "[title]: part 2 has no 'title'"),
])
def test_malformed_parts(small: Project, old: str, new: str, expected: str) -> None:
    with_parts(small, PARTS.replace(old, new, 1))
    small.fails(f"{FILE}:", expected)


def test_a_part_title_is_escaped(small: Project) -> None:
    with_parts(small, PARTS.replace("    title: Part two\n", "    title: Part <script>x</script> & <b>two</b>\n"))
    built = small.build()
    assert built.ok, built.messages
    heading = built.soup("checklists/index.html").find(id="fixture-list--two")
    assert heading.find("script") is None and heading.find("b") is None
    assert "Part <script>x</script> & <b>two</b>" in heading.get_text()


def test_an_unknown_message_template_names_the_page_line_and_the_closest(small: Project) -> None:
    page = "docs/why/alpha.md"
    small.write(page, small.read(page) + "\n<!-- kb:message-template decline-ofer -->\n")
    small.fails(f"{page}:{line_of(small, page, 'kb:message-template')}: unknown message template 'decline-ofer'",
                "did you mean 'decline-offer'?")


def test_a_message_template_directive_needs_an_id(small: Project) -> None:
    page = "docs/why/alpha.md"
    small.write(page, small.read(page) + "\n<!-- kb:message-template -->\n")
    small.fails(f"{page}:{line_of(small, page, 'kb:message-template')}: unknown message template ''",
                "name a template, e.g. `<!-- kb:message-template decline-offer -->`")


def test_the_real_stage_guides_link_to_their_own_part(site: Build) -> None:
    """Each stage guide links to the part of the "Before each stage" checklist for its stage,
    and each such address exists."""
    checklists = site.soup("checklists/index.html")
    expected = {"recruiter-screen": "before-each-stage--screen", "hiring-manager": "before-each-stage--manager",
                "senior-leadership": "before-each-stage--leaders", "the-offer": "before-each-stage--offer",
                "purpose": "before-each-stage"}
    for guide, anchor in expected.items():
        links = site.soup(f"stages/{guide}/index.html").select(f'a[href="../../checklists/#{anchor}"]')
        assert links, f"stages/{guide}.md does not link to its part #{anchor}"
        assert checklists.find(id=anchor), anchor
    for box in checklists.select("[data-checklist]"):
        assert box.find("h2")["id"] == box["data-checklist"], "each checklist has its own address"


def test_the_checklists_page_links_straight_to_each_checklist_and_part(site: Build) -> None:
    soup = site.soup("checklists/index.html")
    wanted = {f"#{box['data-checklist']}" for box in soup.select("[data-checklist]")}
    wanted |= {f"#{h['id']}" for h in soup.select("h3.tti-checklist__part")}
    first = soup.select_one("[data-checklist]")
    above = {a["href"] for a in first.find_all_previous("a", href=True) if a["href"].startswith("#")
             and not a.find_parent(class_="md-sidebar") and "headerlink" not in (a.get("class") or [])}
    assert len(wanted) >= 9 and wanted <= above, wanted - above
