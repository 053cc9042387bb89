"""exposure-scan: find what a stranger can learn about a clinician online."""

__version__ = "0.1.0"
