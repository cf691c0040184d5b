"""What every command shares: settings, the store, the workspace, the rules."""

from __future__ import annotations

from functools import cached_property

import typer

from hallmark.config import Settings
from hallmark.score import Rules, load_rules
from hallmark.store import Store, Workspace, open_store


class App:
    """Lazily opened resources of one CLI invocation."""

    def __init__(self, settings: Settings, workspace_name: str) -> None:
        self.settings = settings
        self.workspace_name = workspace_name

    @cached_property
    def _store(self) -> Store:
        return open_store(self.settings.resolved_database_url(), self.settings.data_dir)

    def store(self) -> Store:
        return self._store

    def workspace(self) -> Workspace:
        return self._store.workspace(self.workspace_name)

    @cached_property
    def _rules(self) -> Rules:
        return load_rules(self.settings.rules_dir)

    def rules(self) -> Rules:
        return self._rules


def get_app(ctx: typer.Context) -> App:
    parent = ctx.find_root()
    assert isinstance(parent.obj, App)
    return parent.obj
