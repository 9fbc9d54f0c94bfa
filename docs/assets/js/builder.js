/* Message builder: drafts a message from the templates and phrases in the JSON inside the
   container, the same way as hooks/kb/messages.py (see its docstring). Without JavaScript the
   templates show as plain text. With it, the CSS shows the form instead, drawn with its first
   draft before this script runs (kb.messages.first_draft); this makes it live and marks the
   container ready, which shows the buttons. Typed text is only ever set with textContent or as
   a link, and never leaves the page. */
(function () {
  "use strict";
  var PLACEHOLDER = /\[([^\[\]\n]*)\]/g;
  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  function word(key) { return window.__tti_text(key); }  // the interface's words
  /* Text as typed can hold half of a character pair (a lone surrogate), which makes
     encodeURIComponent throw and the clipboard refuse the text: replace it with U+FFFD. */
  function wellFormed(text) {
    return typeof text.toWellFormed === "function" ? text.toWellFormed()
      : text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/g, function (m) {
        return m.length === 2 ? m.charAt(0) + "\uFFFD" : "\uFFFD";
      });
  }
  function fill(text, values, fields) {
    Object.keys(fields).forEach(function (name) {
      if (!values[name]) fields[name].forEach(function (r) { text = text.split(r[0]).join(r[1]); });
    });
    text = text.split("\n").filter(function (line) {
      var m = /^\[([^\[\]\n]*)\]$/.exec(line.trim());
      return !(m && !(own(values, m[1]) && values[m[1]]));
    }).join("\n");
    return text.replace(PLACEHOLDER, function (all, name) { return own(values, name) ? values[name] : ""; })
      .replace(/\n{3,}/g, "\n\n").trim();
  }
  function setup(root) {
    var form = root.querySelector("form");
    if (root.dataset.ready || !form || !root.dataset.messageData) return;
    root.dataset.ready = "1";
    var data = JSON.parse(root.dataset.messageData); // see kb.messages.page_json
    var inputs = form.querySelectorAll("[data-field]");
    var subject = form.querySelector("[data-subject]"), body = form.querySelector("[data-body]");
    var email = form.querySelector("[data-email]"), status = form.querySelector("[data-status]");
    var text = "", timer;
    var situation = form.querySelector("[name='tti-situation']"), reasons = form.querySelector("[data-reasons]");
    var rows = form.querySelectorAll("[data-field-row]");
    function reasonPicked() { return +form.querySelector("input[name='tti-reason']:checked").value; }
    /* Show only what the chosen message uses: its fields, and the reasons if it has a [Reason] line. */
    function fit(draft) {
      reasons.hidden = !draft.reason;
      rows.forEach(function (row) { row.hidden = draft.fields.indexOf(row.dataset.fieldRow) === -1; });
    }
    function update() {
      var values = {};
      inputs.forEach(function (input) { values[input.dataset.field] = wellFormed(input.value).trim().split(/\s+/).join(" "); });
      var id = situation.value, reason = data.reasons[reasonPicked()], draft = data.templates[id];
      fit(draft);
      Object.keys(values).forEach(function (name) { if (draft.fields.indexOf(name) === -1) values[name] = ""; });
      var extra = [own(reason.instead, id) ? reason.instead[id] : reason.sentence,
        values.Colleague ? data.recommend : null].filter(Boolean).join("\n\n");
      var parts = [fill(draft.subject, values, data.fields), fill(draft.body.split("\n").map(function (line) {
        return line.trim() === "[Reason]" ? extra : line;
      }).join("\n"), values, data.fields)];
      if (subject.textContent !== parts[0]) subject.textContent = parts[0];
      if (body.textContent !== parts[1]) body.textContent = parts[1];
      email.href = "mailto:?subject=" + encodeURIComponent(parts[0]) +
        "&body=" + encodeURIComponent(parts[1].replace(/\n/g, "\r\n"));
      text = "Subject: " + parts[0] + "\n\n" + parts[1];
    }
    function say(message) {
      status.textContent = "";
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = message; }, 100);
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-copy]").addEventListener("click", function () {
      var done = function () { say(word("builder.copied")); }, failed = function () { say(word("builder.copy_failed")); };
      try { navigator.clipboard.writeText(text).then(done, failed); } catch (e) { failed(); }
    });
    form.querySelector("[data-reset]").addEventListener("click", function () {
      form.reset();
      update();
      say(word("builder.cleared"));
    });
    update();
  }
  /* A message template shown as a letter (hooks/templates/message-letter.html.j2): its Copy
     button copies the letter's text as it is, placeholders and all. Without JavaScript the
     button stays hidden and the text can be selected. */
  function letter(box) {
    var button = box.querySelector("[data-letter-copy]"), status = box.querySelector("[data-letter-status]");
    if (box.dataset.ready || !button) return;
    box.dataset.ready = "1";
    var timer;
    function say(message) {
      status.textContent = "";
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = message; }, 100);
    }
    button.addEventListener("click", function () {
      var text = box.querySelector("[data-letter-text]").textContent;
      var done = function () { say(word("builder.letter_copied")); }, failed = function () { say(word("builder.copy_failed")); };
      try { navigator.clipboard.writeText(text).then(done, failed); } catch (e) { failed(); }
    });
    button.hidden = false;
  }
  function init() {
    document.querySelectorAll("[data-message-builder]").forEach(setup);
    document.querySelectorAll("[data-letter]").forEach(letter);
  }
  if (typeof document$ !== "undefined") document$.subscribe(init); else init();
})();
