"""Content data besides the questions: each file read strictly, checked, and rendered where a page shows it."""
