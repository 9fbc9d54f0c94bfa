"""The message builder: the plain module kb.messages, the built page, and the build's checks on
docs/_data/messages.yml and snippets/messages/*.txt."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, Build, Project

from kb import messages
from kb.errors import ContentError

DATA = ROOT / "docs" / "_data" / "messages.yml"
PAGE = "messages/write-your-message/index.html"
EVIL = "O'Brien \"Bob\" <b>&amp; Zoë 李 😀"
FULL = {"Name": "Ana", "Company": "Acme", "Role": "Analyst", "Your name": "Sam", "Colleague": "Ben",
        "Interview date": "Tuesday", "Other times": "Friday", "Topic": "the team", "Reply date": "Monday",
        "Request": "a later start", "Adjustment": "extra time"}


@pytest.fixture(scope="module")
def builder() -> messages.Builder:
    return messages.load(DATA, messages.load_templates([ROOT / "snippets"], ROOT))


def template(ident: str, text: str, path: str = "snippets/messages/x.txt") -> messages.Template:
    return messages.Template(ident, path, text)


def every_case(builder: messages.Builder):
    """Each situation with each reason it offers (only a template with a [Reason] line has them)."""
    for situation in builder.situations:
        tpl = builder.templates[situation.template]
        for reason in range(len(builder.reasons)) if tpl.has_reason else [builder.default_reason]:
            yield situation.template, reason


# ---- composing drafts ----

def test_every_template_but_the_recommendation_is_a_situation_and_has_a_group(builder: messages.Builder) -> None:
    templates = {p.stem for p in (ROOT / "snippets" / "messages").glob("*.txt")}
    assert {s.template for s in builder.situations} == templates - {"recommend-colleague"}
    assert all(s.group for s in builder.situations)
    assert [g for g, _ in builder.groups()] == list(dict.fromkeys(s.group for s in builder.situations))
    assert len(builder.reasons) == 5
    silent = [r for r in builder.reasons if r.sentence is None]
    assert len(silent) == 1 and "not to say" in silent[0].label
    assert builder.reasons[builder.default_reason] is silent[0], "no reason is given unless chosen"


def test_a_full_draft_uses_every_name_and_leaves_no_placeholder(builder: messages.Builder) -> None:
    for ident, reason in every_case(builder):
        subject, body = messages.compose(builder, ident, reason, FULL)
        text = subject + "\n" + body
        assert "[" not in text and "]" not in text, (ident, reason, text)
        tpl = builder.templates[ident]
        assert body.startswith("Dear Ana,\n\n") and re.search(r",\nSam$", body), body
        assert ("Analyst" in subject) == ("[Role]" in tpl.subject)
        assert ("Acme" in text) == ("[Company]" in tpl.text) and ("Ben" in body) == tpl.has_reason
        assert not re.search(r"  | ,|,,|\n\n\n", text), text


def test_empty_fields_leave_no_trace(builder: messages.Builder) -> None:
    for ident, reason in every_case(builder):
        subject, body = messages.compose(builder, ident, reason, {})
        text = subject + "\n" + body
        assert "[" not in text and "]" not in text
        assert not re.search(r"  | ,|,,| \.|\n\n\n|^\s|\s$", text), (ident, reason, text)
        assert body.startswith("Hello,\n\n"), "Dear [Name], becomes Hello,"
        assert body.endswith(","), "the empty [Your name] line goes; the sign-off stays"
        assert "colleague" not in body.lower().replace("your colleagues", "")


def test_the_reason_line_is_the_chosen_sentence_or_nothing(builder: messages.Builder) -> None:
    sentences = [r.sentence for r in builder.reasons if r.sentence]
    for ident, reason in every_case(builder):
        _, body = messages.compose(builder, ident, reason, FULL)
        chosen = builder.reasons[reason].for_template(ident)
        for sentence in sentences:
            assert (sentence in body) == (sentence == chosen), (ident, reason)
        if chosen:
            assert f"\n\n{chosen}\n\n" in body


def test_instead_replaces_the_sentence_for_one_template(builder: messages.Builder) -> None:
    timing = next(n for n, r in enumerate(builder.reasons) if "timing" in r.label.lower())
    _, offer = messages.compose(builder, "decline-offer", timing, {})
    _, later = messages.compose(builder, "stay-in-touch", timing, {})
    assert builder.reasons[timing].sentence in offer
    assert builder.reasons[timing].sentence not in later, "the template already says it is not the time"


def test_the_recommendation_needs_a_colleague(builder: messages.Builder) -> None:
    _, without = messages.compose(builder, "decline-offer", 0, {"Name": "Ana"})
    _, with_one = messages.compose(builder, "decline-offer", 0, {"Colleague": "  Ben   Okafor "})
    assert "suggest" not in without
    assert "my colleague Ben Okafor, who" in with_one


def test_typed_text_is_inserted_as_it_is_and_never_read_again(builder: messages.Builder) -> None:
    values = {"Name": EVIL, "Company": "[Role] $& \\1", "Role": "Data \\g<0> Analyst", "Your name": EVIL}
    subject, body = messages.compose(builder, "decline-offer", 0, values)
    assert body.startswith(f"Dear {EVIL},")
    assert "at [Role] $& \\1, and" in body, "a name that looks like a placeholder stays as typed"
    assert "Data \\g<0> Analyst" in subject
    assert body.endswith(EVIL)


def test_fill_drops_a_line_that_is_only_an_empty_placeholder() -> None:
    fields = {"Name": messages.Field("Name", "Name", empty=(messages.Rule("Hi [Name],", "Hi,"),)),
              "Your name": messages.Field("Your name", "Your name")}
    assert messages.fill("Hi [Name],\n\nText.\n\nBye,\n[Your name]", {}, fields) == "Hi,\n\nText.\n\nBye,"
    assert messages.fill("Bye,\n[Your name]", {"Your name": "Sam"}, fields) == "Bye,\nSam"


def test_the_page_data_is_an_escaped_attribute_not_a_script() -> None:
    from kb.render import render

    evil = '"><script>alert(1)</script> & \u2028'
    first = {"subject": evil, "body": evil + "\n\n" + evil, "mailto": messages.mailto(evil, evil),
             "fields": [], "reason": False}
    html = render("message-builder.md.j2", builder=messages.Builder([], [], "", {}, {}), fields=[], default_reason=0,
        first=first, json=json.dumps({"name": evil}))
    assert "<script" not in html and 'data-message-data="{&#34;name&#34;: &#34;\\&#34;&gt;&lt;script&gt;' in html
    assert 'data-body>&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; \u2028&#10;&#10;&#34;&gt;' in html


def test_the_data_for_the_page_comes_from_the_template_files(builder: messages.Builder) -> None:
    data = messages.data(builder)
    for ident, draft in data["templates"].items():
        text = (ROOT / "snippets" / "messages" / f"{ident}.txt").read_text(encoding="utf-8")
        assert text.strip() == f"Subject: {draft['subject']}\n\n{draft['body']}"
    assert data["fields"]["Name"] == [["Dear [Name],", "Hello,"]]


def test_the_markup_has_a_label_for_every_field_and_a_form_the_css_shows(builder: messages.Builder) -> None:
    markup = messages.markdown(builder)
    assert "data-message-builder" in markup
    assert re.search(r"<form [^>]*\btti-builder__form\b", markup)
    assert not re.search(r"<form [^>]*\bhidden\b", markup), "builder.css shows it only with JavaScript"
    for spec in builder.fields.values():
        assert f'<label for="tti-msg-{spec.slug}">' in markup and f'id="tti-msg-{spec.slug}"' in markup
    for situation in builder.situations:
        assert f'--8<-- "messages/{situation.template}.txt"' in markup


# ---- checks on templates and phrases ----

def test_an_unknown_field_names_the_line_and_the_closest_field() -> None:
    tpl = template("x", "Subject: Hi\n\nDear [Nmae],\n\n[Reason]\n")
    with pytest.raises(ContentError) as err:
        messages.check_template(tpl, ["Name", "Company", "Reason"])
    assert str(err.value).startswith("snippets/messages/x.txt:3 [Nmae]: unknown field '[Nmae]'. "
                                     "Fix: did you mean '[Name]'?")


def test_a_template_needs_its_subject_line_and_a_reason_line_of_its_own() -> None:
    with pytest.raises(ContentError, match=r"x.txt:1: the first line must be the subject"):
        messages.check_template(template("x", "Dear [Name],\n\nHi.\n"), ["Name", "Reason"])
    with pytest.raises(ContentError, match=r"x.txt:3 \[Reason\]: \[Reason\] must be on a line of its own"):
        messages.check_template(template("x", "Subject: Hi\n\nHi. [Reason]\n"), ["Reason"])


def write_data(tmp_path: Path, old: str, new: str) -> Path:
    text = DATA.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "messages.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_an_unknown_template_id_suggests_the_closest(tmp_path: Path) -> None:
    path = write_data(tmp_path, "template: decline-offer", "template: decline-ofer")
    with pytest.raises(ContentError) as err:
        messages.load(path, messages.load_templates([ROOT / "snippets"], ROOT))
    assert str(err.value).startswith(f"docs/_data/messages.yml:{line_of(path, 'decline-ofer')} [template]: "
                                     "unknown template id 'decline-ofer'. Fix: did you mean 'decline-offer'?")


def test_a_phrase_with_an_unknown_field_is_an_error(tmp_path: Path) -> None:
    path = write_data(tmp_path, "my colleague [Colleague]", "my colleague [Colleage]")
    with pytest.raises(ContentError, match=r"unknown field '\[Colleage\]'. Fix: did you mean '\[Colleague\]'"):
        messages.load(path, messages.load_templates([ROOT / "snippets"], ROOT))


def test_a_missing_empty_rule_points_at_the_template_line(tmp_path: Path) -> None:
    path = write_data(tmp_path, '      - find: "about [Company]"\n        use: "about your company"\n', "")
    with pytest.raises(ContentError) as err:
        messages.load(path, messages.load_templates([ROOT / "snippets"], ROOT))
    text = str(err.value)
    assert text.startswith("snippets/messages/withdraw-after-screen.txt:5: "), text
    assert "'[Company]' is left in the draft" in text and "when Company is left empty" in text
    assert 'find: "more about [Company]."' in text


def test_a_rule_that_leaves_an_awkward_comma_is_an_error(tmp_path: Path) -> None:
    path = write_data(tmp_path, '      - find: " at [Company]"\n        use: ""\n',
                      '      - find: "at [Company]"\n        use: ""\n')
    with pytest.raises(ContentError, match=r"the draft has (a space before a comma|a space before a full stop)"):
        messages.load(path, messages.load_templates([ROOT / "snippets"], ROOT))


@pytest.mark.parametrize("old, new, expected", [
    ("fields:\n", "feilds:\n", "unknown section 'feilds'. Fix: did you mean 'fields'?"),
    ("    label: Their name\n", "    labl: Their name\n", "unknown key 'labl' in field 'Name'"),
    ("    default: true\n", "    default: true\n  - label: Another\n    default: true\n",
     "more than one reason has `default: true`"),
])
def test_malformed_entries_are_named(tmp_path: Path, old: str, new: str, expected: str) -> None:
    path = write_data(tmp_path, old, new)
    with pytest.raises(ContentError, match=re.escape(expected)):
        messages.load(path, messages.load_templates([ROOT / "snippets"], ROOT))


# ---- the real build ----

def test_the_builder_page_has_the_container_the_fallback_and_the_data(site: Build) -> None:
    soup = site.soup(PAGE)
    box = soup.select_one("[data-message-builder]")
    assert box is not None
    fallback = box.select(".tti-builder__fallback pre code")
    data = json.loads(box["data-message-data"])
    assert not box.select("script")
    assert len(fallback) == len(data["templates"]) > 5
    for code, (ident, draft) in zip(fallback, data["templates"].items()):
        text = (ROOT / "snippets" / "messages" / f"{ident}.txt").read_text(encoding="utf-8")
        assert code.get_text().strip() == text.strip()
        assert draft["subject"] == text.splitlines()[0][len("Subject: "):]
    form = box.select_one("form")
    assert not form.has_attr("hidden"), "builder.css hides it without JavaScript, and shows it at once with it"
    for control in form.select("input:not([type=radio])"):
        assert form.select_one(f'label[for="{control["id"]}"]'), control
    assert len(form.select("input[type=radio]")) == 5
    assert [o["value"] for o in form.select("select option")] == list(data["templates"])
    assert form.select_one("[role=status][aria-live=polite]")
    assert "never sent or saved" in form.get_text()
    assert soup.select_one('a[href$="templates/"]') and soup.select_one('a[href$="how-to-decline/"]')


def test_the_messages_section_lists_the_builder_before_the_templates(site: Build) -> None:
    links = [a["href"] for a in site.soup("messages/index.html").select(".tti-guides dt a")]
    assert links.index("write-your-message/") < links.index("templates/")


# ---- mistakes stop the build with one message ----

def test_build_stops_on_an_unknown_field_with_file_line_and_suggestion(project: Project) -> None:
    project.edit("snippets/messages/decline-offer.txt", "Dear [Name],", "Dear [Nmae],")
    project.fails("snippets/messages/decline-offer.txt:3 [Nmae]: unknown field '[Nmae]'",
                  "Fix: did you mean '[Name]'?")


def test_build_stops_on_an_unknown_template_id(project: Project) -> None:
    rel = "docs/_data/messages.yml"
    project.edit(rel, "template: stay-in-touch", "template: stay-in-tuch")
    line = line_of(project.path(rel), "stay-in-tuch")
    project.fails(f"docs/_data/messages.yml:{line} [template]: unknown template id 'stay-in-tuch'",
                  "did you mean 'stay-in-touch'?")


def test_build_stops_on_malformed_yaml_with_the_line(project: Project) -> None:
    rel = "docs/_data/messages.yml"
    project.edit(rel, "    label: Decline a job offer\n", "    label: Decline: a job offer\n")
    line = line_of(project.path(rel), "Decline: a job offer")
    project.fails(f"docs/_data/messages.yml:{line}: not valid YAML", "Fix:")


def test_a_page_with_the_builder_needs_the_phrase_file(project: Project) -> None:
    project.path("docs/_data/messages.yml").unlink()
    project.fails("docs/messages/write-your-message.md:",
                  "the message builder needs docs/_data/messages.yml, which is missing",
                  "remove `<!-- kb:message-builder -->`")
    project.write("docs/messages/write-your-message.md",
                  project.read("docs/messages/write-your-message.md")
                  .replace("<!-- kb:message-builder -->\n", ""))
    result = project.build()
    assert result.ok, result.messages


# ---- the templates page: each template reads as a letter, with a Copy button ----

TEMPLATES_PAGE = "messages/templates/index.html"


def test_each_template_is_a_letter_with_its_placeholders_marked_and_a_copy_button(site: Build) -> None:
    soup = site.soup(TEMPLATES_PAGE)
    letters = soup.select("[data-letter]")
    files = sorted((ROOT / "snippets" / "messages").glob("*.txt"))
    assert len(letters) == len(files) == 20
    assert not soup.select(".md-content pre, .md-content code"), "no template is shown as code"
    for box in letters:
        text = box.select_one("[data-letter-text]")
        ident = text["id"].removeprefix("tti-letter-")
        source = (ROOT / "snippets" / "messages" / f"{ident}.txt").read_text(encoding="utf-8").strip()
        assert text.get_text() == source, "the exact words of the file, to select or copy"
        subject = box.select_one(".tti-letter__subject")
        assert subject.get_text() == source.splitlines()[0] and subject.get_text().startswith("Subject: ")
        marked = [m.get_text() for m in text.select(".tti-letter__field")]
        assert marked and marked == [m.group(0) for m in messages.PLACEHOLDER.finditer(source)], \
            "every placeholder is marked"
        button = box.select_one("button[data-letter-copy]")
        assert button.get_text() == "Copy this message" and button.has_attr("hidden"), "shown by the script"
        assert button["aria-describedby"] == subject["id"], "each button names its message"
        assert box.select_one("[data-letter-status][role=status]")
    ids = [t["id"] for t in soup.select("[data-letter-text]")]
    assert len(set(ids)) == len(ids)


def test_a_letter_escapes_what_its_template_holds(small: Project) -> None:
    small.write("snippets/messages/hostile.txt",
                "Subject: <b>Hi</b> & [Role]\n\nDear [Name],\n\n<script>alert(1)</script>\n\nBest,\n[Your name]\n")
    small.write("docs/why/alpha.md", small.read("docs/why/alpha.md") + "\n<!-- kb:message-template hostile -->\n")
    built = small.build()
    assert built.ok, built.messages
    box = built.soup("why/alpha/index.html").select_one("[data-letter]")
    assert box.find("script") is None and box.find("b") is None
    assert "<script>alert(1)</script>" in box.get_text() and "Subject: <b>Hi</b> & [Role]" in box.get_text()


def test_in_the_browser_a_letter_is_body_text_and_its_button_copies_it(served, browser) -> None:
    from browser import without_search_index

    base, _ = served
    context = browser.new_context(viewport={"width": 375, "height": 667},
                                  permissions=["clipboard-read", "clipboard-write"])
    without_search_index(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "messages/templates/", wait_until="load")
    letter = page.locator("[data-letter]").nth(3)
    text = letter.locator("[data-letter-text]")
    look = text.evaluate("""e => { const s = getComputedStyle(e), body = getComputedStyle(document.querySelector('.md-typeset h3 + p'));
        const field = getComputedStyle(e.querySelector('.tti-letter__field'));
        return {font: s.fontFamily, body: body.fontFamily, size: s.fontSize, bodySize: body.fontSize,
                select: s.userSelect, fieldBg: field.backgroundColor, bg: getComputedStyle(e).backgroundColor}; }""")
    assert look["font"] == look["body"] and "mono" not in look["font"], "body type, not a code font"
    assert look["size"] == look["bodySize"]
    assert look["select"] != "none" and look["fieldBg"] != look["bg"], "placeholders stand out"
    button = letter.get_by_role("button", name="Copy this message")
    box = button.bounding_box()
    assert box and box["height"] >= 40 and box["width"] >= 150, f"easy to see and to tap: {box}"
    assert page.locator("[data-letter] button:visible").count() == 20, "one per template"
    button.click()
    letter.locator("[data-letter-status]").wait_for(state="attached")
    page.wait_for_function("e => e.textContent.startsWith('Copied.')",
                           arg=letter.locator("[data-letter-status]").element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == (ROOT / "snippets" / "messages" / "decline-offer.txt").read_text(encoding="utf-8").strip()
    assert text.get_attribute("id") == "tti-letter-decline-offer"
    assert errors == []
    context.close()


def test_without_javascript_a_letter_is_text_to_select_and_no_button_shows(served, browser) -> None:
    base, _ = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "messages/templates/", wait_until="load")
    assert page.locator("[data-letter-text]").count() == 20
    assert page.locator("[data-letter-text]").first.is_visible()
    assert page.locator("[data-letter] button:visible").count() == 0, "no dead buttons"
    page.locator(".tti-letter__subject").first.dblclick()
    assert page.evaluate("getSelection().toString().trim()") != "", "the text can be selected"
    context.close()


def test_copy_buttons_appear_after_instant_navigation(served, browser) -> None:
    from browser import instant

    base, _ = served
    page = browser.new_page()
    page.goto(base + "messages/write-your-message/", wait_until="load")
    page.evaluate("window.__stillHere = true")
    instant(page, base + "messages/templates/")
    assert page.evaluate("window.__stillHere === true"), "Material swapped the page in place"
    assert page.locator("[data-letter] button:visible").count() == 20
    page.close()


def test_the_page_carries_the_first_draft_so_the_form_is_drawn_before_its_script(
        site: Build, builder: messages.Builder) -> None:
    """The form as builder.js first sets it: the first situation, the default reason, no names.
    (test_builder_browser.py checks that the script's first draft is the very same.)"""
    first = builder.situations[0].template
    subject, body = messages.compose(builder, first, builder.default_reason, {})
    form = site.soup(PAGE).select_one("[data-message-builder] form")
    assert form.select_one("select option")["value"] == first
    assert form.select_one("input[type=radio][checked]")["value"] == str(builder.default_reason)
    assert form.select_one("[data-subject]").get_text() == subject and subject
    assert form.select_one("[data-body]").get_text() == body and "\n\n" in body
    assert form.select_one("[data-email]")["href"] == messages.mailto(subject, body)
    shown = [row["data-field-row"] for row in form.select("[data-field-row]") if not row.has_attr("hidden")]
    assert shown == builder.uses(first) and len(shown) < len(builder.fields)
    assert form.select_one("[data-reasons]").has_attr("hidden") is not builder.templates[first].has_reason


def test_mailto_encodes_as_encode_uri_component_with_crlf_lines() -> None:
    assert messages.mailto("Hi & bye", "Dear Zoë,\n\nThanks (a lot)!") == (
        "mailto:?subject=Hi%20%26%20bye&body=Dear%20Zo%C3%AB%2C%0D%0A%0D%0AThanks%20(a%20lot)!")
