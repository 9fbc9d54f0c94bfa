"""Long generated lists (a hub's guides, a section's guides) as HTML from a template, placed
into a page without going through Markdown's inline processing, which is slow on long lists.

A hook renders the HTML, calls `Fragments.add()` and puts the returned marker in the page's
Markdown. `FragmentsExtension` swaps each marker paragraph for the parsed HTML before MkDocs
checks the page's links, so the fragment's relative `.md` links are validated and rewritten like
any link a contributor writes. Plain Python-Markdown; nothing here imports MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

#: Marker text: private-use characters that Markdown leaves alone and no page contains.
_OPEN, _CLOSE = "\ue000kb-fragment:", "\ue001"
_MARKER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


class Fragments:
    """The HTML fragments of one build, by number."""

    def __init__(self) -> None:
        self._html: list[str] = []

    def clear(self) -> None:
        self._html.clear()

    def add(self, html: str) -> str:
        """Keep `html` (well-formed XHTML) and return the Markdown block that stands for it."""
        self._html.append(html)
        return f"\n\n{_OPEN}{len(self._html) - 1}{_CLOSE}\n\n"

    def inline(self, markdown: str) -> str:
        """`markdown` with each marker replaced by its HTML as a raw block: what a person would
        write by hand, though MkDocs does not check links in raw HTML (see tests/bench.py)."""
        return _MARKER.sub(lambda m: self._html[int(m.group(1))], markdown)

    def elements(self, marker: str) -> list[etree.Element] | None:
        """The parsed fragment a marker paragraph's text stands for, or None if it is not one."""
        if not (marker.startswith(_OPEN) and marker.endswith(_CLOSE)):
            return None
        number = marker[len(_OPEN):-len(_CLOSE)]
        if not number.isdigit() or int(number) >= len(self._html):
            return None
        return list(etree.fromstring(f"<div>{self._html[int(number)]}</div>"))


class _Insert(Treeprocessor):
    def __init__(self, md: Markdown, fragments: Fragments) -> None:
        super().__init__(md)
        self.fragments = fragments

    def run(self, root: etree.Element) -> None:
        markers = [p for p in root.iter("p") if p.text and p.text.startswith(_OPEN) and not len(p)]
        if not markers:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        for paragraph in markers:
            elements = self.fragments.elements(paragraph.text)
            if elements is None:
                continue
            parent = parents[paragraph]
            at = list(parent).index(paragraph)
            parent.remove(paragraph)
            if elements:
                elements[-1].tail = paragraph.tail
            for offset, element in enumerate(elements):
                parent.insert(at + offset, element)


class FragmentsExtension(Extension):
    """Puts fragments in place after the inline patterns and before link checks, anchors and the
    table of contents (Markdown's `prettify` runs at 10; `attr_list` 8, `toc` 5, MkDocs' links 0)."""

    def __init__(self, fragments: Fragments) -> None:
        super().__init__()
        self.fragments = fragments

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Insert(md, self.fragments), "kb_fragments", 9)
