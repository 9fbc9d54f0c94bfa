"""Content is code: the checks that keep text from files from running script on the site.

The rule, applied everywhere:

1. **Plain-text values** (titles, descriptions, statements, labels, an office's name) may hold any
   character a person types, `<`, `&` and quotes included, but no control characters. They are
   escaped where they are printed: the project's templates escape everything, and the values
   that Material's own templates print as they are reach them already escaped (`escaped()`).
2. **Markdown** (guide bodies, scenario answers, checklist items, policy text) is rendered, and the
   rendered HTML is read with an HTML5 parser (Lexbor, through selectolax), the same parsing a
   browser does. Anything that could run script, or reach out of the page, stops the build with
   the file, the line and the fix: event-handler attributes, URLs other than http(s), mailto, tel
   and relative ones, and elements outside the allowed list (`script`, `iframe`, `object`,
   `embed`, `style`, `base`, ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import markdown
from markupsafe import Markup, escape
from selectolax.lexbor import LexborHTMLParser

from .errors import ContentError

#: Elements that content may contain: what Markdown, its extensions and the project's own
#: templates produce, and the common HTML a contributor writes by hand.
ALLOWED_TAGS = frozenset("""
a abbr address article aside b bdi bdo blockquote br button caption cite code col colgroup data dd
del details dfn div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr i
img input ins kbd label legend li main mark nav ol optgroup option p picture pre q rp rt ruby s samp section select small
source span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr
svg g path circle ellipse line polyline polygon rect title desc defs symbol use
""".split())
#: Attributes that hold a URL (HTML and SVG).
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "cite", "poster",
                            "data", "background", "ping", "xlink:href", "longdesc", "usemap",
                            "manifest", "codebase", "lowsrc", "dynsrc"})
#: Schemes a URL may have; a URL without one (relative, `#id`) is always allowed.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
#: A line number, or a function that finds it: called only when there is a mistake to report.
Line = int | None | Callable[[], int | None]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Problem:
    """One unsafe thing in rendered HTML, with a word to look for in the source."""

    what: str
    fix: str
    needle: str


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in a URL attribute, lower case, or None if relative.

    Browsers drop leading and trailing spaces and control characters, and tabs and newlines
    anywhere, before they read the scheme: `" java\\tscript:"` is `javascript:`."""
    if ":" not in value:  # most links: relative paths and #anchors
        return None
    value = re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                                   "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
                                                   "\x19\x1a\x1b\x1c\x1d\x1e\x1f \x0c")
    match = _SCHEME.match(value)
    return match.group(1).lower() if match else None


def problems(html: str) -> list[Problem]:
    """Everything in `html` (a fragment of page content) that could run script or load from a
    place it should not, in document order."""
    found: list[Problem] = []
    tree = LexborHTMLParser(f"<body>{html}</body>")
    root = tree.body
    if root is None:
        return found
    nodes = root.traverse(include_text=False)
    next(nodes, None)  # the <body> that holds the fragment
    for node in nodes:
        tag = node.tag
        if tag[0] == "-":  # comments
            continue
        if tag not in ALLOWED_TAGS:
            found.append(Problem(f"the element <{tag}> is not allowed in page content",
                                 _TAG_FIX.get(tag, "remove it; content may use Markdown and plain HTML "
                                              "such as <div>, <span>, <details> or <kbd>"),
                                 f"<{tag}"))
            continue
        attributes = node.attributes
        if attributes:
            found.extend(_attribute_problems(tag, attributes))
    return found


def _attribute_problems(tag: str, attributes: dict[str, str | None]) -> list[Problem]:
    found = []
    for name, value in attributes.items():
        name = name.lower()
        value = value or ""
        if name.startswith("on"):
            found.append(Problem(f"the attribute '{name}' on <{tag}> would run script",
                                 "remove it: pages may not carry event handlers", name))
        elif name == "style":
            found.append(Problem(f"the attribute 'style' on <{tag}> is not allowed",
                                 "remove it and use a class from the site's stylesheet; inline "
                                 "styles are refused by the site's Content-Security-Policy", "style"))
        elif name in ("srcdoc", "formtarget") or name.startswith("xmlns"):
            found.append(Problem(f"the attribute '{name}' on <{tag}> is not allowed", "remove it", name))
        elif name in URL_ATTRIBUTES:
            for url in (_srcset(value) if name == "srcset" else [value]):
                scheme = url_scheme(url)
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    found.append(Problem(
                        f"the link '{_short(url)}' uses '{scheme}:', which is not allowed",
                        "link to a page of the site (a relative .md path) or to an https:// address",
                        url.strip()[: len(scheme) + 1]))
        elif name == "id" and value.startswith("__"):
            found.append(Problem(f"the id '{value}' is reserved for the theme",
                                 "choose an id that does not start with two underscores", value))
    return found


_TAG_FIX = {
    "script": "remove it: pages run only the site's own script files (see CONTRIBUTING.md)",
    "style": "remove it and use a class from the site's stylesheet",
    "iframe": "link to the page instead of embedding it",
    "object": "link to the file instead of embedding it",
    "embed": "link to the file instead of embedding it",
}


def _srcset(value: str) -> list[str]:
    return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def line_of(source: str, needle: str, first_line: int = 1) -> int | None:
    """The first line of `source` that holds `needle` (case-insensitive), counted from `first_line`."""
    if not needle:
        return None
    lowered = needle.lower()
    for number, line in enumerate(source.split("\n")):
        if lowered in line.lower():
            return first_line + number
    return None


def check_html(html: str, shown: str, *, source: Callable[[], str] | None = None,
               line: Line = None, key: str | None = None) -> None:
    """Raise ContentError for the first problem in rendered `html`. Its line is the first line
    of the Markdown `source()` (the whole file; read only when there is a problem) that holds
    the offending word, or else `line`."""
    if "<" not in html:  # text with no `<` holds no element
        return
    found = problems(html)
    if found:
        first = found[0]
        where = line_of(source(), first.needle) if source else None
        raise ContentError(shown, first.what, first.fix, line=where or (line() if callable(line) else line), key=key)


class MarkdownCheck:
    """Renders a Markdown field from a data file (a scenario's answer, a checklist item) the way
    the site renders pages, and checks the HTML, so that a mistake is reported at the data
    file's own line rather than on the page it lands on.

    The templates that place these fields escape them first (HTML in them shows as text), so
    the check renders the escaped text too: what remains to catch is Markdown's own syntax, a
    `javascript:` link or an attribute list such as `{: onfocus=... }`."""

    def __init__(self, extensions: Iterable[str], configs: dict[str, Any]) -> None:
        self._extensions = [e for e in extensions if isinstance(e, str)]
        self._configs = {k: v for k, v in configs.items() if k in self._extensions}
        self._md: markdown.Markdown | None = None

    def __call__(self, text: str, shown: str, *, line: Line = None, key: str | None = None) -> None:
        if not any(c in text for c in "<[{"):  # no HTML, no link, no attribute list
            return
        if self._md is None:
            self._md = markdown.Markdown(extensions=self._extensions, extension_configs=self._configs)
        html = self._md.reset().convert(str(escape(text)))
        check_html(html, shown, line=line, key=key)


# ---- plain text ----

def plain(value: object, shown: str, *, line: Line = None, key: str | None = None,
          what: str = "the text") -> str:
    """A plain-text value from a file, checked: text with no control characters or broken
    characters, and not blank. Returns it with its runs of white space made single. `line` may
    be a function, called only when there is a mistake to report (finding a line is not free)."""
    def fail(problem: str, fix: str) -> ContentError:
        return ContentError(shown, problem, fix, line=line() if callable(line) else line, key=key)

    if not isinstance(value, str):
        raise fail(f"{what} must be text", "write it after the colon, quoted if it holds ': ' or starts "
                   "with a special character")
    bad = _CONTROL.search(value.replace("\n", " ").replace("\t", " ").replace("\r", " "))
    if bad:
        raise fail(f"{what} holds the control character U+{ord(bad.group()):04X}",
                   "delete it (it is invisible: retype the words around it)")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # only a lone surrogate cannot be encoded
        raise fail(f"{what} holds a broken character (a lone surrogate)", "retype the text around it") from None
    text = " ".join(value.split())
    if not text:
        raise fail(f"{what} is blank", "write the text, or remove the key")
    return text


def escaped(value: object) -> Markup:
    """A plain-text value as HTML, for templates that print values as they are (Material's)."""
    return value if isinstance(value, Markup) else escape(str(value))
