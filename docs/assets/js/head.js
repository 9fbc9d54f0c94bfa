/*! __md_scope, __md_hash, __md_get, __md_set and the palette restore follow Material for MkDocs
    (partials/javascripts/base.html and palette.html), Copyright (c) 2016-2025 Martin Donath, MIT licence. */
/* The first script of every page, loaded in <head> before anything is drawn. It replaces the
   inline scripts of Material's base partial, so that the site runs under a strict
   Content-Security-Policy (script-src 'self'), and it keeps every page working when the browser
   blocks storage.

   1. Marks the page as one with JavaScript (class tti-js), so the CSS can show controls that need
      script: no dead buttons. When the reader has saved checklist ticks, marks it too (class
      tti-ticks-saved), so the CSS hides a checklist's items until its ticks are restored: no
      flash. With nothing saved there is nothing to restore, and nothing is hidden.
   2. When reading localStorage or sessionStorage throws (the reader blocks site data), puts an
      in-memory store in its place, for Material and for the site's own scripts alike, and marks
      the page (class tti-no-storage), so the checklists can say from the first paint that ticks
      will not be kept.
   3. Defines Material's helpers __md_scope, __md_hash, __md_get and __md_set, as Material's
      partials/javascripts/base.html does (MIT licence), reading the scope from the script's
      data-md-scope attribute; __md_get returns null for a value it cannot parse.
   4. Defines __tti_text(key, values): the interface's words for the site's scripts, from the
      catalogue in the page's <meta name="tti-strings"> (docs/_data/strings/), with each {name}
      filled in.
   5. Restores the reader's colour scheme, as Material's inline palette script does
      (partials/javascripts/palette.html, MIT licence), on <body> as soon as the parser makes it
      and before it is drawn. The palette options come in the script's data-md-palettes
      attribute (overrides/partials/javascripts/base.html), as Material's toggle writes them. A
      script in the header, where Material has it, would stop the page from being drawn until
      it arrived; from here, the first paint shows the whole screen. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("tti-js");

  function memoryStore() {
    var data = Object.create(null);
    return {
      getItem: function (key) { return key in data ? data[key] : null; },
      setItem: function (key, value) { data[key] = String(value); },
      removeItem: function (key) { delete data[key]; },
      clear: function () { data = Object.create(null); },
      key: function (n) { return Object.keys(data)[n] || null; },
      get length() { return Object.keys(data).length; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      window[name].getItem("tti-probe");
    } catch (e) {
      try {
        Object.defineProperty(window, name, { value: memoryStore(), configurable: true });
      } catch (ignored) { /* the page still works; nothing is stored */ }
      if (name === "localStorage") root.classList.add("tti-no-storage");
    }
  });

  try {
    if (window.localStorage.getItem("tti-checklists:v1")) root.classList.add("tti-ticks-saved");
  } catch (e) { /* nothing saved can be read */ }

  var script = document.currentScript;
  window.__md_scope = new URL((script && script.getAttribute("data-md-scope")) || ".", location);
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    try {
      return JSON.parse((storage || localStorage).getItem((scope || __md_scope).pathname + "." + key));
    } catch (e) {
      return null;
    }
  };
  var strings = null;
  window.__tti_text = function (key, values) {
    if (strings === null) {
      var meta = document.querySelector('meta[name="tti-strings"]');
      try { strings = JSON.parse(meta ? meta.content : "{}"); } catch (e) { strings = {}; }
    }
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  };
  window.__md_set = function (key, value, storage, scope) {
    try {
      (storage || localStorage).setItem((scope || __md_scope).pathname + "." + key, JSON.stringify(value));
    } catch (e) { /* full or blocked: the setting lasts for this page only */ }
  };

  var saved = window.__md_get("__palette");
  var color = saved && saved.color;
  if (color && color.media === "(prefers-color-scheme)") {
    var options = [];
    try { options = JSON.parse((script && script.getAttribute("data-md-palettes")) || "[]"); } catch (e) { /* none */ }
    var media = matchMedia("(prefers-color-scheme: light)").matches
      ? "(prefers-color-scheme: light)" : "(prefers-color-scheme: dark)";
    color = options.filter(function (option) { return option.media === media; })[0] || null;
  }
  if (color && typeof color === "object") {
    /* <body> does not exist yet. A mutation observer's callback runs before the parser's task
       ends, so before anything is drawn. */
    var watch = new MutationObserver(function () {
      if (!document.body) return;
      watch.disconnect();
      Object.keys(color).forEach(function (key) { document.body.setAttribute("data-md-color-" + key, color[key]); });
    });
    watch.observe(root, { childList: true });
  }
})();
