"""Reading YAML with line numbers, for data files and front matter alike."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import ContentError



class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader when PyYAML has it (many times faster), reading dates as text.

    Left to YAML, `2026-13-45` is an exception with no line number; as text, the schema
    check reports it properly.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str, path: str, *, first_line: int = 1) -> Any:
    """Parse YAML, reporting a syntax error with the file's own line number.

    `first_line` is the file line where `text` starts (front matter starts on line 2).
    """
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(
            path, f"not valid YAML: {problem}",
            "check the indentation, the colons after keys, and quote text that contains ': ' or '#'",
            line=line) from None


class Lines:
    """File lines of the keys and list items of a YAML document, found by path.

    A path is the keys and list indexes from the top, e.g. ("items", 2, "why"). The document is
    composed (with any tags, such as MkDocs' !ENV, left unresolved) only when a line is first
    asked for: that is, when a mistake is being reported.
    """

    def __init__(self, text: str, *, first_line: int = 1) -> None:
        self._text, self._first = text, first_line
        self._found: dict[tuple[Any, ...], int] | None = None

    def _all(self) -> dict[tuple[Any, ...], int]:
        if self._found is None:
            self._found = {}
            try:
                root = yaml.compose(self._text, Loader=_AnyTagLoader)
            except yaml.YAMLError:
                return self._found
            if root is not None:
                self._found[()] = self._first
                self._walk(root, ())
        return self._found

    def _walk(self, node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self._found[path + (key.value,)] = self._first + key.start_mark.line
                self._walk(value, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for n, item in enumerate(node.value):
                self._found[path + (n,)] = self._first + item.start_mark.line
                self._walk(item, path + (n,))

    def find(self, *path: Any) -> int | None:
        """The line of exactly this key or item, or None when the document does not have it."""
        return self._all().get(path)

    def at(self, *path: Any) -> int | None:
        """The line of this key or item, else of the nearest enclosing one that exists."""
        found = self._all()
        while path and path not in found:
            path = path[:-1]
        return found.get(path)


class _AnyTagLoader(yaml.SafeLoader):
    """Composes files that use MkDocs' tags (!ENV, !relative) without resolving them."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
