"""The incidents panel and its dialog, driven like a researcher would; fictional data only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from testimony_app.domain.records import DatePrecision, Incident
from testimony_app.domain.vocabulary import Vocabulary, load_violation_types
from testimony_app.gui.app import load_style
from testimony_app.gui.bidi_text import plain_text, show_text, text_direction
from testimony_app.gui.editor.incident_dialog import IncidentDialog
from testimony_app.gui.editor.incidents_panel import DATE, PLACE, VIOLATIONS, IncidentsPanel

STORED = (
    Incident(
        date="2024-11",
        date_precision=DatePrecision.MONTH,
        place="Tel Warda checkpoint",
        violation_types=("arbitrary_detention", "ill_treatment"),
        perpetrator="two men in grey uniforms",
        victims_count=4,
    ),
    Incident(
        date="2023",
        date_precision=DatePrecision.APPROXIMATE,
        place="قرية عين الصفصاف",
        violation_types=("looting", "arson", "retired_code"),
        perpetrator="مسلحون ملثمون",
        victims_count=None,
    ),
)


def cell_text(panel: IncidentsPanel, row: int, column: int) -> str:
    item = panel.table.item(row, column)
    assert item is not None
    return plain_text(item.text())


def type_text(widget: QWidget, text: str) -> None:
    """One key event per character: qtbot.keyClicks aborts on non-ASCII text with Qt 6.12."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def tick(dialog: IncidentDialog, code: str) -> None:
    """Select the violation type's row and press Space, which ticks a checkable item."""
    items = dialog.violations_list
    for row in range(items.count()):
        if items.item(row).data(Qt.ItemDataRole.UserRole + 1) == code:
            items.setFocus()
            items.setCurrentRow(row)
            QTest.keyClick(items, Qt.Key.Key_Space)
            return
    raise AssertionError(f"no row for {code}")


def open_panel(qtbot: QtBot, vocabulary: Vocabulary, language: str = "en") -> IncidentsPanel:
    panel = IncidentsPanel(vocabulary, language)
    qtbot.addWidget(panel)
    panel.resize(820, 260)
    with qtbot.waitActive(panel):  # keyboard shortcuts need an active window
        panel.show()
        panel.activateWindow()
    return panel


def double_click_row(qtbot: QtBot, panel: IncidentsPanel, row: int) -> IncidentDialog:
    rect = panel.table.visualRect(panel.table.model().index(row, PLACE))
    # A view acts on a double click only after the press of its first click.
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.dialog is not None
    return panel.dialog


@pytest.fixture
def vocabulary() -> Vocabulary:
    return load_violation_types()


@pytest.fixture
def right_to_left(qapp: QApplication) -> Iterator[None]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_adding_an_incident_through_the_dialog(qtbot: QtBot, vocabulary: Vocabulary) -> None:
    panel = open_panel(qtbot, vocabulary)
    assert panel.empty_label.isVisible()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)

    qtbot.keyClicks(dialog.date_field, "2025-03-07")
    type_text(dialog.place_field, "قرية عين الصفصاف")
    tick(dialog, "arbitrary_detention")
    tick(dialog, "torture")
    qtbot.keyClicks(dialog.perpetrator_field, "men in grey uniforms")
    dialog.victims_spin.selectAll()
    qtbot.keyClicks(dialog.victims_spin, "3")
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert panel.incidents() == (
        Incident(
            date="2025-03-07",
            date_precision=DatePrecision.DAY,
            place="قرية عين الصفصاف",
            violation_types=("arbitrary_detention", "torture"),
            perpetrator="men in grey uniforms",
            victims_count=3,
        ),
    )
    assert panel.dialog is None
    assert cell_text(panel, 0, VIOLATIONS) == "Arbitrary detention, Torture"
    assert cell_text(panel, 0, DATE) == "2025-03-07"
    assert not panel.empty_label.isVisible()
    assert panel.current_row() == 0


def test_a_new_incident_may_leave_everything_unknown(qtbot: QtBot, vocabulary: Vocabulary) -> None:
    panel = open_panel(qtbot, vocabulary)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.dialog is not None
    assert panel.dialog.victims_spin.text() == "unknown"
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert panel.incidents() == (Incident(),)


def test_an_invalid_date_disables_ok_and_says_what_is_expected(
    qtbot: QtBot, vocabulary: Vocabulary
) -> None:
    dialog = IncidentDialog(vocabulary)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ok_button.isEnabled()  # an empty date means "not known"

    qtbot.keyClicks(dialog.date_field, "2025-3-7")
    assert not dialog.ok_button.isEnabled()
    assert "a date like 2025-03-07" in dialog.date_hint_label.text()
    assert dialog.date_hint_label.objectName() == "errorLabel"
    QTest.keyClick(dialog.date_field, Qt.Key.Key_Return)  # Enter must not get round OK
    assert dialog.isVisible()

    dialog.precision_combo.setCurrentIndex(dialog.precision_combo.findData(DatePrecision.MONTH))
    assert "a month like 2025-03" in dialog.date_hint_label.text()
    dialog.date_field.clear()
    qtbot.keyClicks(dialog.date_field, "2025-03")
    assert dialog.ok_button.isEnabled()
    assert dialog.date_hint_label.objectName() == "note"
    qtbot.keyClicks(dialog.date_field, "-07")  # a day, but the precision says month
    assert not dialog.ok_button.isEnabled()

    dialog.precision_combo.setCurrentIndex(dialog.precision_combo.findData(DatePrecision.DAY))
    assert dialog.ok_button.isEnabled()
    dialog.date_field.setText("2025-02-30")
    assert not dialog.ok_button.isEnabled()
    assert "no such day" in dialog.date_hint_label.text()

    dialog.precision_combo.setCurrentIndex(dialog.precision_combo.findData(DatePrecision.YEAR))
    dialog.date_field.setText("0000")
    assert not dialog.ok_button.isEnabled()
    assert "a year like 2025" in dialog.date_hint_label.text()

    approximate = dialog.precision_combo.findData(DatePrecision.APPROXIMATE)
    dialog.precision_combo.setCurrentIndex(approximate)
    for good in ("2025", "2025-03", "2025-03-07"):
        dialog.date_field.setText(good)
        assert dialog.ok_button.isEnabled(), good
    dialog.date_field.setText("March 2025")
    assert not dialog.ok_button.isEnabled()
    assert "a month like 2025-03 or a year like 2025" in dialog.date_hint_label.text()


def test_arabic_indic_digits_are_stored_as_ascii(qtbot: QtBot, vocabulary: Vocabulary) -> None:
    dialog = IncidentDialog(vocabulary)
    qtbot.addWidget(dialog)
    type_text(dialog.date_field, "\u0662\u0660\u0662\u0665-\u0660\u0663-\u0660\u0667")
    assert dialog.ok_button.isEnabled()
    assert dialog.incident().date == "2025-03-07"


def test_setting_incidents_is_not_an_edit(qtbot: QtBot, vocabulary: Vocabulary) -> None:
    panel = open_panel(qtbot, vocabulary)
    with qtbot.assertNotEmitted(panel.changed):
        panel.set_incidents(STORED)
    assert panel.incidents() == STORED
    assert panel.table.rowCount() == 2
    assert cell_text(panel, 0, DATE) == "2024-11"
    assert cell_text(panel, 1, DATE) == "about 2023"
    # A code no longer in the vocabulary is still shown, as itself.
    assert cell_text(panel, 1, VIOLATIONS) == "Looting, Arson, retired_code"
    assert not panel.edit_button.isEnabled()
    assert not panel.remove_button.isEnabled()


def test_editing_by_double_click(qtbot: QtBot, vocabulary: Vocabulary) -> None:
    panel = open_panel(qtbot, vocabulary)
    panel.set_incidents(STORED)
    dialog = double_click_row(qtbot, panel, 1)
    assert dialog.date_field.text() == "2023"
    assert dialog.precision() is DatePrecision.APPROXIMATE
    assert dialog.checked_codes() == ("looting", "arson", "retired_code")
    assert dialog.victims_spin.text() == "unknown"

    tick(dialog, "arson")  # untick
    tick(dialog, "forced_displacement")
    dialog.victims_spin.selectAll()
    qtbot.keyClicks(dialog.victims_spin, "12")
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    edited = panel.incidents()[1]
    assert edited.violation_types == ("looting", "retired_code", "forced_displacement")
    assert edited.victims_count == 12
    assert edited.place == STORED[1].place
    assert panel.incidents()[0] == STORED[0]


def test_cancel_or_ok_without_change_is_not_an_edit(qtbot: QtBot, vocabulary: Vocabulary) -> None:
    panel = open_panel(qtbot, vocabulary)
    panel.set_incidents(STORED)
    with qtbot.assertNotEmitted(panel.changed):
        dialog = double_click_row(qtbot, panel, 0)
        qtbot.keyClicks(dialog.place_field, " north")
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        dialog = double_click_row(qtbot, panel, 0)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert panel.incidents() == STORED


def test_removing_the_selected_incident(qtbot: QtBot, vocabulary: Vocabulary) -> None:
    panel = open_panel(qtbot, vocabulary)
    panel.set_incidents(STORED)
    panel.select_row(0)
    assert panel.remove_button.isEnabled()
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.incidents() == STORED[1:]
    assert panel.current_row() == 0  # the next one is selected, ready for another removal
    with qtbot.waitSignal(panel.changed):
        panel.table.setFocus()
        QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.incidents() == ()
    assert not panel.remove_button.isEnabled()


def test_clear_forgets_everything_and_closes_the_dialog(
    qtbot: QtBot, vocabulary: Vocabulary
) -> None:
    panel = open_panel(qtbot, vocabulary)
    panel.set_incidents(STORED)
    dialog = double_click_row(qtbot, panel, 0)
    with qtbot.assertNotEmitted(panel.changed):
        panel.clear()
    assert panel.dialog is None
    assert not dialog.isVisible()
    assert panel.incidents() == ()
    assert panel.table.rowCount() == 0


def test_arabic_labels(qtbot: QtBot, vocabulary: Vocabulary, right_to_left: None) -> None:
    panel = open_panel(qtbot, vocabulary, "ar")
    panel.set_incidents(STORED)
    assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert cell_text(panel, 0, VIOLATIONS) == "الاعتقال التعسفي، سوء المعاملة"
    assert cell_text(panel, 1, VIOLATIONS) == "النهب، الحرق العمد، retired_code"
    dialog = double_click_row(qtbot, panel, 0)
    labels = [dialog.violations_list.item(row).text() for row in range(3)]
    assert labels == ["القتل", "الشروع في القتل", "الإعدام بإجراءات موجزة"]
    dialog.reject()
    panel.set_language("en")
    assert cell_text(panel, 0, VIOLATIONS) == "Arbitrary detention, Ill-treatment"


def test_cells_follow_the_direction_of_their_text() -> None:
    assert text_direction("قرية عين الصفصاف.") == Qt.LayoutDirection.RightToLeft
    assert text_direction("3 قرى") == Qt.LayoutDirection.RightToLeft
    assert text_direction("Tel Warda, تل وردة") == Qt.LayoutDirection.LeftToRight
    assert text_direction("2025-03-07") is None

    item = QTableWidgetItem()
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
    for text, shown, alignment in (
        ("قرية عين الصفصاف.", "\u2068قرية عين الصفصاف.\u2069", right),
        ("Tel Warda", "\u2068Tel Warda\u2069", Qt.AlignmentFlag.AlignLeft),
        ("+963 900 000 000", "\u2066+963 900 000 000\u2069", Qt.AlignmentFlag.AlignLeading),
        ("", "", Qt.AlignmentFlag.AlignLeading),
    ):
        show_text(item, text)
        assert item.text() == shown
        assert plain_text(item.text()) == text
        assert item.toolTip() == text
        assert item.textAlignment() & alignment == alignment


@pytest.mark.parametrize("language", ["en", "ar"])
def test_screenshots(
    qtbot: QtBot, qapp: QApplication, vocabulary: Vocabulary, tmp_path: Path, language: str
) -> None:
    load_style(qapp)  # the look the application has
    if language == "ar":
        qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        panel = open_panel(qtbot, vocabulary, language)
        panel.set_incidents(
            (
                *STORED,
                Incident(
                    date="2025-03-07",
                    place="Wadi Sumaq farm road",
                    violation_types=("indiscriminate_attack", "destruction_of_property"),
                    victims_count=0,
                ),
            )
        )
        panel.select_row(2)
        qapp.processEvents()  # let the layout hide the "no incidents" note before grabbing
        panel.grab().save(str(tmp_path / f"incidents-panel-{language}.png"))
        dialog = double_click_row(qtbot, panel, 1)
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(tmp_path / f"incident-dialog-{language}.png"))
        dialog.date_field.setText("2025-02-30")
        dialog.precision_combo.setCurrentIndex(dialog.precision_combo.findData(DatePrecision.DAY))
        qapp.processEvents()
        dialog.grab().save(str(tmp_path / f"incident-dialog-invalid-{language}.png"))
        dialog.reject()
        empty = open_panel(qtbot, vocabulary, language)
        qapp.processEvents()
        empty.grab().save(str(tmp_path / f"incidents-panel-empty-{language}.png"))
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        qapp.setStyleSheet("")
    for name in ("incidents-panel", "incident-dialog", "incident-dialog-invalid"):
        assert (tmp_path / f"{name}-{language}.png").stat().st_size > 0
