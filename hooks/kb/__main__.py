"""Checks the Makefile runs before MkDocs starts: `python -m kb check-config FILE`.

An overlay without `INHERIT: mkdocs.yml` is read by MkDocs as a whole config of its own: it has
none of the project's hooks, so nothing else could explain what is wrong. This says so, with the
file and the fix, and exits with 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import ContentError
from .overlay import check_config_file


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "check-config":
        print("usage: python -m kb check-config FILE", file=sys.stderr)
        return 2
    try:
        check_config_file(Path(argv[1]))
    except ContentError as exc:
        print(f"ERROR - {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
