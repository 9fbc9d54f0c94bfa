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


def key_lines(text: str, *, first_line: int = 1) -> dict[str, int]:
    """The file line of each top-level key of a YAML mapping (empty if it is not one)."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: first_line + k.start_mark.line for k, _ in node.value
            if isinstance(k, yaml.ScalarNode)}
