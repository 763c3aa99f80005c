"""Schema migrations: numbered steps, one transaction each; fresh equals migrated from v1."""

from __future__ import annotations

from typing import Any

import pytest
import sqlcipher3

from testimony_app.errors import CorruptionReason, VaultCorrupted
from testimony_app.vault import migrations
from testimony_app.vault.migrations import SCHEMA_VERSION, STEPS, Step
from tests.conftest import MadeVault
from tests.helpers import raw_data_key, snapshot


def schema_of(connection: Any) -> list[tuple[Any, ...]]:
    return connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
    ).fetchall()


def fresh_connection() -> Any:
    return sqlcipher3.connect(":memory:", isolation_level=None)


def test_steps_are_numbered_one_by_one() -> None:
    assert [step.version for step in STEPS] == list(range(1, len(STEPS) + 1))
    assert SCHEMA_VERSION == len(STEPS)


def test_a_fresh_schema_equals_one_migrated_from_version_1() -> None:
    fresh = fresh_connection()
    migrations.migrate(fresh)
    old = fresh_connection()
    assert migrations.migrate(old, up_to=1) == 1
    old.execute("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'x')")
    assert migrations.migrate(old) == SCHEMA_VERSION
    assert schema_of(old) == schema_of(fresh)
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert old.execute("SELECT value FROM vault_meta").fetchall() == [("x",)]


def test_a_failing_step_leaves_the_database_at_the_step_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(connection: Any) -> None:
        connection.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed half way")

    monkeypatch.setattr(migrations, "STEPS", (STEPS[0], Step(version=2, apply=broken)))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    connection = fresh_connection()
    with pytest.raises(RuntimeError):
        migrations.migrate(connection)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    names = {row[1] for row in schema_of(connection)}
    assert "half_done" not in names and "vault_meta" in names


def test_a_vault_from_a_newer_version_is_refused_untouched(made_vault: MadeVault) -> None:
    key = raw_data_key(made_vault.path, made_vault.passphrase)
    raw = sqlcipher3.connect(str(made_vault.path / "vault.db"))
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    before = snapshot(made_vault.path)
    with pytest.raises(VaultCorrupted) as caught:
        made_vault.open()
    assert caught.value.reason is CorruptionReason.NEWER_SCHEMA
    assert snapshot(made_vault.path) == before
