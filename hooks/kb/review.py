"""Which guides are due for another check against their sources: those last reviewed more than
18 months ago (see docs/about/editorial.md). A report, never an error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import frontmatter, yamlfile
from .errors import ContentError

#: How long a review holds.
MONTHS = 18


def due_for_review(docs: Path, today: dt.date) -> list[tuple[str, dt.date]]:
    """(path, reviewed date) of every guide reviewed before `today` minus 18 months, oldest first."""
    limit = _months_before(today, MONTHS)
    found = []
    for path in sorted(docs.rglob("*.md")):
        uri = path.relative_to(docs).as_posix()
        if not frontmatter.is_guide(uri):
            continue
        try:
            meta = frontmatter.parse(yamlfile.read_text(path, uri), uri).meta
            when = dt.date.fromisoformat(str(meta.get("reviewed")))
        except (ContentError, ValueError):
            continue  # the build reports a broken date
        if when < limit:
            found.append((f"{docs.name}/{uri}", when))
    return sorted(found, key=lambda item: item[1])


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)
