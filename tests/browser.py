"""Helpers for the browser tests: find Chromium, serve a built site, run axe-core."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


#: Debian's packages of Chromium, lightest first. The headless shell (chromium-headless-shell) is
#: the build Playwright itself runs for headless tests: it has no browser window to set up, so a
#: new page costs less than half the CPU of the full browser's, which makes the suite about a
#: third faster. The full browser serves when the shell is missing.
SHELLS = ("chromium-headless-shell",)
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path(*, full: bool = False) -> str | None:
    """The system Chromium if present (with `full`, a full browser rather than the headless
    shell), else None so that Playwright uses a browser it installed itself (`playwright install
    chromium`). The CHROMIUM environment variable names one binary for every use."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in BROWSERS if full else SHELLS + BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def launch(playwright):
    try:
        return playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                          args=CHROMIUM_ARGS)
    except Exception as exc:  # pragma: no cover - depends on the machine
        raise RuntimeError(
            "No Chromium for the browser tests. Install Debian's packages "
            "(sudo apt-get install chromium chromium-headless-shell), or run "
            "`.venv/bin/playwright install chromium`, or set CHROMIUM to a Chromium binary. "
            f"Playwright said: {exc}") from None


def launch_blocking_storage(playwright, profile: Path):
    """A persistent Chromium context whose profile blocks cookies and site data for every site
    (the setting "Don't allow sites to save data"): storage access throws SecurityError. It runs
    the full browser: the headless shell does not read a profile's content settings."""
    import json

    (profile / "Default").mkdir(parents=True, exist_ok=True)
    (profile / "Default" / "Preferences").write_text(json.dumps(
        {"profile": {"default_content_setting_values": {"cookies": 2}}}), encoding="utf-8")
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(full=True), headless=True, args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    headers_to_send: dict[str, str] = {}

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


@contextmanager
def serve(directory: Path, port: int, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1:`port` in a thread, sending `headers` with every
    response; yields the base URL."""
    handler = functools.partial(type("Handler", (_Quiet,), {"headers_to_send": dict(headers or {})}),
                                directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


@functools.cache
def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def open_watched(browser, url: str, *, search_index: bool = False, **context):
    """A new page in a context of its own (`context`: Playwright's options), loaded from `url`,
    whose script errors and console errors collect in `page.errors`. Without `search_index`,
    the context gets an empty search index (see `without_search_index`)."""
    context_ = browser.new_context(**context)
    if not search_index:
        without_search_index(context_)
    page = context_.new_page()
    page.errors = watch_errors(page)
    page.goto(url, wait_until="load")
    return page


def watch_errors(page) -> list[str]:
    """The page's script errors and console errors, as they happen."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    return errors


def without_search_index(context) -> None:
    """Serve an empty search index to `context`. Every new browser context builds the site's
    whole search index in a worker, which costs CPU that tests of other things do not need;
    the search itself is tested with the real index (test_browser.py)."""
    def empty(route) -> None:
        try:
            index = route.fetch().json()
            index["docs"] = []  # the site's own search settings, and no pages
            route.fulfill(status=200, json=index)
        except Exception:  # noqa: BLE001 - the test closed its page while the index was loading
            pass

    context.route("**/search/search_index.json", empty)


#: The parts of a page that come from the theme's templates, the same on every page of a section.
CHROME = [[".md-sidebar--primary"], [".md-header"], [".md-footer"], [".md-search"]]


#: The axe-core rules whose outcome depends on colours: all that can change between the light
#: and the dark scheme, which swap colours and nothing else.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, *, chrome: bool = True, scheme: str = "light") -> list[str]:
    """Run every axe-core rule on the page; one line per violation with its nodes. In the dark
    `scheme`, only the colour rules: every other rule has the same outcome in both schemes. With
    `chrome=False`, the header, navigation, search and footer are left out (for pages whose
    section was already checked whole: they are the same templates with other words).

    Waits for CSS transitions to end first: colours measured mid-fade are not the page's."""
    page.wait_for_function("""() => document.getAnimations().every(a => a.playState !== 'running'
        || !isFinite(a.effect.getComputedTiming().endTime))""", timeout=5000)
    if not page.evaluate("typeof window.axe !== 'undefined'"):  # kept across instant navigation
        page.evaluate(axe_source())
    options = {"resultTypes": ["violations"], **({"runOnly": COLOUR_RULES} if scheme == "dark" else {})}
    result = page.evaluate("([whole, chrome, options]) => axe.run(whole ? document : {exclude: chrome}, "
                           "options)", [chrome, CHROME, options])
    lines = []
    for v in result["violations"]:
        targets = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return lines


def instant(page, url: str) -> None:
    """Go to `url` by Material's instant navigation (a click on a link to it), and wait until
    the new page is in place."""
    page.evaluate("""u => new Promise(done => {
        const link = Object.assign(document.createElement('a'), {href: u, textContent: 'next'});
        document.body.appendChild(link);
        let first = true;  // document$ repeats the current page to a new subscriber
        const sub = document$.subscribe(() => { if (first) { first = false; } else { sub.unsubscribe(); done(); } });
        link.click();
        link.remove();
    })""", url)
    assert page.url == url, (page.url, url)
