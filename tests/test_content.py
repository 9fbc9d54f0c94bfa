"""The writing standard: readability, original wording, and coverage of the brief."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys

import pytest
import textstat

from conftest import ROOT

from kb import frontmatter

GUIDES = sorted(p for p in (ROOT / "docs").rglob("*.md")
                if frontmatter.is_guide(str(p.relative_to(ROOT / "docs"))))
SHARED = ROOT.parent / "shared"


def prose(path) -> str:
    """A guide's reading text: no front matter, code blocks, headings' hashes or link targets."""
    text = path.read_text(encoding="utf-8").split("---", 2)[2]
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^#+\s*|^\s*(?:[-*]|\d+\.)\s+|[*_`]", "", text, flags=re.MULTILINE)
    return text


def grades() -> dict[str, float]:
    """Each guide's Flesch-Kincaid grade, by path."""
    return {str(path.relative_to(ROOT)): textstat.flesch_kincaid_grade(prose(path)) for path in GUIDES}


def test_there_are_at_least_sixteen_guides() -> None:
    assert len(GUIDES) >= 16


def test_median_reading_grade_is_nine_or_less() -> None:
    found = grades()
    median = statistics.median(found.values())
    assert median <= 9, f"median Flesch-Kincaid grade {median} is above 9: {found}"


def test_no_eight_word_run_is_copied_from_a_source() -> None:
    tool = SHARED / "tools" / "seed_overlap.py"
    if not tool.is_file():
        pytest.skip("the source articles are not beside this checkout")
    run = subprocess.run([sys.executable, str(tool), str(SHARED / "seeds"), str(ROOT), "8"],
                         capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1].startswith("copied runs: 0 "), run.stdout


def test_coverage_table_maps_every_claim_to_a_real_page() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = text[text.index("## What the guides cover"):]
    covered: set[int] = set()
    for claims, page in re.findall(r"^\| ([\d, ]+)[^|]*\| `([^`]+)` \|$", table, flags=re.MULTILINE):
        assert (ROOT / page).is_file(), page
        covered |= {int(c) for c in claims.replace(" ", "").split(",") if c}
    assert covered == set(range(1, 32))


def test_every_guide_links_to_what_to_read_next() -> None:
    for path in GUIDES:
        body = path.read_text(encoding="utf-8")
        assert re.search(r"^## What to read next\n\n- \[[^\]]+\]\([^)]+\.md[^)]*\)", body, re.MULTILINE), path


def test_the_second_coverage_table_maps_each_new_topic_to_a_real_page() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = text[text.index("The second part of the brief"):]
    rows = re.findall(r"^\| (\d+)\. [^|]+\| `([^`]+)` \|$", table, flags=re.MULTILINE)
    assert [int(n) for n, _ in rows] == list(range(1, 17))
    for _, page in rows:
        assert (ROOT / page).is_file() and frontmatter.is_guide(page.removeprefix("docs/")), page


def test_every_guide_opens_with_a_two_sentence_answer() -> None:
    for path in GUIDES:
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        match = re.search(r"^## In short\n\n(.+?)\n\n", body, re.MULTILINE | re.DOTALL)
        assert match, f"{path}: no `## In short` paragraph"
        paragraph = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(match.group(1).split()))
        sentences = re.findall(r"[^.!?]+[.!?]+(?=\s|$)", paragraph)
        assert len(sentences) == 2, f"{path}: 'In short' has {len(sentences)} sentences: {paragraph}"


#: Places and bodies that the name check below would otherwise take for people.
NOT_PEOPLE = {"Ireland", "Wales", "Scotland", "England", "Britain", "Kingdom", "Europe", "Colorado", "York",
              "Virginia", "Praxis", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def test_no_example_name_is_used_on_two_pages() -> None:
    """Each fictional person belongs to one page. A name is a capitalised word that starts a
    clause such as "Mira, a nurse," or "Mira was ..." and never appears in lower case."""
    texts = {path: prose(path) for path in GUIDES}
    lower = set(re.findall(r"\b[a-z]+\b", " ".join(texts.values())))
    pattern = re.compile(r"\b([A-Z][a-z]{1,11})(?:,| (?:is|was|has|had|works|wants|got|gets|applied|said|"
                         r"asked|took|felt|decided|needs|went|knew|chose|sent|wrote|told)\b)")
    pages: dict[str, set[str]] = {}
    for path, text in texts.items():
        for name in pattern.findall(text):
            if name.lower() not in lower and name not in NOT_PEOPLE:
                pages.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    repeats = {name: sorted(where) for name, where in pages.items() if len(where) > 1}
    assert not repeats, f"example names used on more than one page: {repeats}"
    assert len(pages) >= 20, sorted(pages)  # the check finds the site's example people


#: American spellings, and the British ones the site uses. Names of US bodies keep theirs.
AMERICAN = {"color": "colour", "favorite": "favourite", "organize": "organise", "organization": "organisation",
            "behavior": "behaviour", "center": "centre", "apologize": "apologise", "judgment": "judgement",
            "enroll": "enrol", "license": "licence (a noun)", "honor": "honour", "catalog": "catalogue",
            "analyze": "analyse", "recognize": "recognise", "prioritize": "prioritise", "labor": "labour"}
US_NAMES = re.compile(r"Department of Labor|Bureau of Labor Statistics|Labor Statistics|Job Accommodation|"
                      r"[A-Z]\w+ Center|Career ?One ?Stop|labor department|state labor|Organizational Behavior")


def test_one_spelling_variety() -> None:
    found = []
    for path in [*GUIDES, *(ROOT / "docs").glob("*.md"), *(ROOT / "snippets" / "messages").glob("*.txt")]:
        text = US_NAMES.sub("", prose(path) if path in GUIDES else path.read_text(encoding="utf-8"))
        for word, british in AMERICAN.items():
            if re.search(rf"\b{word}(s|d|ed|ing)?\b", text, re.IGNORECASE):
                found.append(f"{path.relative_to(ROOT)}: '{word}' (the site writes '{british}')")
    assert not found, "\n".join(found)
