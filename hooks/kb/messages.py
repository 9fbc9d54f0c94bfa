"""The message builder: templates from snippets/messages/ plus the phrases in
docs/_data/messages.yml, validated at build time and handed to the browser as JSON.

A draft is composed in four steps, the same here and in docs/assets/js/builder.js:

1. The `[Reason]` line becomes the reason sentence and, when a colleague is named, the
   recommendation, as paragraphs; with neither, the line goes.
2. For each empty field, its `empty` rules replace their `find` text with `use`, in order.
3. A line holding nothing but the placeholder of an empty field goes.
4. Every placeholder is replaced by its value in one pass (so typed text is never re-read),
   and runs of blank lines shrink to one.

Because the templates and phrases are data, `check_drafts` composes every situation, reason
and combination of empty fields at build time and reports a placeholder left behind or an
awkward comma as a contributor mistake, with the file and line.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote


from . import safety, yamlfile
from .errors import ContentError, closest, did_you_mean

SHOWN = "docs/_data/messages.yml"
#: A placeholder: a word or words in square brackets on one line.
PLACEHOLDER = re.compile(r"\[([^\[\]\n]*)\]")
REASON = "Reason"
COLLEAGUE = "Colleague"
TOP_KEYS = ("situations", "reasons", "recommend", "fields")
FIELD_KEYS = ("label", "hint", "autocomplete", "empty")
REASON_KEYS = ("label", "sentence", "instead", "default")
SITUATION_KEYS = ("group", "label", "template")
#: Awkward spots a draft must never have, with how to describe them.
AWKWARD = {"  ": "a double space", " ,": "a space before a comma", ",,": "two commas",
           " .": "a space before a full stop", ",.": "a comma before a full stop",
           "\n\n\n": "an empty paragraph", " \n": "a space at the end of a line",
           "\n ": "a space at the start of a line"}
#: Values used to try every draft at build time.
SAMPLES = {"Name": "Ana", "Company": "Acme", "Role": "Analyst", "Your name": "Sam", "Colleague": "Ben"}


@dataclass(frozen=True)
class Template:
    id: str
    path: str  # as a contributor sees it: snippets/messages/x.txt
    text: str

    @property
    def subject(self) -> str:
        return self.text.split("\n", 1)[0][len("Subject: "):]

    @property
    def body(self) -> str:
        return self.text.split("\n", 2)[2].strip("\n")

    @property
    def has_reason(self) -> bool:
        """Whether the body has a `[Reason]` line, so the reasons (and a colleague) apply."""
        return any(line.strip() == f"[{REASON}]" for line in self.body.split("\n"))

    @property
    def placeholders(self) -> list[str]:
        """The fields the template names, in order of first use."""
        return list(dict.fromkeys(m.group(1) for m in PLACEHOLDER.finditer(self.text) if m.group(1) != REASON))

    def line_of(self, needle: str, fits: Any = None) -> int | None:
        """The first file line containing `needle` (and passing `fits`, if given)."""
        for number, line in enumerate(self.text.split("\n"), start=1):
            if needle in line and (fits is None or fits(line)):
                return number
        return None


@dataclass(frozen=True)
class Rule:
    find: str
    use: str


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    hint: str = ""
    autocomplete: str = "off"
    empty: tuple[Rule, ...] = ()

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") or "field"


@dataclass(frozen=True)
class Reason:
    label: str
    sentence: str | None = None
    instead: Mapping[str, str | None] = field(default_factory=dict)
    default: bool = False

    def for_template(self, template: str) -> str | None:
        return self.instead[template] if template in self.instead else self.sentence


@dataclass(frozen=True)
class Situation:
    group: str
    label: str
    template: str


@dataclass
class Builder:
    situations: list[Situation]
    reasons: list[Reason]
    recommend: str
    fields: dict[str, Field]
    templates: dict[str, Template]
    #: File lines of messages.yml, for messages about the phrases.
    lines: yamlfile.Lines | None = None

    def line(self, *path: Any) -> int | None:
        """The line of `path` in messages.yml, or of its nearest parent that has one."""
        return self.lines.at(*path) if self.lines else None

    @property
    def default_reason(self) -> int:
        return next((n for n, r in enumerate(self.reasons) if r.default), 0)

    def uses(self, template: str) -> list[str]:
        """The fields a reader fills in for a template, in the order of `fields:`: those it names,
        and with a [Reason] line also those the reasons and the colleague paragraph name."""
        tpl = self.templates[template]
        named = set(tpl.placeholders)
        if tpl.has_reason:
            named.add(COLLEAGUE)
            for phrase in [self.recommend, *(r.for_template(template) or "" for r in self.reasons)]:
                named.update(m.group(1) for m in PLACEHOLDER.finditer(phrase))
        return [name for name in self.fields if name in named]

    def groups(self) -> list[tuple[str, list[Situation]]]:
        """Situations by group, in the order of the file."""
        out: dict[str, list[Situation]] = {}
        for situation in self.situations:
            out.setdefault(situation.group, []).append(situation)
        return list(out.items())


# ---- composing a draft ----

def _squash(value: str | None) -> str:
    return " ".join((value or "").split())


def fill(text: str, values: Mapping[str, str], fields: Mapping[str, Field], *, keep: bool = False) -> str:
    """Steps 2 to 4 of composing a draft (see the module's docstring). With `keep`, a
    placeholder no rule handled stays in the text, so that the build can report it."""
    for name, spec in fields.items():
        if not values.get(name):
            for rule in spec.empty:
                text = text.replace(rule.find, rule.use)
    lines = [line for line in text.split("\n")
             if not ((m := PLACEHOLDER.fullmatch(line.strip())) and not values.get(m.group(1)))]
    text = PLACEHOLDER.sub(lambda m: values.get(m.group(1)) or (m.group(0) if keep else ""), "\n".join(lines))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def compose(builder: Builder, template: str, reason: int, values: Mapping[str, str], *,
            keep: bool = False) -> tuple[str, str]:
    """The subject and body for one situation's template, reason (index) and field values."""
    values = {name: _squash(values.get(name)) for name in builder.fields}
    tpl = builder.templates[template]
    extra = [p for p in (builder.reasons[reason].for_template(template),
                         builder.recommend if values.get(COLLEAGUE) else None) if p]
    body = "\n".join("\n\n".join(extra) if line.strip() == f"[{REASON}]" else line
                     for line in tpl.body.split("\n"))
    return fill(tpl.subject, values, builder.fields, keep=keep), fill(body, values, builder.fields, keep=keep)


# ---- loading and checking ----

def load_templates(bases: Iterable[Path], root: Path) -> dict[str, Template]:
    """Every snippets/messages/*.txt, by id (file name without .txt); the first base wins."""
    found: dict[str, Template] = {}
    for base in bases:
        for path in sorted((base / "messages").glob("*.txt")):
            try:
                shown = str(path.resolve().relative_to(root))
            except ValueError:
                shown = str(path)
            if path.stem not in found:
                found[path.stem] = Template(path.stem, shown, yamlfile.read_text(path, shown))
    return found


def check_template(tpl: Template, known: Iterable[str]) -> None:
    """A template starts with `Subject: `, then a blank line, names only known fields, and
    has `[Reason]` only on a line of its own in the body."""
    known = list(known)
    lines = tpl.text.split("\n")
    if not lines[0].startswith("Subject: ") or not lines[0][len("Subject: "):].strip():
        raise ContentError(tpl.path, "the first line must be the subject",
                           "start the file with `Subject: ` and the subject line", line=1)
    if len(lines) < 3 or lines[1].strip() or not "\n".join(lines[2:]).strip():
        raise ContentError(tpl.path, "the subject must be followed by a blank line and the body",
                           "leave one empty line after the subject, then write the message", line=2)
    for number, line in enumerate(lines, start=1):
        for match in PLACEHOLDER.finditer(line):
            name = match.group(1)
            if name not in known:
                raise unknown_field(name, known, tpl.path, number)
            if name == REASON and (number == 1 or line.strip() != f"[{REASON}]"):
                raise ContentError(tpl.path, f"[{REASON}] must be on a line of its own in the body",
                                   f"put [{REASON}] on its own line between two paragraphs",
                                   line=number, key=REASON)


def unknown_field(name: str, known: list[str], path: str, line: int | None) -> ContentError:
    best = closest(name, known)
    fix = (f"did you mean '[{best}]'?" if best else
           "use one of the known fields: " + ", ".join(f"[{k}]" for k in known))
    return ContentError(path, f"unknown field '[{name}]'",
                        fix + f" The fields are set under `fields:` in {SHOWN}", line=line,
                        key=name)


def load(path: Path, templates: Mapping[str, Template]) -> Builder:
    """Read and check docs/_data/messages.yml and the templates it uses."""
    if not path.is_file():
        raise ContentError(SHOWN, "the file is missing",
                           "restore it from the repository (it holds the message builder's phrases)")
    text = yamlfile.read_text(path, SHOWN)
    data = yamlfile.load(text, SHOWN)
    lines = yamlfile.Lines(text)

    def fail(where: tuple[Any, ...], problem: str, fix: str, key: str | None = None) -> ContentError:
        return ContentError(SHOWN, problem, fix, line=lines.at(*where), key=key)

    if not isinstance(data, dict):
        raise fail((), "the file must be a set of `key: value` sections",
                   "start with `situations:`, `reasons:`, `recommend:` and `fields:`")
    for key in data:
        if key not in TOP_KEYS:
            raise fail((key,), f"unknown section '{key}'", did_you_mean(str(key), TOP_KEYS, "sections"),
                       str(key))
    for key in TOP_KEYS:
        if key not in data:
            raise fail((), f"the section `{key}:` is missing", f"add `{key}:` (see CONTRIBUTING.md)", key)

    def text_of(value: Any, where: tuple[Any, ...], what: str, *, empty_ok: bool = False) -> str:
        if isinstance(value, str) and (value.strip() or empty_ok):
            if not value.strip():
                return value  # an empty `use:` drops the words it finds
            checked = safety.plain(value, SHOWN, line=lambda: lines.at(*where), key=str(where[-1]), what=what)
            return value if empty_ok else checked  # `find` and `use` keep their exact spaces
        raise fail(where, f"{what} must be text", f"write it after the colon, e.g. `{where[-1]}: ...`",
                   str(where[-1]))

    def items(section: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
        value = data[section]
        if not isinstance(value, list) or not value:
            raise fail((section,), f"`{section}:` must be a list", "write each entry as `- label: ...`",
                       section)
        for n, entry in enumerate(value):
            if not isinstance(entry, dict):
                raise fail((section, n), f"entry {n + 1} of `{section}:` is not a set of keys",
                           "write it as `- label: ...` with its other keys indented below", section)
            for key in entry:
                if key not in keys:
                    raise fail((section, n, key), f"unknown key '{key}' in `{section}:`",
                               did_you_mean(str(key), keys, "keys"), str(key))
        return value

    # fields
    raw_fields = data["fields"]
    if not isinstance(raw_fields, dict) or not raw_fields:
        raise fail(("fields",), "`fields:` must map each placeholder to its label",
                   "write e.g. `Name:` with `label: Their name` indented below", "fields")
    fields: dict[str, Field] = {}
    for name, spec in raw_fields.items():
        where = ("fields", name)
        if not isinstance(name, str) or not re.fullmatch(r"[A-Z][A-Za-z ]*", name) or name == REASON:
            raise fail(where, f"'{name}' cannot be a field",
                       "name a field with words starting with a capital letter, such as `Your name`"
                       + (f"; [{REASON}] is filled from `reasons:`" if name == REASON else ""), str(name))
        if not isinstance(spec, dict):
            raise fail(where, f"field '{name}' must have a label", "indent `label: ...` below it", name)
        for key in spec:
            if key not in FIELD_KEYS:
                raise fail(where + (key,), f"unknown key '{key}' in field '{name}'",
                           did_you_mean(str(key), FIELD_KEYS, "keys"), str(key))
        rules = spec.get("empty", []) or []
        if not isinstance(rules, list):
            raise fail(where + ("empty",), f"`empty:` of field '{name}' must be a list",
                       "write each rule as `- find: ...` with `use: ...` below", "empty")
        parsed = []
        for n, rule in enumerate(rules):
            at = where + ("empty", n)
            if not isinstance(rule, dict) or set(rule) != {"find", "use"}:
                raise fail(at, f"each rule in `empty:` of field '{name}' needs `find:` and `use:`",
                           'write e.g. `- find: "Dear [Name],"` and `use: "Hello,"` below it', "empty")
            find = text_of(rule["find"], at + ("find",), "`find`", empty_ok=True)
            use = text_of(rule["use"] if rule["use"] is not None else "", at + ("use",), "`use`",
                          empty_ok=True)
            if f"[{name}]" not in find:
                raise fail(at + ("find",), f"the rule's `find` does not contain [{name}]",
                           f"quote the template's words around [{name}], e.g. `find: \" at [{name}]\"`",
                           "find")
            parsed.append(Rule(find, use))
        fields[name] = Field(name, text_of(spec.get("label"), where + ("label",), f"the label of '{name}'"),
                             text_of(spec.get("hint"), where + ("hint",), "`hint`") if spec.get("hint") else "",
                             str(spec.get("autocomplete") or "off"), tuple(parsed))
    known = [*fields, REASON]

    # templates: every file is checked, so the pages that show them stay right too
    for tpl in templates.values():
        check_template(tpl, known)

    situations = []
    for n, entry in enumerate(items("situations", SITUATION_KEYS)):
        group = text_of(entry.get("group"), ("situations", n, "group"), "the situation's group")
        label = text_of(entry.get("label"), ("situations", n, "label"), "the situation's label")
        ident = entry.get("template")
        if not isinstance(ident, str) or ident not in templates:
            raise fail(("situations", n, "template"), f"unknown template id '{ident}'",
                       did_you_mean(str(ident), sorted(templates), "template ids (snippets/messages/)"),
                       "template")
        situations.append(Situation(group, label, ident))

    reasons = []
    for n, entry in enumerate(items("reasons", REASON_KEYS)):
        where = ("reasons", n)
        label = text_of(entry.get("label"), where + ("label",), "the reason's label")
        sentence = entry.get("sentence")
        if sentence is not None:
            sentence = text_of(sentence, where + ("sentence",), "`sentence`")
        instead = entry.get("instead") or {}
        if not isinstance(instead, dict):
            raise fail(where + ("instead",), "`instead:` must map template ids to sentences",
                       "write e.g. `stay-in-touch: ~` indented below it", "instead")
        for ident, value in list(instead.items()):
            if ident not in templates:
                raise fail(where + ("instead", ident), f"unknown template id '{ident}'",
                           did_you_mean(str(ident), sorted(templates), "template ids (snippets/messages/)"),
                           "instead")
            if value is not None:
                instead[ident] = text_of(value, where + ("instead", ident), "the sentence")
        reasons.append(Reason(label, sentence, instead, entry.get("default") is True))
    if sum(r.default for r in reasons) > 1:
        raise fail(("reasons",), "more than one reason has `default: true`",
                   "keep `default: true` on one reason only", "default")

    recommend = text_of(data["recommend"], ("recommend",), "`recommend`")
    # placeholders in the phrases must be known fields too
    phrases: list[tuple[tuple[Any, ...], str]] = [(("recommend",), recommend)]
    phrases += [(("reasons", n, "sentence"), r.sentence) for n, r in enumerate(reasons) if r.sentence]
    phrases += [(("reasons", n, "instead", t), s) for n, r in enumerate(reasons)
                for t, s in r.instead.items() if s]
    phrases += [(("fields", f.name, "empty", n, "use"), rule.use) for f in fields.values()
                for n, rule in enumerate(f.empty)]
    for where, phrase in phrases:
        for match in PLACEHOLDER.finditer(phrase):
            if match.group(1) not in fields:
                raise unknown_field(match.group(1), list(fields), SHOWN, lines.at(*where))

    if f"[{COLLEAGUE}]" not in recommend or COLLEAGUE not in fields:
        raise fail(("recommend",), f"`recommend:` must name [{COLLEAGUE}]",
                   f"write the sentence with [{COLLEAGUE}] where the name goes, and keep the field "
                   f"`{COLLEAGUE}:` under `fields:`", "recommend")

    builder = Builder(situations, reasons, recommend, fields, dict(templates), lines)
    checked = (text, tuple(sorted((key, template.text) for key, template in templates.items())))
    if checked not in _CHECKED:  # the same phrases and templates passed in an earlier build
        check_drafts(builder)
        _CHECKED.add(checked)
    return builder


#: The phrase files and templates whose every draft has passed `check_drafts` in this process:
#: a rebuild in `mkdocs serve` with unchanged phrases does not compose them all again.
_CHECKED: set[tuple[str, tuple[tuple[str, str], ...]]] = set()


def check_drafts(builder: Builder) -> None:
    """Compose every situation x reason x set of empty fields; none may leave a placeholder
    of an empty field behind or read awkwardly. Only the fields a template uses vary, and only a
    template with a [Reason] line tries each reason: the work grows with what the reader can do."""
    for situation in builder.situations:
        tpl = builder.templates[situation.template]
        names = builder.uses(tpl.id)
        reasons = range(len(builder.reasons)) if tpl.has_reason else [builder.default_reason]
        for reason in reasons:
            for size in range(len(names) + 1):
                for empty in itertools.combinations(names, size):
                    values = {n: "" if n in empty else SAMPLES.get(n, "Sample") for n in names}
                    _check_one(builder, tpl, situation, reason, values, set(empty))


def _check_one(builder: Builder, tpl: Template, situation: Situation, reason: int,
               values: dict[str, str], empty: set[str]) -> None:
    for part, draft in zip(("subject", "body"), compose(builder, tpl.id, reason, values, keep=True)):
        left = [m.group(0) for m in PLACEHOLDER.finditer(draft)] + (["["] if "[" in draft else [])
        problem = None
        if left:
            problem = f"'{left[0]}' is left in the draft"
        elif not draft:
            problem = f"the {part} is empty"
        else:
            problem = next((f"the draft has {what}" for spot, what in AWKWARD.items() if spot in draft),
                           None)
            if problem is None and re.search(r"(^|\n)\s*[,.;]", draft):
                problem = "a line of the draft starts with punctuation"
        if problem is None:
            continue
        when = ("when " + ", ".join(builder.fields[n].label for n in sorted(empty)) + " "
                + ("is" if len(empty) == 1 else "are") + " left empty") if empty else "with every field filled"
        where, line, fix = _blame(builder, tpl, reason, empty)
        raise ContentError(where, f"the {part} for '{situation.label}' with the reason "
                           f"'{builder.reasons[reason].label}' {when}: {problem}", fix, line=line)


def _blame(builder: Builder, tpl: Template, reason: int, empty: set[str]) -> tuple[str, int | None, str]:
    """Where a broken draft most likely comes from: the template line whose placeholder no
    `empty` rule rewords, or else the phrase table."""
    for name in sorted(empty):
        spec = builder.fields[name]

        def unhandled(line: str, spec: Field = spec, name: str = name) -> bool:
            for rule in spec.empty:
                line = line.replace(rule.find, rule.use)
            return f"[{name}]" in line and line.strip() != f"[{name}]"

        line = tpl.line_of(f"[{name}]", unhandled)
        if line is not None:
            near = _around(tpl.text.split("\n")[line - 1], f"[{name}]")
            return tpl.path, line, (
                f"add a rule for it under `fields: {name}: empty:` in {SHOWN}, e.g. "
                f'`- find: "{near}"` with `use:` the words to write instead, or reword the line')
    return SHOWN, builder.line("fields"), (
        "check the `empty:` rules under `fields:` and the reason sentences, so that each one "
        "leaves a complete sentence with single spaces")


def _around(line: str, needle: str) -> str:
    """A few words either side of `needle`, for a suggested `find:`."""
    start = line.index(needle)
    before = line[:start].rstrip().split(" ")[-2:]
    after_text = line[start + len(needle):]
    return (" ".join(before) + " " if line[:start].strip() else "") + needle + (
        after_text[:1] if after_text[:1] in ",." else "")


# ---- what the page gets ----

def data(builder: Builder) -> dict[str, Any]:
    """Everything the browser needs to compose drafts, as plain JSON-ready data."""
    return {
        "templates": {s.template: {"subject": builder.templates[s.template].subject,
                                   "body": builder.templates[s.template].body,
                                   "fields": builder.uses(s.template),
                                   "reason": builder.templates[s.template].has_reason}
                      for s in builder.situations},
        "reasons": [{"sentence": r.sentence, "instead": dict(r.instead)} for r in builder.reasons],
        "recommend": builder.recommend,
        "fields": {f.name: [[rule.find, rule.use] for rule in f.empty] for f in builder.fields.values()},
    }


def page_json(builder: Builder) -> str:
    """The builder's data as JSON, for the container's `data-message-data` attribute (the
    template escapes it). An attribute, not a <script> block: the site runs no inline script, and
    Material's instant navigation would run a script block's text as code."""
    return json.dumps(data(builder), ensure_ascii=False, separators=(",", ":"))


def missing() -> str:
    """A page asks for the builder, but the site has no docs/_data/messages.yml."""
    raise ContentError(SHOWN, f"the message builder needs {SHOWN}, which is missing",
                       "restore it from the repository, or remove `<!-- kb:message-builder -->` "
                       "from the page")


def mailto(subject: str, body: str) -> str:
    """The draft as a `mailto:` address, as builder.js writes it (encodeURIComponent, CRLF lines)."""
    def encode(text: str) -> str:
        return quote(text, safe="-_.!~*'()")

    return f"mailto:?subject={encode(subject)}&body={encode(body.replace(chr(10), chr(13) + chr(10)))}"


def first_draft(builder: Builder) -> dict[str, Any]:
    """What the form shows before the reader changes anything: the first situation, the default
    reason, every field empty. The page carries it, so that the form and its draft are drawn at
    once, before builder.js runs; the script's first draft is the same, so nothing moves."""
    template = builder.situations[0].template
    subject, body = compose(builder, template, builder.default_reason, {})
    return {"subject": subject, "body": body, "mailto": mailto(subject, body),
            "fields": builder.uses(template), "reason": builder.templates[template].has_reason}


def markdown(builder: Builder, **context: Any) -> str:
    """The builder's markup, with the templates as plain text for readers without JavaScript.
    `context` gives the templates the interface's words (`t`) and languages."""
    from .render import render

    return render("message-builder.md.j2", builder=builder,
                  fields=list(builder.fields.values()), default_reason=builder.default_reason,
                  first=first_draft(builder), json=page_json(builder), **context)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (words, is_placeholder) runs, for marking the placeholders."""
    out: list[tuple[str, bool]] = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > last:
            out.append((text[last:match.start()], False))
        out.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


def letter(templates: Mapping[str, Template], args: str, **context: Any) -> str:
    """The markup for `<!-- kb:message-template ID -->`: one template shown as a letter, with a
    Copy button (see hooks/templates/message-letter.html.j2)."""
    from .render import render

    ident = args.strip()
    if ident not in templates:
        raise ContentError("", f"unknown message template '{ident}'",
                           did_you_mean(ident, sorted(templates), "templates (snippets/messages/*.txt)")
                           if ident else "name a template, e.g. `<!-- kb:message-template decline-offer -->`")
    text = templates[ident].text.strip("\n")
    subject, _, body = text.partition("\n")
    return render("message-letter.html.j2", template=templates[ident],
                  subject=_pieces(subject), body=_pieces("\n" + body), **context)
