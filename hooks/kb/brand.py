"""The brand: what a career office sets in its overlay under `extra.brand`, and its checks.

An overlay is a config file beside mkdocs.yml that starts with `INHERIT: mkdocs.yml`. MkDocs
merges mappings key by key (lists are replaced whole), so every brand setting is a mapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import markdown
from markupsafe import Markup, escape

from . import minify, safety, yamlfile
from .errors import ContentError, did_you_mean

#: Every brand key, with what it holds. Nested mappings list their own keys; `dict` is a
#: mapping of names the office chooses (footer links, policies, guides to hide).
KEYS: dict[str, Any] = {
    "office": str,
    "logo": str,
    "favicon": str,
    "colors": {"light": {"primary": str, "accent": str}, "dark": {"primary": str, "accent": str}},
    "booking": {"label": str, "url": str, "text": str},
    "contact": {"email": str, "phone": str, "address": str},
    "policy": {"title": str, "text": str},
    "policies": dict,
    "accessibility": {"email": str, "url": str},
    "footer": {"links": dict},
    "home": {"title": str, "text": str},
    "announcement": str,
    "pages": {"folder": str, "section": str},
    "hide": dict,
    "privacy": {"url": str},
    "contributor_links": bool,
    "suggest": (str, bool),
}
POLICY_KEYS = ("title", "text", "pages", "scenarios")
#: Where the single `policy:` setting (the first form of a policy) is shown.
POLICY_PAGES = ("declining/",)
#: The docs folder an office's own pages are published under.
OFFICE_DIR = "office"

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


def text_shade(color: str, background: str, ratio: float = AA) -> str:
    """`color` moved towards black or white (whichever the background is not) just far enough
    to reach `ratio` against `background`: a shade of the brand colour that text may use."""
    target = (0, 0, 0) if luminance(background) > 0.18 else (255, 255, 255)
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(101):
        mixed = "#" + "".join(f"{round(c + (t - c) * step / 100):02x}" for c, t in zip(rgb, target))
        if contrast(mixed, background) >= ratio:
            return mixed
    return "#000000" if target == (0, 0, 0) else "#ffffff"


def on_color(fill: str) -> str:
    """Black or white, whichever reads better as text on `fill`."""
    return "#000000" if contrast(fill, "#000000") >= contrast(fill, "#ffffff") else "#ffffff"


@dataclass(frozen=True)
class Scheme:
    """A scheme's brand colours: `accent` as the office gave it (for fills and borders),
    `accent_text` a shade of it that passes WCAG AA as text, `on_accent` text on an accent fill."""

    primary: str
    accent: str
    accent_text: str
    on_accent: str


@dataclass(frozen=True)
class Policy:
    id: str
    title: str
    html: Markup  # the text as safe HTML: emphasis, links and lists
    pages: tuple[str, ...] = ()  # docs paths or folders (ending in /) it is shown on
    scenarios: tuple[str, ...] = ()  # and the guides and hubs of these scenarios


@dataclass(frozen=True)
class Brand:
    """A career office's settings (`extra.brand`), checked: what the theme and the hooks read."""

    office: str = ""
    logo: str = ""
    favicon: str = ""
    light: Scheme | None = None
    dark: Scheme | None = None
    booking: Mapping[str, str] = field(default_factory=dict)
    contact: Mapping[str, str] = field(default_factory=dict)
    accessibility: Mapping[str, str] = field(default_factory=dict)
    footer_links: tuple[tuple[str, str], ...] = ()
    policies: tuple[Policy, ...] = ()
    home: Mapping[str, Any] = field(default_factory=dict)  # title, html
    announcement: Markup | None = None
    pages_folder: str = ""  # the office's own pages, from the repository root
    pages_section: str = ""
    hide: Mapping[str, str | None] = field(default_factory=dict)  # hidden guide -> replacement
    privacy: Mapping[str, str] = field(default_factory=dict)  # url: the office's own privacy notice
    contributor_links: bool = False  # the edit pencil and the repository link in the header
    suggest: str = ""  # the footer's "Suggest a change" link; "" shows none
    notes: tuple[str, ...] = ()  # what the build chose, to print

    def policies_for(self, src_uri: str, scenarios: Sequence[str] = ()) -> list[Policy]:
        """The policies shown on a page: by its docs path, or by the scenarios it belongs to."""
        return [p for p in self.policies
                if any(src_uri == target or (target.endswith("/") and src_uri.startswith(target))
                       for target in p.pages) or set(p.scenarios) & set(scenarios)]


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


def origin(config_file: Path, dotted: str, root: Path, path: tuple[str, ...] | None = None) -> tuple[str, int | None]:
    """The file (shown from the repository root) and line that set `dotted` (extra.brand.x), or
    the keys of `path` when a key holds a dot (extra.strings.checklist.print).

    Follows the INHERIT chain from the overlay up, and names the first file that sets it.
    """
    files = chain(config_file, root)
    for shown, text in files:
        line = yamlfile.Lines(text).find(*(path or dotted.split(".")))
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

def validate(brand: Any, *, config_file: Path, root: Path, repo_url: str = "") -> Brand:
    """Check `extra.brand` and return it typed, with its Markdown rendered and its colours'
    text shades derived. Raises ContentError, naming the file and line that set the key.
    `repo_url` gives the default "Suggest a change" link (the repository's new-issue page)."""

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
    notes: list[str] = []
    schemes = {scheme: _scheme(brand.get("colors") or {}, scheme, fail, config_file, root, notes)
               for scheme in ("light", "dark")}
    home = brand.get("home") or {}
    if home and not home.get("text"):
        raise fail("extra.brand.home", "the home page block has no text", "add `text:` with a sentence or two")
    pages = brand.get("pages") or {}
    if pages and not (pages.get("folder") and pages.get("section")):
        raise fail("extra.brand.pages", "the office's pages need a `folder:` and a `section:`",
                   "e.g. `folder: brand/my-office/pages` and `section: Our careers service`")
    if pages:
        folder = (root / pages["folder"]).resolve()
        if not (root.resolve() in folder.parents and folder.is_dir()):
            raise fail("extra.brand.pages.folder", f"'{pages['folder']}' is not a folder inside the repository",
                       "give the path of a folder of Markdown pages, e.g. `brand/my-office/pages`")
    announcement = brand.get("announcement")
    return Brand(
        privacy=dict(brand.get("privacy") or {}), contributor_links=bool(brand.get("contributor_links")),
        suggest=_suggest(brand.get("suggest"), repo_url, fail),
        office=brand.get("office") or "", logo=brand.get("logo") or "", favicon=brand.get("favicon") or "",
        light=schemes["light"], dark=schemes["dark"],
        booking=dict(booking), contact=dict(brand.get("contact") or {}),
        accessibility=dict(brand.get("accessibility") or {}),
        footer_links=tuple(((brand.get("footer") or {}).get("links") or {}).items()),
        policies=_policies(brand, fail),
        home={"title": home.get("title") or "", "html": render_markdown(home["text"], fail, "extra.brand.home.text")}
        if home else {},
        announcement=render_markdown(announcement, fail, "extra.brand.announcement") if announcement else None,
        pages_folder=pages.get("folder") or "", pages_section=pages.get("section") or "",
        hide=_hidden(brand.get("hide") or {}, fail), notes=tuple(notes))


def suggest_default(repo_url: str) -> str:
    """The repository's page for a new issue, where anyone can suggest a change."""
    if not repo_url or urlparse(repo_url).scheme != "https":
        return ""
    return repo_url.rstrip("/") + "/issues/new"


def _suggest(value: Any, repo_url: str, fail) -> str:
    """`suggest:` is an https address, or `false` for no link; unset, the repository's issues."""
    if value is None or value is True:
        return suggest_default(repo_url)
    if value is False or value == "":
        return ""
    problem = check_url(value)
    if urlparse(value).scheme != "https" and problem != _QUOTES:
        problem = "is not an https address"
    if problem:
        raise fail("extra.brand.suggest", f"the \"Suggest a change\" link '{value}' {problem}",
                   "give the full https:// address of your repository's issues or edit page, "
                   "or write `suggest: false` to show no link")
    return value


#: The single-paragraph Markdown of policies, the home block and the announcement: emphasis,
#: links and lists. The text is escaped first, so HTML in it shows as typed.
_MARKDOWN = markdown.Markdown(extensions=["sane_lists"])


def check_policy_scenarios(brand: Brand, known: Sequence[str], config_file: Path, root: Path) -> None:
    """Each policy's scenarios exist."""
    for policy in brand.policies:
        for ident in policy.scenarios:
            if ident not in known:
                dotted = f"extra.brand.policies.{policy.id}.scenarios"
                shown, line = origin(config_file, dotted, root)
                raise ContentError(shown, f"the policy '{policy.id}' names an unknown scenario '{ident}'",
                                   did_you_mean(ident, known, "scenario ids (docs/_data/scenarios.yml)"),
                                   line=line, key=dotted)


def check_policy_pages(brand: Brand, pages: Sequence[str], config_file: Path, root: Path) -> None:
    """Each page or folder a policy names has at least one page of the site."""
    for policy in brand.policies:
        for target in policy.pages:
            if not any(p == target or (target.endswith("/") and p.startswith(target)) for p in pages):
                dotted = f"extra.brand.policies.{policy.id}.pages"
                shown, line = origin(config_file, dotted, root)
                folders = sorted({p.rsplit("/", 1)[0] + "/" for p in pages if "/" in p})
                raise ContentError(shown, f"the policy '{policy.id}' names '{target}', which has no page",
                                   did_you_mean(target, [*folders, *pages], "pages or folders (such as offers/)"),
                                   line=line, key=dotted)


def render_markdown(text: str, fail, dotted: str) -> Markup:
    html = _MARKDOWN.reset().convert(str(escape(text)))
    found = safety.problems(html)
    if found:
        raise fail(dotted, found[0].what, found[0].fix)
    return Markup(html)


def _scheme(colors: dict, scheme: str, fail, config_file: Path, root: Path, notes: list[str]) -> Scheme:
    """A scheme's colours, checked. The primary colour is text (links) and a fill behind the
    header's text, so it must pass AA; an accent that does not is kept for fills and borders,
    and text gets a darker (or lighter) shade of it."""
    background, on_primary = (LIGHT_BG, LIGHT_BG) if scheme == "light" else (DARK_BG, DARK_ON_PRIMARY)
    values = {}
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
            raise fail(dotted, f"'{value}' is not a colour in the form #rrggbb", 'write it in quotes, like "#1b4f8a"')
        values[role] = value.lower()
    direction = "darker" if scheme == "light" else "lighter"
    for against, what in ((background, "the page background"), (on_primary, "the header text")):
        ratio = contrast(values["primary"], against)
        if ratio < AA:
            raise fail(f"extra.brand.colors.{scheme}.primary",
                       f"{values['primary']} has a contrast of {ratio:.2f}:1 with {what} ({against}) in the "
                       f"{scheme} scheme; WCAG AA needs {AA}:1 (the primary colour is the links' colour and the "
                       "header's background)", f"choose a {direction} primary colour")
    accent = values["accent"]
    accent_text = accent
    if contrast(accent, background) < AA:
        accent_text = text_shade(accent, background)
        notes.append(f"extra.brand.colors.{scheme}.accent {accent} has a contrast of "
                     f"{contrast(accent, background):.2f}:1 as text in the {scheme} scheme: it is kept for fills "
                     f"and borders, and text uses {accent_text} ({contrast(accent_text, background):.2f}:1)")
    return Scheme(values["primary"], accent, accent_text, on_color(accent))


def _policies(brand: dict, fail) -> tuple[Policy, ...]:
    found = []
    single = brand.get("policy") or {}
    if single.get("text"):
        found.append(Policy("policy", single.get("title") or "", render_markdown(
            single["text"], fail, "extra.brand.policy.text"), pages=POLICY_PAGES))
    for ident, spec in (brand.get("policies") or {}).items():
        dotted = f"extra.brand.policies.{ident}"
        if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", ident):
            raise fail(dotted, f"'{ident}' is not a policy id (lower-case words joined by hyphens)",
                       "name it like `no-shows` or `reneging`")
        if not isinstance(spec, dict):
            raise fail(dotted, f"the policy '{ident}' must be a set of settings",
                       "indent `title:`, `text:` and `pages:` or `scenarios:` under its id")
        for key in spec:
            if key not in POLICY_KEYS:
                raise fail(f"{dotted}.{key}", f"unknown key '{key}' in the policy '{ident}'",
                           did_you_mean(str(key), POLICY_KEYS, "keys"))
        if not spec.get("text"):
            raise fail(dotted, f"the policy '{ident}' has no text", "add `text:` with the policy in a few sentences")
        lists = {}
        for key in ("pages", "scenarios"):
            value = spec.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise fail(f"{dotted}.{key}", f"`{key}:` of the policy '{ident}' must be a list",
                           "write one entry per line, e.g. `- offers/` or `- backing-out`")
            lists[key] = tuple(v.strip() for v in value)
        if not (lists["pages"] or lists["scenarios"]):
            raise fail(dotted, f"the policy '{ident}' is shown nowhere",
                       "add `pages:` (docs paths or folders such as `offers/`) or `scenarios:` (scenario ids)")
        title = _plain(spec["title"], f"{dotted}.title", fail, "the title") if spec.get("title") else ""
        _plain(spec["text"], f"{dotted}.text", fail, "the text")  # no control characters
        found.append(Policy(ident, title, render_markdown(spec["text"], fail, f"{dotted}.text"), **lists))
    return tuple(found)


def _hidden(hide: dict, fail) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for guide, replacement in hide.items():
        dotted = f"extra.brand.hide.{guide}"
        for value in (guide, replacement):
            if value is not None and not (isinstance(value, str) and value.endswith(".md") and not value.startswith("/")
                                          and ".." not in value.split("/")):
                raise fail(dotted, f"'{value}' is not a page of the site",
                           "give docs paths, e.g. `why/plan-b.md: why/practice.md`, or `~` for no replacement")
        found[guide] = replacement
    return found


#: What kind of value each brand setting holds, for the checks in `_check_values`.
KINDS: dict[str, str] = {
    "office": "text", "logo": "image", "favicon": "image",
    "booking.label": "text", "booking.url": "url", "booking.text": "text",
    "contact.email": "email", "contact.phone": "phone", "contact.address": "text",
    "policy.title": "text", "policy.text": "paragraphs",
    "home.title": "text", "home.text": "paragraphs", "announcement": "text", "pages.section": "text",
    "accessibility.email": "email", "accessibility.url": "url", "privacy.url": "url",
}
URL_SCHEMES = ("https", "mailto", "tel")
_QUOTES = "holds spaces, quotes or angle brackets"
IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{4,22}[0-9]$")


def check_url(value: str) -> str | None:
    """Why `value` is not a link a brand may use, or None: https, mailto and tel only."""
    parsed = urlparse(value)
    if value != value.strip() or any(c in value for c in "\"'<> \t\n"):
        return _QUOTES
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
        elif isinstance(want, tuple):  # `suggest`: an address, or true/false
            if value is not None and not isinstance(value, want):
                raise fail(dotted, f"'{dotted}' must be an https:// address, or `false`",
                           f"write `{key}: https://...` or `{key}: false`")
        elif want is bool:
            if value is not None and not isinstance(value, bool):
                raise fail(dotted, f"'{dotted}' must be `true` or `false`, not '{value}'",
                           f"write `{key}: true` or `{key}: false`, without quotes")
        elif want is dict:
            if not isinstance(value, dict):
                raise fail(dotted, f"'{dotted}' must be a mapping of `label: address` lines",
                           "write each link as `Label: https://...`")
        elif value is not None and not isinstance(value, str):
            raise fail(dotted, f"'{dotted}' must be text", "write it as `key: text`, quoted if it holds ': '")


def stylesheet(parts: Sequence[tuple[str, str]], colours: str) -> str:
    """The site's one stylesheet: each of the project's stylesheets (name, text) in the order
    extra_css lists them, then the brand's colours, which override them. One file instead of
    several saves the phone a round trip before the first paint. Each ships without its comments
    (kb.minify), under a line naming its file."""
    chunks = [f"/* {name} */\n{minify.css(text)}" for name, text in parts]
    return "\n".join(chunks + [colours.strip() + "\n"])
