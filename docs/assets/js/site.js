/* Small fixes to Material's runtime, on every page.
   1. Material wraps each code block's copy button in an unnamed <nav>; several of them on one
      page are duplicate, nameless landmarks. Name each one after its position. A
      MutationObserver catches them whenever Material adds them.
   2. Material's inline content script opens the tab of tabbed content that the address names;
      the site allows no inline script, so this does it on every page Material shows. */
(function () {
  "use strict";
  function nameCodeNavs(root) {
    root.querySelectorAll(".md-code__nav:not([aria-label])").forEach(function (nav) {
      var all = Array.prototype.slice.call(document.querySelectorAll(".md-code__nav"));
      nav.setAttribute("aria-label", "Actions for text block " + (all.indexOf(nav) + 1));
    });
  }
  new MutationObserver(function () { nameCodeNavs(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
  nameCodeNavs(document);

  function openTargetTab() {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
  }
  if (typeof document$ !== "undefined") document$.subscribe(openTargetTab); else openTargetTab();
})();
