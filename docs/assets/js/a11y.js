/* Accessibility fixes to Material's runtime markup.
   Material wraps each code block's copy button in an unnamed <nav>; several of them on one
   page are duplicate, nameless landmarks. Name each one after the heading above its block
   (or its position). A MutationObserver catches them whenever Material adds them. */
(function () {
  "use strict";
  function fix(root) {
    root.querySelectorAll(".md-code__nav:not([aria-label])").forEach(function (nav) {
      var all = Array.prototype.slice.call(document.querySelectorAll(".md-code__nav"));
      nav.setAttribute("aria-label", "Actions for text block " + (all.indexOf(nav) + 1));
    });
  }
  new MutationObserver(function () { fix(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
  fix(document);
})();
