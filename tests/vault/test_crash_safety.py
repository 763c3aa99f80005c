"""Crash safety: SIGKILL at random moments and at every file-system step loses nothing acked.

A child process works on a real vault; it is killed (or kills itself at a chosen step), and the
parent then opens the vault and checks it. SIGKILL tests process death; the OS page cache
survives it, so power loss is covered by the design (fsync order), not by these tests.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from testimony_app.errors import WrongPassphrase
from testimony_app.vault import Vault
from tests.conftest import MadeVault
from tests.helpers import read_notes, write_note

REPO = Path(__file__).resolve().parents[2]
OTHER_PASSPHRASE = "the other passphrase"
DEFAULT_KILLS = 30
SLOW_KILLS = 200


def child(mode: str, made: MadeVault, current: str, new: str, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, CRASH_CURRENT=current, CRASH_NEW=new)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.vault.crash_child", mode, str(made.path), *extra],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "ready", process.stderr.read() if process.stderr else line


def kill_after(process: subprocess.Popen[str], delay: float) -> list[str]:
    """SIGKILL the child after `delay` seconds; return every line it printed."""
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL, err
    return out.splitlines()


def open_or_none(made: MadeVault, passphrase: str) -> Vault | None:
    try:
        return Vault.unlock(made.path, passphrase)
    except WrongPassphrase:
        return None


def check_exactly_one_opens(
    made: MadeVault, first: str, second: str, expected_notes: dict[int, str]
) -> str:
    """Exactly one of the two passphrases opens a whole, intact vault; returns that one."""
    opened = {passphrase: open_or_none(made, passphrase) for passphrase in (first, second)}
    working = [passphrase for passphrase, vault in opened.items() if vault is not None]
    for vault in opened.values():
        if vault is not None:
            vault.check_integrity()  # cipher_integrity_check and integrity_check both clean
            assert read_notes(vault) == expected_notes
            vault.close()
    assert len(working) == 1, f"{len(working)} passphrases open the vault"
    return working[0]


# --- saving -------------------------------------------------------------------------------


def run_save_kills(made: MadeVault, kills: int, rng: random.Random) -> None:
    next_index = 0
    acked: set[int] = set()
    for _ in range(kills):
        process = child("save", made, made.passphrase, made.passphrase, str(next_index))
        wait_ready(process)
        lines = kill_after(process, rng.uniform(0.0, 0.25))
        acked |= {int(line.split()[1]) for line in lines if line.startswith("ack ")}
        with Vault.unlock(made.path, made.passphrase) as vault:
            vault.check_integrity()
            stored = set(read_notes(vault).values())
        missing = {index for index in acked if f"note-{index}" not in stored}
        assert not missing, f"acknowledged saves lost: {sorted(missing)[:5]}"
        next_index = max(acked, default=next_index) + 1000  # unique text per child
    assert len(acked) > kills  # the children did real work between kills


def test_acknowledged_saves_survive_sigkill(made_vault: MadeVault) -> None:
    run_save_kills(made_vault, DEFAULT_KILLS, random.Random(1))


@pytest.mark.slow
def test_acknowledged_saves_survive_many_sigkills(made_vault: MadeVault) -> None:
    run_save_kills(made_vault, SLOW_KILLS, random.Random(2))


# --- key changes --------------------------------------------------------------------------


def seeded(made: MadeVault) -> dict[int, str]:
    with made.open() as vault:
        for index in range(20):
            write_note(vault, f"kept {index}")
        return read_notes(vault)


def count_steps(made: MadeVault, mode: str) -> int:
    process = child(mode, made, made.passphrase, OTHER_PASSPHRASE, "--once", "--count")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    steps = int(next(line.split()[1] for line in out.splitlines() if line.startswith("count ")))
    # Leave the vault on the original passphrase for the sweep.
    with Vault.unlock(made.path, OTHER_PASSPHRASE) as vault:
        if mode == "change":
            vault.change_passphrase(made.passphrase)
        else:
            vault.rekey(made.passphrase)
    return steps


def run_key_change_kills(made: MadeVault, mode: str, total_kills: int, rng: random.Random) -> int:
    notes = seeded(made)
    steps = count_steps(made, mode)
    assert steps >= 8
    current = made.passphrase
    points = 0
    # Every file-system step of one operation, in order.
    for step in range(1, steps + 2):
        new = OTHER_PASSPHRASE if current == made.passphrase else made.passphrase
        process = child(mode, made, current, new, "--once", "--die-at", str(step))
        _, err = process.communicate(timeout=120)
        assert process.returncode in (0, -signal.SIGKILL), err
        current = check_exactly_one_opens(made, current, new, notes)
        points += 1
    # And at random moments in a loop of operations, at least ten of them.
    for _ in range(max(10, total_kills - points)):
        new = OTHER_PASSPHRASE if current == made.passphrase else made.passphrase
        process = child(mode, made, current, new)
        wait_ready(process)
        kill_after(process, rng.uniform(0.0, 0.8))
        current = check_exactly_one_opens(made, made.passphrase, OTHER_PASSPHRASE, notes)
        points += 1
    assert not list(made.path.glob("*.rekey*")) and not list(made.path.glob(".*tmp-*"))
    return points


@pytest.mark.parametrize("mode", ["change", "rekey"])
def test_exactly_one_passphrase_opens_after_any_kill(made_vault: MadeVault, mode: str) -> None:
    points = run_key_change_kills(made_vault, mode, DEFAULT_KILLS, random.Random(3))
    assert points >= DEFAULT_KILLS


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["change", "rekey"])
def test_exactly_one_passphrase_opens_after_many_kills(made_vault: MadeVault, mode: str) -> None:
    points = run_key_change_kills(made_vault, mode, SLOW_KILLS, random.Random(4))
    assert points >= SLOW_KILLS
