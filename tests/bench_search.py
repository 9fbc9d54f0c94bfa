"""Benchmark: how well the site's search answers reader questions, and what it costs a reader.

    make bench-search    # or: .venv/bin/python tests/bench_search.py

Builds the real site twice: as it is, and with Material's search as shipped (no query reading
from hooks/search.py, Material's default search settings). Each is served and every question of
tests/search-questions.yml is typed into its search box in headless Chromium. It prints, for
each, the share of questions with a fitting page first and in the top three (for the questions
the search was tuned on, and for the held-out ones written after), the search index's size raw
and gzipped, and the bytes a reader downloads for a first search (the index and the worker,
gzipped). Nothing here asserts: tests/test_search.py holds the target.
"""

from __future__ import annotations

import gzip
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import yaml  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from browser import free_port, launch, serve  # noqa: E402
from search import Search, questions, score  # noqa: E402


def build_site(dest: Path, port: int, *, material: bool) -> None:
    overrides: dict = {"site_url": f"http://127.0.0.1:{port}/", "site_dir": str(dest)}
    if material:
        raw = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        overrides["hooks"] = [str(ROOT / h) for h in raw["hooks"] if h != "hooks/search.py"]
        overrides["plugins"] = ["search"]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), **overrides)
        build(config)
    finally:
        os.chdir(cwd)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def measure(site: Path, port: int, browser) -> dict[str, float]:
    index = (site / "search" / "search_index.json").read_bytes()
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).read_bytes()
    figures: dict[str, float] = {"index": len(index), "index_gz": gz(index), "first_gz": gz(index) + gz(worker)}
    with serve(site, port) as base:
        for part in ("questions", "held_out"):
            context = browser.new_context()
            first, third, _ = score(Search(context, base), questions(part))
            context.close()
            figures[part + "@1"], figures[part + "@3"] = first, third
    return figures


def main() -> None:
    from playwright.sync_api import sync_playwright

    tuned, held = len(questions("questions")), len(questions("held_out"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, material in (("this site", False), ("Material as shipped", True)):
            port = free_port()
            site = Path(tmp) / name.replace(" ", "-")
            build_site(site, port, material=material)
            rows.append((name, measure(site, port, browser)))
        browser.close()
    print(f"Reader questions: {tuned} the search was tuned on, {held} held out (tests/search-questions.yml)\n")
    print(f"{'search':22} {'tuned @1':>9} {'tuned @3':>9} {'held @1':>8} {'held @3':>8} "
          f"{'index':>9} {'gzipped':>8} {'first search':>13}")
    for name, f in rows:
        print(f"{name:22} {f['questions@1']:9.0%} {f['questions@3']:9.0%} {f['held_out@1']:8.0%} "
              f"{f['held_out@3']:8.0%} {f['index'] / 1024:7.0f} KB {f['index_gz'] / 1024:5.0f} KB "
              f"{f['first_gz'] / 1024:10.0f} KB")
    print("\n@1: a fitting page first; @3: one in the top three. First search: the gzipped index and "
          "search worker a reader downloads before the first result.")


if __name__ == "__main__":
    main()
