"""An organisation's local folder (LOCAL_DIR): its settings, pages, questions, terms and sources."""
