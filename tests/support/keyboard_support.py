"""Shared helpers for the keyboard and screen-reader tests (tests/accessibility/test_wcag_keyboard.py); holds no tests itself.

What axe cannot see (issue 26): where focus is and whether it shows, what a live region
says, and what the accessibility tree names. Measured in Chromium, never guessed:
- a focus indicator is a non-`none` outline or box-shadow at 3:1 against what is behind
  it, or failing that a change of the pixels around the element when it takes focus;
- a Tab stop is inside the window and not under the sticky header or "back to top";
- an announcement is text that appears in a live region (role=status or alert, aria-live).
"""

from __future__ import annotations

import re
import struct
import zlib

# The element that has focus, where it is and what shows it. Runs in the page.
FOCUS_STATE = """async (settle) => {
  // With `settle`, transitions first (search closing, the drawer sliding): measured at rest.
  if (settle) await Promise.all(document.getAnimations().filter(a => Number.isFinite(a.effect && a.effect.getComputedTiming().endTime))
    .map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { body: true };
  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
    + ' "' + (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  const rgba = text => { const m = String(text).match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const contrast = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  // The opaque colour behind an element: backgrounds blended from the page up.
  const behind = start => { const layers = [];
    for (let e = start; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let out = [255, 255, 255];
    for (const c of layers.reverse()) out = out.map((v, i) => v * (1 - c[3]) + c[i] * c[3]);
    return out; };
  const s = getComputedStyle(el);
  let shown = null;
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) {
    if (s.outlineStyle === 'auto') shown = 'outline auto';  // Chromium's own ring: dark and light together
    else { const c = rgba(s.outlineColor); const bg = behind(parseFloat(s.outlineOffset) < 0 ? el : el.parentElement);
      const ratio = c ? contrast(c.slice(0, 3).map((v, i) => v * c[3] + bg[i] * (1 - c[3])), bg) : 0;
      if (ratio >= 3) shown = 'outline ' + ratio.toFixed(1); }
  }
  if (!shown && s.boxShadow && s.boxShadow !== 'none') {
    const c = rgba(s.boxShadow); const bg = behind(el.parentElement);
    if (c && contrast(c, bg) >= 3) shown = 'box-shadow';
  }
  const r = el.getBoundingClientRect();
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const inView = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < vw && r.top < vh;
  let covered = null;
  if (inView) {
    const x = Math.min(Math.max(r.left + r.width / 2, 0), vw - 1), y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), vh - 1);
    const hit = document.elementFromPoint(x, y);
    const bar = hit && hit.closest('.md-header, .md-top, .md-tabs');
    if (bar && !bar.contains(el)) covered = describe(bar);
    const header = document.querySelector('.md-header');
    const below = header ? header.getBoundingClientRect().bottom : 0;
    if (!covered && el.closest('.md-content') && r.top < below - 1 && r.height < vh - below) covered = 'the header (top ' + Math.round(r.top) + ' < ' + Math.round(below) + ')';
  }
  return { body: false, what: describe(el), shown, inView, covered,
           rect: [r.left, r.top, r.width, r.height], key: el.id || describe(el) + '@' + Math.round(r.left + scrollX) + ',' + Math.round(r.top + scrollY) };
}"""


def _png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit, non-interlaced PNG (as Chromium writes them)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    raw = zlib.decompress(chunks)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    pixels = [tuple(row[x * channels : x * channels + 3]) for row in rows for x in range(width)]
    return width, height, pixels


def _luminance(rgb) -> float:
    def f(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2])


def contrast(a, b) -> float:
    x, y = _luminance(a), _luminance(b)
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)


def pixels_changed_by_focus(page, rect) -> int:
    """How many pixels around the focused element change at 3:1 or more when it loses focus."""
    x, y, w, h = rect
    vw, vh = page.evaluate("[document.documentElement.clientWidth, innerHeight]")
    left, top = max(0, x - 6), max(0, y - 6)
    clip = {"x": left, "y": top, "width": max(1, min(vw, x + w + 6) - left), "height": max(1, min(vh, y + h + 6) - top)}
    focused = page.screenshot(clip=clip, animations="disabled")
    page.evaluate("() => { window.__focusBack = document.activeElement; document.activeElement.blur(); }")
    blurred = page.screenshot(clip=clip, animations="disabled")
    page.evaluate("() => window.__focusBack.focus({ preventScroll: true })")
    _, _, a = _png_pixels(focused)
    _, _, b = _png_pixels(blurred)
    return sum(1 for p, q in zip(a, b) if p != q and contrast(p, q) >= 3)


def focus_state(page) -> dict:
    """Where focus is and what shows it; measured again at rest when something looks wrong mid-transition."""
    state = page.evaluate(FOCUS_STATE, False)
    if not state["body"] and (not state["shown"] or state["covered"] or not state["inView"]):
        state = page.evaluate(FOCUS_STATE, True)
    return state


def focus_problem(page, state: dict) -> str | None:
    """What is wrong with the focused element as a Tab stop, or None."""
    if state["body"]:
        return "focus is on <body>"
    if not state["inView"]:
        return f"{state['what']} is outside the window at {[round(v) for v in state['rect']]}"
    if state["covered"]:
        return f"{state['what']} is under {state['covered']}"
    if state["shown"]:
        return None
    w, h = state["rect"][2], state["rect"][3]
    changed = pixels_changed_by_focus(page, state["rect"])
    # At least a one-pixel ring around half the element changes at 3:1.
    if changed < max(8, min(w + h, 60)):
        return f"{state['what']} shows no focus indicator ({changed} pixels change at 3:1)"
    return None


def tab_through(page, limit: int = 400, backwards: bool = False):
    """Press Tab until focus comes back round (or `limit` stops); yields the state at each stop."""
    seen = set()
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        state = focus_state(page)
        if state["body"]:
            return
        if state["key"] in seen:
            return
        seen.add(state["key"])
        yield state


# Text that appears in any live region, in order; records from the page's first script on.
LIVE_RECORDER = """
(function () {
  window.__said = [];
  const live = '[role=status], [role=alert], [role=log], [aria-live=polite], [aria-live=assertive]';
  const note = node => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    const region = el && el.closest(live);
    if (!region || region.getAttribute('aria-live') === 'off') return;
    const text = (node.textContent || '').trim();
    if (text) window.__said.push(text);
  };
  const watch = () => new MutationObserver(records => records.forEach(r => {
    if (r.type === 'characterData') note(r.target);
    r.addedNodes && r.addedNodes.forEach(n => note(n));
  })).observe(document, { childList: true, subtree: true, characterData: true });
  // Also on DOMContentLoaded: a pop-up's first document, about:blank, shares its window
  // with the page it then loads.
  addEventListener('DOMContentLoaded', watch);
  if (document.readyState !== 'loading') watch();
})();
"""


def said(page) -> str:
    """Everything the live regions have said so far, as one text."""
    return " | ".join(page.evaluate("window.__said"))


# WCAG 1.4.12's spacing, as a user style sheet (the site's CSP forbids inline styles;
# the tests use Playwright's CSP bypass, as an extension would).
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

NAMED_ROLES = ("link", "button", "checkbox", "radio", "textbox", "combobox", "searchbox", "spinbutton", "slider", "switch", "tab", "menuitem", "option")
_UNNAMED = re.compile(r"^\s*- (" + "|".join(NAMED_ROLES) + r")(?=[:\s\[]|$)(?! \")")


def unnamed_controls(snapshot: str) -> list[str]:
    """Lines of a Playwright ARIA snapshot for a link, button or form control with no name."""
    return [line.strip() for line in snapshot.splitlines() if _UNNAMED.match(line)]
