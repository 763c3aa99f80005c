"""The open-bundle window with real widgets over a real vault: a verified bundle from an unknown
sender is trusted by fingerprint and imported, then browsed; a damaged one is rejected with its
reason in words, and nothing is imported."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from testimony_app.bundle.reader import BundleProblem
from testimony_app.gui.app_controller import AppController
from testimony_app.gui.bundles.open_bundle_window import OpenBundleWindow
from testimony_app.gui.error_messages import describe_bundle_problem
from testimony_app.services.export import ExportRequest, ExportService
from testimony_app.services.keys import KeyService
from tests.gui.bundle_helpers import (
    SECRET_NAME,
    TIMEOUT,
    Editor,
    core_vault,
    new_editor,
    record,
)
from tests.gui.test_app_flow import create_vault
from tests.gui.typing import type_text, visible_texts

PICTURE_NOTE = b"fictional notes from the visit, nothing more\n"


def researcher_bundle(tmp_path: Path, editor: Editor) -> tuple[Path, str]:
    """A bundle from a researcher's vault to `editor`, and the researcher's fingerprint."""
    import json

    with core_vault(tmp_path / "researcher-vault") as records:
        [imported] = records.import_records(json.dumps(record(), ensure_ascii=False).encode())
        records.attach(
            imported.testimony_id,
            io.BytesIO(PICTURE_NOTE),
            file_name="notes.txt",
            media_type="text/plain",
        )
        request = ExportRequest(
            testimony_ids=[imported.testimony_id],
            recipients=[editor.public_key],
            out=tmp_path / "inbox" / "from-the-field.tbundle",
        )
        (tmp_path / "inbox").mkdir()
        [written] = ExportService(records).export(request)
        fingerprint = KeyService(records).signing_identity().fingerprint
    return written.path, fingerprint


def open_window(controller: AppController) -> OpenBundleWindow:
    window = controller.main_window
    assert window is not None
    window.open_bundle_action.trigger()
    opened = window.bundle_windows.open_bundle_window
    assert opened is not None and opened.isVisible()
    return opened


def received(controller: AppController) -> list[Any]:
    def job(context: Any) -> list[Any]:
        from testimony_app.services.bundles import BundleService

        return BundleService(context.state.require().records).received()

    return list(controller.worker.run_blocking(job))


def test_a_verified_bundle_is_trusted_imported_and_browsed(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    create_vault(qtbot, controller)  # the editor's vault
    editor = new_editor(tmp_path / "keys")
    bundle, fingerprint = researcher_bundle(tmp_path, editor)
    window = open_window(controller)
    assert not window.import_button.isEnabled()
    window.set_identity_path(editor.identity_file)
    with qtbot.waitSignal(window.checked, timeout=TIMEOUT):
        window.set_bundle_path(bundle)

    # Verified, from a sender not trusted yet: the fingerprint, grouped, and the trust step.
    assert window.state == "verified"
    assert "not trusted yet" in window.status_label.text()
    assert window.fingerprint_label.fingerprint() == fingerprint
    assert window.fingerprint_label.text() == "  ".join(fingerprint.split())
    assert window.contents_label.text() == "Testimonies: 1. Attachments: 1."
    assert window.trust_box.isVisible()
    assert window.import_button.text() == "Trust and import"
    assert not window.import_button.isEnabled()  # not before comparing and naming
    window.compared_check.setChecked(True)
    assert not window.import_button.isEnabled()
    type_text(window.sender_name_field, "فريق الساحل")
    assert window.import_button.isEnabled()
    with qtbot.waitSignal(window.imported, timeout=TIMEOUT):
        qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    assert window.state == "imported"
    assert window.status_label.text().startswith("Imported, and kept encrypted")
    assert not window.import_button.isEnabled()  # once is enough
    [item] = received(controller)
    assert item.sender_name == "فريق الساحل" and item.testimonies == 1

    # The imported browser lists it under the sender, then the bundle, and reads it.
    qtbot.mouseClick(window.browse_button, Qt.MouseButton.LeftButton)
    browser = controller.main_window.bundle_windows.imported_browser  # type: ignore[union-attr]
    assert browser is not None and browser.isVisible()
    qtbot.waitUntil(lambda: len(browser.testimony_items()) == 1, timeout=TIMEOUT)
    sender = browser.tree.topLevelItem(0)
    assert "فريق الساحل" in sender.text(0)
    assert sender.child(0).text(0).startswith("Bundle of")
    [testimony] = browser.testimony_items()
    browser.tree.setCurrentItem(testimony)
    view = browser.view
    narrative = view.narrative_view.toPlainText()
    assert "[PERSON-1]" in narrative and SECRET_NAME not in narrative
    assert "أُحرق المخبز" in narrative
    assert view.narrative_view.isReadOnly()
    assert view.incident_list.topLevelItemCount() == 1
    assert "Killing" in view.incident_list.topLevelItem(0).text(2)
    assert view.attachment_list.topLevelItemCount() == 1
    assert view.attachment_list.topLevelItem(0).text(0) == "1.txt"

    # A text attachment opens inside the app, from the vault.
    viewer = browser.open_viewer(
        view.attachment_list.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole + 1)
    )
    qtbot.waitUntil(lambda: viewer.shown, timeout=TIMEOUT)
    assert viewer.text_view.toPlainText() == PICTURE_NOTE.decode()

    # Opening the same bundle again: intact, already imported, nothing to do.
    with qtbot.waitSignal(window.checked, timeout=TIMEOUT):
        window.check()
    assert "already imported" in window.status_label.text()
    assert not window.import_button.isEnabled()

    # Lock: every window closed, and no testimony text left in any widget.
    with qtbot.waitSignal(controller.locked, timeout=TIMEOUT):
        controller.main_window.lock_action.trigger()  # type: ignore[union-attr]
    windows = controller.main_window.bundle_windows  # type: ignore[union-attr]
    assert windows.open_bundle_window is None and windows.imported_browser is None
    for widget in (browser, window, viewer):
        assert not shiboken6.isValid(widget) or not widget.isVisible()
    for widget in QApplication.topLevelWidgets():
        assert not any("أُحرق المخبز" in text for text in visible_texts(widget))


def test_a_damaged_bundle_is_rejected_with_its_reason_and_nothing_is_imported(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    create_vault(qtbot, controller)
    editor = new_editor(tmp_path / "keys")
    bundle, _ = researcher_bundle(tmp_path, editor)
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, in the middle of the encrypted payload
    damaged = tmp_path / "inbox" / "damaged.tbundle"
    damaged.write_bytes(bytes(data))

    window = open_window(controller)
    window.set_identity_path(editor.identity_file)
    with qtbot.waitSignal(window.rejected_bundle, timeout=TIMEOUT) as rejected:
        window.set_bundle_path(damaged)
    error = rejected.args[0]
    assert error.problem is BundleProblem.DAMAGED
    assert window.state == "rejected"
    assert window.status_label.text() == "This bundle was not accepted."
    reason = window.reason_label.text()
    assert reason.startswith(describe_bundle_problem(BundleProblem.DAMAGED))
    assert "changed after it was made" in reason and reason.endswith("Nothing was imported.")
    assert not window.details_box.isVisible() and not window.trust_box.isVisible()
    assert not window.import_button.isEnabled()
    assert received(controller) == []

    # The wrong identity file is told apart from damage.
    other = new_editor(tmp_path / "other-keys", "someone-else")
    with qtbot.waitSignal(window.rejected_bundle, timeout=TIMEOUT) as rejected:
        window.set_identity_path(other.identity_file)
    assert rejected.args[0].problem is BundleProblem.NOT_FOR_THIS_KEY
    assert "your own identity file" in window.reason_label.text()
    # And a file that is not an identity at all.
    not_a_key = tmp_path / "notes.txt"
    not_a_key.write_text("just notes")
    with qtbot.waitSignal(window.rejected_bundle, timeout=TIMEOUT):
        window.set_identity_path(not_a_key)
    assert window.status_label.text() == "The bundle could not be opened."
    assert "not an identity file" in window.reason_label.text()
    assert received(controller) == []
