"""Benchmark: how much the project's hooks add to a bare Material build.

    make bench    # or: .venv/bin/python tests/bench.py [--sizes 50 500 2000] [--repeat 3] [--instructions]

Generates synthetic knowledge bases (guides shaped like the real ones, in sections of about 50
pages, 50 scenarios) and builds each three ways: with the project's config and hooks; with the
same config and no hooks (bare); and with no hooks from Markdown files holding the pages a hooked
build makes (same content). It prints the build times, the time the hooks add to bare, how that
grows with the number of pages, and how much of it is the hooks' own work rather than Material
rendering the pages they add. `--instructions` also counts CPU instructions with `perf stat`,
which stay steady on a busy machine when times do not. Nothing here asserts: it prints figures.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import random
import shutil
import subprocess
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
    shutil.copytree(ROOT / "docs/_data/strings", docs / "_data/strings")  # the interface's words
    shutil.copy2(ROOT / "docs/_data/search.yml", docs / "_data/search.yml")
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
    config["theme"].pop("custom_dir")  # the overrides read what the hooks give the templates
    (dest / "bare.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return dest


#: A hook for one extra build: it writes every page as the project's hooks leave it (generated hubs,
#: expanded lists) into a docs folder of its own, for a build of the same content without hooks.
WRITE_OUT = """
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, {hooks!r})
from kb import state

OUT = Path({out!r})
FRONT = re.compile(r"^---\\n.*?\\n---\\n", re.DOTALL)


@event_priority(-100)  # after every project hook
def on_page_markdown(markdown, page, config, files):
    front = FRONT.match(page.file.content_string)
    path = OUT / page.file.src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((front.group(0) if front else "") + state.site.fragments.inline(markdown), encoding="utf-8")
    return markdown
"""


def write_same_content(root: Path) -> Path:
    """A config that builds, without hooks, the pages a hooked build makes: the baseline that
    shows what the hooks' own work costs. It errs on the cheap side: MkDocs does not check the
    links in the lists' raw HTML, and guides have no footer (advice, sources, reviewed date)."""
    out = root / "same-content"
    shutil.copytree(root / "docs", out)
    (root / "write_out.py").write_text(WRITE_OUT.format(hooks=str(ROOT / "hooks"), out=str(out)),
                                       encoding="utf-8")
    config = yaml.safe_load((root / "with-hooks.yml").read_text(encoding="utf-8"))
    config["hooks"].append(str(root / "write_out.py"))
    (root / "write-out.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    loaded = load_config(str(root / "write-out.yml"), site_dir=str(root / "site"))
    build(loaded)
    config = yaml.safe_load((root / "bare.yml").read_text(encoding="utf-8"))
    config["docs_dir"], config["nav"] = str(out), loaded["nav"]  # with the hubs
    (root / "same-content.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root / "same-content.yml"


def timed_build(config_file: Path, site: Path) -> tuple[float, float]:
    """The wall time of one build, and the part of it spent inside the project's hook functions."""
    gc.collect()
    start = time.perf_counter()
    config = load_config(str(config_file), site_dir=str(site))
    spent = _time_hook_functions(config)
    build(config)
    return time.perf_counter() - start, spent[0]


def build_in_new_process(config_file: Path, site: Path, *, count: bool) -> tuple[float, float, int]:
    """One build in a fresh Python process, as `mkdocs build` runs: its time, its time in hook
    functions, and (with `count`) its user-space CPU instructions from `perf stat`, else 0."""
    command = [sys.executable, __file__, "--one", str(config_file), str(site)]
    if count:
        command = ["perf", "stat", "-x", ",", "-e", "instructions:u", *command]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same set and dict order in every run
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode:
        raise SystemExit(f"the build of {config_file.name} failed:\n{result.stderr}")
    total, spent = (float(x) for x in result.stdout.split())
    counted = [int(line.split(",")[0]) for line in result.stderr.splitlines() if "instructions" in line]
    return total, spent, counted[0] if counted else 0


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
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind per size; the fastest counts")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the config to start from")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each build's CPU instructions with Linux `perf stat`: a figure "
                             "that other work on a busy machine does not disturb, as it does times")
    parser.add_argument("--one", nargs=2, metavar=("CONFIG", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if args.one:  # one build, in the fresh process that build_in_new_process started
        print(*timed_build(Path(args.one[0]), Path(args.one[1])))
        return
    if args.instructions and not shutil.which("perf"):
        raise SystemExit("--instructions needs Linux perf (on Debian: apt-get install linux-perf)")
    rows = []
    added_counts: dict[int, int] = {}
    for pages in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = make_site(Path(tmp), pages, base_config=args.config.resolve())
            cwd = os.getcwd()
            os.chdir(root)
            try:
                kinds = {"bare": root / "bare.yml", "same": write_same_content(root),
                         "hooks": root / "with-hooks.yml"}
                runs: dict[str, list[tuple[float, float, int]]] = {kind: [] for kind in kinds}
                for _ in range(args.repeat):  # interleaved, so that a slow spell hits every kind
                    for kind, config_file in kinds.items():
                        runs[kind].append(build_in_new_process(config_file, root / "site", count=args.instructions))
            finally:
                os.chdir(cwd)
            (b, _, _), (s, _, _), (h, f, _) = (min(runs[kind]) for kind in kinds)  # the fastest of each
            rows.append((pages, b, h))
            print(f"{pages:5d} guides: bare {b:6.2f} s   with hooks {h:6.2f} s   added {h - b:+5.2f} s   "
                  f"ratio {h / b:5.3f} ({(h / b - 1) * 100:+5.1f} %)", flush=True)
            print(f"{'':13}same content without hooks {s:6.2f} s: the hooks' own work {h - s:+5.2f} s "
                  f"({(h / s - 1) * 100:+4.1f} %), of which in hook functions {f:4.2f} s", flush=True)
            if args.instructions:
                cb, cs, ch = (min(run[2] for run in runs[kind]) for kind in kinds)
                added_counts[pages] = ch - cb
                print(f"{'':13}instructions: bare {cb / 1e9:5.1f} G   with hooks {ch / 1e9:5.1f} G "
                      f"({(ch / cb - 1) * 100:+4.1f} %)   same content without hooks {cs / 1e9:5.1f} G "
                      f"(hooks' own work {(ch / cs - 1) * 100:+4.1f} %)", flush=True)
    by = {p: h - b for p, b, h in rows}
    if 500 in by and 2000 in by and by[500] > 0:
        print(f"time added at 2000 / time added at 500: {by[2000] / by[500]:.2f} (linear is 4.0)")
    if 500 in added_counts and 2000 in added_counts and added_counts[500] > 0:
        print(f"instructions added at 2000 / at 500: {added_counts[2000] / added_counts[500]:.2f}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; each build in a new process, as "
          f"`mkdocs build` runs; the fastest of {args.repeat} (other work on the machine only slows one down)")
    print("bare: the synthetic docs built without the project's hooks. With hooks, MkDocs and Material\n"
          "also render what the hooks add: a hub page per scenario with its list of guides, the hubs'\n"
          "navigation entries, the guide lists on section pages and each guide's footer. 'Same content\n"
          "without hooks' builds those pages from Markdown files instead, so the difference from it is\n"
          "the hooks' own work (reading and checking front matter and data, generating, linking);\n"
          "'in hook functions' is the part of that spent inside the hooks' on_* functions.")


if __name__ == "__main__":
    main()
