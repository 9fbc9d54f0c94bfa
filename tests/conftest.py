"""Shared fixtures: real MkDocs builds of the real project, and a real browser."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the plain `kb` package, for unit tests
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort, BuildError  # noqa: E402

#: The config the suite checks: mkdocs.yml, or a career office's overlay
#: (`make test CONFIG=example-office.yml` sets SITE_CONFIG).
SITE_CONFIG = os.environ.get("SITE_CONFIG") or "mkdocs.yml"

#: What a test copies to make a private, editable project.
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "snippets", "overrides", "brand")


@dataclass
class Build:
    """The outcome of one MkDocs build."""

    root: Path
    site: Path
    ok: bool
    records: list[logging.LogRecord] = field(default_factory=list)
    config: object = None  # the loaded MkDocsConfig
    parsed: dict = field(default_factory=dict, repr=False)  # path: its soup (see `soup`)

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == logging.WARNING]

    @property
    def errors(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.ERROR]

    @property
    def messages(self) -> str:
        return "\n".join(r.getMessage() for r in self.records if r.levelno >= logging.WARNING)

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def soup(self, path: str):
        """The page parsed, once per build: many tests read every page. Read it; do not change it."""
        from bs4 import BeautifulSoup

        if path not in self.parsed:
            self.parsed[path] = BeautifulSoup(self.html(path), "html.parser")
        return self.parsed[path]

    def pages(self) -> list[str]:
        """Every built HTML page, relative to the site folder."""
        return sorted(str(p.relative_to(self.site)) for p in self.site.rglob("*.html")
                      if p.name != "404.html")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_build(root: Path, site: Path, *, config_file: str = "mkdocs.yml", **overrides) -> Build:
    """Build the project at `root` with MkDocs' own API, strictly, collecting warnings."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    ok, config = True, None
    try:
        config = load_config(str(root / config_file), site_dir=str(site), strict=True, **overrides)
        build(config)
    except (Abort, BuildError) as exc:
        ok = False
        handler.records.append(logging.makeLogRecord(
            {"msg": str(exc), "levelno": logging.ERROR, "levelname": "ERROR"}))
    finally:
        logger.removeHandler(handler)
    return Build(root, site, ok, handler.records, config)


def copy_project(dest: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    dest.mkdir(parents=True)
    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


FIXTURE = ROOT / "tests" / "fixture"


def copy_fixture(dest: Path) -> Path:
    """The project's config, hooks and theme with the small fixture site of tests/fixture/ as its
    content (plus the real stylesheets, scripts, message builder data and interface strings),
    built from site.yml."""
    copy_project(dest, tuple(p for p in PROJECT_PARTS if p != "docs"))
    shutil.copytree(FIXTURE / "docs", dest / "docs")
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    shutil.copy2(ROOT / "docs" / "_data" / "messages.yml", dest / "docs" / "_data" / "messages.yml")
    shutil.copytree(ROOT / "docs" / "_data" / "strings", dest / "docs" / "_data" / "strings")
    shutil.copy2(FIXTURE / "site.yml", dest / "site.yml")
    return dest


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Build]:
    """The real project, built once per test process for the local address it may be served
    on (so that instant navigation is real). It must build without a warning."""
    from browser import free_port

    port = free_port()
    result = run_build(ROOT, tmp_path_factory.mktemp("site"), config_file=SITE_CONFIG,
                       site_url=f"http://127.0.0.1:{port}/")
    assert result.ok and not result.records, result.messages
    return port, result


@pytest.fixture(scope="session")
def site(built: tuple[int, Build]) -> Build:
    """The real project, built once."""
    return built[1]


@pytest.fixture(scope="session")
def served(built: tuple[int, Build]) -> Iterator[tuple[str, Build]]:
    """The real site, served on the address it was built for."""
    from browser import serve

    port, site = built
    with serve(site.site, port) as base:
        yield base, site


@pytest.fixture(scope="session")
def playwright() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright) -> Iterator:
    from browser import launch

    browser = launch(playwright)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def blocked(playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A Chromium profile whose reader blocks all site data, as its settings allow: reading
    localStorage or sessionStorage throws."""
    from browser import launch_blocking_storage

    context = launch_blocking_storage(playwright, tmp_path_factory.mktemp("blocked-profile"))
    yield context
    context.close()


@pytest.fixture
def project(tmp_path: Path) -> Iterator["Project"]:
    """A private copy of the project that a test may break, then build."""
    yield Project(copy_project(tmp_path / "project"), tmp_path / "out")


@pytest.fixture
def small(tmp_path: Path) -> Iterator["Project"]:
    """A private copy of the small fixture site (tests/fixture/), for tests of the hooks' logic
    that must not depend on the real guides; quick to build."""
    yield Project(copy_fixture(tmp_path / "small"), tmp_path / "out", config_file="site.yml")


@dataclass
class Project:
    root: Path

    out: Path
    config_file: str = "mkdocs.yml"

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).parent.mkdir(parents=True, exist_ok=True)
        self.path(rel).write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str, count: int = 1) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, count))

    def build(self, **overrides) -> Build:
        overrides.setdefault("config_file", self.config_file)
        return run_build(self.root, self.out, **overrides)

    def fails(self, *expected: str) -> str:
        """Build, expect failure, and expect every string in the error messages."""
        result = self.build()
        assert not result.ok, "the build should have failed"
        text = result.messages
        assert "Traceback" not in text
        for part in expected:
            assert part in text, f"{part!r} not in:\n{text}"
        return text


BuildFn = Callable[..., Build]


def pytest_terminal_summary(terminalreporter) -> None:
    """Report every guide's reading grade, as the writing standard asks."""
    import statistics

    from test_content import grades

    found = grades()
    terminalreporter.section("Flesch-Kincaid grade of each guide")
    for path, grade in sorted(found.items()):
        terminalreporter.write_line(f"{grade:5.1f}  {path}")
    terminalreporter.write_line(f"median {statistics.median(found.values()):.1f}")
