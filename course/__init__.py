"""The course engine, in plain Python: it knows no site generator.

- `model/`      the course: modules, steps, questions, statements, meetings, times (data/reflection/)
- `content/`    the other data: glossary, sources, changes, translations, interface strings,
                the accessibility statement, front matter; each read, checked and rendered
- `local/`      an organisation's local folder (LOCAL_DIR), merged into the course
- `render/`     Markdown and HTML fragments for pages: reflection blocks, the facilitator
                guide, the notes page, "Var står vi?", page status lines, tooltips, branding
- `notes/`      the note templates, written as .docx, .odt and .md
- `postbuild/`  the step over the finished site: CSP, progress box, 404 pages, search, pruning
- `build.py`    one build's state: the loaded course, usage per edition, files to write

Entry points take paths and plain values; errors are `errors.CourseDataError`.
The site generator's side is `mkdocs_adapter/`.
"""
