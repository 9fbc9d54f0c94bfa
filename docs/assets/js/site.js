/* Small fixes to Material's runtime, on every page.
   1. Material wraps each code block's copy button in an unnamed <nav>; several of them on one
      page are duplicate, nameless landmarks. Name each one after its position. A
      MutationObserver on the page's code blocks catches them whenever Material adds them.
   2. Material's inline content script opens the tab of tabbed content that the address names;
      the site allows no inline script, so this does it on every page Material shows.
   3. A printed page gets the date it was printed.
   4. A search that finds nothing shows where to start instead (overrides/partials/search.html),
      and the 404 page's button opens the search box.
   5. The scripts of the checklists, the message builder, the situation finder and the decision
      aid load only on pages that show them, also when instant navigation brings such a page.
      A page that shows one at its first load has it already, in one file with this script. */
(function () {
  "use strict";
  function nameCodeNavs() {
    document.querySelectorAll(".md-code__nav:not([aria-label])").forEach(function (nav) {
      var all = Array.prototype.slice.call(document.querySelectorAll(".md-code__nav"));
      nav.setAttribute("aria-label", window.__tti_text("site.code_actions", { n: all.indexOf(nav) + 1 }));
    });
  }
  /* Only the code blocks are watched, and only on pages that have them: a watch on the whole
     page would run at every change Material makes while it sets a page up. */
  var codeWatch = new MutationObserver(nameCodeNavs);
  function watchCodeBlocks() {
    codeWatch.disconnect();
    document.querySelectorAll("pre").forEach(function (pre) {
      codeWatch.observe(pre, { childList: true, subtree: true });
    });
    nameCodeNavs();
  }
  if (typeof document$ !== "undefined") document$.subscribe(watchCodeBlocks); else watchCodeBlocks();

  /* A printed page says when it was printed, in the interface's locale (en-GB: 2 December
     2026), given by the element itself. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("[data-print-date]").forEach(function (p) {
      var locale = p.getAttribute("data-print-date") || document.documentElement.lang || undefined;
      var today = new Date().toLocaleDateString(locale, { year: "numeric", month: "long", day: "numeric" });
      p.textContent = window.__tti_text("site.printed", { date: today });
    });
  });

  function openTargetTab() {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
  }
  if (typeof document$ !== "undefined") document$.subscribe(openTargetTab); else openTargetTab();

  /* No dead ends: when Material reports no results for a query, show the starting points. */
  var none = document.querySelector(".tti-search-none");
  var meta = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  var query = document.querySelector(".md-search__input");
  function showNone() {
    none.hidden = !(query.value.trim() && !list.children.length
      && meta.textContent.trim() === none.getAttribute("data-none"));
  }
  if (none && meta && list && query) {
    new MutationObserver(showNone).observe(meta, { childList: true, characterData: true, subtree: true });
    query.addEventListener("input", showNone);
  }

  /* The 404 page's "Search the site" button opens Material's search box. */
  document.querySelectorAll("[data-tti-open-search]").forEach(function (button) {
    var toggle = document.getElementById("__search");
    if (!toggle || !query) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      query.focus();
    });
  });

  /* Scripts that only one page needs load only there. A page that shows a tool names its
     script itself (hooks/kb/scripts.py, MARKERS); a page reached by Material's instant
     navigation gets it from here, once. From then on the script sets up every page itself
     (document$), since instant navigation keeps the scripts a page has loaded. Add a new
     tool's script here and in MARKERS, by its markup, not to extra_javascript. */
  var ONE_PAGE = {
    "[data-checklist]": "checklist.js",
    ".tti-builder": "builder.js",
    ".tti-letter": "builder.js",
    ".tti-finder": "finder.js",
    ".tti-decide": "decide.js"
  };
  var here = document.currentScript ? document.currentScript.src : "";  // .../assets/js/site.js
  var loaded = {};
  /* A page that shows a tool loads this script and the tool's as one file, site.<tool>.js
     (hooks/kb/scripts.py): that tool is here already. */
  var bundled = /\/site\.([a-z]+\.js)(?:[?#].*)?$/.exec(here);
  if (bundled) loaded[bundled[1]] = true;
  function loadWhatThisPageNeeds() {
    Object.keys(ONE_PAGE).forEach(function (selector) {
      var name = ONE_PAGE[selector];
      if (loaded[name] || !here || !document.querySelector(selector)) return;
      loaded[name] = true;
      var src = new URL(name, here).href;
      if ([].some.call(document.scripts, function (s) { return s.src === src; })) return;
      var script = document.createElement("script");
      script.src = src;
      document.body.appendChild(script);
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(loadWhatThisPageNeeds); else loadWhatThisPageNeeds();
})();
