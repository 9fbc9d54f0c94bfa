"""Benchmark: how much the project's hooks add to a bare Material build.

    make bench            # or: .venv/bin/python tests/bench.py [--sizes 50 500 2000]

Generates synthetic knowledge bases (guides in sections of about 50 pages, 50 scenarios),
builds each with the project's config and hooks and with the same config without hooks, and
prints the build times, the time the hooks add, and how that grows with the number of pages.
Nothing here asserts: it prints figures.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

SCENARIOS = 50
PER_SECTION = 50
SECTIONS = ("why", "bad-reasons", "stages", "declining")
WORDS = ("interview recruiter manager offer decline team role company question answer practice "
         "network salary culture stage screen contact reason honest polite follow week").split()


def paragraph(rng: random.Random, n: int = 60) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return ". ".join(" ".join(words[i:i + 10]).capitalize() for i in range(0, n, 10)) + "."


def guide_body(rng: random.Random, n: int, pages: int) -> str:
    """A guide shaped like the project's own (about 650 words under 9 headings, a numbered list,
    a bulleted list and links to two other guides), so that Markdown, the table of contents
    and search do as much work per page as they do on the real site."""
    def link(m: int) -> str:
        part = f"../../{SECTIONS[m % 4]}/part-{m // PER_SECTION:03d}/guide-{m:04d}.md"
        return f"- [Guide {m}]({part}): {paragraph(rng, 10)}"

    questions = "\n\n".join(f"## Question {k}?\n\n{paragraph(rng)}\n\n{paragraph(rng, 30)}" for k in range(5))
    steps = "\n".join(f"{k}. {paragraph(rng, 12)}" for k in range(1, 7))
    asks = "\n".join(f"- {paragraph(rng, 8)}" for _ in range(3))
    others = "\n".join(link(m) for m in ((n + 1) % pages, (n + 7) % pages))
    return (f"## In short\n\n{paragraph(rng, 40)}\n\n{questions}\n\n## What to do\n\n{steps}\n\n"
            f"## Questions to ask yourself afterwards\n\n{asks}\n\n## What to read next\n\n{others}")


def make_site(dest: Path, pages: int, seed: int = 1, base_config: Path = ROOT / "mkdocs.yml") -> Path:
    """A synthetic project: the real config, hooks, overrides and assets; synthetic content."""
    rng = random.Random(seed)
    shutil.copytree(ROOT / "snippets", dest / "snippets")
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "_data").mkdir(parents=True)
    shutil.copy2(ROOT / "docs/_data/sources.yml", docs / "_data/sources.yml")
    ids = [f"situation-{n:02d}" for n in range(SCENARIOS)]
    registry = [{"id": i, "statement": f"I am in situation {n}.", "answer": paragraph(rng, 30),
                 "group": ["Should I go?", "During the process", "Saying no"][n % 3]}
                for n, i in enumerate(ids)]
    (docs / "_data/scenarios.yml").write_text(yaml.safe_dump({"scenarios": registry}), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\n[Situations](scenarios/index.md)\n", encoding="utf-8")
    (docs / "scenarios").mkdir()
    (docs / "scenarios/index.md").write_text("# Situations\n\n<!-- kb:scenario-finder -->\n", encoding="utf-8")
    sections = SECTIONS
    nav: dict[str, dict[str, list[str]]] = {s: {} for s in sections}
    for n in range(pages):
        # every scenario is used: the first pages take them in turn, the rest at random
        chosen = {ids[n % SCENARIOS]} | set(rng.sample(ids, 2))
        folder = docs / sections[n % 4] / f"part-{n // PER_SECTION:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "index.md").exists():
            (folder / "index.md").write_text("# Part\n\n<!-- kb:guides -->\n", encoding="utf-8")
        front = {"title": f"Guide {n}", "description": paragraph(rng, 12)[:150],
                 "scenarios": sorted(chosen), "reviewed": "2026-01-01", "sources": ["real-purpose"]}
        body = guide_body(rng, n, pages)
        part = f"{sections[n % 4]}/part-{n // PER_SECTION:03d}"
        nav[sections[n % 4]].setdefault(part, [f"{part}/index.md"]).append(f"{part}/guide-{n:04d}.md")
        (folder / f"guide-{n:04d}.md").write_text(
            f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n{body}\n", encoding="utf-8")
    for section in sections:
        (docs / section / "index.md").write_text(f"# {section}\n", encoding="utf-8")
    config = yaml.safe_load(base_config.read_text(encoding="utf-8"))
    # The same explicit navigation for both builds, as the project has one.
    config["nav"] = [{"Home": "index.md"}, {"Find your situation": "scenarios/index.md"}] + [
        {section: [f"{section}/index.md", *({part: items} for part, items in parts.items())]}
        for section, parts in nav.items()]
    # The project's own hooks and overrides, by absolute path: one copy of the `kb` package.
    config["hooks"] = [str(ROOT / h) for h in config["hooks"]]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["watch"] = []
    (dest / "with-hooks.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    config.pop("hooks")
    (dest / "bare.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return dest


def timed_build(config_file: Path, site: Path) -> tuple[float, float]:
    """The wall time of one build, and the part of it spent inside the project's hook functions."""
    gc.collect()
    start = time.perf_counter()
    config = load_config(str(config_file), site_dir=str(site))
    spent = _time_hook_functions(config)
    build(config)
    return time.perf_counter() - start, spent[0]


def _time_hook_functions(config: Any) -> list[float]:
    """Wrap every `on_*` function of the hook files (not plugins) to add up the time spent in them."""
    spent = [0.0]
    origins = getattr(config.plugins, "_event_origins", {})  # MkDocs names the running hook from it
    for methods in config.plugins.events.values():
        for n, method in enumerate(methods):
            if not str(getattr(method, "__module__", "")).endswith(".py"):
                continue

            def timed(*args: Any, _method: Any = method, **kwargs: Any) -> Any:
                begin = time.perf_counter()
                try:
                    return _method(*args, **kwargs)
                finally:
                    spent[0] += time.perf_counter() - begin

            methods[n] = timed
            if method in origins:
                origins[timed] = origins[method]
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind per size (median)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the config to start from")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    rows = []
    for pages in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = make_site(Path(tmp), pages, base_config=args.config.resolve())
            cwd = os.getcwd()
            os.chdir(root)
            try:
                timed_build(root / "with-hooks.yml", root / "site")  # warm caches once
                bare, hooked, in_hooks = [], [], []
                for _ in range(args.repeat):  # interleaved, so that a slow spell hits both kinds
                    bare.append(timed_build(root / "bare.yml", root / "site")[0])
                    total, spent = timed_build(root / "with-hooks.yml", root / "site")
                    hooked.append(total)
                    in_hooks.append(spent)
            finally:
                os.chdir(cwd)
            b, h, f = statistics.median(bare), statistics.median(hooked), statistics.median(in_hooks)
            rows.append((pages, b, h))
            print(f"{pages:5d} guides: bare {b:6.2f} s   with hooks {h:6.2f} s   added {h - b:+5.2f} s   "
                  f"ratio {h / b:5.3f} ({(h / b - 1) * 100:+5.1f} %)   in hook functions {f:5.2f} s "
                  f"({f / b * 100:4.1f} %)", flush=True)
    by = {p: h - b for p, b, h in rows}
    if 500 in by and 2000 in by and by[500] > 0:
        print(f"time added at 2000 / time added at 500: {by[2000] / by[500]:.2f} (linear is 4.0)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.repeat} builds each")
    print("'In hook functions' is the time inside the hooks' on_* functions. The rest of the added time\n"
          "is MkDocs and Material at work on what the hooks add: a hub page per scenario, the hubs'\n"
          "navigation entries, the guide lists on hubs and section pages, and each guide's footer.")


if __name__ == "__main__":
    main()
