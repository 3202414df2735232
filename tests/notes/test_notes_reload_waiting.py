"""An answer written while the store still asks its IndexedDB copy survives a reload.

When localStorage holds no notes (the first note in this browser, or after a
platform such as Moodle cleared it), the store asks the copy before it writes,
so as never to write over notes the copy still holds; a change made meanwhile
waits. These tests hold the copy's answer back (the first page load in the tab
never hears from indexedDB.open) so that the reload lands in that window every
time, then check that the answer is there after the reload and, after a
clean-up, that it joins the copy's notes instead of replacing them.
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.support.notes_support import MODULE, SETTLED, field, new_page, question_ids, snapshot, write

def holding_the_copy(guard: str) -> str:
    """An init script: on the page load `guard` lets through, indexedDB.open never reports
    success, so the store keeps a change in memory until its 3 s timeout."""
    return """
(() => {
  %s
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const request = open.apply(this, args);
    Object.defineProperty(request, "onsuccess", { set() {}, get() { return null; } });
    return request;
  };
})();
""" % guard


# On the first page load of the tab only; later loads are untouched.
HOLD_FIRST_OPEN = holding_the_copy(
    'if (sessionStorage.getItem("held-copy")) return;\n  sessionStorage.setItem("held-copy", "1");'
)
# On the next load after the test sets sessionStorage "hold-copy" to "1", once.
HOLD_WHEN_ASKED = holding_the_copy(
    'if (sessionStorage.getItem("hold-copy") !== "1") return;\n  sessionStorage.setItem("hold-copy", "done");'
)


def in_the_window(page) -> None:
    """The store has not written the answer to its notes yet: it is still asking the copy."""
    assert page.evaluate("() => Object.keys(localStorage).filter(k => /:notes:v\\d+$/.test(k))") == []


def test_the_first_answer_survives_a_reload_while_the_copy_is_asked(browser, server):
    with new_page(browser, init_script=HOLD_FIRST_OPEN) as page:
        page.goto(server.url + MODULE)
        qid = question_ids(page)[0]
        write(page, field(page, qid), "Skrivet strax före omladdningen")
        in_the_window(page)
        page.reload()
        expect(field(page, qid)).to_have_value("Skrivet strax före omladdningen")
        page.evaluate(SETTLED)
        assert snapshot(page)["answers"][qid]["text"] == "Skrivet strax före omladdningen"
        page.reload()
        expect(field(page, qid)).to_have_value("Skrivet strax före omladdningen")
        assert page.errors == []


def test_after_a_clean_up_the_waiting_answer_joins_the_copys_notes(browser, server):
    with new_page(browser, init_script=HOLD_WHEN_ASKED) as page:
        page.goto(server.url + MODULE)
        first, second, third = question_ids(page)[:3]
        write(page, field(page, first), "Från förra veckan")
        write(page, field(page, second), "Äldre svar")
        page.evaluate(SETTLED)
        in_copy = snapshot(page)["answers"]

        # The platform's clean-up; the next load is held while the copy is asked.
        page.evaluate("() => { localStorage.clear(); sessionStorage.setItem('hold-copy', '1'); }")
        page.reload()
        write(page, field(page, second), "Nyare svar")
        write(page, field(page, third), "Nytt svar")
        in_the_window(page)
        page.reload()

        expect(field(page, first)).to_have_value("Från förra veckan")
        expect(field(page, second)).to_have_value("Nyare svar")
        expect(field(page, third)).to_have_value("Nytt svar")
        page.evaluate(SETTLED)
        answers = snapshot(page)["answers"]
        assert answers[first] == in_copy[first]
        assert answers[second]["text"] == "Nyare svar" and answers[third]["text"] == "Nytt svar"
        # The side key is gone once applied, and never counted as notes.
        assert page.evaluate("() => Object.keys(localStorage).filter(k => k.endsWith(':notes:waiting'))") == []
        assert page.errors == []
