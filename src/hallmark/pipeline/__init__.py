"""Orchestration: import files, scan listings, in-process."""
