/* Scenario finder: a filter box over the plain list of situations.
   Without JavaScript the page is a list of links; this only adds the box. Runs on every
   page Material swaps in (instant navigation) and sets each finder up once. */
(function () {
  "use strict";
  function words(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").split(/\s+/).filter(Boolean);
  }
  function setup(finder) {
    if (finder.dataset.ready) return;
    finder.dataset.ready = "1";
    var box = finder.querySelector(".tti-finder__search");
    var input = box.querySelector("input");
    var count = box.querySelector(".tti-finder__count");
    var items = Array.prototype.slice.call(finder.querySelectorAll(".tti-finder__group li"));
    var groups = Array.prototype.slice.call(finder.querySelectorAll(".tti-finder__group"));
    var timer;
    function apply() {
      var wanted = words(input.value), shown = 0;
      items.forEach(function (li) {
        var text = words(li.textContent).join(" ");
        var hit = wanted.every(function (w) { return text.indexOf(w) !== -1; });
        li.hidden = !hit;
        if (hit) shown += 1;
      });
      groups.forEach(function (g) { g.hidden = !g.querySelector("li:not([hidden])"); });
      clearTimeout(timer);
      timer = setTimeout(function () {
        count.textContent = wanted.length === 0 ? window.__tti_text("finder.count", { total: items.length })
          : shown === 0 ? window.__tti_text("finder.none")
          : window.__tti_text("finder.matches", { shown: shown, total: items.length });
      }, 250);
    }
    input.addEventListener("input", apply);
    box.hidden = false;
    apply();
  }
  function init() {
    document.querySelectorAll("[data-scenario-finder]").forEach(setup);
  }
  if (typeof document$ !== "undefined") document$.subscribe(init); else init();
})();
