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
