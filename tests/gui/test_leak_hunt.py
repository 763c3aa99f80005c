"""Leak hunt: a scripted GUI session with canaries in every field leaves no canary on disk.

The session runs in its own process with HOME, the XDG folders and TMPDIR pointed at watched
folders. Afterwards the vault folder, the temporary folder, the settings file, Qt's own
settings, the desktop's recent-files list and everything else under that home are searched
byte by byte (UTF-8 and UTF-16) for every canary.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.helpers import canary_hits

REPO = Path(__file__).resolve().parents[2]

SESSION = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from testimony_app.domain.records import Entity, EntityType, Incident
    from testimony_app.gui.app import prepare_application, default_settings_path
    from testimony_app.gui.app_controller import AppController

    vault_dir, source_file, mark = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    PASS = "leak hunt passphrase"
    app = prepare_application("en")

    def settle(ms=100):
        loop = QEventLoop(); QTimer.singleShot(ms, loop.quit); loop.exec()

    def wait(condition, limit=400):
        for _ in range(limit):
            if condition():
                return
            settle(50)
        raise SystemExit("timed out")

    controller = AppController(vault_dir, default_settings_path(), kdf_seconds=None)
    controller.start()
    create = controller.create_dialog
    create.passphrase_field.setText(PASS); create.repeat_field.setText(PASS)
    create.on_create_button_clicked()
    wait(lambda: create.pages.currentIndex() == 1)
    create.written_checkbox.setChecked(True)
    create.continue_button.click()
    wait(lambda: controller.is_unlocked)
    window = controller.main_window
    window.new_action.trigger()
    wait(lambda: window.editor.testimony_id is not None)
    editor = window.editor
    editor.narrative_edit.setPlainText(f"narrative {mark}-NARR شهادة {mark}-AR")
    editor.tags_field.setText(f"{mark}-TAG")
    form = editor.interview_form
    form.place_field.setText(f"{mark}-PLACE"); form.interviewer_field.setText(f"{mark}-WHO")
    form.interpreter_field.setText(f"{mark}-INTERP")
    editor.incidents_panel.set_incidents((Incident(place=f"{mark}-INCPLACE",
        perpetrator=f"{mark}-PERP", violation_types=("killing",)),))
    editor.entities_panel.set_entities((Entity(f"{mark}-ENTITY", EntityType.PERSON,
        (f"{mark}-VARIANT",)),))
    editor.on_content_changed()
    editor.save_now()
    wait(lambda: not editor.is_dirty and not editor._save_in_flight)
    editor.attachments_panel.ingest([source_file])
    wait(lambda: editor.attachments_panel.ingests_running == 0
         and len(editor.attachments_panel.attachments()) == 1)
    # The witness register: demographics and identity, shown on request, then saved.
    window.tabs.setCurrentIndex(1)
    register = window.witness_register
    wait(lambda: register.model.rowCount() == 1)
    register.select_row(0)
    register.occupation_field.setText(f"{mark}-JOB")
    register.on_save_button_clicked()
    register.show_identity_button.click()
    wait(lambda: register._identity_shown_for is not None)
    for name, field in register.identity_fields.items():
        field.setText(f"{mark}-ID-{name}")
    register.on_save_identity_button_clicked()
    settle(500)
    window.tabs.setCurrentIndex(0)
    window.list_panel.search_field.setText(f"{mark}-NARR")
    settle(600)
    controller.lock()
    wait(lambda: controller.unlock_dialog.isVisible())
    controller.unlock_dialog.secret_field.setText(PASS)
    controller.unlock_dialog.on_unlock_button_clicked()
    wait(lambda: controller.is_unlocked)
    wait(lambda: window.list_panel.model.rowCount() == 1)
    controller.quit()
    print("session done")
    """
)


def test_a_whole_gui_session_leaves_no_canary_outside_the_vault(tmp_path: Path) -> None:
    home = tmp_path / "home"
    watched_tmp = tmp_path / "tmp"
    for folder in (home / ".config", home / ".local/share", home / ".cache", watched_tmp):
        folder.mkdir(parents=True, exist_ok=True)
    mark = "CANARYLEAK"
    source_dir = tmp_path / "outside"
    source_dir.mkdir()
    source_file = source_dir / f"{mark}-FILENAME.txt"
    source_file.write_text(f"attachment body {mark}-BODY")
    vault_dir = home / ".local/share/testimony-app/vault"
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        TMPDIR=str(watched_tmp),
        SQLITE_TMPDIR=str(watched_tmp),
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(vault_dir), str(source_file), mark],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "session done" in done.stdout
    canaries = [mark, mark.lower()]
    assert (vault_dir / "vault.db").exists()
    settings_file = home / ".config/testimony-app/settings.json"
    assert settings_file.exists()  # the session did write its settings
    assert canary_hits(home, canaries) == []  # vault, settings, QtProject.conf, recents, cache
    assert canary_hits(watched_tmp, canaries) == []
    assert list(watched_tmp.iterdir()) == []
    # The canaries did reach the vault (encrypted), so the scan above had something to miss.
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault

    with Vault.unlock(vault_dir, "leak hunt passphrase") as vault:
        records = RecordService(vault)
        [summary] = records.list_testimonies()
        stored = records.get_testimony(summary.id)
        assert f"{mark}-NARR" in stored.content.narrative
        assert records.identity_of(summary.witness_id).full_name == f"{mark}-ID-full_name"
        assert [a.file_name for a in records.attachments(summary.id)] == [source_file.name]
    recents = home / ".local/share/recently-used.xbel"
    assert not recents.exists() or mark not in recents.read_text(errors="replace")
