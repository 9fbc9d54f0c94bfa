"""Take the screenshot of the example office's home page used in the "Fork and rebrand" guide.

    make screenshot      # or: .venv/bin/python tests/screenshot.py

Builds example-office.yml, serves it on 127.0.0.1 and photographs the home page in headless
Chromium (the same browser tooling as the tests) into docs/assets/images/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from browser import free_port, launch, serve  # noqa: E402
from conftest import ROOT, run_build  # noqa: E402

OUT = ROOT / "docs/assets/images/example-office-home.png"


def main() -> None:
    from playwright.sync_api import sync_playwright

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        built = run_build(ROOT, Path(tmp), config_file="example-office.yml", site_url=base)
        if not built.ok:
            sys.exit(built.messages)
        with serve(built.site, port), sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1400, "height": 800}, color_scheme="light")
            page.goto(base, wait_until="networkidle")
            OUT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(OUT))
            browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
