"""The site's real search, driven in Chromium: each reader question is typed into the search box
of the built site, and the pages of the first results are read back. Used by the reader-question
test (tests/test_search.py) and the search benchmark (`make bench-search`).

Material's search box sends the typed words to a search worker, which answers with results
grouped by page, best first. This wraps the page's Worker before Material starts it, so that
each answer can be read as it arrives: exactly what the reader's list shows, in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

QUESTIONS = Path(__file__).with_name("search-questions.yml")

#: Records each query the page sends the search worker (`window.__asked`) and each answer
#: (`window.__answers`, the pages in order). The worker answers in the order it is asked.
WATCH = """(() => {
  const Real = window.Worker;
  window.__asked = [];
  window.__answers = [];
  window.Worker = function (url, options) {
    const worker = new Real(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === 2) window.__asked.push(message.data);
      return post(message, ...rest);
    };
    worker.addEventListener('message', e => {
      if (e.data && e.data.type === 3) window.__answers.push(e.data.data.items.map(group =>
        group[0].location.split('#')[0]));
    });
    return worker;
  };
  window.Worker.prototype = Real.prototype;
})();"""


@dataclass(frozen=True)
class Question:
    q: str
    pages: tuple[str, ...]


def questions(part: str | None = None) -> list[Question]:
    """The reader questions: those the search was tuned on (`questions`), those written after
    it was tuned (`held_out`), or both."""
    data = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    parts = [part] if part else ["questions", "held_out"]
    return [Question(item["q"], tuple(item["pages"])) for name in parts for item in data[name]]


class Search:
    """The search box of one open page of the site."""

    def __init__(self, context, base: str) -> None:
        context.add_init_script(WATCH)
        self.page = context.new_page()
        self.page.goto(base, wait_until="load")
        self.page.keyboard.press("/")
        self.box = self.page.locator("input.md-search__input")
        self.page.wait_for_function("() => !document.querySelector('.md-search-result__meta')"
                                    ".textContent.includes('Initializing')")

    def top(self, query: str, n: int = 3) -> list[str]:
        """The addresses of the first `n` pages the search box lists for `query`."""
        before = self.page.evaluate("q => document.querySelector('input.md-search__input').value === q"
                                    " ? -1 : window.__asked.length", query)
        if before >= 0:  # a new query: type it (fill focuses the box)
            self.box.fill(query)
            self.page.keyboard.press("End")  # Material searches on the key being released
        # Once every query asked so far is answered, the last answer is this query's.
        answered = """n => window.__asked.length > n && window.__answers.length === window.__asked.length
            && window.__answers[window.__answers.length - 1]"""
        try:
            return self.page.wait_for_function(answered, arg=before, timeout=3000).json_value()[:n]
        except Exception:  # noqa: BLE001
            if self.page.evaluate("n => window.__asked.length > n", before):
                raise
            return []  # Material asks nothing for words it drops: no results


def score(search: Search, items: list[Question]) -> tuple[float, float, list[tuple[Question, list[str]]]]:
    """Hit rate at one and at three, and the questions missed at three with their results."""
    first = third = 0
    missed = []
    for item in items:
        found = search.top(item.q)
        first += bool(found) and found[0] in item.pages
        if any(page in item.pages for page in found):
            third += 1
        else:
            missed.append((item, found))
    return first / len(items), third / len(items), missed
