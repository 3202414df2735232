/*
 * The facilitator guide's calendar file: every meeting of the series and the
 * follow-up meeting in one .ics file (RFC 5545), for Outlook, Thunderbird and
 * the like. The facilitator picks each meeting's date and time first; a
 * meeting without a date is left out.
 *
 * The meetings are read from the guide itself: each time plan
 * (table[data-meeting], macros/facilitation.py) with the heading above it,
 * its caption, its steps and their links. Nothing here knows the questions.
 *
 * Each event: UID, DTSTAMP, DTSTART and DTEND in UTC (the browser's time
 * zone gives the local time picked), SUMMARY (the meeting's heading),
 * DESCRIPTION (the time plan, step by step, with links) and URL (the first
 * step's page). Text is escaped (\\ ; , and new lines), lines are folded at
 * 75 octets and end in CRLF.
 *
 * HTML it fills: [data-meeting-calendar] in docs/handledning.md.
 * window.CourseMeetingCalendar.ics(meetings, stamp) -> the file's text, for tests.
 */
(function () {
  "use strict";
  var course = window.Course;
  var place = document.querySelector("[data-meeting-calendar]");
  if (!course) return;
  var t = course.t;
  var el = course.el;
  var PAUSE = 30; // minutes to start, end and pause, beyond the discussion (the guide says to add them)

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function utc(date) {
    return date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + "T" + pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + "Z";
  }
  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }
  // A content line folded at 75 octets of UTF-8, never inside a character (RFC 5545, 3.1).
  var encoder = new TextEncoder();
  function fold(line) {
    var out = [];
    var current = "";
    var octets = 0;
    Array.from(line).forEach(function (ch) {
      var size = encoder.encode(ch).length;
      if (octets + size > 75) {
        out.push(current);
        current = " ";
        octets = 1;
      }
      current += ch;
      octets += size;
    });
    out.push(current);
    return out.join("\r\n");
  }
  function text(node) {
    var copy = node.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) {
      link.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // The guide's meetings, in page order: {number, title, caption, minutes, url, steps: [{title, minutes, url}]}.
  function meetings() {
    var heading = null;
    var found = [];
    // In document order: a table's heading is the last one before it (Material wraps tables in divs).
    document.querySelectorAll("h2, h3, h4, table[data-meeting]").forEach(function (node) {
      if (node.tagName !== "TABLE") {
        heading = node;
        return;
      }
      var caption = node.querySelector("caption");
      var steps = Array.prototype.map.call(node.querySelectorAll("tbody tr"), function (row) {
        var link = row.querySelector("a");
        return { title: text(row.querySelector("th")), minutes: Number(row.getAttribute("data-minutes")) || 0, url: link ? link.href : "" };
      });
      found.push({
        number: Number(node.getAttribute("data-meeting")),
        title: heading ? text(heading) : caption ? text(caption) : "",
        caption: caption ? text(caption) : "",
        minutes: Number(node.getAttribute("data-minutes")) || 0,
        url: steps.length ? steps[0].url.replace(/#.*$/, "") : "",
        steps: steps,
      });
    });
    return found;
  }

  // meetings: [{meeting (as above), start: Date}]
  function ics(chosen, stamp) {
    var series = Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
    var host = (course.config.courseId || "course").replace(/[^A-Za-z0-9.-]/g, "-");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + escapeText(t("calendar.product")) + "//" + course.config.lang.toUpperCase(), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    chosen.forEach(function (item) {
      var m = item.meeting;
      var end = new Date(item.start.getTime() + (m.minutes + PAUSE) * 60000);
      var description = [m.caption, ""].concat(
        m.steps.map(function (s) {
          return t("calendar.step", { title: s.title, minutes: s.minutes }) + (s.url ? "\n" + s.url : "");
        })
      );
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + series + "-meeting-" + m.number + "@" + host,
        "DTSTAMP:" + utc(stamp),
        "DTSTART:" + utc(item.start),
        "DTEND:" + utc(end),
        "SUMMARY:" + escapeText(t("calendar.summary", { meeting: m.title })),
        "DESCRIPTION:" + escapeText(description.join("\n"))
      );
      if (/^(https?|file):/.test(m.url)) lines.push("URL:" + m.url);
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  window.CourseMeetingCalendar = { ics: ics, meetings: meetings };
  if (!place) return;

  var list = meetings();
  var form = el("div", { class: "meeting-calendar__form" });
  var fields = [];
  list.forEach(function (m, n) {
    var group = el("fieldset", { class: "meeting-calendar__meeting" });
    group.appendChild(el("legend", {}, m.title));
    var date = el("input", { type: "date", id: "calendar-date-" + n, "data-meeting": String(m.number) });
    var time = el("input", { type: "time", id: "calendar-time-" + n, value: "09:00" });
    var a = el("p", { class: "journey-field" });
    a.appendChild(el("label", { for: date.id, class: "notes-field__label" }, t("calendar.date")));
    a.appendChild(date);
    var b = el("p", { class: "journey-field" });
    b.appendChild(el("label", { for: time.id, class: "notes-field__label" }, t("calendar.time")));
    b.appendChild(time);
    group.appendChild(a);
    group.appendChild(b);
    form.appendChild(group);
    fields.push({ meeting: m, date: date, time: time });
  });
  var button = el("button", { type: "button", class: "md-button" }, t("calendar.download"));
  form.appendChild(el("p", { class: "notes-actions" })).appendChild(button);
  var status = el("p", { class: "meeting-calendar__status", role: "status" });
  form.appendChild(status);
  place.appendChild(form);

  button.addEventListener("click", function () {
    var chosen = [];
    fields.forEach(function (f) {
      var d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(f.date.value);
      if (!d) return;
      var h = /^(\d{2}):(\d{2})/.exec(f.time.value) || [0, "09", "00"];
      var start = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(h[1]), Number(h[2]));
      if (!isNaN(start.getTime())) chosen.push({ meeting: f.meeting, start: start });
    });
    if (!chosen.length) {
      status.textContent = t("calendar.none");
      if (fields.length) fields[0].date.focus();
      return;
    }
    course.download(new Blob([ics(chosen, new Date())], { type: "text/calendar;charset=utf-8" }), t("calendar.file") + ".ics");
    status.textContent = t("calendar.done", { count: chosen.length });
  });
})();
