"""Checks the Makefile runs around MkDocs:

- `python -m kb check-config FILE`: an overlay without `INHERIT: mkdocs.yml` is read by MkDocs
  as a whole config of its own, without the project's hooks, so nothing else could explain what
  is wrong. This says so, with the file and the fix, and exits with 1.
- `python -m kb due-for-review DOCS`: lists the guides whose `reviewed:` date is more than 18
  months old. The passing of time alone never fails a build: it always exits with 0.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .errors import ContentError
from .overlay import check_config_file
from .review import due_for_review


def main(argv: list[str], today: dt.date | None = None) -> int:
    if len(argv) == 2 and argv[0] == "check-config":
        try:
            check_config_file(Path(argv[1]))
        except ContentError as exc:
            print(f"ERROR - {exc}", file=sys.stderr)
            return 1
        return 0
    if len(argv) == 2 and argv[0] == "due-for-review":
        due = due_for_review(Path(argv[1]), today or dt.date.today())
        if not due:
            print("Due for review: none (every guide was checked in the last 18 months).")
        else:
            print(f"Due for review ({len(due)}): checked more than 18 months ago. Check each against its "
                  "sources, then set `reviewed:` to the day you did.")
            for path, when in due:
                print(f"  {path} (reviewed {when.isoformat()})")
        return 0
    print("usage: python -m kb check-config FILE | due-for-review DOCS_DIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
