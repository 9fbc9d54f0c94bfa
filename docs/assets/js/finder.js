/* Scenario finder: a filter box over the plain list of situations.
   Without JavaScript the page is a list of links; this only adds the box. Runs on every
   page Material swaps in (instant navigation) and sets each finder up once.
   The filter reads words as readers mean them: case and accents do not matter, common words
   ("I", "the", "and") are skipped, a word finds its other endings ("declining" finds
   "decline"), and a word or phrase of a group in docs/_data/search.yml finds the others
   ("headhunter" finds "recruiter"; the groups come in the finder's data-same attribute). A
   situation's other phrasings (`also:` in scenarios.yml) are matched too. */
(function () {
  "use strict";
  var COMMON = ("a an and am are as at be but by can do does for from has have how i im i'm in is it its " +
    "me my of on or should so that the this to was what with would you your").split(" ");
  function normal(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").replace(/[^a-z0-9'\s]+/g, " ");
  }
  function words(text) {
    return normal(text).split(/\s+/).filter(Boolean);
  }
  /* A word's stem: the word without a common English ending, so that "declining", "declined"
     and "decline" all give "declin". Short words are kept whole. */
  function stem(word) {
    word = word.replace(/'s$/, "").replace(/'/g, "");
    if (word.length < 5) return word;
    var endings = ["ations", "ation", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ers", "er", "ly", "s", "e"];
    for (var i = 0; i < endings.length; i++) {
      var end = endings[i];
      if (word.length - end.length >= 4 && word.slice(-end.length) === end) {
        word = word.slice(0, -end.length);
        break;
      }
    }
    return word.replace(/e$/, "").replace(/([^aeiou])\1$/, "$1");
  }
  /* What the reader asks for: a list of needs, each met when any of its alternatives is in a
     situation's words. A word or phrase of a word group needs any member of its groups. */
  function needs(query, groups) {
    var list = words(query);
    var used = list.map(function () { return false; });
    var byMember = {};
    groups.forEach(function (group) {
      group.forEach(function (member) {
        var parts = words(member);
        for (var start = 0; start + parts.length <= list.length; start++) {
          var hit = parts.every(function (part, n) {
            var asked = list[start + n];
            /* other endings count too ("declining" is "decline"), but not "-ed": "rejected"
               says what happened to the reader, not that they want to turn something down */
            return asked === part || (parts.length === 1 && !/ed$/.test(asked) && stem(asked) === stem(part));
          });
          if (!hit) continue;
          var key = list.slice(start, start + parts.length).join(" ");
          byMember[key] = (byMember[key] || []).concat(group);
          for (var n = 0; n < parts.length; n++) used[start + n] = true;
        }
      });
    });
    /* A group's words must be whole words of the situation, in any ending but "-ed": "turn
       down" finds "decline" and "declining", not "I'm afraid of being rejected". */
    var found = Object.keys(byMember).map(function (key) {
      return byMember[key].map(function (member) { return { group: " " + words(member).map(stem).join(" ") + " " }; });
    });
    /* The reader's own words match the start of a word, in any ending ("reject" finds "rejected"). */
    list.forEach(function (word, n) {
      if (!used[n] && COMMON.indexOf(word) === -1) found.push([{ own: " " + stem(word) }, { own: " " + word }]);
    });
    return found;
  }
  function setup(finder) {
    if (finder.dataset.ready) return;
    finder.dataset.ready = "1";
    var groups = [];
    try { groups = JSON.parse(finder.dataset.same || "[]"); } catch (e) { groups = []; }
    var box = finder.querySelector(".tti-finder__search");
    var input = box.querySelector("input");
    var count = box.querySelector(".tti-finder__count");
    var none = finder.querySelector("[data-finder-none]");
    var search = none && none.querySelector("[data-search-link]");
    var items = Array.prototype.slice.call(finder.querySelectorAll(".tti-finder__group li"));
    /* Each situation's words three ways: as stems, as typed, and as stems except "-ed" words */
    var texts = items.map(function (li) {
      var list = words(li.textContent);
      var join = function (parts) { return " " + parts.join(" ") + " "; };
      return { stems: join(list.map(stem)), plain: join(list),
               group: join(list.map(function (w) { return /ed$/.test(w) ? w : stem(w); })) };
    });
    var groupBoxes = Array.prototype.slice.call(finder.querySelectorAll(".tti-finder__group"));
    var timer;
    function apply() {
      var wanted = needs(input.value, groups), shown = 0;
      items.forEach(function (li, n) {
        var hit = wanted.every(function (alternatives) {
          return alternatives.some(function (alt) {
            return alt.group ? texts[n].group.indexOf(alt.group) !== -1
              : texts[n].stems.indexOf(alt.own) !== -1 || texts[n].plain.indexOf(alt.own) !== -1;
          });
        });
        li.hidden = !hit;
        if (hit) shown += 1;
      });
      groupBoxes.forEach(function (g) { g.hidden = !g.querySelector("li:not([hidden])"); });
      if (none) {
        none.hidden = shown !== 0;
        if (search) search.setAttribute("href", "?q=" + encodeURIComponent(input.value.trim()));
      }
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
