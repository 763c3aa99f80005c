"""The app end to end with real widgets over a real vault: create, record, search, lock, erase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from testimony_app.domain.records import Incident
from testimony_app.gui.app_controller import AppController
from testimony_app.services.records import RecordService
from testimony_app.vault import Vault
from tests.gui.typing import type_text, visible_texts

PASSPHRASE = "calm river stone seven"
TIMEOUT = 20_000


def create_vault(qtbot: QtBot, controller: AppController) -> str:
    controller.start()
    dialog = controller.create_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.passphrase_field, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_field, PASSPHRASE)
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=TIMEOUT)
    code = dialog.code_label.text()
    assert len(code.replace("-", "")) == 25
    assert not dialog.continue_button.isEnabled()
    dialog.written_checkbox.setChecked(True)
    with qtbot.waitSignal(controller.unlocked, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert controller.main_window is not None and controller.main_window.isVisible()
    return code


def new_testimony(qtbot: QtBot, controller: AppController) -> str:
    window = controller.main_window
    assert window is not None
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.editor.testimony_id is not None, timeout=TIMEOUT)
    return str(window.editor.testimony_id)


def wait_saved(qtbot: QtBot, controller: AppController) -> None:
    editor = controller.main_window.editor  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not editor.is_dirty and not editor._save_in_flight, timeout=TIMEOUT)


def unlock(qtbot: QtBot, controller: AppController, passphrase: str) -> None:
    dialog = controller.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.secret_field, passphrase)
    qtbot.keyClick(dialog.secret_field, Qt.Key.Key_Return)


def test_create_record_search_lock_unlock(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    create_vault(qtbot, controller)
    window = controller.main_window
    assert window is not None
    assert window.lock_state_label.text() == "Vault unlocked"

    testimony_id = new_testimony(qtbot, controller)
    editor = window.editor
    qtbot.keyClicks(editor.narrative_edit, "The gunmen came at dawn to the mill street.")
    type_text(editor.narrative_edit, "\nدخل المسلحون الحي صباحاً وقُتل جارنا سليم.")
    assert "سليم" in editor.narrative_edit.toPlainText()
    # An incident through the panel, an entity from the selection (Ctrl+E), an attachment.
    editor.incidents_panel.set_incidents(
        (Incident(date="2025-03-07", place="the mill street", violation_types=("killing",)),)
    )
    editor.incidents_panel.changed.emit()
    cursor = editor.narrative_edit.textCursor()
    text = editor.narrative_edit.toPlainText()
    start = text.index("سليم")
    cursor.setPosition(start)
    cursor.setPosition(start + len("سليم"), QTextCursor.MoveMode.KeepAnchor)
    editor.narrative_edit.setTextCursor(cursor)
    window.register_action.trigger()
    assert [entity.text for entity in editor.entities_panel.entities()] == ["سليم"]
    wait_saved(qtbot, controller)
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"notes from the visit")
    with qtbot.waitSignal(editor.attachments_panel.attachment_added, timeout=TIMEOUT):
        editor.attachments_panel.ingest([notes])

    # Search as you type, Arabic-aware: the query without the diacritic finds "وقُتل".
    search = window.list_panel.search_field
    type_text(search, "وقتل")
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=TIMEOUT)
    search.clear()
    qtbot.keyClicks(search, "nothing-like-this")
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 0, timeout=TIMEOUT)
    search.clear()
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=TIMEOUT)

    # Lock: everything cleared, the unlock screen shown.
    with qtbot.waitSignal(controller.locked, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert all("سليم" not in text and "gunmen" not in text for text in visible_texts(window))
    unlock(qtbot, controller, "not the passphrase")
    qtbot.waitUntil(lambda: controller.unlock_dialog.error_label.isVisible(), timeout=TIMEOUT)  # type: ignore[union-attr]
    assert "Wrong passphrase" in controller.unlock_dialog.error_label.text()  # type: ignore[union-attr]
    with qtbot.waitSignal(controller.unlocked, timeout=TIMEOUT):
        unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=TIMEOUT)
    window.list_panel.select(testimony_id)
    qtbot.waitUntil(lambda: editor.testimony_id == testimony_id, timeout=TIMEOUT)
    assert "وقُتل جارنا سليم" in editor.narrative_edit.toPlainText()
    assert editor.incidents_panel.incidents()[0].violation_types == ("killing",)
    assert editor.entities_panel.entities()[0].text == "سليم"


def test_auto_lock_after_idle_clears_every_widget(qtbot: QtBot, controller: AppController) -> None:
    create_vault(qtbot, controller)
    window = controller.main_window
    assert window is not None
    new_testimony(qtbot, controller)
    canary = "CANARY-idle-7731"
    qtbot.keyClicks(window.editor.narrative_edit, f"seen at the bakery {canary}")
    window.editor.tags_field.setText("idle-tag")
    window.editor.on_content_changed()
    wait_saved(qtbot, controller)
    assert any(canary in text for text in visible_texts(window))
    controller.idle_watcher.set_timeout(300)
    with qtbot.waitSignal(controller.locked, timeout=TIMEOUT):
        pass  # no input: the idle watcher locks by itself
    assert controller.unlock_dialog is not None and controller.unlock_dialog.isVisible()
    for widget_tree in (window, controller.unlock_dialog):
        assert not any(canary in text for text in visible_texts(widget_tree))
    assert window.list_panel.model.rowCount() == 0
    assert window.witness_register.model.rowCount() == 0


def test_quitting_locks_first_and_saves_typing(qtbot: QtBot, controller: AppController) -> None:
    create_vault(qtbot, controller)
    testimony_id = new_testimony(qtbot, controller)
    window = controller.main_window
    assert window is not None
    qtbot.keyClicks(window.editor.narrative_edit, "typed just before quitting")
    controller.quit()  # no wait for the autosave pause: quitting must save
    with Vault.unlock(controller.vault_dir, PASSPHRASE) as vault:
        saved = RecordService(vault).get_testimony(testimony_id)  # type: ignore[arg-type]
    assert saved.content.narrative == "typed just before quitting"


def _answer_erase_dialog(qtbot: QtBot, word: str) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    dialog.confirm_field.setText(word)  # type: ignore[attr-defined]
    if dialog.erase_button.isEnabled():  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    else:
        dialog.reject()


def test_erase_from_the_menu_then_offers_a_new_vault(
    qtbot: QtBot, controller: AppController
) -> None:
    create_vault(qtbot, controller)
    new_testimony(qtbot, controller)
    window = controller.main_window
    assert window is not None
    # A wrong word does not erase.
    QTimer.singleShot(100, lambda: _answer_erase_dialog(qtbot, "erase"))
    window.erase_action.trigger()
    assert controller.vault_dir.exists() and controller.is_unlocked
    QTimer.singleShot(100, lambda: _answer_erase_dialog(qtbot, "ERASE"))
    with qtbot.waitSignal(controller.erased, timeout=TIMEOUT):
        window.erase_action.trigger()
    assert not controller.vault_dir.exists()
    assert not window.isVisible()
    assert controller.create_dialog is not None and controller.create_dialog.isVisible()
    assert controller._erased_box.isVisible()  # says the keys were destroyed


def test_recovery_code_unlocks_and_sets_a_new_passphrase(
    qtbot: QtBot, controller: AppController
) -> None:
    code = create_vault(qtbot, controller)
    window = controller.main_window
    assert window is not None
    with qtbot.waitSignal(controller.locked, timeout=TIMEOUT):
        window.lock_action.trigger()
    dialog = controller.unlock_dialog
    assert dialog is not None
    dialog.switch_button.click()
    assert dialog.recovery_mode
    with qtbot.waitSignal(controller.unlocked, timeout=TIMEOUT):
        qtbot.keyClicks(dialog.secret_field, code.lower())
        qtbot.keyClick(dialog.secret_field, Qt.Key.Key_Return)
    window.change_passphrase_action.trigger()
    change = controller.change_dialog
    assert change is not None
    qtbot.keyClicks(change.passphrase_field, "a whole new passphrase")
    qtbot.keyClicks(change.repeat_field, "a whole new passphrase")
    with qtbot.waitSignal(change.accepted, timeout=TIMEOUT):
        change.change_button.click()
    with qtbot.waitSignal(controller.locked, timeout=TIMEOUT):
        window.lock_action.trigger()
    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(lambda: controller.unlock_dialog.error_label.isVisible(), timeout=TIMEOUT)  # type: ignore[union-attr]
    with qtbot.waitSignal(controller.unlocked, timeout=TIMEOUT):
        unlock(qtbot, controller, "a whole new passphrase")


def test_importing_records_runs_on_the_vault_thread_all_or_nothing(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    import json

    create_vault(qtbot, controller)
    window = controller.main_window
    assert window is not None
    good = tmp_path / "records.jsonl"
    good.write_text(
        "\n".join(json.dumps({"narrative": f"account {n}", "tags": ["batch"]}) for n in range(300))
    )
    window.import_file(good)
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 300, timeout=TIMEOUT)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"narrative": "fine"}, {"narrative": 7}]))
    window.import_file(bad)
    qtbot.waitUntil(lambda: getattr(window, "import_failed_box", None) is not None, timeout=TIMEOUT)
    box = window.import_failed_box
    assert "narrative" in box.detailedText() and "7" not in box.detailedText().split(":")[-1]
    box.close()
    window.load_all()
    qtbot.wait(300)
    assert window.list_panel.model.rowCount() == 300
