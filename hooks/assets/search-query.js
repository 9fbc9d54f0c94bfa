/* The site's search, reading a query the way the reader means it.

   hooks/search.py puts this in front of Material's search worker (same file, same address), after
   one line that sets self.__tti_words to the word groups of docs/_data/search.yml. Material's
   worker turns every typed word into a prefix ("should" becomes "should*"), and lunr skips its
   stemmer and stop-word list for prefixes. So "i" matched every word that starts with an i, and
   "declining" never found "decline". Before Material sees a query, this:
   1. drops the stop words of the index's language ("i", "should", "my"), and the words that
      search.yml says to ignore because nearly every page has them ("interview", "job");
   2. adds the other words of a group the query names ("turn down" also looks for "decline");
   3. cuts each word to its stem with the language's lunr stemmer, and looks for words that start
      with it (Material adds the "*"), so "declining" finds "decline" and "declined";
   4. also looks for each long word with one letter wrong, for typos ("recuiter").
   The answer names the reader's own words, found or missing, not the stems, and each page's
   result shows the page's first paragraph (a guide's short answer) rather than whichever of its
   lines matched, with the reader's words marked.
   A query in lunr's syntax (quotes, +, -, :, *, ~, ^) goes to Material as typed. */
(function () {
  "use strict";
  var data = self.__tti_words || {};
  var language = "en";
  var asked = null; // the query being answered: each term sent, mapped to the reader's word
  var marked = []; // the stems of the query being answered, to mark in a page's first paragraph
  var leads = {}; // each page's first paragraph, by address

  function pipeline() {
    var lunr = self.lunr;
    var own = language !== "en" && lunr[language] ? lunr[language] : lunr;
    return [own.trimmer, own.stopWordFilter, own.stemmer].filter(Boolean);
  }

  function run(fns, word) {
    var token = new self.lunr.Token(word, {});
    for (var i = 0; i < fns.length; i++) {
      token = fns[i](token, 0, [token]);
      if (!token) return "";
      if (Array.isArray(token)) token = token[0];
      if (!token) return "";
    }
    return token.toString();
  }

  /* The query's words, and the words the site's groups add for it, each with the reader's
     words that brought it in ("decline" comes from "turn down"). */
  function words(text) {
    var split = text.split(self.lunr.tokenizer.separator).filter(Boolean);
    var spaced = " " + split.join(" ") + " ";
    var extra = [];
    ((data[language] || {}).same || []).forEach(function (group) {
      var named = group.filter(function (member) { return spaced.indexOf(" " + member + " ") !== -1; });
      if (!named.length) return;
      var from = named.join(" ").split(" ");
      group.forEach(function (member) {
        if (named.indexOf(member) !== -1) return;
        member.split(" ").forEach(function (word) { extra.push({ word: word, from: from }); });
      });
    });
    return { own: split, extra: extra };
  }

  function read(query) {
    asked = null;
    marked = [];
    if (/["+\-:*~^]/.test(query.replace(/(\w)-(\w)/g, "$1 $2"))) return query;
    var text = query.normalize("NFC").toLowerCase().replace(/[’‘]/g, "'").replace(/(\w)-(\w)/g, "$1 $2");
    var found = words(text);
    var fns = pipeline();
    var ignored = ((data[language] || {}).ignore || []);
    var terms = [], map = {};
    function add(term, key, word) {
      if (terms.indexOf(term) !== -1) return;
      terms.push(term);
      if (typeof word === "string" || !Object.prototype.hasOwnProperty.call(map, key)) map[key] = word;
    }
    function each(list, own) {
      list.forEach(function (entry) {
        var word = own ? entry : entry.word;
        if (word.length < 2) return; /* the "m" of "i'm", the "t" of "don't" */
        if (ignored.indexOf(word) !== -1) return; /* too common on this site to tell pages apart */
        var stem = run(fns, word);
        if (!stem || /[^\p{L}\p{N}]/u.test(stem)) return;
        /* a stem of one or two letters is looked for whole, not as the start of longer words */
        add(stem.length > 2 ? stem : stem + "^1", stem, own ? word : entry.from);
        if (marked.indexOf(stem) === -1) marked.push(stem);
        /* a typo: the whole word with one letter wrong (lunr stems it itself) */
        if (own && word.length >= 5 && !/[^\p{L}]/u.test(word)) add(word + "~1", word, word);
      });
    }
    each(found.own, true);
    each(found.extra, false);
    if (!terms.length) return query;
    asked = map;
    return terms.join(" ");
  }

  /* A page's first paragraph, with the words that start with a stem of the query marked. The
     paragraph is the site's own built HTML from the index; only text between tags is marked. */
  function lead(html) {
    if (!marked.length) return html;
    var words = new RegExp("(^|[^\\p{L}\\p{N}])((?:" + marked.join("|") + ")[\\p{L}\\p{N}]*)", "giu");
    return html.split(/(<[^>]*>)/).map(function (part) {
      return part.charAt(0) === "<" ? part : part.replace(words, "$1<mark>$2</mark>");
    }).join("");
  }

  /* Material lists, for each result, which query terms it has, and shows those it lacks; make
     them the reader's words. A reader's word counts as found when a word of its group is. */
  function own(terms) {
    if (!asked || !terms) return terms;
    var result = {};
    Object.keys(terms).forEach(function (term) {
      var word = asked[term];
      if (typeof word === "string" && word) result[word] = result[word] || terms[term];
    });
    Object.keys(terms).forEach(function (term) {
      var from = asked[term];
      if (Array.isArray(from) && terms[term]) from.forEach(function (word) {
        if (Object.prototype.hasOwnProperty.call(result, word)) result[word] = true;
      });
    });
    return result;
  }

  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, function (event) {
      var message = event.data;
      if (message && message.type === 0 && message.data && message.data.config) {
        var lang = message.data.config.lang || ["en"];
        language = lang.length === 1 ? lang[0] : "en";
        leads = {};
        (message.data.docs || []).forEach(function (doc) {
          var first = /^\s*(<p>[\s\S]*?<\/p>)/.exec(doc.text || "");
          if (first && doc.location.indexOf("#") === -1) leads[doc.location] = first[1];
        });
      }
      if (message && message.type === 2 && typeof message.data === "string") {
        try {
          return handler({ data: { type: 2, data: read(message.data) } });
        } catch (error) {
          asked = null;
        }
      }
      return handler(event);
    }, options);
  };

  var post = self.postMessage.bind(self);
  self.postMessage = function (message, transfer) {
    if (message && message.type === 3 && message.data && message.data.items) {
      try { message.data.items.forEach(function (group) {
        group.forEach(function (item) {
          item.terms = own(item.terms);
          if (Object.prototype.hasOwnProperty.call(leads, item.location)) item.text = lead(leads[item.location]);
        });
      }); } catch (error) { /* the results as Material made them */ }
    }
    return transfer ? post(message, transfer) : post(message);
  };
})();
