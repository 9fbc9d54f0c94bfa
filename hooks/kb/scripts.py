"""The site's own scripts, as pages load them. Every page runs `site.js`; a page that shows a tool
(a checklist, the message builder or its letters, the finder, the decision aid) also needs that
tool's script. Such a page gets both in one file, `site.<tool>.js`, since each script file costs
a phone a request and the browser an extra pass over the page before it is ready (measured by
tests/bench_lighthouse.py). overrides/partials/page-scripts.html chooses the file for each page;
site.js loads a tool's own file when instant navigation brings a page that needs it.
"""

from __future__ import annotations

#: The tools' scripts, in docs/assets/js/. Each one sets itself up through Material's
#: `document$`, so it works wherever it is loaded: alone, or at the end of its bundle.
TOOLS = ("checklist.js", "builder.js", "finder.js", "decide.js")
SITE = "site.js"


def bundle_name(tool: str) -> str:
    """`builder.js` -> `site.builder.js`: site.js and the tool's script, in that order."""
    return f"site.{tool}"


def bundle(site_js: str, tool_js: str) -> str:
    """The two scripts as one. Each is a complete statement list (the `;` guards a file that ends
    without one), and each keeps its own scope, so neither sees the other's names."""
    return f"{site_js.rstrip()}\n;\n{tool_js.lstrip()}"
