/* Checklists: ticks saved in this browser only (localStorage), progress, reset, export, import
   and print. Markup comes from hooks/templates/checklist.md.j2. Set up once per checklist on
   every page Material shows (instant navigation included).

   Saved state: one JSON object under KEY, by checklist id, then item id: {"declining":
   {"thank-them": true}}. Each change reads what is stored, changes one item and writes it back,
   so two tabs never overwrite each other's ticks; the `storage` event shows one tab's ticks in
   the others. When the browser blocks storage, head.js puts an in-memory store in its place
   and marks the page (html.tti-no-storage): ticks then last until the reader leaves the site,
   and the checklist says so from the start. When a write fails (storage full), the ticks of
   this visit are kept in memory and the checklist says they cannot be saved. */
(function () {
  "use strict";
  // head.js reads KEY too: a page whose reader has saved ticks hides items until restored.
  var KEY = "tti-checklists:v1", FORMAT = "take-the-interview/checklist", VERSION = 1;
  var memory = {};              // ticks of this visit that could not be written, by checklist id
  var live = [];                // set-up checklists, to refresh when another tab saves
  function t(key, values) { return window.__tti_text("checklist." + key, values); }  // the interface's words

  function isMap(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function readAll() {
    try {
      var all = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return isMap(all) ? all : {};
    } catch (e) { return {}; }
  }
  function tidy(one, known) {
    var ticks = {};
    if (isMap(one)) for (var k in one) if (known[k] && one[k] === true) ticks[k] = true;
    return ticks;
  }
  function load(id, known) { return tidy(memory[id] || readAll()[id], known); }
  /* Write `change(ticks)` for one checklist over what is stored now. */
  function save(id, known, change) {
    var all = readAll(), ticks = tidy(memory[id] || all[id], known);
    change(ticks);
    all[id] = ticks;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(all));
      delete memory[id];
      return true;
    } catch (e) {
      memory[id] = ticks;
      return false;
    }
  }
  function say(node, text) { node.textContent = text; }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }

  function setup(box) {
    if (box.dataset.ready) return;
    var id = box.dataset.checklist;
    var boxes = [].slice.call(box.querySelectorAll("input[data-item]"));
    var progress = box.querySelector("[data-progress]");
    var status = box.querySelector("[data-status]");
    var panel = box.querySelector("[data-panel]");
    var heading = box.querySelector("h2").cloneNode(true);
    [].forEach.call(heading.querySelectorAll(".headerlink"), function (a) { a.remove(); });
    var title = heading.textContent.trim();
    var known = {};
    boxes.forEach(function (b) { known[b.dataset.item] = true; });

    function current() {
      var ticks = {};
      boxes.forEach(function (b) { if (b.checked) ticks[b.dataset.item] = true; });
      return ticks;
    }
    function show() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      say(progress, t("progress", { done: done, total: boxes.length }));
    }
    function apply(ticks) {
      boxes.forEach(function (b) { b.checked = ticks[b.dataset.item] === true; });
      show();
    }
    function stored(ok) {
      if (!ok) say(status, t("not_saved"));
      return ok;
    }
    /* The reset, save and load panels: the button that opened one says so (aria-expanded);
       Escape, Cancel or Close shut it and put focus back on that button. */
    function close(back) {
      if (panel.url) { URL.revokeObjectURL(panel.url); panel.url = null; }
      panel.hidden = true;
      panel.textContent = "";
      if (panel.back) panel.back.setAttribute("aria-expanded", "false");
      panel.back = null;
      if (back) back.focus();
    }
    function open(nodes, back) {
      close();
      nodes.forEach(function (n) { panel.appendChild(n); });
      panel.hidden = false;
      var first = panel.querySelector("textarea, input, button");
      if (first) first.focus();
      panel.back = back;
      back.setAttribute("aria-expanded", "true");
    }
    function button(text, action) { return el("button", { type: "button", class: "md-button", "data-action": action }, text); }
    function tool(action) { return box.querySelector('.tti-checklist__tools [data-action="' + action + '"]'); }

    apply(load(id, known));
    var before = readAll()[id];
    if (before !== undefined && JSON.stringify(tidy(before, known)) !== JSON.stringify(before)) {
      save(id, known, function () {});  // drop ticks of removed items, and corrupt entries
    }

    box.addEventListener("change", function (e) {
      var b = e.target;
      if (!b.matches("input[data-item]")) return;
      show();
      stored(save(id, known, function (ticks) {
        if (b.checked) ticks[b.dataset.item] = true; else delete ticks[b.dataset.item];
      }));
    });
    box.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || panel.hidden) return;
      if (!panel.contains(e.target) && !e.target.closest(".tti-checklist__tools")) return;
      e.preventDefault();
      close(panel.back);
    });
    box.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-action]");
      if (!b) return;
      var act = b.dataset.action;
      if (!panel.hidden && panel.back === b) { close(b); return; }  // a second press shuts the panel
      if (act === "reset") {
        open([el("p", {}, t("reset_ask", { total: boxes.length })),
          button(t("reset_yes"), "reset-yes"), button(t("cancel"), "cancel")], b);
      } else if (act === "reset-yes") {
        apply({});
        stored(save(id, known, function (ticks) { for (var k in ticks) delete ticks[k]; }));
        close(tool("reset"));
        say(status, t("reset_done"));
      } else if (act === "cancel") {
        close(panel.back);

      } else if (act === "print") {
        document.documentElement.classList.add("tti-print-one");
        box.classList.add("tti-print-target");
        window.print();
      } else if (act === "export") {
        var data = JSON.stringify({ format: FORMAT, version: VERSION, checklist: id, title: title,
          exported: new Date().toISOString(), items: current() }, null, 2);
        var area = el("textarea", { id: id + "--export", rows: "6", readonly: "" });
        area.value = data;
        var url = URL.createObjectURL(new Blob([data], { type: "application/json" }));
        var link = el("a", { class: "md-button", download: id + ".json", href: url }, t("download"));
        open([el("label", { for: id + "--export" }, t("export_label")), area, link,
          button(t("copy"), "copy"), button(t("close"), "cancel")], b);
        panel.url = url;
      } else if (act === "copy") {
        var text = panel.querySelector("textarea");
        text.select();
        (navigator.clipboard ? navigator.clipboard.writeText(text.value) : Promise.reject())
          .then(function () { say(status, t("copied")); }, function () { say(status, t("copy_failed")); });
      } else if (act === "import") {
        var file = el("input", { type: "file", id: id + "--file", accept: ".json,application/json" });
        var paste = el("textarea", { id: id + "--paste", rows: "6" });
        file.addEventListener("change", function () {
          if (file.files[0]) file.files[0].text().then(function (t) { paste.value = t; });
        });
        open([el("label", { for: id + "--file" }, t("import_file")), file,
          el("label", { for: id + "--paste" }, t("import_paste")), paste,
          button(t("import_check"), "import-yes"), button(t("cancel"), "cancel")], b);
      } else if (act === "import-yes") {
        var found = check(panel.querySelector("textarea").value);
        if (typeof found === "string") {
          say(status, t("import_refused", { problem: found }));
          return;
        }
        panel.pending = found.ticks;
        open([el("p", {}, t("import_ask",
          { matched: found.matched, total: boxes.length, ticked: Object.keys(found.ticks).length })),
          button(t("import_yes"), "import-replace"), button(t("cancel"), "cancel")], tool("import"));
      } else if (act === "import-replace") {
        var ticks = panel.pending || {};
        apply(ticks);
        stored(save(id, known, function (saved) {
          for (var k in saved) delete saved[k];
          for (var n in ticks) saved[n] = true;
        }));
        close(tool("import"));
        say(status, t("import_done", { progress: progress.textContent }));
      }
    });

    /* An export of this checklist: {ticks, matched}, or why it cannot be imported. */
    function check(text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { return t("not_export"); }
      if (!isMap(data) || data.format !== FORMAT) return t("not_export");
      if (data.version !== VERSION) return t("wrong_version", { version: String(data.version), wanted: VERSION });
      if (data.checklist !== id) return t("other_list", { other: String(data.checklist) });
      if (!isMap(data.items)) return t("no_items");
      var ticks = {}, matched = 0;
      for (var k in data.items) {
        if (typeof data.items[k] !== "boolean") return t("bad_item", { item: k });
        if (known[k]) { matched += 1; if (data.items[k]) ticks[k] = true; }
      }
      if (matched === 0) return t("none_match");
      return { ticks: ticks, matched: matched };
    }
    box.refresh = function () { apply(load(id, known)); };
    live.push(box);
    box.dataset.ready = "1";
  }

  window.addEventListener("storage", function (e) {
    if (e.key !== KEY && e.key !== null) return;
    live = live.filter(function (box) { return box.isConnected; });
    live.forEach(function (box) { box.refresh(); });
  });
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("tti-print-one");
    [].forEach.call(document.querySelectorAll(".tti-print-target"), function (b) { b.classList.remove("tti-print-target"); });
  });
  function init() { [].forEach.call(document.querySelectorAll("[data-checklist]"), setup); }
  if (typeof document$ !== "undefined") document$.subscribe(init); else init();
})();
