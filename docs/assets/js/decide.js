/* The "Should I go?" decision aid (hooks/templates/decision-aid.md.j2).
   Without JavaScript it is a list of questions whose answers link to their advice. This shows
   the questions as radio groups instead, and builds a summary from the reader's answers: the
   reasons to go and to stop, what to do next, and the advice that fits, read from that list.
   It stores nothing. Runs on every page Material swaps in and sets each aid up once. */
(function () {
  "use strict";
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  function setup(aid) {
    if (aid.dataset.ready) return;
    aid.dataset.ready = "1";
    var form = aid.querySelector(".tti-decide__form");
    var summary = aid.querySelector(".tti-decide__summary");
    var status = form.querySelector("[data-status]");
    var copyStatus = summary.querySelector("[data-copy-status]");
    var questions = all(aid, ".tti-decide__list > li[data-question]");
    var timer;

    /* The chosen answers' items of the plain list, in question order. */
    function chosen() {
      return questions.map(function (question) {
        var input = form.querySelector('input[name="tti-decide-' + question.dataset.question + '"]:checked');
        return input ? question.querySelector('li[data-answer="' + input.value + '"]') : null;
      }).filter(Boolean);
    }
    /* A heading's words, without the "¶" of its permalink. */
    function heading(element) {
      var copy = element.cloneNode(true);
      all(copy, ".headerlink").forEach(function (link) { link.remove(); });
      return copy.textContent.trim();
    }
    function text(item, selector) {
      var found = item.querySelector(selector);
      return found ? found.textContent.trim() : "";
    }
    function list(part, entries) {
      var box = summary.querySelector('[data-part="' + part + '"]');
      var ul = box.querySelector("[data-list]");
      ul.textContent = "";
      entries.forEach(function (entry) { ul.appendChild(entry); });
      box.hidden = entries.length === 0;
    }
    function li(content) {
      var item = document.createElement("li");
      if (typeof content === "string") item.textContent = content; else item.appendChild(content);
      return item;
    }
    function update(announce) {
      var picked = chosen();
      var count = { go: 0, stop: 0 };
      var reasons = { go: [], stop: [], neutral: [] };
      var next = [], seen = {}, links = [];
      picked.forEach(function (item) {
        var means = item.dataset.means;
        if (means === "go" || means === "stop") count[means] += 1;
        var answer = text(item, ".tti-decide__answer"), why = text(item, ".tti-decide__why");
        var entry = document.createElement("span");
        var strong = document.createElement("strong");
        strong.textContent = answer;
        entry.appendChild(strong);
        entry.appendChild(document.createTextNode(" " + why));
        (reasons[means] || reasons.neutral).push(li(entry));
        var step = text(item, ".tti-decide__next");
        if (step && next.indexOf(step) === -1) next.push(step);
        all(item, ".tti-decide__links a").forEach(function (a) {
          if (seen[a.href]) return;
          seen[a.href] = true;
          var copy = document.createElement("a");
          copy.href = a.getAttribute("href");
          copy.textContent = a.textContent;
          links.push(li(copy));
        });
      });
      summary.hidden = picked.length === 0;
      /* A reason to stop is never outweighed by a count: with one, the summary asks the reader to
         read it first rather than saying that going looks worth it. */
      var lean = count.stop > count.go ? "leanStop" : count.stop === 0 && count.go > 0 ? "leanGo" : "leanEven";
      summary.querySelector("[data-overview]").textContent = fill(summary.dataset[lean], count);
      list("go", reasons.go);
      list("stop", reasons.stop);
      list("neutral", reasons.neutral);
      list("next", (next.length ? next : [summary.dataset.nextDefault]).map(li));
      list("read", links);
      copyStatus.textContent = "";
      if (!announce) return;
      var values = { done: picked.length, total: questions.length };
      clearTimeout(timer);
      timer = setTimeout(function () {
        status.textContent = fill(picked.length === questions.length ? status.dataset.done : status.dataset.progress, values);
      }, 300);
    }
    /* The summary as plain text, for the clipboard. */
    function plain() {
      var lines = [heading(summary.querySelector("h2")), "",
                   summary.querySelector("[data-overview]").textContent.trim()];
      all(summary, "[data-part]").forEach(function (part) {
        if (part.hidden) return;
        lines.push("", heading(part.querySelector("h3")));
        all(part, "[data-list] > li").forEach(function (item) {
          var a = item.querySelector("a");
          lines.push("- " + item.textContent.trim() + (a ? ": " + a.href : ""));
        });
      });
      return lines.join("\n") + "\n";
    }
    form.addEventListener("change", function () { update(true); });
    summary.querySelector("[data-copy]").addEventListener("click", function () {
      var say = function (key) { return function () { copyStatus.textContent = summary.dataset[key]; }; };
      try { navigator.clipboard.writeText(plain()).then(say("copied"), say("copyFailed")); } catch (e) { say("copyFailed")(); }
    });
    summary.querySelector("[data-print]").addEventListener("click", function () {
      document.body.setAttribute("data-tti-print", "decide");
      var done = function () {
        document.body.removeAttribute("data-tti-print");
        window.removeEventListener("afterprint", done);
      };
      window.addEventListener("afterprint", done);
      window.print();
    });
    summary.querySelector("[data-reset]").addEventListener("click", function () {
      form.reset();
      update(false);
      status.textContent = "";
      var first = form.querySelector("input");
      if (first) first.focus();
    });
    aid.querySelector(".tti-decide__list").hidden = true;
    aid.querySelector(".tti-decide__nojs").hidden = true;
    form.hidden = false;
    update(false);
  }
  function init() {
    document.querySelectorAll("[data-decision-aid]").forEach(setup);
  }
  if (typeof document$ !== "undefined") document$.subscribe(init); else init();
})();
