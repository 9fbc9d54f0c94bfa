"""Each contributor mistake stops the strict build with one clear message, and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import Project

GUIDE = "docs/why/practice.md"
SHOWN = "docs/why/practice.md"


def test_broken_link_names_the_page_line_and_fix(project: Project) -> None:
    line = project.read(GUIDE).split("\n").index("## In short") + 3
    project.edit(GUIDE, "## In short", "## In short\n\nSee [this](plan-c.md).")
    text = project.fails(f"{SHOWN}:{line}: the link 'plan-c.md' goes to a page that does not exist. "
                         "Fix: did you mean 'plan-b.md'?")
    assert "strict mode" in text and "Doc file" not in text


def test_missing_anchor_names_the_page_line_and_fix(project: Project) -> None:
    line = project.read(GUIDE).split("\n").index("## In short") + 3
    project.edit(GUIDE, "## In short", "## In short\n\nSee [this](plan-b.md#in-shrt).")
    project.fails(f"{SHOWN}:{line}: the link 'plan-b.md#in-shrt' points to a heading '#in-shrt' that "
                  "why/plan-b.md does not have. Fix: did you mean '#in-short'?")


def test_missing_snippet_names_the_page_line_and_fix(project: Project) -> None:
    text = project.read(GUIDE)
    project.write(GUIDE, text + '\n```text\n--8<-- "messages/decline-invitaton.txt"\n```\n')
    line = text.count("\n") + 3
    project.fails(f"{SHOWN}:{line}: snippet 'messages/decline-invitaton.txt' does not exist",
                  "did you mean 'messages/decline-invitation.txt'?")


def test_front_matter_that_is_not_yaml_gives_the_line(project: Project) -> None:
    project.edit(GUIDE, "reviewed: 2026-11-21", "reviewed: [2026-11-21")
    project.fails(f"{SHOWN}:", "not valid YAML", "Fix:")


def test_front_matter_yaml_error_line_is_the_file_line(project: Project) -> None:
    project.edit(GUIDE, "title:", "title: Bad: colon: here\noops:")
    text = project.fails("not valid YAML")
    assert f"{SHOWN}:2:" in text


def test_missing_required_key(project: Project) -> None:
    text = project.read(GUIDE)
    start = text.index("reviewed:")
    project.write(GUIDE, text[:start] + text[text.index("\n", start) + 1:])
    project.fails(f"{SHOWN}:1 [reviewed]: missing required key 'reviewed'", "YYYY-MM-DD")


def test_unknown_key_suggests_the_closest(project: Project) -> None:
    project.edit(GUIDE, "scenarios:", "senarios:")
    project.fails(f"{SHOWN}:4 [senarios]: unknown front-matter key 'senarios'",
                  "did you mean 'scenarios'?")


def test_wrong_type(project: Project) -> None:
    text = project.read(GUIDE)
    start, end = text.index("scenarios:"), text.index("reviewed:")
    project.write(GUIDE, text[:start] + "scenarios: too-busy\n" + text[end:])
    project.fails(f"{SHOWN}:4 [scenarios]: 'scenarios' must be a list, not text", "- too-busy")


def test_description_too_long(project: Project) -> None:
    text = project.read(GUIDE)
    start = text.index("description:")
    project.write(GUIDE, text[:start] + "description: " + "Too long. " * 17 + text[text.index("\n", start):])
    project.fails(f"{SHOWN}:3 [description]: the description is 169 characters long; the limit is 160")


def test_malformed_reviewed_date(project: Project) -> None:
    project.edit(GUIDE, "reviewed: 2026-11-21", "reviewed: 2026-13-45")
    project.fails("[reviewed]: '2026-13-45' is not a date in the form YYYY-MM-DD")


def test_reviewed_date_in_the_future(project: Project) -> None:
    project.edit(GUIDE, "reviewed: 2026-11-21", "reviewed: 2999-01-01")
    project.fails("[reviewed]: the reviewed date 2999-01-01 is in the future")


def test_unknown_source_suggests_the_closest(project: Project) -> None:
    project.edit(GUIDE, "sources:\n  - ", "sources:\n  - real-purpse\n  - ")
    project.fails("[sources]: unknown source id 'real-purpse'", "did you mean 'real-purpose'?")


def test_unknown_directive(project: Project) -> None:
    project.edit("docs/why/index.md", "<!-- kb:guides -->", "<!-- kb:guide -->")
    project.fails("docs/why/index.md:", "unknown directive 'kb:guide'", "did you mean 'guides'?")


def test_command_line_build_fails_cleanly(project: Project) -> None:
    """The contributor's own command: exit code non-zero, one message, no traceback."""
    project.edit(GUIDE, "scenarios:", "senarios:")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project.out)],
                         cwd=project.root, capture_output=True, text=True, env=env)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    errors = [line for line in run.stderr.splitlines() if "senarios" in line]
    assert len(errors) == 1 and "did you mean 'scenarios'?" in errors[0], run.stderr


SOURCES = "docs/_data/sources.yml"


def test_a_source_link_that_is_not_https_names_the_file_key_and_fix(project: Project) -> None:
    project.edit(SOURCES, "    kind: practitioner\n", "    kind: practitioner\n    url: http://example.org/a\n")
    text = project.fails(f"{SOURCES}:", "[url]", "is not an https:// address", "Fix:")
    assert "recruiter-why-take" in text


def test_official_guidance_without_a_link_stops_the_build(project: Project) -> None:
    project.edit(SOURCES, "    kind: practitioner\n", "    kind: official\n")
    project.fails(f"{SOURCES}:", "[url]", "is official guidance but has no `url:`")


def test_an_unknown_key_in_a_source_is_not_dropped(project: Project) -> None:
    project.edit(SOURCES, "    kind: practitioner\n", "    kind: practitioner\n    publised: 2020\n")
    project.fails(f"{SOURCES}:", "[publised]", "unknown key 'publised'")


def test_a_source_without_a_publisher_or_kind(project: Project) -> None:
    project.edit(SOURCES, "    publisher: Praxis\n", "")
    project.fails(f"{SOURCES}:", "source 'praxis-five-reasons' has no `publisher:`")


def test_a_source_of_an_unknown_kind(project: Project) -> None:
    text = project.read(SOURCES)
    project.write(SOURCES, text.replace("kind: practitioner", "kind: blog", 1))
    project.fails(f"{SOURCES}:", "'blog' is not a kind of source", "official, research, practitioner")
