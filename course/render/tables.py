"""Header cells for the course's Markdown tables, so a screen reader can say what each cell is.

Python-Markdown's tables give the first row `<th>` cells and every other cell `<td>`. A
table whose first header cell is left empty compares things row by row:

    | | 1900-talet | 2000-talet |
    |---|---|---|
    | Grundtanken | ”Dela upp” | ”Foga samman” |

There the first column names each row. Its cells become row headers (`<th scope="row">`),
and the empty corner a `<td>`: an empty header cell names nothing. Every header cell of the
first row gets `scope="col"`. Without row headers a cell such as "Foga samman" had only its
column's header, and axe's and Lighthouse's td-has-header failed (issue 31).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


def _empty(cell: etree.Element) -> bool:
    return not "".join(cell.itertext()).strip() and len(cell) == 0


class TableHeadersTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            cells = list(head)
            for cell in cells:
                if cell.tag == "th":
                    cell.set("scope", "col")
            if not cells or cells[0].tag != "th" or not _empty(cells[0]):
                continue
            cells[0].tag = "td"
            del cells[0].attrib["scope"]
            for row in table.findall("tbody/tr"):
                first = row.find("*")
                if first is not None and first.tag == "td":
                    first.tag = "th"
                    first.set("scope", "row")


class TableHeadersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the tables are made (a block processor), before anything reads the tree for text.
        md.treeprocessors.register(TableHeadersTreeprocessor(md), "course_table_headers", 8)


def register_table_headers(config) -> None:
    """Add the extension once; mkdocs-static-i18n runs `on_config` again for each edition."""
    extensions = config["markdown_extensions"]
    if not any(isinstance(ext, TableHeadersExtension) for ext in extensions):
        extensions.append(TableHeadersExtension())
