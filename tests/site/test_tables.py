"""Header cells of the course's Markdown tables (course/render/tables.py, issue 31)."""

from __future__ import annotations

import markdown

from course.render.tables import TableHeadersExtension


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", TableHeadersExtension()])


def test_a_table_with_an_empty_corner_has_row_headers():
    html = convert("| | 1900-talet | 2000-talet |\n|---|---|---|\n| Grundtanken | ”Dela upp” | ”Foga samman” |\n| Det man ser först | Enheter | Relationer |\n")
    assert "<td></td>" in html and "<th></th>" not in html
    assert '<th scope="col">1900-talet</th>' in html
    assert '<th scope="row">Grundtanken</th>' in html
    assert '<th scope="row">Det man ser först</th>' in html
    assert "<td>”Foga samman”</td>" in html


def test_a_table_with_a_named_first_column_keeps_its_data_cells():
    html = convert("| Utredning | Datum i källan |\n|---|---|\n| Samsjuklighetsutredningen | 2021-11-30 |\n")
    assert '<th scope="col">Utredning</th>' in html
    assert "<td>Samsjuklighetsutredningen</td>" in html
    assert 'scope="row"' not in html


def test_an_aligned_corner_cell_keeps_its_alignment():
    html = convert("| | A | B |\n|:-:|---|---|\n| x | 1 | 2 |\n")
    assert '<th scope="row" style="text-align: center;">x</th>' in html or '<th style="text-align: center;" scope="row">x</th>' in html
