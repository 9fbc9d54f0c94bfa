"""The brand: what a career office sets in its overlay under `extra.brand`, and its checks.

An overlay is a config file beside mkdocs.yml that starts with `INHERIT: mkdocs.yml`. MkDocs
merges mappings key by key (lists are replaced whole), so every brand setting is a mapping.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from . import yamlfile
from .errors import ContentError, did_you_mean

#: Every brand key, with what it holds. Nested mappings list their own keys.
KEYS: dict[str, Any] = {
    "office": str,
    "logo": str,
    "favicon": str,
    "colors": {"light": {"primary": str, "accent": str}, "dark": {"primary": str, "accent": str}},
    "booking": {"label": str, "url": str, "text": str},
    "contact": {"email": str, "address": str},
    "policy": {"title": str, "text": str},
    "accessibility": {"email": str, "url": str},
    "footer": {"links": dict},
}

#: The backgrounds and text colours the brand colours meet (Material's, as set in main.html).
LIGHT_BG = "#ffffff"  # page background; also the header's text on the primary colour
DARK_BG = "#1e2029"  # Material's slate background
DARK_ON_PRIMARY = "#0b1620"  # header text on the primary colour in the dark scheme
AA = 4.5
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


# ---- WCAG 2 contrast ----

def luminance(color: str) -> float:
    """Relative luminance of a #rrggbb colour, by the WCAG 2 formula."""
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# ---- where a key is set: the overlay, or a file it inherits from ----

def origin(config_file: Path, dotted: str, root: Path) -> tuple[str, int | None]:
    """The file (shown from the repository root) and line that set `dotted` (extra.brand.x).

    Follows the INHERIT chain from the overlay up, and names the first file that sets it.
    """
    path = config_file.resolve()
    first = None
    for _ in range(10):
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        shown = _shown(path, root)
        first = first or shown
        line = yamlfile.Lines(text).find(*dotted.split("."))
        if line is not None:
            return shown, line
        parent = _inherit(text)
        if not parent:
            break
        path = (path.parent / parent).resolve()
    return first or str(config_file), None


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _inherit(text: str) -> str | None:
    match = re.search(r"^INHERIT:\s*['\"]?([^'\"\n#]+?)['\"]?\s*$", text, re.MULTILINE)
    return match.group(1) if match else None


# ---- validation ----

def validate(brand: Any, *, config_file: Path, root: Path) -> dict[str, Any]:
    """Check `extra.brand`; return it with every key present (empty where unset)."""

    def fail(dotted: str, problem: str, fix: str) -> ContentError:
        shown, line = origin(config_file, dotted, root)
        return ContentError(shown, problem, fix, line=line, key=dotted)

    if brand is None:
        brand = {}
    if not isinstance(brand, dict):
        raise fail("extra.brand", "`extra.brand` must be a mapping of settings",
                   "indent the brand settings under `brand:`, one `key: value` per line")
    _check_keys(brand, KEYS, "extra.brand", fail)

    booking = brand.get("booking") or {}
    url = booking.get("url")
    if url:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise fail("extra.brand.booking.url", f"the booking URL '{url}' is not an http(s) address",
                       "give the full address of the booking page, starting with https://")
    if url and not booking.get("label"):
        raise fail("extra.brand.booking", "the booking link has no label",
                   "add `label:`, e.g. `label: Book a careers appointment`")

    for key in ("logo", "favicon"):
        value = brand.get(key)
        if value and not (root / value).is_file():
            raise fail(f"extra.brand.{key}", f"the {key} file '{value}' does not exist",
                       f"give a path from the repository root to an image file, e.g. `brand/my-office/{key}.svg`")

    colors = brand.get("colors") or {}
    for scheme, backgrounds in (("light", ((LIGHT_BG, "the page background and header text", "darker"),)),
                                ("dark", ((DARK_BG, "the page background", "lighter"),
                                          (DARK_ON_PRIMARY, "the header text", "lighter")))):
        for role in ("primary", "accent"):
            dotted = f"extra.brand.colors.{scheme}.{role}"
            value = (colors.get(scheme) or {}).get(role)
            if value is None:
                raise fail(dotted, f"the {scheme} scheme has no {role} colour",
                           f"add `{role}:` under `colors: {scheme}:` as #rrggbb")
            if not _HEX.match(str(value)):
                raise fail(dotted, f"'{value}' is not a colour in the form #rrggbb", "write it like #1b4f8a")
            for background, what, direction in backgrounds:
                ratio = contrast(value, background)
                if ratio < AA:
                    raise fail(dotted, f"{value} has a contrast of {ratio:.2f}:1 with {what} ({background}) "
                               f"in the {scheme} scheme; WCAG AA needs {AA}:1",
                               f"choose a {direction} {role} colour")
    return brand


def _check_keys(values: dict, spec: dict, where: str, fail) -> None:
    for key, value in values.items():
        dotted = f"{where}.{key}"
        if key not in spec:
            raise fail(dotted, f"unknown brand key '{dotted}'", did_you_mean(str(key), spec, "keys"))
        want = spec[key]
        if isinstance(want, dict):
            if value is None:
                continue
            if not isinstance(value, dict):
                raise fail(dotted, f"'{dotted}' must be a mapping of settings, not a list or text",
                           f"indent its settings under `{key}:` as `name: value` lines")
            _check_keys(value, want, dotted, fail)
        elif want is dict:
            if not isinstance(value, dict):
                raise fail(dotted, f"'{dotted}' must be a mapping of `label: address` lines",
                           "write each link as `Label: https://...`")
            for label, link in value.items():
                if not isinstance(link, str) or urlparse(link).scheme not in ("http", "https", "mailto"):
                    raise fail(f"{dotted}.{label}", f"the link '{label}' has no http(s) or mailto address",
                               "write it as `Label: https://...`")
        elif value is not None and not isinstance(value, str):
            raise fail(dotted, f"'{dotted}' must be text", "write it as `key: text`, quoted if it holds ': '")
