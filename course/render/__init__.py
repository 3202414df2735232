"""Markdown and HTML fragments for pages, from the course model and the content data."""
