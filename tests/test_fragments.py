"""Generated lists reach the page as HTML from a template (kb.fragments), yet MkDocs still checks
and rewrites their `.md` links, as it does for links a contributor writes."""

from __future__ import annotations

from pathlib import Path

import markdown
from conftest import ROOT, run_build

from kb.fragments import Fragments, FragmentsExtension


def test_fragments_replace_their_marker_anywhere_and_leave_other_text_alone() -> None:
    fragments = Fragments()
    top = fragments.add('<ul class="x"><li><a href="b.md">B</a></li></ul>')
    nested = fragments.add("<p>one</p><p>two &amp; three</p>")
    text = f"# T\n{top}Between.\n\n!!! note\n\n    {nested.strip()}\n\n\ue000kb-fragment:99\ue001\n"
    html = markdown.markdown(text, extensions=["admonition", FragmentsExtension(fragments)])
    assert '<ul class="x"><li><a href="b.md">B</a></li></ul>\n<p>Between.</p>' in html
    assert '<p class="admonition-title">Note</p>\n<p>one</p><p>two &amp; three</p>\n</div>' in html
    assert "kb-fragment:0" not in html and "kb-fragment:1" not in html
    assert "kb-fragment:99" in html, "a marker with no fragment is left as it is"
    assert fragments.inline(f"Before{top}After") == 'Before\n\n<ul class="x"><li><a href="b.md">B</a></li></ul>\n\nAfter'


HOOK = f"""
import sys
sys.path.insert(0, {str(ROOT / "hooks")!r})
from kb.fragments import Fragments, FragmentsExtension

store = Fragments()


def on_config(config):
    store.clear()
    config.markdown_extensions.append(FragmentsExtension(store))
    return config


def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri != "index.md":
        return markdown
    return markdown + store.add('<p><a href="other.md">Other</a> <a href="TARGET">Target</a></p>')
"""


def tiny_site(tmp_path: Path, target: str) -> Path:
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs/other.md").write_text("# Other\n", encoding="utf-8")
    (tmp_path / "hook.py").write_text(HOOK.replace("TARGET", target), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ntheme:\n  name: material\nhooks:\n  - hook.py\nplugins: []\n", encoding="utf-8")
    return tmp_path


def test_mkdocs_rewrites_and_checks_the_links_in_a_fragment(tmp_path: Path) -> None:
    good = run_build(tiny_site(tmp_path / "good", "other.md#top"), tmp_path / "good-site")
    assert good.ok and not good.records, good.messages
    html = (good.site / "index.html").read_text(encoding="utf-8")
    assert '<a href="other/">Other</a> <a href="other/#top">Target</a>' in html

    bad = run_build(tiny_site(tmp_path / "bad", "missing.md"), tmp_path / "bad-site")
    assert not bad.ok
    # MkDocs' own warning, or the project's rewrite of it if an earlier build in this process
    # installed the project's log filter (kb.links): either way, the page and the link.
    assert "index.md" in bad.messages and "'missing.md'" in bad.messages, bad.messages
