"""Check snippet includes before Markdown runs, so that a missing file, a path outside the snippet
folders or a file that is not UTF-8 is reported as `page:line` with a fix, rather than as an
exception from deep inside pymdownx.snippets.

Both forms are checked: a line `--8<-- "file"`, and a block of file names between two lines
that hold only `--8<--`.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import yamlfile
from .errors import ContentError, closest

_INCLUDE = re.compile(r"""^\s*-{1,}8<-{1,}\s+(["'])(?P<name>[^"']+?)\1\s*$""")
_BLOCK = re.compile(r"^\s*-{1,}8<-{1,}\s*$")


def includes(markdown: str) -> list[tuple[int, str]]:
    """(line, file name) of every snippet include in `markdown`, single-line and block form."""
    found: list[tuple[int, str]] = []
    if "8<" not in markdown:
        return found
    in_block = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _BLOCK.match(line):
            in_block = not in_block
            continue
        match = _INCLUDE.match(line)
        if match:
            found.append((number, match.group("name")))
        elif in_block and line.strip() and not line.strip().startswith(";"):
            found.append((number, line.strip()))
    return [(number, name.split(":")[0]) for number, name in found]


def check(markdown: str, path: str, bases: list[Path], *, first_line: int = 1) -> None:
    """Raise ContentError for the first include that is outside every base, missing, or not
    UTF-8 text."""
    for number, name in includes(markdown):
        line = first_line + number - 1
        inside = [base for base in bases if _within((base / name).resolve(), base.resolve())]
        if not inside:
            raise ContentError(path, f"the snippet path '{name}' leads outside snippets/",
                               "name a file inside snippets/, as a path from that folder, e.g. "
                               "`messages/decline-offer.txt`", line=line)
        found = next((base / name for base in inside if (base / name).is_file()), None)
        if found is None:
            known = sorted(str(p.relative_to(base)) for base in bases if base.is_dir()
                           for p in base.rglob("*") if p.is_file())
            best = closest(name, known)
            fix = f"did you mean '{best}'?" if best else "add the file under snippets/ or correct the name"
            raise ContentError(path, f"snippet '{name}' does not exist in snippets/", fix, line=line)
        try:
            yamlfile.read_text(found, f"snippets/{name}")
        except ContentError as exc:
            where = f"snippets/{name}" + (f":{exc.line}" if exc.line else "")
            raise ContentError(path, f"the snippet '{name}' cannot be included: {exc.problem} ({where})",
                               exc.fix, line=line) from None


def _within(path: Path, base: Path) -> bool:
    return path == base or base in path.parents
