/* Checklists: ticks saved in this browser only (localStorage), progress, reset, export,
   import and print. Markup comes from hooks/templates/checklist.md.j2. Set up once per
   checklist on every page Material shows (instant navigation included). */
(function () {
  "use strict";
  var KEY = "tti-checklists:v1", FORMAT = "take-the-interview/checklist", VERSION = 1;
  var memory = {}, saved = true;

  function readAll() {
    try {
      var raw = window.localStorage.getItem(KEY);
      var all = raw ? JSON.parse(raw) : {};
      return all && typeof all === "object" && !Array.isArray(all) ? all : {};
    } catch (e) { return {}; }
  }
  function load(id) {
    if (memory[id]) return memory[id];
    var one = readAll()[id];
    var ok = one && typeof one === "object" && !Array.isArray(one);
    return ok ? one : {};
  }
  function save(id, ticks) {
    memory[id] = ticks;
    try {
      var all = readAll();
      all[id] = ticks;
      window.localStorage.setItem(KEY, JSON.stringify(all));
      saved = true;
    } catch (e) { saved = false; }
    return saved;
  }
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
    var title = box.querySelector("h2").textContent;
    var known = {};
    boxes.forEach(function (b) { known[b.dataset.item] = true; });

    function current() {
      var ticks = {};
      boxes.forEach(function (b) { if (b.checked) ticks[b.dataset.item] = true; });
      return ticks;
    }
    function show() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      progress.textContent = done + " of " + boxes.length + " done";
    }
    function apply(ticks) {
      boxes.forEach(function (b) { b.checked = ticks[b.dataset.item] === true; });
      show();
    }
    function store() {
      if (!save(id, current())) say("Your ticks can't be saved in this browser, so they will be lost when you leave this site.");
    }
    function say(text) { status.textContent = text; }
    function close(back) {
      panel.hidden = true;
      panel.textContent = "";
      if (back) back.focus();
    }
    function open(nodes, back) {
      panel.textContent = "";
      nodes.forEach(function (n) { panel.appendChild(n); });
      panel.hidden = false;
      var first = panel.querySelector("textarea, input, button");
      if (first) first.focus();
      panel.back = back;
    }
    function button(text, action) { return el("button", { type: "button", class: "md-button", "data-action": action }, text); }

    var tidy = {}, stored = load(id), pruned = false;
    for (var k in stored) { if (known[k] && stored[k] === true) tidy[k] = true; else pruned = true; }
    apply(tidy);
    if (pruned) store();

    box.addEventListener("change", function (e) {
      if (e.target.matches("input[data-item]")) { show(); store(); }
    });
    box.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-action]");
      if (!b) return;
      var act = b.dataset.action, tool = box.querySelector('.tti-checklist__tools [data-action="' + act + '"]');
      if (act === "reset") {
        open([el("p", {}, "Untick all " + boxes.length + " items?"), button("Yes, untick all", "reset-yes"), button("Cancel", "cancel")], b);
      } else if (act === "reset-yes") {
        apply({}); store(); close(box.querySelector('[data-action="reset"]')); say("All items unticked.");
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
        var link = el("a", { class: "md-button", download: id + ".json",
          href: URL.createObjectURL(new Blob([data], { type: "application/json" })) }, "Download file");
        open([el("label", { for: id + "--export" }, "Your ticks as text, to copy or keep"), area, link, button("Copy", "copy"), button("Close", "cancel")], b);
      } else if (act === "copy") {
        var text = panel.querySelector("textarea");
        text.select();
        (navigator.clipboard ? navigator.clipboard.writeText(text.value) : Promise.reject())
          .then(function () { say("Copied."); }, function () { say("Select the text and copy it."); });
      } else if (act === "import") {
        var file = el("input", { type: "file", id: id + "--file", accept: ".json,application/json" });
        var paste = el("textarea", { id: id + "--paste", rows: "6" });
        file.addEventListener("change", function () {
          if (file.files[0]) file.files[0].text().then(function (t) { paste.value = t; });
        });
        open([el("label", { for: id + "--file" }, "Choose an exported file"), file,
          el("label", { for: id + "--paste" }, "or paste exported text"), paste,
          button("Import", "import-yes"), button("Cancel", "cancel")], b);
      } else if (act === "import-yes") {
        var problem = check(panel.querySelector("textarea").value);
        if (typeof problem === "string") { say("Not imported: " + problem + " Your saved ticks are unchanged."); return; }
        apply(problem); store(); close(tool || box.querySelector('[data-action="import"]'));
        say("Imported: " + progress.textContent + ".");
      }
    });

    function check(text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { return "this is not an export from this site."; }
      if (!data || data.format !== FORMAT) return "this is not an export from this site.";
      if (data.version !== VERSION) return "it is version " + data.version + " and this site reads version " + VERSION + ".";
      if (data.checklist !== id) return "it belongs to another checklist (" + data.checklist + ").";
      if (!data.items || typeof data.items !== "object" || Array.isArray(data.items)) return "its list of items is missing.";
      var ticks = {};
      for (var k in data.items) {
        if (typeof data.items[k] !== "boolean") return "item " + k + " is neither ticked nor unticked.";
        if (data.items[k] && known[k]) ticks[k] = true;
      }
      return ticks;
    }
    box.dataset.ready = "1";
  }

  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("tti-print-one");
    [].forEach.call(document.querySelectorAll(".tti-print-target"), function (b) { b.classList.remove("tti-print-target"); });
  });
  function init() { [].forEach.call(document.querySelectorAll("[data-checklist]"), setup); }
  if (typeof document$ !== "undefined") document$.subscribe(init); else init();
})();
