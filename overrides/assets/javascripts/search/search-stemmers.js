/*
 * Stemmers for the search box (see search-language.js, which uses them).
 *
 * swedish(word): the Swedish Snowball stemmer, a line-by-line port of the
 *   algorithm in the snowballstemmer package (3.1.1) that the build uses
 *   (course/postbuild/search_swedish.py); tests/search/test_search_swedish.py checks that both
 *   give the same stem for every word of the course. Every stem is the start
 *   of its word, so Material's prefix search finds all forms from it.
 * english(word): a light English suffix stripper (plurals, -ing, -ed, -ly)
 *   that also keeps that property: "leaders" -> "leader", "policies" -> "polic".
 *
 * Words come in lower case. A classic script: it must run from file:// too.
 */
(function () {
  "use strict";

  var VOWELS = "aeiouyäåö";
  var S_ENDING = "bcdfghjklmnoprtvy";
  var OST_ENDING = "iklnprtuv";
  var MAIN_SUFFIXES = (
    "a arna erna heterna orna ad e ade ande arne are aste en anden aren heten ern ar er heter or " +
    "s as arnas ernas ornas es ades andes ens arens hetens erns at et andet het ast"
  ).split(" ");
  var CONSONANT_PAIRS = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];
  var OTHER_SUFFIXES = ["ig", "lig", "els", "fullt", "öst"];
  // Words where a final -et is part of the stem ("fabet", "komet"...).
  var ET_KEEPERS = (
    "fab h pak rak stak kom iet cit dit alit ilit mit nit pit rit sit tit uit ivit kvit xit"
  ).split(" ");

  function isVowel(c) {
    return !!c && VOWELS.indexOf(c) >= 0;
  }

  function endsWith(word, suffix, end) {
    return end >= suffix.length && word.slice(end - suffix.length, end) === suffix;
  }

  // Snowball's R1: after the first non-vowel that follows a vowel, at least 3 letters in.
  function regionOne(word) {
    var n = word.length;
    var i = 0;
    if (n < 3) return n;
    while (i < n && !isVowel(word[i])) i++;
    if (i >= n) return n;
    i++;
    while (i < n && isVowel(word[i])) i++;
    if (i >= n) return n;
    return Math.max(i + 1, 3);
  }

  // The longest suffix from `list` that lies wholly in R1 (from offset `r1`).
  function longestSuffix(word, list, r1) {
    var best = "";
    list.forEach(function (suffix) {
      if (suffix.length > best.length && word.length - suffix.length >= r1 && endsWith(word, suffix, word.length)) {
        best = suffix;
      }
    });
    return best;
  }

  // A final -et (or -ets) goes after a vowel and a consonant, unless a keeper ends there.
  function etCondition(word, at) {
    if (at < 3 || isVowel(word[at - 1]) || !isVowel(word[at - 2])) return false;
    return !ET_KEEPERS.some(function (keeper) {
      return endsWith(word, keeper, at);
    });
  }

  function mainSuffix(word, r1) {
    var suffix = longestSuffix(word, MAIN_SUFFIXES, r1);
    var at = word.length - suffix.length;
    if (!suffix) return word;
    if (suffix === "s") {
      if (endsWith(word, "et", at) && etCondition(word, at - 2)) return word.slice(0, at - 2);
      return at >= 1 && S_ENDING.indexOf(word[at - 1]) >= 0 ? word.slice(0, at) : word;
    }
    if (suffix === "et") return etCondition(word, at) ? word.slice(0, at) : word;
    return word.slice(0, at);
  }

  function consonantPair(word, r1) {
    var pair = word.slice(-2);
    return word.length - 2 >= r1 && CONSONANT_PAIRS.indexOf(pair) >= 0 ? word.slice(0, -1) : word;
  }

  function otherSuffix(word, r1) {
    var suffix = longestSuffix(word, OTHER_SUFFIXES, r1);
    var at = word.length - suffix.length;
    if (!suffix) return word;
    if (suffix === "öst") return at >= 1 && OST_ENDING.indexOf(word[at - 1]) >= 0 ? word.slice(0, at) + "ös" : word;
    if (suffix === "fullt") return word.slice(0, at) + "full";
    return word.slice(0, at);
  }

  function swedish(word) {
    var r1 = regionOne(word);
    return otherSuffix(consonantPair(mainSuffix(word, r1), r1), r1);
  }

  function english(word) {
    var w = word.replace(/['’]s$/, "");
    if (/ie[sd]$/.test(w) && w.length >= 7) {
      w = w.slice(0, -3);
    } else if (/(?:ss|us|is)$/.test(w)) {
      // "process", "status", "analysis" are not plurals
    } else if (/(?:sses|xes|ches|shes|zes)$/.test(w)) {
      w = w.slice(0, -2);
    } else if (/s$/.test(w) && w.length >= 4) {
      w = w.slice(0, -1);
    }
    if (/(?:ing)$/.test(w) && w.length >= 7) return w.slice(0, -3);
    if (/(?:ed|ly)$/.test(w) && w.length >= 6) return w.slice(0, -2);
    return w;
  }

  window.CourseSearchStemmers = { swedish: swedish, english: english };
})();
