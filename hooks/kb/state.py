"""Per-build data shared by the hook files.

Module globals survive `mkdocs serve` rebuilds, so the first `on_config` of each build calls
`reset()`. Everything here is plain data; nothing imports MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .frontmatter import FrontMatter

#: The config file's folder, docs folder and snippet folders of the current build.
root: Path = Path(".")
docs: Path = Path("docs")
snippet_bases: list[Path] = []
#: Citable sources by id.
sources: dict[str, dict[str, Any]] = {}
#: Validated front matter of every page read from disk, by docs path (why/practice.md).
metas: dict[str, FrontMatter] = {}
#: Guides of each folder (why, why/part-1, ...) in navigation order.
sections: dict[str, list[Any]] = {}
#: Anything else a hook file needs to keep for the build, by hook.
extra: dict[str, Any] = {}


def reset(config_dir: Path, docs_dir: Path) -> None:
    global root, docs
    root, docs = config_dir, docs_dir
    snippet_bases.clear()
    sources.clear()
    metas.clear()
    sections.clear()
    extra.clear()


def shown(path: str) -> str:
    """A docs path as a contributor sees it from the repository root (docs/why/x.md)."""
    full = docs / path
    try:
        return str(full.relative_to(root))
    except ValueError:
        return str(full)
