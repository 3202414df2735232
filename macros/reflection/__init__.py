"""Reflection questions: one source for the page blocks and the note templates.

- `model.py`    the course's steps and questions, as loaded
- `load.py`     read and validate `data/reflection/*.yml`
- `render.py`   the reflection block and the Mallar table (HTML)
- `notes.py`    the note templates' layout, shared by the three writers
- `notes_docx.py`, `notes_odt.py`, `notes_md.py`   one writer per format
- `build.py`    build-time state: usage per edition, files to write
"""
