"""No plaintext at rest: canaries written through the API appear in no byte of the vault."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import MadeVault
from tests.helpers import canary, canary_hits, read_notes, write_note

REPO = Path(__file__).resolve().parents[2]


def test_canaries_are_in_no_file_of_the_vault_while_open_and_after(made_vault: MadeVault) -> None:
    canaries = [canary("LATIN"), "شاهد-" + canary("عربي"), canary("NAME") + " الحاج"]
    vault = made_vault.open()
    for text in canaries:
        write_note(vault, f"The witness said {text} at the gate.")
    # While open: the WAL and shared-memory index hold the newest pages.
    assert (made_vault.path / "vault.db-wal").exists()
    assert canary_hits(made_vault.path, canaries) == []
    vault.close()
    assert canary_hits(made_vault.path, canaries) == []
    with made_vault.open() as reopened:
        assert len(read_notes(reopened)) == len(canaries)  # the canaries are really there


def test_canary_scan_finds_plaintext_when_it_is_there(tmp_path: Path) -> None:
    # The scanner itself must not be blind: UTF-8 and both UTF-16 byte orders are found.
    text = canary()
    (tmp_path / "a").write_bytes(b"xx" + text.encode("utf-16-le"))
    (tmp_path / "b").write_bytes(text.encode("utf-8"))
    (tmp_path / "c").write_bytes(text.encode("utf-16-be"))
    assert len(canary_hits(tmp_path, [text])) == 3


SESSION = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from tests.helpers import write_note, read_notes
    from testimony_app.vault import Vault, erase, restore

    root = Path(sys.argv[1])
    text = sys.argv[2]
    vault, code = Vault.create(root / "vault", "session passphrase", kdf_seconds=None)
    for i in range(50):
        write_note(vault, f"{text} {i} " + "x" * 500)
    vault.check_integrity()
    vault.change_passphrase("second session passphrase")
    vault.backup(root / "backup.bin")
    vault.rekey("second session passphrase")
    vault.close()
    erase(root / "vault")
    restore(root / "backup.bin", root / "vault", passphrase="second session passphrase")
    with Vault.unlock(root / "vault", "second session passphrase") as again:
        assert len(read_notes(again)) == 50
    print("session done")
    """
)


def test_a_whole_session_leaves_nothing_in_tmpdir(tmp_path: Path) -> None:
    watched = tmp_path / "watched-tmp"
    watched.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    text = canary()
    env = dict(os.environ, TMPDIR=str(watched), SQLITE_TMPDIR=str(watched), TEMP=str(watched))
    result = subprocess.run(
        [sys.executable, "-c", SESSION, str(work), text],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "session done" in result.stdout
    assert list(watched.iterdir()) == []
    assert canary_hits(work, [text]) == []
