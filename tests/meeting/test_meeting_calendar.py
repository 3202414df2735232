"""Issue 30: the guide's calendar file (.ics) of the series and the follow-up meeting.

The facilitator picks the dates in Chromium and downloads the file; a strict
reader of RFC 5545 written here checks it: CRLF line endings, lines folded at
75 octets, the content-line grammar, escaped TEXT values, VCALENDAR with
VERSION and PRODID, and each VEVENT with one UID (unique), one DTSTAMP, a
start and an end, a summary, the time plan as description and a link to the
module. The same file is then read by a real parser, the icalendar package
(pinned in the test extra), which must find the same events with the same
values: one VEVENT per meeting.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import pytest

from course.render.facilitation import suggested_minutes
from course.model.load import load_course
from tests.support.site_build import ROOT
from tests.support.notes_support import new_page, ui

GUIDE = "handledning/"
ZONE = "Europe/Stockholm"
NAME = re.compile(r"^[A-Za-z0-9-]+$")
UTC_TIME = re.compile(r"^\d{8}T\d{6}Z$")
TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "PRODID"}


class CalendarError(AssertionError):
    pass


def content_lines(data: bytes) -> list[str]:
    """RFC 5545 3.1: CRLF after every line, at most 75 octets each, folded with one space or tab."""
    if not data.endswith(b"\r\n"):
        raise CalendarError("the file does not end with CRLF")
    physical = data[:-2].split(b"\r\n")
    lines: list[str] = []
    for n, raw in enumerate(physical, start=1):
        if b"\r" in raw or b"\n" in raw:
            raise CalendarError(f"line {n}: a bare CR or LF")
        if len(raw) > 75:
            raise CalendarError(f"line {n}: {len(raw)} octets, more than 75")
        text = raw.decode("utf-8")  # a fold never splits a character, so each line decodes alone
        if text[:1] in (" ", "\t"):
            if not lines:
                raise CalendarError("the file starts with a continuation line")
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def split_line(line: str) -> tuple[str, dict[str, str], str]:
    """name *(";" param) ":" value, with quoted parameter values."""
    match = re.match(r'^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$', line)
    if not match:
        raise CalendarError(f"not a content line: {line[:80]!r}")
    params = dict(p.split("=", 1) for p in match.group(2).split(";")[1:])
    return match.group(1).upper(), params, match.group(3)


def unescape_text(value: str, where: str) -> str:
    """A TEXT value (3.3.11): only \\\\ \\; \\, \\n \\N escapes; no bare ; or , and no control characters."""
    out = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            nxt = value[i + 1 : i + 2]
            if nxt not in ("\\", ";", ",", "n", "N"):
                raise CalendarError(f"{where}: a bad escape \\{nxt}")
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        if ch in ";,":
            raise CalendarError(f"{where}: an unescaped {ch!r}")
        if ord(ch) < 32 and ch != "\t":
            raise CalendarError(f"{where}: a control character")
        out.append(ch)
        i += 1
    return "".join(out)


def parse_calendar(data: bytes) -> dict:
    """The calendar as {properties, events: [{NAME: [values]}]}; raises CalendarError on anything RFC 5545 refuses."""
    lines = content_lines(data)
    stack: list[tuple[str, dict]] = []
    calendar = None
    events = []
    for line in lines:
        name, params, value = split_line(line)
        if name == "BEGIN":
            component = (value.upper(), {})
            if not stack and value.upper() != "VCALENDAR":
                raise CalendarError("the file does not start with BEGIN:VCALENDAR")
            if stack and value.upper() == "VCALENDAR":
                raise CalendarError("a VCALENDAR inside another")
            stack.append(component)
            continue
        if name == "END":
            if not stack or stack[-1][0] != value.upper():
                raise CalendarError(f"END:{value} does not close {stack[-1][0] if stack else 'anything'}")
            kind, props = stack.pop()
            if kind == "VEVENT":
                events.append(props)
            elif kind == "VCALENDAR":
                if calendar is not None:
                    raise CalendarError("two calendars in one file")
                calendar = props
            continue
        if not stack:
            raise CalendarError(f"{name} outside any component")
        if name in TEXT_PROPERTIES:
            value = unescape_text(value, name)
        stack[-1][1].setdefault(name, []).append(value)
    if stack or calendar is None:
        raise CalendarError("the calendar is not closed")
    for key in ("VERSION", "PRODID"):
        if len(calendar.get(key, [])) != 1:
            raise CalendarError(f"VCALENDAR needs exactly one {key}")
    if calendar["VERSION"] != ["2.0"]:
        raise CalendarError("VERSION must be 2.0")
    uids = set()
    for n, event in enumerate(events, start=1):
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if len(event.get(key, [])) != 1:
                raise CalendarError(f"event {n} needs exactly one {key}, has {len(event.get(key, []))}")
        for key in ("DTSTAMP", "DTSTART", "DTEND"):
            if not UTC_TIME.match(event[key][0]):
                raise CalendarError(f"event {n}: {key} is not a UTC date-time: {event[key][0]}")
        if event["DTEND"][0] <= event["DTSTART"][0]:
            raise CalendarError(f"event {n} ends before it starts")
        if event["UID"][0] in uids:
            raise CalendarError(f"event {n}: UID {event['UID'][0]} is not unique")
        uids.add(event["UID"][0])
    return {"properties": calendar, "events": events}


def read_with_icalendar(data: bytes, strict_events: list[dict]) -> list:
    """The file as icalendar reads it: one VEVENT per event the strict reader found, with the same values."""
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar.name == "VCALENDAR"
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert len(events) == len(strict_events)
    for event, strict in zip(events, strict_events):
        assert set(strict) >= {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL"}
        for key in ("UID", "SUMMARY", "DESCRIPTION", "URL"):
            assert str(event[key]) == strict[key][0], key
        for key in ("DTSTAMP", "DTSTART", "DTEND"):
            value = event.decoded(key)
            assert isinstance(value, datetime) and value.utcoffset() == timedelta(0), key
            assert value == utc(strict[key][0]), key
    return events


def utc(value: str) -> datetime:
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)


def test_the_strict_reader_refuses_what_rfc_5545_refuses():
    good = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//SV\r\nBEGIN:VEVENT\r\nUID:a@b\r\nDTSTAMP:20270101T100000Z\r\nDTSTART:20270114T080000Z\r\nDTEND:20270114T090000Z\r\nSUMMARY:M\xc3\xb6te 1\\, f\xc3\xb6rst\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    assert parse_calendar(good)["events"][0]["SUMMARY"] == ["Möte 1, först"]
    bad = {
        "LF endings": good.replace(b"\r\n", b"\n"),
        "a long line": good.replace(b"SUMMARY:", b"SUMMARY:" + b"x" * 80),
        "no UID": good.replace(b"UID:a@b\r\n", b""),
        "no DTSTAMP": good.replace(b"DTSTAMP:20270101T100000Z\r\n", b""),
        "an unescaped comma": good.replace(b"\\,", b","),
        "a local DTSTAMP": good.replace(b"DTSTAMP:20270101T100000Z", b"DTSTAMP:20270101T100000"),
        "unclosed": good.replace(b"END:VCALENDAR\r\n", b""),
    }
    for what, data in bad.items():
        with pytest.raises(CalendarError):
            parse_calendar(data)
            print(what)


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_the_series_downloads_as_one_calendar_file_with_an_event_per_meeting(browser, server, tmp_path, lang_path):
    course = load_course(ROOT / "data" / "reflection", ROOT)
    context = browser.new_context(timezone_id=ZONE, accept_downloads=True)
    with new_page(browser, context=context) as page:
        page.goto(server.url + lang_path + GUIDE)
        plans = page.eval_on_selector_all(
            "table[data-meeting]",
            "ts => ts.map(t => ({number: +t.dataset.meeting, minutes: +t.dataset.minutes, steps: t.dataset.steps.split(' '),"
            " first: t.querySelector('tbody a').href.replace(/#.*$/, '')}))",
        )
        assert [p["number"] for p in plans] == [1, 2, 3, 4, 5]
        meetings = page.locator("[data-meeting-calendar] fieldset")
        assert meetings.count() == len(plans)
        # Nothing chosen yet: nothing to download, and the page says so.
        page.get_by_role("button", name=ui(page, "calendar.download")).click()
        assert page.locator(".meeting-calendar__status").text_content() == ui(page, "calendar.none")
        chosen = {}
        for n, plan in enumerate(plans):
            day = datetime(2027, 1, 14) + timedelta(weeks=4 * n) if n < 4 else datetime(2027, 9, 2)
            start = "13:30" if n == 2 else "09:00"
            fieldset = meetings.nth(n)
            fieldset.get_by_label(ui(page, "calendar.date")).fill(day.strftime("%Y-%m-%d"))
            fieldset.get_by_label(ui(page, "calendar.time")).fill(start)
            hour, minute = map(int, start.split(":"))
            chosen[plan["number"]] = day.replace(hour=hour, minute=minute, tzinfo=ZoneInfo(ZONE))
        with page.expect_download() as info:
            page.get_by_role("button", name=ui(page, "calendar.download")).click()
        target = tmp_path / "moten.ics"
        info.value.save_as(target)
        assert info.value.suggested_filename == ui(page, "calendar.file") + ".ics"
        assert page.locator(".meeting-calendar__status").text_content() == ui(page, "calendar.done", count=5)
        titles = page.eval_on_selector_all(
            "h2, h3, h4, table[data-meeting]",
            "ns => { let h = null; const out = []; for (const n of ns) { if (n.tagName === 'TABLE') out.push(h.firstChild.textContent.trim()); else h = n; } return out; }",
        )
        lang = "en" if lang_path else "sv"
        assert page.errors == []
    context.close()
    calendar = parse_calendar(target.read_bytes())
    events = calendar["events"]
    assert len(events) == len(plans) == 5
    assert len(read_with_icalendar(target.read_bytes(), events)) == len(plans)
    for event, plan, title in zip(events, plans, titles):
        start = utc(event["DTSTART"][0])
        assert start == chosen[plan["number"]].astimezone(timezone.utc)
        # The discussion's minutes from the data, and half an hour to start, end and pause.
        minutes = suggested_minutes(q for sid in plan["steps"] for q in course.step(sid).questions)
        assert minutes == plan["minutes"]
        assert utc(event["DTEND"][0]) - start == timedelta(minutes=minutes + 30)
        assert event["SUMMARY"][0].startswith(title + ": ")
        description = event["DESCRIPTION"][0]
        for sid in plan["steps"]:
            step = course.step(sid)
            assert f"{step.title[lang]}: {suggested_minutes(step.questions)} " in description
        assert event["URL"] == [plan["first"]]
        assert "@" in event["UID"][0]
    assert events[4]["SUMMARY"][0].startswith(("Uppföljningsmöte", "Follow-up meeting"))


def test_a_meeting_without_a_date_is_left_out(browser, server, tmp_path):
    context = browser.new_context(timezone_id=ZONE, accept_downloads=True)
    with new_page(browser, context=context) as page:
        page.goto(server.url + GUIDE)
        meetings = page.locator("[data-meeting-calendar] fieldset")
        meetings.nth(0).get_by_label(ui(page, "calendar.date")).fill("2027-01-14")
        meetings.nth(4).get_by_label(ui(page, "calendar.date")).fill("2027-09-02")
        with page.expect_download() as info:
            page.get_by_role("button", name=ui(page, "calendar.download")).click()
        target = tmp_path / "tva.ics"
        info.value.save_as(target)
    context.close()
    events = parse_calendar(target.read_bytes())["events"]
    assert len(events) == 2
    assert len(read_with_icalendar(target.read_bytes(), events)) == 2
    assert events[0]["DTSTART"] == ["20270114T080000Z"]  # 09.00 in Stockholm in winter
