"""The site's own scripts, as pages load them. Every page runs `site.js`; a page that shows a tool
(a checklist, the message builder or its letters, the finder, the decision aid) also needs that
tool's script. Such a page gets both in one file, `site.<tool>.js`, since each script file costs
a phone a request and the browser an extra pass over the page before it is ready (measured by
tests/bench_lighthouse.py). `for_page` chooses the files for each page (the theme calls it from
overrides/partials/page-scripts.html); site.js loads a tool's own file when instant navigation
brings a page that needs it, from its ONE_PAGE list, which names the same tools by their markup.
"""

from __future__ import annotations

SITE = "site.js"
#: The markup that shows each tool, as it starts in a page's HTML, and the tool's script, in
#: docs/assets/js/. Each script sets itself up through Material's `document$`, so it works
#: wherever it is loaded: alone, or at the end of its bundle.
MARKERS = (('class="tti-checklist', "checklist.js"), ('class="tti-builder', "builder.js"),
           ('class="tti-letter', "builder.js"), ('class="tti-finder', "finder.js"),
           ('class="tti-decide', "decide.js"))
TOOLS = tuple(dict.fromkeys(tool for _, tool in MARKERS))


def for_page(content: str | None) -> list[str]:
    """The project's script files for a page whose HTML is `content`: `site.js`, or, on a page
    that shows a tool, `site.<tool>.js`, then the script of any second tool on its own."""
    wanted = list(dict.fromkeys(tool for marker, tool in MARKERS if marker in (content or "")))
    return [bundle_name(wanted[0]) if wanted else SITE, *wanted[1:]]


def bundle_name(tool: str) -> str:
    """`builder.js` -> `site.builder.js`: site.js and the tool's script, in that order."""
    return f"site.{tool}"


def bundle(site_js: str, tool_js: str) -> str:
    """The two scripts as one. Each is a complete statement list (the `;` guards a file that ends
    without one), and each keeps its own scope, so neither sees the other's names."""
    return f"{site_js.rstrip()}\n;\n{tool_js.lstrip()}"
