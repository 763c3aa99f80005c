"""The command line: the documented exit codes, one plain line on error, no secret in argv."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from testimony_app import __version__
from testimony_app.cli import main

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "a long cli passphrase"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A vault location and the passphrase in the environment, as a script would use them."""
    for name in ("TESTIMONY_PASSPHRASE", "TESTIMONY_NEW_PASSPHRASE", "TESTIMONY_RECOVERY_CODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TESTIMONY_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", PASSPHRASE)
    return tmp_path / "vault"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def init(capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(capsys, "init", "--kdf-seconds", "0")
    assert code == 0, err
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    return lines[-1]  # the recovery code


def test_init_prints_the_recovery_code_once_and_check_opens(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recovery = init(capsys)
    assert len(recovery.replace("-", "")) == 25
    code, out, _ = run(capsys, "check")
    assert code == 0 and recovery not in out
    code, _, err = run(capsys, "init", "--kdf-seconds", "0")
    assert code == 1 and err.count("\n") == 1 and "existing" in err


def test_wrong_passphrase_is_exit_3_with_one_line(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    init(capsys)
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", "not the right one")
    code, out, err = run(capsys, "check")
    assert (code, out) == (3, "")
    assert err == "testimony-app: error: wrong passphrase\n"


def test_passphrase_file_change_passphrase_and_recovery(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    recovery = init(capsys)
    monkeypatch.delenv("TESTIMONY_PASSPHRASE")
    old_file = tmp_path / "old"
    old_file.write_text(PASSPHRASE + "\n")  # the trailing newline is not part of it
    new_file = tmp_path / "new"
    new_file.write_text("a second cli passphrase\r\n")
    code, _, err = run(
        capsys,
        "change-passphrase",
        "--passphrase-file",
        str(old_file),
        "--new-passphrase-file",
        str(new_file),
    )
    assert code == 0, err
    assert run(capsys, "check", "--passphrase-file", str(old_file))[0] == 3
    assert run(capsys, "check", "--passphrase-file", str(new_file))[0] == 0
    # Lost passphrase: the recovery code sets a new one.
    code_file = tmp_path / "code"
    code_file.write_text(recovery.lower())
    third = tmp_path / "third"
    third.write_text("a third cli passphrase")
    code, _, err = run(
        capsys,
        "change-passphrase",
        "--recovery",
        "--recovery-code-file",
        str(code_file),
        "--new-passphrase-file",
        str(third),
    )
    assert code == 0, err
    assert run(capsys, "check", "--passphrase-file", str(third))[0] == 0
    code_file.write_text("0000-0000")
    code, _, err = run(capsys, "check", "--recovery", "--recovery-code-file", str(code_file))
    assert code == 3 and "mistyped" in err


def test_rekey_prints_a_new_recovery_code(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = init(capsys)
    code, out, err = run(capsys, "rekey")
    assert code == 0, err
    second = [line.strip() for line in out.splitlines() if line.strip()][-1]
    assert second != first and len(second) == len(first)
    monkeypatch.setenv("TESTIMONY_RECOVERY_CODE", first)
    assert run(capsys, "check", "--recovery")[0] == 3
    monkeypatch.setenv("TESTIMONY_RECOVERY_CODE", second)
    assert run(capsys, "check", "--recovery")[0] == 0


def test_backup_restore_and_erase(
    env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    init(capsys)
    backup = tmp_path / "vault.backup"
    assert run(capsys, "backup", "--out", str(backup))[0] == 0
    code, _, err = run(capsys, "restore", str(backup))
    assert code == 1 and "existing" in err  # never over a vault
    code, _, err = run(capsys, "erase")
    assert code == 2 and "--yes" in err
    code, out, _ = run(capsys, "erase", "--yes")
    assert code == 0 and "erased" in out
    assert run(capsys, "check")[0] == 1
    assert run(capsys, "restore", str(backup))[0] == 0
    assert run(capsys, "check")[0] == 0


def test_usage_errors_are_exit_2_with_one_line(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["no-such-command"], ["backup"], ["init", "--kdf-seconds", "soon"]):
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert err.count("\n") == 1 and err.startswith("testimony-app: error: ")


def test_short_new_passphrase_is_a_usage_error(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", "short")
    code, _, err = run(capsys, "init", "--kdf-seconds", "0")
    assert code == 2 and "at least 8" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


def test_a_real_process_without_a_terminal_or_passphrase(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TESTIMONY_")}
    env["TESTIMONY_PASSPHRASE"] = PASSPHRASE
    vault = str(tmp_path / "vault")
    command = [sys.executable, "-m", "testimony_app", "--vault", vault]
    done = subprocess.run(
        [*command, "init", "--kdf-seconds", "0"], env=env, capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    # Damage the database: one line, exit 1, no traceback, no SQLCipher log noise.
    db = tmp_path / "vault" / "vault.db"
    data = bytearray(db.read_bytes())
    data[100:4096] = bytes(4096 - 100)
    db.write_bytes(bytes(data))
    done = subprocess.run([*command, "check"], env=env, capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "nothing was changed" in done.stderr
    del env["TESTIMONY_PASSPHRASE"]
    done = subprocess.run(
        [*command, "check"],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 3 and "no passphrase given" in done.stderr


def test_help_into_a_pipe_nobody_reads_ends_quietly() -> None:
    """`testimony-app --help | true`: the reader is gone before a byte is written. No
    "Exception ignored ... BrokenPipeError" note on stderr, exit code 1 (as Python's own)."""
    # Buffered stdout, as in a shell: the help text stays in the buffer until main() flushes.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "testimony_app", "--help"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (1, "")
