"""The MkDocs adapter: the only code that imports MkDocs or reads its objects.

MkDocs loads `hooks.py` by path and mkdocs-macros loads `macros.py` by name
(mkdocs.yml), so both put the project root on sys.path and import the course
as `course.<module>`. `page.py` turns MkDocs' pages and configuration into
plain values; `errors.py` turns the course's errors into MkDocs' own;
`postbuild.py` runs the step over the finished site (course/postbuild/)
with options read from MkDocs' configuration.
`serve_cache.py`, `template_cache.py` and `live_reload.py` only make
`make serve` quick.
"""
