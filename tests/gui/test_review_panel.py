"""The redaction review panel over a real vault: spans shown, a click keeps one, a selection adds
one, the preview follows, decisions survive lock and unlock, "mark reviewed" sets the status."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from testimony_app.domain.records import Entity, EntityType, Status
from testimony_app.domain.redaction_marks import MarkDecision
from testimony_app.gui.app_controller import AppController
from testimony_app.redaction.spans import Kind, Source
from tests.gui.test_app_flow import (
    PASSPHRASE,
    TIMEOUT,
    create_vault,
    new_testimony,
    unlock,
    wait_saved,
)
from tests.gui.typing import visible_texts

NARRATIVE = (
    "The gunmen came at dawn. Ayham Khadour ran to the bakery in Talbiseh.\n"
    "Abu Ayham called us from 0933 123 456; we said Allah karim.\n"
    "قال جارنا أيهم إن المسلحين أحرقوا بيت الحاج سليم في الحارة الشرقية."
)


def open_review(qtbot: QtBot, controller: AppController) -> object:
    window = controller.main_window
    assert window is not None
    editor = window.editor
    panel = editor.review_panel
    editor.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.review is not None, timeout=TIMEOUT)
    return panel


def spans(panel: object) -> list:  # type: ignore[type-arg]
    return list(panel.review.redacted.fields["narrative"].spans)  # type: ignore[attr-defined]


def click_at(qtbot: QtBot, panel: object, index: int) -> None:
    """A real mouse click on the character at `index` of the account."""
    view = panel.source_view  # type: ignore[attr-defined]
    cursor = QTextCursor(view.document())
    cursor.setPosition(index)
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 3, rect.center().y())
    )


def test_review_keep_redact_preview_and_persist(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    create_vault(qtbot, controller)
    window = controller.main_window
    assert window is not None
    window.resize(1280, 800)
    testimony_id = new_testimony(qtbot, controller)
    editor = window.editor
    editor.narrative_edit.setPlainText(NARRATIVE)
    editor.entities_panel.add_entity("Ayham Khadour")
    editor.entities_panel.add_entity("أيهم خضور")
    editor.on_content_changed()
    wait_saved(qtbot, controller)
    assert [e.type for e in editor.entities_panel.entities()] == [EntityType.PERSON] * 2

    panel = open_review(qtbot, controller)
    found = spans(panel)
    kinds = {(s.kind, NARRATIVE[s.start : s.end]) for s in found}
    assert (Kind.PERSON, "Ayham Khadour") in kinds
    assert (Kind.PERSON, "Abu Ayham") in kinds
    assert (Kind.PHONE, "0933 123 456") in kinds
    assert (Kind.PERSON, "أيهم") in kinds
    preview = panel.preview_view.toPlainText()  # type: ignore[attr-defined]
    assert "Ayham" not in preview and "0933" not in preview and "أيهم" not in preview
    # Two registrations, two people: the Arabic spelling is not a variant of the Latin one here.
    assert "[PERSON-1]" in preview and "[PHONE-1]" in preview and "[شخص-٢]" in preview
    assert "Talbiseh" in preview and "Allah karim" in preview
    assert len(panel.source_view.extraSelections()) == len(found)  # type: ignore[attr-defined]
    panel.source_view.grab().save(str(tmp_path / "review-source.png"))  # type: ignore[attr-defined]

    # A click on the phone number keeps it: the preview shows it, the span is "kept".
    phone_at = NARRATIVE.index("0933") + 2
    with qtbot.waitSignal(panel.marks_saved, timeout=TIMEOUT):  # type: ignore[attr-defined]
        click_at(qtbot, panel, phone_at)
    assert "0933 123 456" in panel.preview_view.toPlainText()  # type: ignore[attr-defined]
    kept = panel.review.redacted.fields["narrative"].kept  # type: ignore[attr-defined]
    assert [NARRATIVE[s.start : s.end] for s in kept] == ["0933 123 456"]
    assert "1 kept by you" in panel.summary_label.text()  # type: ignore[attr-defined]

    # Selecting "bakery" and redacting it adds a span of one's own.
    cursor = panel.source_view.textCursor()  # type: ignore[attr-defined]
    start = NARRATIVE.index("bakery")
    cursor.setPosition(start)
    cursor.setPosition(start + len("bakery"), QTextCursor.MoveMode.KeepAnchor)
    panel.source_view.setTextCursor(cursor)  # type: ignore[attr-defined]
    panel.type_combo.setCurrentIndex(panel.type_combo.findData(EntityType.LOCATION_PRIVATE))  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.marks_saved, timeout=TIMEOUT):  # type: ignore[attr-defined]
        qtbot.mouseClick(panel.redact_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    preview = panel.preview_view.toPlainText()  # type: ignore[attr-defined]
    assert "bakery" not in preview and "[PLACE-1]" in preview
    manual = [s for s in spans(panel) if s.source is Source.MANUAL]
    assert [NARRATIVE[s.start : s.end] for s in manual] == ["bakery"]

    # Another profile: the public one shows the town as its district.
    panel.profile_combo.setCurrentIndex(panel.profile_combo.findData("public"))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: panel.review.profile.name == "public", timeout=TIMEOUT)  # type: ignore[attr-defined]
    assert "[al-Rastan district]" in panel.preview_view.toPlainText()  # type: ignore[attr-defined]
    panel.grab().save(str(tmp_path / "review-panel.png"))  # type: ignore[attr-defined]

    # Mark reviewed: the editor's status follows and is saved.
    qtbot.mouseClick(panel.reviewed_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait_saved(qtbot, controller)
    qtbot.waitUntil(
        lambda: panel.review.testimony.content.status is Status.REVIEWED,  # type: ignore[attr-defined]
        timeout=TIMEOUT,
    )
    assert editor.status_combo.currentData() is Status.REVIEWED
    assert not panel.reviewed_button.isEnabled()  # type: ignore[attr-defined]

    # Lock: nothing of the account is left in the panel; unlock: the decisions are still there.
    with qtbot.waitSignal(controller.locked, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert panel.review is None  # type: ignore[attr-defined]
    assert not any("Ayham" in text or "bakery" in text for text in visible_texts(window))
    with qtbot.waitSignal(controller.unlocked, timeout=TIMEOUT):
        unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=TIMEOUT)
    window.list_panel.select(testimony_id)
    qtbot.waitUntil(lambda: editor.testimony_id == testimony_id, timeout=TIMEOUT)
    editor.tabs.setCurrentIndex(0)
    panel = open_review(qtbot, controller)
    decisions = {(m.decision, m.text) for m in panel.review.marks}  # type: ignore[attr-defined]
    assert decisions == {
        (MarkDecision.KEEP, "0933 123 456"),
        (MarkDecision.REDACT, "bakery"),
    }
    assert "0933 123 456" in panel.preview_view.toPlainText()  # type: ignore[attr-defined]

    # A second click on the kept number redacts it again.
    with qtbot.waitSignal(panel.marks_saved, timeout=TIMEOUT):  # type: ignore[attr-defined]
        click_at(qtbot, panel, phone_at)
    assert "0933" not in panel.preview_view.toPlainText()  # type: ignore[attr-defined]


def test_entities_registered_in_the_editor_are_found_in_the_review(
    qtbot: QtBot, controller: AppController
) -> None:
    create_vault(qtbot, controller)
    window = controller.main_window
    assert window is not None
    new_testimony(qtbot, controller)
    editor = window.editor
    editor.narrative_edit.setPlainText("وصل سليم إلى الحاجز، ثم اختفى سليم.")
    editor.on_content_changed()
    wait_saved(qtbot, controller)
    panel = open_review(qtbot, controller)
    assert spans(panel) == []
    assert "سليم" in panel.preview_view.toPlainText()  # type: ignore[attr-defined]
    editor.entities_panel.set_entities((Entity("سليم", EntityType.PERSON),))
    editor.on_content_changed()
    wait_saved(qtbot, controller)
    qtbot.waitUntil(lambda: len(spans(panel)) == 2, timeout=TIMEOUT)
    assert "سليم" not in panel.preview_view.toPlainText()  # type: ignore[attr-defined]
