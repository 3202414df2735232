"""Make Material's page skeleton valid HTML where no template block reaches it.

The drawer and search toggles at the top of <body> are checkboxes with
autocomplete="off", which HTML does not allow on checkboxes. Material sets it
so that Firefox does not restore an open drawer on "back"; course.js closes
both toggles on pageshow instead.
"""

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">')


def drop_checkbox_autocomplete(html: str) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1>", html)
