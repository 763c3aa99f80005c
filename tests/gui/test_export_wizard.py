"""The export wizard with real widgets over a real vault: a bundle another vault imports, the
consent gate shown and obeyed, and a cancelled export that leaves no file."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from testimony_app.bundle.keys import read_identity_file
from testimony_app.gui.app_controller import AppController
from testimony_app.gui.error_messages import describe_refusal
from testimony_app.gui.export.export_progress_page import STEPS_PER_BUNDLE
from testimony_app.gui.export.export_wizard import (
    DESTINATION,
    DONE,
    PROFILE,
    PROGRESS,
    RECIPIENTS,
    REVIEW,
    ExportWizard,
)
from testimony_app.services.bundles import BundleService
from testimony_app.services.export import RefusalReason
from tests.gui.bundle_helpers import (
    SECRET_NAME,
    TIMEOUT,
    core_vault,
    new_editor,
    open_in_editor,
    record,
    seed,
)
from tests.gui.test_app_flow import create_vault
from tests.gui.typing import type_text, visible_texts


def open_wizard(qtbot: QtBot, controller: AppController) -> ExportWizard:
    window = controller.main_window
    assert window is not None
    window.export_action.trigger()
    wizard = window.bundle_windows.export_wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.testimonies_page.is_loaded, timeout=TIMEOUT)
    return wizard


def tick_with_space(qtbot: QtBot, wizard: ExportWizard, testimony_id: str) -> None:
    page = wizard.testimonies_page
    row = page.model.row_of(testimony_id)
    assert row is not None
    page.table.setCurrentIndex(page.model.index(row, 2))  # any cell of the row
    qtbot.keyClick(page.table, Qt.Key.Key_Space)


def add_recipient(qtbot: QtBot, wizard: ExportWizard, name: str, key: str) -> None:
    form = wizard.recipients_page.add_form
    qtbot.keyClicks(form.name_field, name)
    qtbot.keyClicks(form.key_field, key)
    qtbot.keyClick(form.key_field, Qt.Key.Key_Return)  # adds; must not go to the next page
    qtbot.waitUntil(lambda: key in wizard.recipients_page.ticked_keys(), timeout=TIMEOUT)
    assert wizard.current == RECIPIENTS


def next_page(qtbot: QtBot, wizard: ExportWizard) -> None:
    assert wizard.next_button.isEnabled()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)


def wait_review(qtbot: QtBot, wizard: ExportWizard) -> None:
    assert wizard.current == REVIEW
    qtbot.waitUntil(lambda: wizard.review_page.findings is not None, timeout=TIMEOUT)


def signing_fingerprint(controller: AppController) -> str:
    def job(context: object) -> str:
        from testimony_app.services.keys import KeyService

        return KeyService(context.state.require().records).signing_identity().fingerprint  # type: ignore[attr-defined]

    return str(controller.worker.run_blocking(job))


def test_the_wizard_exports_a_bundle_another_vault_imports(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    create_vault(qtbot, controller)
    reviewed, unreviewed = seed(controller, record(), record(status="complete"))
    open_in_editor(qtbot, controller, reviewed)
    editor = new_editor(tmp_path / "editor")

    wizard = open_wizard(qtbot, controller)
    assert wizard.testimonies_page.ticked_ids() == [reviewed]  # the one open in the editor
    tick_with_space(qtbot, wizard, unreviewed)
    assert sorted(wizard.testimonies_page.ticked_ids()) == sorted([reviewed, unreviewed])
    next_page(qtbot, wizard)
    assert wizard.current == PROFILE and wizard.profile_page.profile() == "editor"
    next_page(qtbot, wizard)
    assert wizard.current == RECIPIENTS
    assert not wizard.next_button.isEnabled()  # nobody to send to yet
    add_recipient(qtbot, wizard, "Editor Lina", editor.public_key)
    next_page(qtbot, wizard)

    # Review: the unreviewed testimony waits for the automatic-redaction box.
    wait_review(qtbot, wizard)
    review = wizard.review_page
    assert review.cards == []  # nothing but "not reviewed": no card, the box answers it
    assert not wizard.next_button.isEnabled()
    assert review.automatic_check.isEnabled()
    review.automatic_check.setChecked(True)
    next_page(qtbot, wizard)

    assert wizard.current == DESTINATION
    assert not wizard.next_button.isEnabled()
    out = tmp_path / "outbox" / "to-lina"
    out.parent.mkdir()
    wizard.destination_page.set_path(out)  # the chooser is tested in test_attachments_panel
    assert wizard.destination_page.path() == out.with_name("to-lina.tbundle")
    assert wizard.next_button.text() == "Export"
    with qtbot.waitSignal(wizard.export_finished, timeout=TIMEOUT) as finished:
        next_page(qtbot, wizard)
    outcome = finished.args[0]

    # The last page: the file, its SHA-256, and the fingerprint to read aloud.
    assert wizard.current == DONE
    [bundle] = outcome.bundles
    assert bundle.path == out.with_name("to-lina.tbundle") and bundle.path.is_file()
    assert wizard.done_page.shown_hashes() == [hashlib.sha256(bundle.path.read_bytes()).hexdigest()]
    shown_fingerprint = wizard.done_page.fingerprint_label.fingerprint()
    assert shown_fingerprint == signing_fingerprint(controller)
    assert "  ".join(shown_fingerprint.split()) == wizard.done_page.fingerprint_label.text()
    assert not wizard.back_button.isVisible() and wizard.next_button.text() == "Close"

    # The editor's vault imports it, trusting the fingerprint that was read aloud.
    with core_vault(tmp_path / "editor-vault") as records:
        bundles = BundleService(records)
        opened = bundles.import_bundle(
            bundle.path,
            read_identity_file(editor.identity_file),
            trust=(shown_fingerprint, "Field team 3"),
        )
        assert opened.testimonies == 2
        [received] = bundles.received()
        narratives = [r["narrative"] for _, r in bundles.imported_records(received.bundle_id)]
    assert len(narratives) == 2
    assert all(SECRET_NAME not in text and "[PERSON-1]" in text for text in narratives)

    with qtbot.waitSignal(wizard.finished, timeout=TIMEOUT):
        next_page(qtbot, wizard)  # Close
    assert controller.main_window.bundle_windows.export_wizard is None  # type: ignore[union-attr]


def test_a_testimony_without_consent_is_shown_with_its_reason_and_must_be_left_out(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    create_vault(qtbot, controller)
    no_sharing = {"recorded": True, "share_with_editors": False}
    shared, withheld = seed(controller, record(), record(consent=no_sharing))
    open_in_editor(qtbot, controller, shared)
    editor = new_editor(tmp_path / "editor")
    wizard = open_wizard(qtbot, controller)
    wizard.testimonies_page.set_ticked([withheld], True)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    add_recipient(qtbot, wizard, "Editor Lina", editor.public_key)
    next_page(qtbot, wizard)
    wait_review(qtbot, wizard)

    review = wizard.review_page
    [card] = review.cards
    assert card.testimony_id == withheld and withheld in card.send_check.text()
    reasons = [label.text() for label in card.findChildren(QLabel, "refusalReason")]
    assert reasons == ["• " + describe_refusal(RefusalReason.NOT_SHARED_WITH_EDITORS)]
    assert "did not agree to share" in reasons[0]
    assert review.leave_out_button.isVisible()
    assert "cannot go" in review.status_label.text()
    # The export does not go: Next is off, and pressing it (or Return) stays here.
    assert not wizard.next_button.isEnabled()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.current == REVIEW

    # Left out: it is unticked on the first page too, and the export can go.
    qtbot.mouseClick(review.leave_out_button, Qt.MouseButton.LeftButton)
    assert not card.included and card.left_out_label.isVisible()
    assert wizard.testimonies_page.ticked_ids() == [shared]
    assert "Ready" in review.status_label.text()
    next_page(qtbot, wizard)
    wizard.destination_page.set_path(tmp_path / "out.tbundle")
    with qtbot.waitSignal(wizard.export_finished, timeout=TIMEOUT) as finished:
        next_page(qtbot, wizard)
    [bundle] = finished.args[0].bundles
    with core_vault(tmp_path / "editor-vault") as records:
        opened = BundleService(records).verify(
            bundle.path, read_identity_file(editor.identity_file)
        )
    assert opened.testimonies == 1


def test_cancelling_mid_export_leaves_no_file(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    create_vault(qtbot, controller)
    [testimony_id] = seed(controller, record())
    line = b"Notes typed in the camp, line after line, nothing more than words. 0123456789\n"
    notes = line * (48 * 1024 * 1024 // len(line))  # 48 MB of text: it cleans as it is

    def attach(context: object) -> None:
        context.state.require().records.attach(  # type: ignore[attr-defined]
            testimony_id, io.BytesIO(notes), file_name="notes.txt", media_type="text/plain"
        )

    controller.worker.run_blocking(attach, timeout_ms=120_000)
    open_in_editor(qtbot, controller, testimony_id)
    first, second = new_editor(tmp_path / "a"), new_editor(tmp_path / "b")
    wizard = open_wizard(qtbot, controller)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    add_recipient(qtbot, wizard, "Editor Lina", first.public_key)
    add_recipient(qtbot, wizard, "Editor Omar", second.public_key)
    next_page(qtbot, wizard)
    wait_review(qtbot, wizard)
    next_page(qtbot, wizard)
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    wizard.destination_page.set_path(outbox / "camp.tbundle")
    # Two recipients: two files, named beside the chosen one, and the page says so.
    files = wizard.destination_page.files_label.text()
    assert "one file is written for each" in files
    for path in wizard.destination_page.paths():
        assert path.parent == outbox and path.name in files

    # Cancel while the second recipient's bundle is being written: the first one is complete
    # by then, and must be removed too, so that "nothing written" holds for the whole export.
    progressed: list[str] = []
    first_bundle = wizard.destination_page.paths()[0]

    def on_progress(done: int, _total: int) -> None:
        if done >= STEPS_PER_BUNDLE and not progressed:
            progressed.append(wizard.progress_page.status_label.text())
            progressed.append(f"first bundle on disk: {first_bundle.is_file()}")
            qtbot.mouseClick(wizard.progress_page.cancel_button, Qt.MouseButton.LeftButton)

    wizard.export_progressed.connect(on_progress)
    with qtbot.waitSignal(wizard.export_failed, timeout=60_000):
        next_page(qtbot, wizard)
        assert wizard.current == PROGRESS
        assert wizard.progress_page.cancel_button.isVisible()
    assert progressed == ["Writing bundle 2 of 2…", "first bundle on disk: True"]
    assert wizard.progress_page.status_label.text() == "Cancelled, nothing written."
    assert list(outbox.iterdir()) == []  # no bundle, no temporary file
    # Back to the destination to try again; Close closes.
    assert wizard.back_button.isVisible() and wizard.cancel_button.text() == "Close"
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.current == DESTINATION


def test_locking_closes_the_wizard_and_leaves_nothing_on_screen(
    qtbot: QtBot, controller: AppController
) -> None:
    create_vault(qtbot, controller)
    [testimony_id] = seed(controller, record(interview={"date": "2025-03-12", "place": "Qx7Place"}))
    open_in_editor(qtbot, controller, testimony_id)
    wizard = open_wizard(qtbot, controller)
    type_text(wizard.recipients_page.add_form.name_field, "Qx7Editor")
    assert any("Qx7Place" in text for text in visible_texts(wizard))
    with qtbot.waitSignal(controller.locked, timeout=TIMEOUT):
        controller.main_window.lock_action.trigger()  # type: ignore[union-attr]
    assert controller.main_window.bundle_windows.export_wizard is None  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard) or not wizard.isVisible())
    for widget in QApplication.topLevelWidgets():
        texts = visible_texts(widget)
        assert not any("Qx7Place" in text or "Qx7Editor" in text for text in texts)
