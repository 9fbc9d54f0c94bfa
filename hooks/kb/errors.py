"""One error type for every contributor mistake the build can catch."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ContentError(Exception):
    """A mistake in the site's content, reported as `file:line: problem. Fix: how`.

    The adapters turn it into MkDocs' PluginError, which stops the build with this one
    message and no traceback.
    """

    def __init__(self, path: str, problem: str, fix: str, *, line: int | None = None,
                 key: str | None = None) -> None:
        self.path, self.problem, self.fix, self.line, self.key = path, problem, fix, line, key
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        key = f" [{self.key}]" if self.key else ""
        return f"{where}{key}: {self.problem}. Fix: {self.fix}"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The known id or key most like `word`, if any is close enough to suggest."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str], what: str) -> str:
    """A fix sentence that suggests the closest choice, or lists them all."""
    choices = list(choices)
    best = closest(word, choices)
    if best:
        return f"did you mean '{best}'?"
    return f"use one of the known {what}: {', '.join(choices)}"
