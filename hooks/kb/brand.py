"""The brand: what a career office sets in its overlay under `extra.brand`, and its checks.

An overlay is a config file beside mkdocs.yml that starts with `INHERIT: mkdocs.yml`. MkDocs
merges mappings key by key (lists are replaced whole), so every brand setting is a mapping.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from . import safety, yamlfile
from .errors import ContentError, did_you_mean

#: Every brand key, with what it holds. Nested mappings list their own keys.
KEYS: dict[str, Any] = {
    "office": str,
    "logo": str,
    "favicon": str,
    "colors": {"light": {"primary": str, "accent": str}, "dark": {"primary": str, "accent": str}},
    "booking": {"label": str, "url": str, "text": str},
    "contact": {"email": str, "phone": str, "address": str},
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

def chain(config_file: Path, root: Path) -> list[tuple[str, str]]:
    """The config files that make the config, overlay first, as (shown path, text), following
    each file's INHERIT."""
    found: list[tuple[str, str]] = []
    path = config_file.resolve()
    for _ in range(10):
        shown = _shown(path, root)
        if not path.is_file():
            break
        text = yamlfile.read_text(path, shown, limit=None)
        found.append((shown, text))
        parent = _inherit(text)
        if not parent:
            break
        path = (path.parent / parent).resolve()
    return found


def origin(config_file: Path, dotted: str, root: Path) -> tuple[str, int | None]:
    """The file (shown from the repository root) and line that set `dotted` (extra.brand.x).

    Follows the INHERIT chain from the overlay up, and names the first file that sets it.
    """
    files = chain(config_file, root)
    for shown, text in files:
        line = yamlfile.Lines(text).find(*dotted.split("."))
        if line is not None:
            return shown, line
    return (files[0][0] if files else str(config_file)), None


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

    _check_values(brand, "extra.brand", fail, root)
    booking = brand.get("booking") or {}
    if booking.get("url") and not booking.get("label"):
        raise fail("extra.brand.booking", "the booking link has no label",
                   "add `label:`, e.g. `label: Book a careers appointment`")

    colors = brand.get("colors") or {}
    for scheme, backgrounds in (("light", ((LIGHT_BG, "the page background and header text", "darker"),)),
                                ("dark", ((DARK_BG, "the page background", "lighter"),
                                          (DARK_ON_PRIMARY, "the header text", "lighter")))):
        for role in ("primary", "accent"):
            dotted = f"extra.brand.colors.{scheme}.{role}"
            value = (colors.get(scheme) or {}).get(role)
            if value is None:
                shown, line = origin(config_file, dotted, root)
                raw = _line_text(config_file, root, shown, line)
                if "#" in raw.partition(":")[2]:
                    raise fail(dotted, f"the {role} colour of the {scheme} scheme is empty: YAML reads an "
                               "unquoted # as the start of a comment",
                               f'put the colour in quotes, e.g. `{role}: "#1b4f8a"`')
                raise fail(dotted, f"the {scheme} scheme has no {role} colour",
                           f'add `{role}:` under `colors: {scheme}:` as "#rrggbb", in quotes')
            if not _HEX.match(str(value)):
                raise fail(dotted, f"'{value}' is not a colour in the form #rrggbb", "write it like #1b4f8a")
            for background, what, direction in backgrounds:
                ratio = contrast(value, background)
                if ratio < AA:
                    raise fail(dotted, f"{value} has a contrast of {ratio:.2f}:1 with {what} ({background}) "
                               f"in the {scheme} scheme; WCAG AA needs {AA}:1",
                               f"choose a {direction} {role} colour")
    return brand


#: What kind of value each brand setting holds, for the checks in `_check_values`.
KINDS: dict[str, str] = {
    "office": "text", "logo": "image", "favicon": "image",
    "booking.label": "text", "booking.url": "url", "booking.text": "text",
    "contact.email": "email", "contact.phone": "phone", "contact.address": "text",
    "policy.title": "text", "policy.text": "paragraphs",
    "accessibility.email": "email", "accessibility.url": "url",
}
URL_SCHEMES = ("https", "mailto", "tel")
IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{4,22}[0-9]$")


def check_url(value: str) -> str | None:
    """Why `value` is not a link a brand may use, or None: https, mailto and tel only."""
    parsed = urlparse(value)
    if value != value.strip() or any(c in value for c in "\"'<> \t\n"):
        return "holds spaces, quotes or angle brackets"
    if parsed.scheme not in URL_SCHEMES:
        return f"is not an {', '.join(URL_SCHEMES[:-1])} or {URL_SCHEMES[-1]} address"
    if parsed.scheme == "https" and not parsed.netloc:
        return "has no host name"
    if parsed.scheme == "mailto" and not _EMAIL.match(parsed.path):
        return "is not a valid e-mail address"
    if parsed.scheme == "tel" and not _PHONE.match(parsed.path):
        return "is not a valid phone number"
    return None


def _check_values(brand: dict, where: str, fail, root: Path) -> None:
    """Each setting of the kind `KINDS` gives it: plain text, an https/mailto/tel link, an e-mail
    address, a phone number, or an image file inside the repository."""
    for dotted, kind in KINDS.items():
        section, _, key = dotted.rpartition(".")
        holder = (brand.get(section) or {}) if section else brand
        value = holder.get(key)
        if value is None or value == "":
            continue
        full = f"{where}.{dotted}"
        if kind in ("text", "paragraphs"):
            checked = _plain(value, full, fail, f"`{full}`")
            holder[key] = checked if kind == "text" else value.strip()
        elif kind == "url":
            problem = check_url(value)
            if problem:
                raise fail(full, f"the link '{value}' {problem}",
                           "give the full address, starting with https:// (or mailto: or tel:)")
        elif kind == "email" and not _EMAIL.match(value):
            raise fail(full, f"'{value}' is not a valid e-mail address", "write it like careers@university.example")
        elif kind == "phone" and not _PHONE.match(value):
            raise fail(full, f"'{value}' is not a phone number",
                       "write digits, spaces and an optional leading +, e.g. +44 20 7946 0000")
        elif kind == "image":
            path = (root / value).resolve()
            if not (path == root.resolve() or root.resolve() in path.parents):
                raise fail(full, f"the {key} '{value}' is outside the repository",
                           f"put the image in brand/ and give its path from the repository root, "
                           f"e.g. `brand/my-office/{key}.svg`")
            if path.suffix.lower() not in IMAGE_TYPES:
                raise fail(full, f"the {key} '{value}' is not an image file",
                           "use an image: " + ", ".join(IMAGE_TYPES))
            if not path.is_file():
                raise fail(full, f"the {key} file '{value}' does not exist",
                           f"give a path from the repository root to an image file, e.g. `brand/my-office/{key}.svg`")
    links = (brand.get("footer") or {}).get("links") or {}
    for label, link in links.items():
        full = f"{where}.footer.links.{label}"
        _plain(str(label), full, fail, "a footer link's label")
        problem = check_url(link) if isinstance(link, str) else "is not text"
        if problem:
            raise fail(full, f"the footer link '{label}' {problem}", "write it as `Label: https://...`")


def _plain(value: object, dotted: str, fail, what: str) -> str:
    """`safety.plain`, with a mistake reported where the overlay (or what it inherits) sets it."""
    try:
        return safety.plain(value, "", key=dotted, what=what)
    except ContentError as exc:
        raise fail(dotted, exc.problem, exc.fix) from None


def _line_text(config_file: Path, root: Path, shown: str, line: int | None) -> str:
    """The text of one line of a config file in the INHERIT chain."""
    for name, text in chain(config_file, root):
        if name == shown and line:
            lines = text.split("\n")
            return lines[line - 1] if line <= len(lines) else ""
    return ""


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
        elif value is not None and not isinstance(value, str):
            raise fail(dotted, f"'{dotted}' must be text", "write it as `key: text`, quoted if it holds ': '")
