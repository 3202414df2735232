/*
 * Search in the reader's language, with Material's own search.
 *
 * Material matches each query word as the start of a word in its lunr index
 * ("vård" finds "vårdcentral"), and lunr leaves such queries unstemmed. This
 * script stems each word of the query before Material's search worker sees
 * it, so "vårdcentralerna" is looked up as "vårdcentral" and finds every
 * form on the pages. The build adds the later parts of Swedish compounds to
 * the Swedish index (field `parts`, course/postbuild/search_swedish.py), so a stem such
 * as "reform" finds "primärvårdsreform".
 *
 * When a Swedish query word finds nothing, its base forms are tried against
 * the index's own words: the stemmer leaves the definite "-et" on compounds
 * such as "synsättet", which the pages write "synsätt" (see baseForms).
 *
 * å, ä and ö stay exact. Only when a query has none of them and one of its
 * words matches no word of the index as typed ("vardcentral") are the letters
 * put back from the index's own words ("vårdcentral"). "vard", which starts
 * words of the index ("vardag"), stays "vard".
 *
 * How: Material's bundle starts its search worker with `new Worker(url)`;
 * this script, loaded before the bundle, wraps window.Worker (or the offline
 * build's file-worker-shim) so that the search worker's postMessage sees
 * Material's two messages: SETUP (type 0, the index: its language and words)
 * and QUERY (type 2, the query string), which it rewrites. Nothing else of
 * the worker changes; the stems also become the words that `h=` highlights
 * on the target page.
 *
 * The index loads when the reader shows they will search, never with the
 * page: most readers never search, and the index is the largest file a page
 * would fetch (issue 31). Material's bundle asks for it at once (its search
 * highlighting subscribes to the index on every page) and starts its search
 * worker at once. This script holds both back until the search field gains
 * focus (a click, the search shortcut, Material's key handling) or search
 * opens (the search button on a phone), or the address carries a search
 * (`q=`) or words to highlight (`h=`): the index request's send(), over
 * http, or the <script src=search_index.js> Material adds from disk, waits,
 * and the worker is a stand-in that starts the real one then. Material
 * sends no query before the worker says it is ready, and reads the field
 * once it is, so what the reader typed meanwhile is searched.
 *
 * window.CourseSearch.rewrite(query, lang, words) is exposed for the tests,
 * and so is CourseSearch.shown(): the query whose results the page shows
 * once the worker has answered every query sent (null while one is pending).
 * The worker answers in order, so a test that waits for its own query there
 * never reads the answer to an earlier one, such as the empty query sent
 * when the box opens. CourseSearch.wanted() says whether the index may load.
 */
(function () {
  "use strict";

  var stemmers = window.CourseSearchStemmers;
  var Native = window.Worker;
  // Material's message types (integrations/search/worker/message).
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js(?:[?#].*)?$/;
  var SYNTAX = /[*~^:"]/;
  var SWEDISH_LETTERS = /[åäö]/;
  var FOLD = { å: "a", ä: "a", ö: "o" };

  function fold(word) {
    return word.replace(/[åäö]/g, function (c) {
      return FOLD[c];
    });
  }

  // The distinct lower-case words of an index (every field), sorted, as lunr splits them.
  function indexWords(index) {
    var separator = new RegExp(index.config.separator);
    var fields = Object.keys(index.config.fields || {});
    var seen = {};
    index.docs.forEach(function (doc) {
      fields.forEach(function (field) {
        var value = doc[field];
        if (typeof value !== "string") return;
        value.replace(/<[^>]*>/g, " ").toLowerCase().split(separator).forEach(function (word) {
          if (word) seen[word] = true;
        });
      });
    });
    return Object.keys(seen).sort();
  }

  function startsAny(words, prefix) {
    var lo = 0;
    var hi = words.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (words[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < words.length && words[lo].lastIndexOf(prefix, 0) === 0;
  }

  // The index's spellings with å, ä or ö of an ASCII prefix: "vardc" -> ["vårdc"].
  function unfold(words, prefix) {
    var found = [];
    words.forEach(function (word) {
      if (!SWEDISH_LETTERS.test(word) || fold(word).lastIndexOf(prefix, 0) !== 0) return;
      var spelling = word.slice(0, prefix.length);
      if (found.indexOf(spelling) < 0) found.push(spelling);
    });
    return found;
  }

  // Base forms to try when a Swedish stem starts no word of the index. The
  // stemmer leaves the definite neuter "-et" on many compounds
  // ("arbetssättet", "synsättet", "grunduppdraget"): try the word without it,
  // also with a doubled last consonant made single ("programmet" -> "program"),
  // then without a final "-t" or "-n" ("samhället" -> "samhälle").
  function baseForms(stem) {
    var forms = [];
    if (/..et$/.test(stem)) {
      var bare = stem.slice(0, -2);
      forms.push(bare);
      if (/([^aeiouyåäö])\1$/.test(bare)) forms.push(bare.slice(0, -1));
    }
    if (/...[tn]$/.test(stem)) forms.push(stem.slice(0, -1));
    return forms;
  }

  function rewriteWord(word, lang, words, mayFold) {
    if (/\d/.test(word)) return [word];
    var stem = lang === "sv" ? stemmers.swedish(word) : stemmers.english(word);
    if (!words || startsAny(words, stem)) return [stem];
    // When the word finds nothing, try its base forms against the index's own words.
    var candidates = [stem].concat(baseForms(stem));
    for (var i = 1; i < candidates.length; i++) {
      if (startsAny(words, candidates[i])) return [candidates[i]];
    }
    if (mayFold) {
      for (var j = 0; j < candidates.length; j++) {
        var spellings = unfold(words, candidates[j]);
        if (spellings.length) return spellings;
      }
    }
    return [stem];
  }

  // The query as Material's worker should get it; syntax and phrases stay as typed.
  function rewrite(query, lang, words) {
    if ((lang !== "sv" && lang !== "en") || query.indexOf('"') >= 0) return query;
    var mayFold = lang === "sv" && !SWEDISH_LETTERS.test(query.toLowerCase());
    return query
      .split(/\s+/)
      .map(function (chunk) {
        if (!chunk || SYNTAX.test(chunk)) return chunk;
        var sign = /^[+-]/.test(chunk) ? chunk[0] : "";
        var parts = chunk.slice(sign.length).toLowerCase().split(/[^\p{L}\p{N}]+/u);
        var terms = [];
        parts.forEach(function (word) {
          if (!word) return;
          rewriteWord(word, lang, words, mayFold && !sign).forEach(function (term) {
            terms.push(sign + term);
          });
        });
        return terms.length ? terms.join(" ") : chunk;
      })
      .join(" ");
  }

  var asked = 0;
  var answered = 0;
  var lastQuery = null;

  function shown() {
    return asked > 0 && asked === answered ? lastQuery : null;
  }

  function adapt(worker) {
    var post = worker.postMessage;
    var lang = (document.documentElement.lang || "").slice(0, 2);
    var words = null;
    // Added before Material's own listener, so it runs first for each answer.
    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === RESULT) answered += 1;
    });
    worker.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === SETUP && message.data && message.data.config) {
        lang = (message.data.config.lang || [lang])[0];
        if (lang === "sv") words = indexWords(message.data);
      } else if (message && message.type === QUERY && typeof message.data === "string") {
        asked += 1;
        lastQuery = message.data;
        args[0] = { type: QUERY, data: rewrite(message.data, lang, words) };
      }
      return post.apply(worker, args);
    };
    return worker;
  }

  // Held back until the reader shows they will search.

  var INDEX = /\/search\/search_index\.(json|js)(?:[?#].*)?$/;
  var wanted = false;
  var held = []; // functions to run once search is wanted

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (run) {
      run();
    });
  }

  function whenWanted(run) {
    if (wanted) run();
    else held.push(run);
  }

  // A stand-in for the search worker: it starts the real one when search is
  // wanted, with the listeners added so far and the messages posted so far.
  function LazyWorker(url, options) {
    var self = this;
    var listeners = [];
    var posted = [];
    var real = null;
    this.onmessage = null;
    this.onerror = null;
    this.addEventListener = function (type, fn, opts) {
      if (real) real.addEventListener(type, fn, opts);
      else listeners.push([type, fn, opts]);
    };
    this.removeEventListener = function (type, fn, opts) {
      if (real) real.removeEventListener(type, fn, opts);
      listeners = listeners.filter(function (l) {
        return l[0] !== type || l[1] !== fn;
      });
    };
    this.postMessage = function () {
      if (real) real.postMessage.apply(real, arguments);
      else posted.push(arguments);
    };
    this.terminate = function () {
      if (real) real.terminate();
      posted = [];
      held = held.filter(function (run) {
        return run !== start;
      });
    };
    function start() {
      real = options === undefined ? new Native(url) : new Native(url, options);
      listeners.forEach(function (l) {
        real.addEventListener(l[0], l[1], l[2]);
      });
      real.addEventListener("message", function (event) {
        if (self.onmessage) self.onmessage(event);
      });
      real.addEventListener("error", function (event) {
        if (self.onerror) self.onerror(event);
      });
      posted.splice(0).forEach(function (args) {
        real.postMessage.apply(real, args);
      });
    }
    whenWanted(start);
  }

  if (typeof Native === "function") {
    var CourseWorker = function (url, options) {
      if (!SEARCH_WORKER.test(String(url))) {
        return options === undefined ? new Native(url) : new Native(url, options);
      }
      var worker = new LazyWorker(url, options);
      return stemmers ? adapt(worker) : worker;
    };
    CourseWorker.prototype = Native.prototype;
    window.Worker = CourseWorker;
  }

  // The index over http: Material's XMLHttpRequest waits in send().
  if (window.XMLHttpRequest) {
    var open = XMLHttpRequest.prototype.open;
    var send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      this.courseSearchIndex = INDEX.test(String(url));
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      var xhr = this;
      var args = arguments;
      if (!xhr.courseSearchIndex || wanted) return send.apply(xhr, args);
      whenWanted(function () {
        send.apply(xhr, args);
      });
    };
  }

  // The index from disk: Material adds <script src=".../search_index.js"> to the head.
  var head = document.head;
  if (head) {
    var append = head.appendChild;
    head.appendChild = function (node) {
      if (!wanted && node && node.tagName === "SCRIPT" && INDEX.test(node.src || "")) {
        whenWanted(function () {
          append.call(head, node);
        });
        return node;
      }
      return append.call(this, node);
    };
  }

  // What shows the reader will search.
  var FIELD = '[data-md-component="search-query"]';
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) {
    want();
  } else {
    document.addEventListener(
      "focusin",
      function (event) {
        if (event.target && event.target.matches && event.target.matches(FIELD)) want();
      },
      true
    );
    document.addEventListener(
      "change",
      function (event) {
        if (event.target && event.target.id === "__search" && event.target.checked) want();
      },
      true
    );
  }

  window.CourseSearch = {
    rewrite: rewrite,
    indexWords: indexWords,
    shown: shown,
    want: want,
    wanted: function () {
      return wanted;
    },
  };
})();
