"""Reading the project's text files and YAML, with line numbers, for data files, front matter,
snippets and config files alike. Every read goes through `read_text`, so that a file that is not
UTF-8, or is far too large, is reported with its name and line instead of a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

#: The largest Markdown or data file the site takes. The longest guide is about 6 KB; a page
#: many times this size loads slowly on a phone, and the Markdown linter takes minutes on it.
MAX_BYTES = 100_000


def read_text(path: Path, shown: str, *, limit: int | None = MAX_BYTES) -> str:
    """A file's text. Raises ContentError for a file that is not UTF-8 (with the line of the
    first bad byte) or is larger than `limit` bytes. A byte-order mark is dropped, and Windows
    line ends become plain ones."""
    data = path.read_bytes()
    if limit is not None and len(data) > limit:
        raise ContentError(shown, f"the file is {len(data) / 1000:,.0f} KB; the limit is {limit // 1000} KB",
                           "split it into several shorter pages (a guide is usually under 10 KB)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        newline = b"\n"
        line = data.count(newline, 0, exc.start) + 1
        column = exc.start - data.rfind(newline, 0, exc.start)
        raise ContentError(shown, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} "
                           f"at column {column})",
                           "save the file as UTF-8 in your editor, and retype any character on this "
                           "line that looks wrong", line=line) from None
    return text.lstrip("\ufeff").replace("\r\n", "\n")


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping names the same key twice; YAML itself would keep only the last value."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader when PyYAML has it (many times faster), reading dates as text,
    and refusing a key that a mapping already has.

    Left to YAML, `2026-13-45` is an exception with no line number; as text, the schema
    check reports it properly.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        _check_duplicates(node)
        return super().construct_mapping(node, deep=deep)


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
    except DuplicateKeyError as exc:
        raise ContentError(path, exc.problem, "remove one of the two, or merge them: YAML keeps only "
                           f"the last one (the first is on line {first_line + exc.context_mark.line})",
                           line=first_line + exc.problem_mark.line) from None
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


def _check_duplicates(node: Any) -> None:
    """Raise DuplicateKeyError at the second of two equal keys of a mapping node."""
    seen: dict[Any, Any] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        if key.value in seen:
            raise DuplicateKeyError(context="the first is here", context_mark=seen[key.value],
                                    problem=f"the key '{key.value}' is given twice in the same place",
                                    problem_mark=key.start_mark)
        seen[key.value] = key.start_mark


def check_config(text: str, shown: str) -> None:
    """A config file (mkdocs.yml, an overlay) read by MkDocs' own loader, which keeps only the last
    of two equal keys: compose it (its tags left alone) and report a key given twice."""
    try:
        root = yaml.compose(text, Loader=_AnyTagLoader)
    except yaml.YAMLError:
        return  # MkDocs reports the syntax error itself
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            try:
                _check_duplicates(node)
            except DuplicateKeyError as exc:
                raise ContentError(shown, exc.problem, "remove one of the two, or merge them: MkDocs "
                                   f"keeps only the last one (the first is on line {exc.context_mark.line + 1})",
                                   line=exc.problem_mark.line + 1) from None
            stack.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


class _AnyTagLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Composes files that use MkDocs' tags (!ENV, !relative) without resolving them (libyaml's
    composer when PyYAML has it: twenty times quicker)."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
