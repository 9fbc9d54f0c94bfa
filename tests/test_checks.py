"""`make check` runs codespell and pymarkdownlnt after the strict build.

The tests run the very commands the Makefile runs: they ask make for them
(`make -s print-SPELL_CMD`, `make -s print-LINT_CMD`), so the two cannot drift. They run
them on a private copy of the repository with a planted mistake, and on the real one.
"""

from __future__ import annotations

import os

import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "docs/why/practice.md"


def make(*args: str) -> str:
    result = subprocess.run(["make", "-s", "--no-print-directory", *args], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return result.stdout


def bin_dir() -> Path:
    """The Makefile's tool folder, or this interpreter's when that one is missing."""
    path = ROOT / make("print-BIN").strip()
    return path if path.is_dir() else Path(sys.executable).parent


def command(name: str) -> list[str]:
    """A check command from the Makefile, with its tools at an absolute path."""
    return shlex.split(make(f"print-{name}", f"BIN={bin_dir()}"))


@dataclass
class Result:
    returncode: int
    output: str


def run(name: str, cwd: Path) -> Result:
    """Run a check command from `cwd` (where it finds its config files), as make would."""
    done = subprocess.run(command(name), cwd=cwd, capture_output=True, text=True)
    return Result(done.returncode, done.stdout + done.stderr)


def line_of(text: str, part: str) -> int:
    """The 1-based number of the first line that contains `part`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if part in line:
            return number
    raise AssertionError(f"{part!r} not found")


def plant(repo: Path, rel: str, after: str, new_line: str) -> int:
    """Insert `new_line` as a paragraph after the line holding `after`; return its line."""
    path = repo / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = line_of("".join(lines), after)  # the new line goes after a blank line
    lines[at:at] = ["\n", new_line + "\n"]
    path.write_text("".join(lines), encoding="utf-8")
    return at + 2


#: What the spelling and lint tests need of the repository: the checks' config files and one file
#: of each kind they read (the whole repository is checked by `make check` itself).
CHECKED_PARTS = (".codespellrc", ".codespell-ignore", ".pymarkdown.yml", "Makefile", "README.md",
                 "CONTRIBUTING.md", GUIDE, "snippets/messages/decline-offer.txt", "hooks/kb/__init__.py")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small private copy of the repository, config files included, that a test may break."""
    dest = tmp_path / "repo"
    for part in CHECKED_PARTS:
        (dest / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / part, dest / part)
    return dest


def test_check_runs_the_strict_build_spelling_and_lint() -> None:
    recipe = make("-n", "check").splitlines()
    assert any("mkdocs build --strict" in line for line in recipe), recipe
    assert make("print-SPELL_CMD").strip() in recipe
    assert make("print-LINT_CMD").strip() in recipe


def test_spelling_paths_and_lint_paths_are_the_agreed_ones() -> None:
    assert make("print-SPELL_PATHS").split() == ["docs", "snippets", "hooks", "README.md",
                                                 "CONTRIBUTING.md"]
    assert make("print-LINT_PATHS").split() == ["docs", "README.md", "CONTRIBUTING.md"]
    lint = command("LINT_CMD")
    assert lint[lint.index("--config") + 1] == ".pymarkdown.yml"
    assert "--recurse" in lint


#: `make test` runs `make check` first, which has just run these two over the repository.
CHECKED = pytest.mark.skipif(os.environ.get("KB_CHECKED") == "1", reason="make check has just run it")


@CHECKED
def test_the_repository_passes_spelling() -> None:
    result = run("SPELL_CMD", ROOT)
    assert result.returncode == 0, result.output


@CHECKED
def test_the_repository_passes_markdown_lint() -> None:
    result = run("LINT_CMD", ROOT)
    assert result.returncode == 0, result.output


def test_spelling_names_the_file_and_line(repo: Path) -> None:
    guide_line = plant(repo, GUIDE, "## In short", "You will recieve an answer within a week.")
    snippet = "snippets/messages/decline-offer.txt"
    with (repo / snippet).open("a", encoding="utf-8") as f:
        f.write("I hope our paths cross again, definately.\n")
    snippet_line = (repo / snippet).read_text(encoding="utf-8").count("\n")
    readme_line = plant(repo, "README.md", "## Two commands", "Keep the two seperate.")

    result = run("SPELL_CMD", repo)
    assert result.returncode != 0
    assert f"{GUIDE}:{guide_line}: recieve ==> receive" in result.output, result.output
    assert f"{snippet}:{snippet_line}: definately ==> definitely" in result.output
    assert f"README.md:{readme_line}: seperate ==> separate" in result.output


def test_a_word_in_the_word_list_passes(repo: Path) -> None:
    plant(repo, GUIDE, "## In short", "Ask about the teh ceremony.")
    assert "teh ==> the" in run("SPELL_CMD", repo).output
    word_list = repo / ".codespell-ignore"
    word_list.write_text(word_list.read_text(encoding="utf-8") + "teh\n", encoding="utf-8")
    result = run("SPELL_CMD", repo)
    assert result.returncode == 0, result.output


def test_lint_names_the_file_and_line(repo: Path) -> None:
    heading_line = plant(repo, GUIDE, "## In short", "##Why it matters")
    html_line = plant(repo, "CONTRIBUTING.md", "## Run the checks locally",
                      'Press <span class="key">Enter</span>.')

    result = run("LINT_CMD", repo)
    assert result.returncode != 0
    lines = result.output.splitlines()
    assert any(f"{GUIDE}:{heading_line}:" in line and "MD018" in line for line in lines), \
        result.output
    assert any(f"CONTRIBUTING.md:{html_line}:" in line and "MD033" in line
               and "span" in line for line in lines), result.output


SITE_MARKDOWN = """\
---
title: A page that uses everything the site allows
description: Front matter, md_in_html, directives, dates and heading ids.
---

## In short

Checked on <time datetime="2026-11-21">21 November 2026</time>. See
[the first template](#first-template).

<!-- kb:guides -->

<div class="grid cards" markdown>

- **Is this a card?**

    Text of the card.

</div>

### The first template { #first-template }

Some text.
"""


def test_lint_accepts_the_markdown_the_site_uses(repo: Path) -> None:
    (repo / "docs/why/planted.md").write_text(SITE_MARKDOWN, encoding="utf-8")
    result = run("LINT_CMD", repo)
    assert result.returncode == 0, result.output


@pytest.mark.parametrize(("extra", "rule"), [
    ("# One heading\n\n# Two headings\n", "MD025"),
    ('<span class="note">Not allowed.</span>\n', "MD033"),
])
def test_lint_exceptions_stay_narrow(repo: Path, extra: str, rule: str) -> None:
    (repo / "docs/why/planted.md").write_text(SITE_MARKDOWN + "\n" + extra, encoding="utf-8")
    result = run("LINT_CMD", repo)
    assert result.returncode != 0
    assert "docs/why/planted.md:" in result.output and rule in result.output, result.output


def test_pull_request_template_has_the_checklist() -> None:
    text = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(boxes) == 6, boxes
    for part in ("`make check`", "`reviewed:`", "own words", "`sources:`", "plain English",
                 "link", "request to another site"):
        assert part in text, part


@pytest.mark.parametrize("name", ["suggest-advice.yml", "report-a-problem.yml"])
def test_issue_forms_are_well_formed(name: str) -> None:
    import yaml

    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
    assert form["name"] and form["description"] and form["body"]
    ids = [item["id"] for item in form["body"] if item["type"] != "markdown"]
    assert len(ids) == len(set(ids)), ids
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if item["type"] == "markdown":
            assert item["attributes"]["value"].strip()
        else:
            assert item["attributes"]["label"].strip()
        if item["type"] in {"dropdown", "checkboxes"}:
            assert item["attributes"]["options"]
    assert any(item.get("validations", {}).get("required") for item in form["body"])


def test_issue_template_config() -> None:
    import yaml

    config = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config.get("contact_links", []):
        assert link["name"] and link["url"].startswith("https://") and link["about"]


def test_a_forks_ci_tests_its_overlay_and_publishes_only_after_the_tests() -> None:
    import yaml

    workflows = ROOT / ".github" / "workflows"
    test = yaml.safe_load((workflows / "test.yml").read_text(encoding="utf-8"))
    step = next(s for s in test["jobs"]["test"]["steps"] if s.get("run") == "bash .ci/run")
    assert step["env"]["CONFIG"] == "${{ vars.SITE_CONFIG || 'mkdocs.yml' }}"
    publish = yaml.safe_load((workflows / "publish.yml").read_text(encoding="utf-8"))
    jobs = publish["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    guard = jobs["test"]["steps"][0]
    assert guard["if"] == "github.event.repository.fork && vars.SITE_CONFIG == ''"
    assert "exit 1" in guard["run"] and "SITE_CONFIG" in guard["run"]
    assert any(s.get("run") == "bash .ci/run" and s["env"]["CONFIG"] == step["env"]["CONFIG"]
               for s in jobs["test"]["steps"])
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith("make test")


def test_make_check_lists_the_guides_due_for_review_without_failing(tmp_path: Path) -> None:
    import datetime as dt

    sys.path.insert(0, str(ROOT / "hooks"))
    from kb import __main__ as cli
    from kb.review import due_for_review

    docs = tmp_path / "docs"
    for name, reviewed in (("why/old.md", "2024-01-15"), ("why/recent.md", "2025-08-01"), ("why/index.md", "2020-01-01")):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(f"---\ntitle: T\nreviewed: {reviewed}\n---\n\nText.\n", encoding="utf-8")
    today = dt.date(2026, 1, 20)
    assert due_for_review(docs, today) == [("docs/why/old.md", dt.date(2024, 1, 15))]
    assert due_for_review(docs, dt.date(2025, 7, 14)) == [], "not yet 18 months"
    assert cli.main(["due-for-review", str(docs)], today=today) == 0, "time alone never fails a build"
    assert "@PYTHONPATH=hooks $(BIN)/python -m kb due-for-review docs" in (ROOT / "Makefile").read_text(encoding="utf-8")
