"""The project's scripts and stylesheets as a reader's browser gets them: without comments and
spare white space (rjsmin and rcssmin). The files in docs/assets/ keep their comments for
contributors; the site ships the short form, which takes 40 % or more off the render-blocking
files a phone waits for before its first paint (site.css and head.js, gzipped; printed by
tests/bench_lighthouse.py).
A comment that opens with `/*!` (a licence or credit) is kept.
"""

from __future__ import annotations

import rcssmin
import rjsmin


def js(text: str) -> str:
    """A script without comments and spare white space; `/*!` comments stay."""
    return rjsmin.jsmin(text, keep_bang_comments=True).strip() + "\n"


def css(text: str) -> str:
    """A stylesheet without comments and spare white space; `/*!` comments stay."""
    return rcssmin.cssmin(text, keep_bang_comments=True).strip() + "\n"
