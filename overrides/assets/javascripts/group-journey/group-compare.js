/*
 * Two occasions of "Gruppens resa" side by side (group-journey.js loads this once
 * two are kept): per statement both occasions share, the counts in a table and
 * sentences that say what moved, computed from the counts: which answer more
 * give and which fewer (as a share of those who answered), and whether the
 * spread (the standard deviation of the ratings 1-5) narrowed or widened.
 *
 * window.CourseGroupCompare:
 *   moved(countsBefore, countsNow) -> the sentences, counts as [n of 1, 2, 3, 4, 5, 0]
 *   mount(compare, defs, current) -> {draw(list)}: `current()` gives the kept occasions
 */
(function () {
  "use strict";
  var course = window.Course;
  var G = window.CourseGroupFile;
  if (!course || !G) return;
  var t = course.t;
  var el = course.el;

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function counts(c) {
    return Array.isArray(c) && c.length === 6 && c.every(function (n) {
      return typeof n === "number" && n >= 0 && n % 1 === 0;
    });
  }
  function dayText(day) {
    try {
      return new Date(day + "T12:00:00").toLocaleDateString(course.config.lang === "en" ? "en-GB" : course.config.lang, { day: "numeric", month: "long", year: "numeric" });
    } catch (e) {
      return day;
    }
  }

  // What moved between two occasions' counts of one statement, in words.
  function moved(before, now) {
    var sum = function (c) {
      return c.reduce(function (a, b) {
        return a + b;
      }, 0);
    };
    var nb = sum(before);
    var nn = sum(now);
    if (!nb || !nn) return [t("journey.moved.missing")];
    var label = function (i) {
      return t("assessment.scale." + G.SCALE[i]);
    };
    var most = -1;
    var least = -1;
    var up = 0;
    var down = 0;
    before.forEach(function (c, i) {
      var d = now[i] / nn - c / nb;
      if (d > up + 1e-9) {
        up = d;
        most = i;
      }
      if (d < down - 1e-9) {
        down = d;
        least = i;
      }
    });
    var out = [];
    var percent = function (c, n) {
      return Math.round((100 * c) / n);
    };
    if (most !== -1) out.push(t("journey.moved.more", { answer: label(most), now: percent(now[most], nn), before: percent(before[most], nb) }));
    if (least !== -1) out.push(t("journey.moved.fewer", { answer: label(least), now: percent(now[least], nn), before: percent(before[least], nb) }));
    if (most === -1 && least === -1) out.push(t("journey.moved.same"));
    var asObject = function (c) {
      var o = {};
      G.SCALE.forEach(function (v, i) {
        o[v] = c[i];
      });
      return o;
    };
    var sb = G.spreadOf(asObject(before));
    var sn = G.spreadOf(asObject(now));
    if (sn < sb - 0.05) out.push(t("journey.moved.spread_less"));
    else if (sn > sb + 0.05) out.push(t("journey.moved.spread_more"));
    else if (most !== -1 || least !== -1) out.push(t("journey.moved.spread_same"));
    return out;
  }

  function mount(compare, defs, current) {
    var uid = "journey";
    var choice = { before: null, now: null, module: null };

    function picker(id, label, list, selected) {
      var line = el("p", { class: "journey-field" });
      line.appendChild(el("label", { for: id, class: "notes-field__label" }, label));
      var select = el("select", { id: id });
      list.forEach(function (item) {
        var option = el("option", { value: item.value }, item.text);
        if (item.value === selected) option.selected = true;
        select.appendChild(option);
      });
      line.appendChild(select);
      return { line: line, select: select };
    }

    function draw(list) {
      clear(compare);
      if (list.length < 2) {
        compare.appendChild(el("p", {}, t("journey.compare.need_two")));
        return;
      }
      var ids = list.map(function (o) {
        return o.id;
      });
      if (ids.indexOf(choice.before) === -1) choice.before = ids[ids.length - 2];
      if (ids.indexOf(choice.now) === -1) choice.now = ids[ids.length - 1];
      var byId = {};
      list.forEach(function (o) {
        byId[o.id] = o;
      });
      var A = byId[choice.before];
      var B = byId[choice.now];
      var slugs = Object.keys(defs).filter(function (slug) {
        return has(A.modules, slug) && has(B.modules, slug);
      });
      var items = list.map(function (o) {
        return { value: o.id, text: t("journey.occasions.item", { name: o.name, date: dayText(o.date) }) };
      });
      compare.appendChild(el("h3", { id: uid + "-compare" }, t("journey.compare.heading")));
      var form = el("div", { class: "journey-compare__controls", role: "group", "aria-labelledby": uid + "-compare" });
      var a = picker(uid + "-before", t("journey.compare.before"), items, choice.before);
      var b = picker(uid + "-now", t("journey.compare.now"), items, choice.now);
      form.appendChild(a.line);
      form.appendChild(b.line);
      if (slugs.indexOf(choice.module) === -1) choice.module = slugs[0] || null;
      var m = picker(uid + "-module", t("group.module"), slugs.map(function (slug) {
        return { value: slug, text: defs[slug].label };
      }), choice.module);
      if (slugs.length) form.appendChild(m.line);
      compare.appendChild(form);
      [[a.select, "before"], [b.select, "now"], [m.select, "module"]].forEach(function (pair) {
        pair[0].addEventListener("change", function () {
          choice[pair[1]] = pair[0].value;
          draw(current());
          var again = document.getElementById(pair[0].id);
          if (again) again.focus();
        });
      });
      if (!slugs.length) {
        compare.appendChild(el("p", {}, t("journey.compare.no_module")));
        return;
      }
      var ma = A.modules[choice.module];
      var mb = B.modules[choice.module];
      if (ma.version !== mb.version) compare.appendChild(el("p", { class: "group-earlier" }, t("journey.compare.versions")));
      defs[choice.module].statements.forEach(function (s, n) {
        if (!has(ma.counts, s.id) || !has(mb.counts, s.id) || !counts(ma.counts[s.id]) || !counts(mb.counts[s.id])) return;
        var hid = uid + "-st-" + n;
        var block = el("section", { class: "journey-statement", "aria-labelledby": hid, "data-statement-id": s.id });
        block.appendChild(el("h4", { id: hid }, s.text));
        var words = el("ul", { class: "journey-moved" });
        moved(ma.counts[s.id], mb.counts[s.id]).forEach(function (text) {
          words.appendChild(el("li", {}, text));
        });
        block.appendChild(words);
        var tbl = el("table", { class: "group-table journey-table" });
        tbl.appendChild(el("caption", {}, t("journey.compare.caption")));
        var head = el("tr");
        head.appendChild(el("th", { scope: "col" }, t("group.answer")));
        head.appendChild(el("th", { scope: "col" }, A.name));
        head.appendChild(el("th", { scope: "col" }, B.name));
        tbl.appendChild(el("thead")).appendChild(head);
        var body = el("tbody");
        G.SCALE.forEach(function (v, i) {
          var row = el("tr");
          row.appendChild(el("th", { scope: "row" }, t("assessment.scale." + v)));
          row.appendChild(el("td", {}, String(ma.counts[s.id][i])));
          row.appendChild(el("td", {}, String(mb.counts[s.id][i])));
          body.appendChild(row);
        });
        var people = el("tr");
        people.appendChild(el("th", { scope: "row" }, t("journey.compare.people")));
        people.appendChild(el("td", {}, String(ma.people)));
        people.appendChild(el("td", {}, String(mb.people)));
        tbl.appendChild(body);
        tbl.appendChild(el("tfoot")).appendChild(people);
        block.appendChild(tbl);
        compare.appendChild(block);
      });
    }

    return { draw: draw };
  }

  window.CourseGroupCompare = { moved: moved, mount: mount };
})();
