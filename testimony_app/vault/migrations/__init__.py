"""Numbered schema migrations; each step is self-contained and runs in one transaction.

A step module is named `step_NNNN_<what>.py` and defines `VERSION` and `apply(connection)`.
Steps import no model code, so an old step keeps meaning what it meant when it was written.
`PRAGMA user_version` records the last step applied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from testimony_app.errors import CorruptionReason, VaultCorrupted
from testimony_app.vault.migrations import (
    step_0001_vault_meta,
    step_0002_records,
    step_0003_summary_index,
    step_0004_search_prefix_index,
    step_0005_redaction_marks,
    step_0006_bundles,
    step_0007_listing,
    step_0008_cleaning_plans,
)


@dataclass(frozen=True)
class Step:
    version: int
    apply: Callable[[Any], None]


def _step(module: ModuleType) -> Step:
    return Step(version=module.VERSION, apply=module.apply)


STEPS: tuple[Step, ...] = (
    _step(step_0001_vault_meta),
    _step(step_0002_records),
    _step(step_0003_summary_index),
    _step(step_0004_search_prefix_index),
    _step(step_0005_redaction_marks),
    _step(step_0006_bundles),
    _step(step_0007_listing),
    _step(step_0008_cleaning_plans),
)
SCHEMA_VERSION = STEPS[-1].version


def current_version(connection: Any) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: Any, *, up_to: int = SCHEMA_VERSION) -> int:
    """Apply every step above the database's version, each in its own transaction."""
    version = current_version(connection)
    if version > SCHEMA_VERSION:
        raise VaultCorrupted(CorruptionReason.NEWER_SCHEMA)
    for step in STEPS:
        if version < step.version <= up_to:
            connection.execute("BEGIN IMMEDIATE")
            try:
                step.apply(connection)
                connection.execute(f"PRAGMA user_version = {int(step.version)}")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
            version = step.version
    return version
