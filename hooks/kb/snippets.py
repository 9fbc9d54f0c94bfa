"""Check snippet includes (`--8<-- "file"`) before Markdown runs, so that a missing file
is reported as `page:line` with a fix rather than as an exception from deep inside."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ContentError, closest

_INCLUDE = re.compile(r"""^\s*-{1,}8<-{1,}\s+(["'])(?P<name>[^"']+?)\1\s*$""")


def includes(markdown: str) -> list[tuple[int, str]]:
    """(line, file name) of every single-line snippet include in `markdown`."""
    found: list[tuple[int, str]] = []
    if "8<" not in markdown:
        return found
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = _INCLUDE.match(line)
        if match:
            found.append((number, match.group("name").split(":")[0]))
    return found


def check(markdown: str, path: str, bases: list[Path], *, first_line: int = 1) -> None:
    """Raise ContentError for the first include whose file is in none of `bases`."""
    for number, name in includes(markdown):
        if any((base / name).is_file() for base in bases):
            continue
        known = sorted(str(p.relative_to(base)) for base in bases if base.is_dir()
                       for p in base.rglob("*") if p.is_file())
        best = closest(name, known)
        fix = f"did you mean '{best}'?" if best else "add the file under snippets/ or correct the name"
        raise ContentError(path, f"snippet '{name}' does not exist in snippets/", fix,
                           line=first_line + number - 1)
