"""Benchmark: Lighthouse (mobile) performance of this site against bare Material, in one run.

    make bench-lighthouse    # or: .venv/bin/python tests/bench_lighthouse.py [--runs 5] [--pages home guide]

Builds the project twice into a temporary folder: as it is (hooks, overrides, the project's CSS
and JavaScript), and bare: the very Markdown pages the hooks produce (generated hubs, lists,
checklists and the message builder), built by plain Material with no hooks, no overrides and
no extra CSS or JavaScript (the way tests/bench.py makes its "same content" build). Both are
served gzipped, as a web host serves them, and Lighthouse (mobile, its default simulated slow
phone) loads five pages of each, in turns, so that a busy spell on the machine hits both. It
prints the median and the best score of each, the figures behind them, and the JavaScript and
CSS the project adds, gzipped. Unless --no-global, it also measures the pages that show no
tool in a third build with the one-page scripts (kb.scripts.TOOLS: the tools' own) on every
page, as they once were: what loading them only where they are needed saves. Then (unless
--direct 0) it measures each page's blocking time directly, in Chromium slowed four times,
since Lighthouse's figure is an estimate from one fast load.

Lighthouse is pinned in tests/lighthouse/package.json and package-lock.json and installed from
the npm registry into .cache/lighthouse/ (git-ignored) on first use; it needs Node.js and npm.
Chromium comes from CHROME_PATH, else tests/browser.py's search for a full browser. Nothing here asserts: it prints
figures, which wander on a shared machine; compare bare and site within one run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))  # the plain kb package: which scripts are the tools'
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from bench import WRITE_OUT  # noqa: E402  (the hook that writes out the hooked pages)
from browser import CHROMIUM_ARGS, chromium_path, free_port  # noqa: E402
from kb import scripts as kb_scripts  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PIN = ROOT / "tests" / "lighthouse"
CACHE = ROOT / ".cache" / "lighthouse"
CLI = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync")

#: The pages measured: a name and the page's address under the site's root.
PAGES = {
    "home": "",
    "guide": "stages/recruiter-screen/",
    "hub": "scenarios/missing-a-requirement/",
    "checklists": "checklists/",
    "builder": "messages/write-your-message/",
}



def install_lighthouse() -> None:
    """npm ci the pinned Lighthouse into .cache/lighthouse/ unless that version is there."""
    wanted = json.loads((PIN / "package.json").read_text(encoding="utf-8"))["dependencies"]["lighthouse"]
    installed = CACHE / "node_modules" / "lighthouse" / "package.json"
    if installed.exists() and json.loads(installed.read_text(encoding="utf-8"))["version"] == wanted:
        return
    if not shutil.which("npm"):
        raise SystemExit("make bench-lighthouse needs Node.js and npm (on Debian: apt-get install nodejs npm)")
    CACHE.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(PIN / name, CACHE / name)
    print(f"installing lighthouse {wanted} into {CACHE.relative_to(ROOT)}/ ...", flush=True)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=CACHE, check=True,
                   stdout=subprocess.DEVNULL)


#: Scripts that one page needs (the checklists, the message builder, the situation finder, the
#: home page's decision aid). The "global" build loads them on every page, as extra_javascript
#: once did, to show what loading them only where they are needed saves.
ONE_PAGE_SCRIPTS = tuple(f"assets/js/{tool}" for tool in kb_scripts.TOOLS)


def build_all(tmp: Path, site_url: str, bare_url: str, global_url: str | None) -> dict[str, Path]:
    """The project built as it is; the same pages built by bare Material; and, with `global_url`,
    the project with the one-page scripts on every page."""
    project = tmp / "project"  # a copy, so that the build's own config file sits beside docs/
    for part in ("docs", "hooks", "snippets", "overrides", "brand"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    out = tmp / "same-content"
    (project / "write_out.py").write_text(WRITE_OUT.format(hooks=str(project / "hooks"), out=str(out)),
                                          encoding="utf-8")
    config["hooks"].append("write_out.py")
    config["watch"] = []
    (project / "site.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    loaded = load_config(str(project / "site.yml"), site_dir=str(tmp / "site"), site_url=site_url)
    build(loaded)
    built = {"site": tmp / "site", "bare": tmp / "bare"}
    if global_url:
        scripts = [s for s in ONE_PAGE_SCRIPTS if (project / "docs" / s).exists()]
        everywhere = dict(config, hooks=config["hooks"][:-1], extra_javascript=config["extra_javascript"] + scripts)
        (project / "global.yml").write_text(yaml.safe_dump(everywhere), encoding="utf-8")
        build(load_config(str(project / "global.yml"), site_dir=str(tmp / "global"), site_url=global_url))
        built["global"] = tmp / "global"
    # Bare: the written-out pages, Material's own look (default colours), nothing of the project's.
    (out / "assets").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "docs" / "assets" / "favicon.svg", out / "assets" / "favicon.svg")
    for key in ("hooks", "extra_css", "extra_javascript", "exclude_docs", "validation"):
        config.pop(key, None)
    config["theme"].pop("custom_dir")
    for palette in config["theme"]["palette"]:
        palette["primary"], palette["accent"] = "indigo", "indigo"
    config["docs_dir"], config["nav"] = str(out), loaded["nav"]
    config["markdown_extensions"] = [
        {"pymdownx.snippets": {"base_path": [str(ROOT / "snippets")], "check_paths": True}}
        if isinstance(e, dict) and "pymdownx.snippets" in e else e for e in config["markdown_extensions"]]
    (tmp / "bare.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(str(tmp / "bare.yml"), site_dir=str(tmp / "bare"), site_url=bare_url))
    return built


class Gzipped(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped, as GitHub Pages and most hosts do, so that sizes are real, and
    keeps each connection open for the next request (HTTP/1.1), as every host does. Lighthouse's
    estimate follows the connections it saw: with a new one for each file (HTTP/1.0, the
    library's default), each file of a page paid a simulated connection set-up of its own."""

    protocol_version = "HTTP/1.1"
    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if not (path.suffix in self.TEXT and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, port: int) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             functools.partial(Gzipped, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse(url: str, chrome: str) -> dict[str, float]:
    """One Lighthouse run (mobile, performance only): the score and the figures behind it."""
    result = subprocess.run(
        ["node", str(CLI), url, "--only-categories=performance", "--output=json", "--output-path=stdout",
         "--quiet", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome}, check=False)
    if result.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "si": audits["speed-index"]["numericValue"],
        "requests": len(requests),
        "kb": sum(r.get("transferSize", 0) for r in requests) / 1024,
        "blocking": len(audits["render-blocking-resources"].get("details", {}).get("items", [])),
    }


#: Collects every long task of the page (over 50 ms), from the start.
LONG_TASKS = """window.__long = []; new PerformanceObserver(list => list.getEntries()
    .forEach(e => window.__long.push(e.duration))).observe({type: 'longtask', buffered: true});"""


def blocking_direct(url: str, chrome: str, loads: int) -> float:
    """Total blocking time measured, not estimated: `loads` loads of `url` in Chromium slowed four
    times (as Lighthouse's phone), each summing its long tasks' time over 50 ms until a second
    after the load event; the median, in ms. Lighthouse estimates blocking time from one fast
    load, which makes it wander with the order in which that load happened to run."""
    totals = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chrome, headless=True, args=CHROMIUM_ARGS)
        for _ in range(loads):
            context = browser.new_context(viewport={"width": 412, "height": 823})
            context.add_init_script(LONG_TASKS)
            page = context.new_page()
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(url, wait_until="load")
            page.wait_for_timeout(1000)
            totals.append(sum(max(0.0, d - 50) for d in page.evaluate("window.__long")))
            context.close()
        browser.close()
    return statistics.median(totals)


def added_assets(site: Path) -> list[tuple[str, int, int, bool]]:
    """The scripts and stylesheets the project adds to Material: (file, bytes, gzipped, on every
    page). head.js stands in for Material's inline scripts, which the site's
    Content-Security-Policy does not allow."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    everywhere = ["assets/js/head.js", "assets/js/site.js",  # site.js: overrides/partials/page-scripts.html
                  *(s if isinstance(s, str) else s["path"] for s in config.get("extra_javascript") or []),
                  "assets/site.css"]  # the project's stylesheets and the brand's colours, in one file
    rows = []
    for name in dict.fromkeys(everywhere + list(ONE_PAGE_SCRIPTS)):
        path = site / name
        if path.exists():
            data = path.read_bytes()
            rows.append((name, len(data), len(gzip.compress(data, 9)), name in everywhere))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5,
                        help="Lighthouse runs of each page of each site; medians are printed (five, since one "
                             "page's score wanders by several points between runs, and a median of three with it)")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES))
    parser.add_argument("--json", type=Path, help="also write every run's figures to this file")
    parser.add_argument("--direct", type=int, default=5, metavar="LOADS",
                        help="loads of each page for the blocking time measured in slowed Chromium (0: none)")
    parser.add_argument("--no-global", action="store_true",
                        help="skip the build with the one-page scripts on every page (and its runs)")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    install_lighthouse()
    chrome = os.environ.get("CHROME_PATH") or chromium_path(full=True)
    if not chrome:
        raise SystemExit("no Chromium found: set CHROME_PATH (see README.md, 'A browser for the browser tests')")
    kinds = ["bare", "site"] + ([] if args.no_global else ["global"])
    ports = {kind: free_port() for kind in kinds}
    urls = {kind: f"http://127.0.0.1:{port}/" for kind, port in ports.items()}
    with tempfile.TemporaryDirectory() as tmp:
        folders = build_all(Path(tmp), urls["site"], urls["bare"], urls.get("global"))
        servers = [serve(folders[kind], ports[kind]) for kind in kinds]
        # The global build is measured only on pages that show no tool.
        needs = {name: kb_scripts.for_page((folders["site"] / PAGES[name] / "index.html").read_text(encoding="utf-8"))
                 != [kb_scripts.SITE] for name in args.pages}
        results: dict[tuple[str, str], list[dict[str, float]]] = {}
        try:
            for run in range(args.runs):
                for name in args.pages:
                    for kind in kinds:
                        if kind == "global" and needs[name]:
                            continue
                        got = lighthouse(urls[kind] + PAGES[name], chrome)
                        results.setdefault((name, kind), []).append(got)
                        print(f"run {run + 1}: {name:10} {kind:4} {got['score']:3d}  LCP {got['lcp'] / 1000:4.1f} s  "
                              f"TBT {got['tbt']:4.0f} ms  CLS {got['cls']:.3f}", flush=True)
            direct = {(name, kind): blocking_direct(urls[kind] + PAGES[name], chrome, args.direct)
                      for name in args.pages for kind in ("bare", "site")} if args.direct else {}
            assets = added_assets(folders["site"])
        finally:
            for server in servers:
                server.shutdown()
                server.server_close()

    if args.json:
        args.json.write_text(json.dumps([{"page": n, "kind": k, **r} for (n, k), runs in results.items() for r in runs],
                                        indent=1), encoding="utf-8")

    def med(name: str, kind: str, key: str) -> float:
        return statistics.median(r[key] for r in results[(name, kind)])

    def best(name: str, kind: str) -> float:
        return max(r["score"] for r in results[(name, kind)])

    print()
    print(f"Lighthouse {json.loads((PIN / 'package.json').read_text())['dependencies']['lighthouse']}, "
          f"mobile (simulated slow 4G, 4x CPU slowdown), performance, {args.runs} runs of each page")
    print(f"{'':11} {'median':^17}  {'best':^17}  {'CLS':>5}  {'FCP s':^11}  {'LCP s':^11}  {'TBT ms':^11}  "
          f"{'requests':^9}  {'KB':^9}")
    print(f"{'page':11} {'bare':>5} {'site':>5} {'diff':>5}  {'bare':>5} {'site':>5} {'diff':>5}  {'site':>5}  "
          f"{'bare/site':^11}  {'bare/site':^11}  {'bare/site':^11}  {'bare/site':^9}  {'bare/site':^9}")
    for name in args.pages:
        b, s = med(name, "bare", "score"), med(name, "site", "score")
        bb, bs = best(name, "bare"), best(name, "site")
        cls = max(r["cls"] for r in results[(name, "site")])
        pair = lambda key, scale=1.0, f=".2f": f"{med(name, 'bare', key) / scale:{f}}/{med(name, 'site', key) / scale:{f}}"  # noqa: E731
        print(f"{name:11} {b:5.0f} {s:5.0f} {s - b:+5.0f}  {bb:5.0f} {bs:5.0f} {bs - bb:+5.0f}  {cls:5.3f}  "
              f"{pair('fcp', 1000):^11}  {pair('lcp', 1000):^11}  {pair('tbt', 1, '.0f'):^11}  "
              f"{pair('requests', 1, '.0f'):^9}  {pair('kb', 1, '.0f'):^9}")
    print("CLS is the largest of the runs. Other work on the machine only lowers a score (mostly through\n"
          "TBT, the main thread's long tasks), so the best of the runs is the steadier figure; compare\n"
          "bare and site within one run of this script.")

    if direct:
        print()
        print(f"Blocking time measured in Chromium slowed four times ({args.direct} loads of each page, median):")
        for name in args.pages:
            print(f"  {name:11} bare {direct[(name, 'bare')]:5.0f} ms  site {direct[(name, 'site')]:5.0f} ms")

    other = [name for name in args.pages if (name, "global") in results]
    if other:
        print()
        print(f"Pages with no tool, with the one-page scripts ({', '.join(kb_scripts.TOOLS)}) on every page:")
        print(f"{'page':11} {'site':>5} {'global':>6} {'diff':>5}  {'best site/global':>16}  {'TBT ms site/global':>18}  "
              f"{'requests':>8}  {'KB site/global':>14}")
        for name in other:
            s, g = med(name, "site", "score"), med(name, "global", "score")
            print(f"{name:11} {s:5.0f} {g:6.0f} {g - s:+5.0f}  {best(name, 'site'):7.0f}/{best(name, 'global'):<8.0f}  "
                  f"{med(name, 'site', 'tbt'):8.0f}/{med(name, 'global', 'tbt'):<9.0f}  "
                  f"{med(name, 'site', 'requests'):3.0f}/{med(name, 'global', 'requests'):<4.0f}  "
                  f"{med(name, 'site', 'kb'):6.0f}/{med(name, 'global', 'kb'):<7.0f}")
    print()
    print("What the project adds to Material (gzipped at level 9):")
    totals = {(True, ".js"): 0, (True, ".css"): 0, (False, ".js"): 0}
    for name, raw, packed, every in assets:
        print(f"  {name:26} {raw:6d} B  {packed:5d} B gzipped  {'every page' if every else 'only with its tool, in site.<tool>.js'}")
        totals[(every, Path(name).suffix)] += packed
    print(f"  On every page: JavaScript {totals[(True, '.js')] / 1000:.1f} KB, CSS {totals[(True, '.css')] / 1000:.1f} KB "
          f"gzipped; one-page scripts {totals[(False, '.js')] / 1000:.1f} KB more in all")


if __name__ == "__main__":
    main()
