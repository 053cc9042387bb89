"""Generated: the report templates, compiled (reports/loader.py)."""
