"""Autosave: after a kill -9 of the app, at most the last few seconds of typing are lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from testimony_app.services.records import RecordService
from testimony_app.vault import Vault
from tests.conftest import make_vault

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from testimony_app.gui.app import prepare_application
    from testimony_app.gui.app_controller import AppController

    vault_dir, passphrase, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = prepare_application("en")
    controller = AppController(vault_dir, vault_dir.parent / "settings.json", kdf_seconds=None)
    controller.start()

    def say(line):
        sys.stdout.write(line + "\\n")
        sys.stdout.flush()

    def after_unlock():
        controller.main_window.new_action.trigger()
        QTimer.singleShot(0, wait_for_editor)

    def wait_for_editor():
        editor = controller.main_window.editor
        if editor.testimony_id is None:
            QTimer.singleShot(50, wait_for_editor)
            return
        say("testimony " + editor.testimony_id)
        if mode == "burst":
            QTest.keyClicks(editor.narrative_edit, "the well by the mosque was poisoned")
            say("typed the well by the mosque was poisoned")
        else:
            start = time.monotonic()
            typed = []

            def one_key():
                char = "abcdefghij"[len(typed) % 10]
                QTest.keyClicks(editor.narrative_edit, char)
                typed.append(char)
                say(f"key {time.monotonic() - start:.3f} {''.join(typed)}")
                QTimer.singleShot(100, one_key)

            one_key()

    controller.unlocked.connect(after_unlock)
    controller.unlock_dialog.secret_field.setText(passphrase)
    controller.unlock_dialog.on_unlock_button_clicked()
    app.exec()
    """
)


def start_child(vault_dir: Path, passphrase: str, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault_dir), passphrase, mode],
        cwd=REPO,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def read_until(process: subprocess.Popen[str], prefix: str, timeout: float = 60) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith(prefix):
            return line.rstrip("\n")
    process.kill()
    raise AssertionError(f"the app never printed {prefix!r}")


def narrative(vault_dir: Path, passphrase: str, testimony_id: str) -> str:
    with Vault.unlock(vault_dir, passphrase) as vault:
        return RecordService(vault).get_testimony(testimony_id).content.narrative  # type: ignore[arg-type]


def test_text_typed_then_left_alone_survives_kill_9(tmp_path: Path) -> None:
    made = make_vault(tmp_path / "vault")
    process = start_child(made.path, made.passphrase, "burst")
    testimony_id = read_until(process, "testimony ").split()[1]
    typed = read_until(process, "typed ")[len("typed ") :]
    time.sleep(3.5)  # longer than the two-second pause, no explicit save
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert narrative(made.path, made.passphrase, testimony_id) == typed


def test_continuous_typing_loses_at_most_the_last_few_seconds(tmp_path: Path) -> None:
    made = make_vault(tmp_path / "vault")
    process = start_child(made.path, made.passphrase, "steady")
    testimony_id = read_until(process, "testimony ").split()[1]
    lines = []
    while True:
        line = read_until(process, "key ")
        lines.append(line)
        if float(line.split()[1]) >= 8.0:  # typing without a pause for eight seconds
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    typed_at = [(float(line.split()[1]), line.split()[2]) for line in lines]
    killed_at, everything = typed_at[-1]
    saved = narrative(made.path, made.passphrase, testimony_id)
    assert everything.startswith(saved)
    # All typed more than six seconds before the kill was saved (the longest wait is five).
    older = [text for when, text in typed_at if when <= killed_at - 6.0]
    assert older and len(saved) >= len(older[-1])
