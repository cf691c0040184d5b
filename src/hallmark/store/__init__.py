"""Storage: tables, migrations and repositories. Every repository call takes the workspace."""

from hallmark.store.base import Store, Workspace, open_store

__all__ = ["Store", "Workspace", "open_store"]
