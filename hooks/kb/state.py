"""Per-build data shared by the hook files.

Module globals survive `mkdocs serve` rebuilds, so the first `on_config` of each build calls
`reset()`. Everything here is plain data; nothing imports MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .fragments import Fragments
from .frontmatter import FrontMatter

#: The config file's folder, docs folder and snippet folders of the current build.
root: Path = Path(".")
docs: Path = Path("docs")
snippet_bases: list[Path] = []
_docs_shown = "docs"
#: Citable sources by id.
sources: dict[str, dict[str, Any]] = {}
#: Validated front matter of every page read from disk, by docs path (why/practice.md).
metas: dict[str, FrontMatter] = {}
#: Guides of each folder (why, why/part-1, ...) in navigation order.
sections: dict[str, list[Any]] = {}
#: Generated HTML lists waiting to be put into their pages (see kb.fragments).
fragments = Fragments()
#: Anything else a hook file needs to keep for the build, by hook.
extra: dict[str, Any] = {}


def reset(config_dir: Path, docs_dir: Path) -> None:
    global root, docs, _docs_shown
    root, docs = config_dir, docs_dir
    try:
        _docs_shown = docs.relative_to(root).as_posix()
    except ValueError:
        _docs_shown = docs.as_posix()
    snippet_bases.clear()
    sources.clear()
    metas.clear()
    sections.clear()
    fragments.clear()
    extra.clear()


def shown(path: str) -> str:
    """A docs path as a contributor sees it from the repository root (docs/why/x.md)."""
    return f"{_docs_shown}/{path}"
