"""Build-time logic for the course: data loading, validation and rendering.

MkDocs loads `hooks.py` by path and mkdocs-macros loads `main.py` by name,
so both import shared code as `macros.<module>` with the project root on
sys.path (see `hooks.py`).
"""
