"""Shared helpers for the "Var står vi?" and "Gruppens bild" tests; holds no tests itself."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.support.notes_support import ui

GROUP_PAGE = "gruppens-bild/"
MODULE_3 = "modules/vad-ar-systemledarskap/"
SLUG_3 = "vad-ar-systemledarskap"
SCALE = (1, 2, 3, 4, 5, 0)


def statement_ids(page, slug: str = SLUG_3) -> list[str]:
    return page.eval_on_selector_all(
        f'section.assessment[data-assessment="{slug}"] fieldset[data-statement-id]',
        "els => els.map(e => e.dataset.statementId)",
    )


def rate(page, statement_id: str, value: int) -> None:
    """Choose a step of the scale by its label, as a reader does."""
    group = page.locator(f'fieldset[data-statement-id="{statement_id}"]')
    group.get_by_label(ui(page, f"assessment.scale.{value}"), exact=True).check()
    expect(group.get_by_label(ui(page, f"assessment.scale.{value}"), exact=True)).to_be_checked()


def save_group_file(page, target, slug: str = SLUG_3, name: str = "") -> dict:
    """Click "Spara för gruppen" and keep the file; returns it parsed."""
    section = page.locator(f'section.assessment[data-assessment="{slug}"]')
    if name:
        section.get_by_label(ui(page, "assessment.group.name")).fill(name)
    with page.expect_download() as info:
        section.get_by_role("button", name=ui(page, "assessment.group.save")).click()
    download = info.value
    assert download.failure() is None, download.failure()
    download.save_as(target)
    return json.loads(target.read_text(encoding="utf-8"))


def group_files_input(page):
    return page.get_by_label(ui(page, "group.choose"))


def counts_in_table(page, statement_id: str) -> dict[int, int]:
    """The counts the data table beside a statement's chart shows, by step of the scale."""
    block = page.locator(f'.group-statement[data-statement-id="{statement_id}"]')
    out = {}
    for value in SCALE:
        row = block.locator("table tbody tr").filter(has=page.get_by_role("rowheader", name=ui(page, f"assessment.scale.{value}"), exact=True))
        out[value] = int(row.locator("td").text_content())
    return out
