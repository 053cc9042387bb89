"""Matching observations against the private profile."""
