"""The note templates ("Minnesanteckningar"): one layout (`templates.py`, `layout.py`), one writer per format."""
