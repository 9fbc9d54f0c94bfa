"""Broken links and anchors, reported as `file:line: problem. Fix: how` like every other mistake.

MkDocs finds them (`validation:` in mkdocs.yml) and logs a warning that names the page but not
the line, and suggests a fix only sometimes. `LinkMessages` is a logging filter that rewrites
those warnings in place, so `--strict` still counts each one once. It needs to know, for a docs
path, the file's text and the anchors of its page; the adapter gives it that as a callable.
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .errors import closest
from .render import relative
from .safety import line_of

_MESSAGE = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?P<kind>a link to|an absolute link|"
                      r"an unrecognized relative link|a link) '(?P<url>[^']*)'(?P<rest>.*)$", re.DOTALL)
_ANCHOR = re.compile(r"does not contain an anchor '#(?P<anchor>[^']*)'|there is no such anchor")
_SUGGESTED = re.compile(r"Did you mean '(?P<url>[^']*)'\?")


class NoFraming(logging.Filter):
    """Drops MkDocs' "Error reading page 'x':" line, which it logs before a hook's error; the
    error that follows names the page, its line and the fix, so the reader gets one message."""

    name = "kb.links"
    _FRAME = re.compile(r"^Error (?:reading|building) page '[^']+':$")

    def filter(self, record: logging.LogRecord) -> bool:
        return not self._FRAME.match(record.getMessage())


@dataclass
class LinkMessages(logging.Filter):
    """Rewrites MkDocs' link warnings. `source(src)` gives a page's Markdown file text (or None),
    `anchors(src)` the ids on its rendered page, `pages()` every docs path, and `shown(src)` the
    path as a contributor sees it."""

    source: Callable[[str], str | None]
    anchors: Callable[[str], Iterable[str]]
    pages: Callable[[], Iterable[str]]
    shown: Callable[[str], str]
    name: str = field(default="kb.links")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.INFO:
            message = self.rewrite(record.getMessage())
            if message is not None:
                record.msg, record.args = message, ()
        return True

    def rewrite(self, message: str) -> str | None:
        match = _MESSAGE.match(message)
        if not match:
            return None
        src, kind, url, rest = match["src"], match["kind"], match["url"], match["rest"]
        text = self.source(src) or ""
        line = next((n for n in (line_of(text, f"]({url}"), line_of(text, f'"{url}"'),
                                 line_of(text, url)) if n), None)
        where = self.shown(src) + (f":{line}" if line else "")
        anchor = _ANCHOR.search(rest)
        if kind == "an absolute link":
            problem = f"the link '{url}' is an absolute path, which breaks when the site moves"
            fix = "write it as a relative path to the .md file, e.g. `../stages/purpose.md`"
        elif kind == "an unrecognized relative link":
            problem = f"the link '{url}' does not name a page"
            fix = "link to the .md file itself, e.g. `../stages/purpose.md`"
        elif kind == "a link to":
            problem = f"the link '{url}' goes to a page that is left out of the site"
            fix = "remove the link, or link to a page that is published"
        elif anchor:
            name = anchor["anchor"] or url.partition("#")[2]
            page, _, _ = url.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src), page)) if page else src
            problem = f"the link '{url}' points to a heading '#{name}' that {target} does not have"
            best = closest(name, sorted(self.anchors(target)))
            fix = (f"did you mean '#{best}'?" if best else
                   "link to the id of a heading on that page (its words in lower case, joined by hyphens)")
        else:
            problem = f"the link '{url}' goes to a page that does not exist"
            suggested = _SUGGESTED.search(rest)
            best = suggested["url"] if suggested else None
            if best is None:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(src), url.partition("#")[0]))
                by_name = {posixpath.splitext(p)[0]: p for p in sorted(self.pages())}
                found = closest(posixpath.splitext(target)[0], by_name)
                best = relative(src, by_name[found]) if found else None
            fix = (f"did you mean '{best}'?" if best else
                   "link to a .md file of the site, as a path from this page, e.g. `../stages/purpose.md`")
        return f"{where}: {problem}. Fix: {fix}"
