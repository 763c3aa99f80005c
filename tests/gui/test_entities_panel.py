"""The entities panel: registering, de-duplicating, typing and removing; fictional data only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from testimony_app.domain.records import Entity, EntityType
from testimony_app.gui.app import load_style
from testimony_app.gui.bidi_text import plain_text
from testimony_app.gui.editor.entities_panel import TEXT, VARIANTS, EntitiesPanel, parse_variants

STORED = (
    Entity("Abu Ayham", EntityType.PERSON, ("Abou Ayham", "أبو أيهم")),
    Entity("بيت آل الخطيب في حي النرجس", EntityType.LOCATION_PRIVATE),
    Entity("+963 900 000 000", EntityType.PHONE),
)


def cell_text(panel: EntitiesPanel, row: int, column: int) -> str:
    item = panel.table.item(row, column)
    assert item is not None
    return plain_text(item.text())


def type_text(widget: QWidget, text: str) -> None:
    """One key event per character: qtbot.keyClicks aborts on non-ASCII text with Qt 6.12."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def open_panel(qtbot: QtBot) -> EntitiesPanel:
    panel = EntitiesPanel()
    qtbot.addWidget(panel)
    panel.resize(760, 260)
    with qtbot.waitActive(panel):  # focus and shortcuts need an active window
        panel.show()
        panel.activateWindow()
    return panel


def edit_cell(qtbot: QtBot, panel: EntitiesPanel, row: int, column: int, text: str) -> None:
    """Open the cell's editor as a double click would, replace its text, press Enter."""
    panel.table.setFocus()
    item = panel.table.item(row, column)
    assert item is not None
    panel.table.editItem(item)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    type_text(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def test_registering_adds_a_row_selects_it_and_focuses_its_type(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    assert panel.empty_label.isVisible()
    with qtbot.waitSignal(panel.changed):
        row = panel.add_entity("  Abu Ayham \n")
    assert row == 0
    assert panel.entities() == (Entity("Abu Ayham", EntityType.PERSON),)
    assert panel.current_row() == 0
    assert QApplication.focusWidget() is panel.type_combo(0)
    assert panel.type_combo(0).currentText() == "Person"
    assert not panel.empty_label.isVisible()

    with qtbot.waitSignal(panel.changed):
        assert panel.add_entity("+963 900 000 000", EntityType.PHONE) == 1
    assert panel.entities()[1].type is EntityType.PHONE
    assert panel.type_combo(1).currentText() == "Phone"
    assert panel.current_row() == 1


def test_blank_text_is_ignored(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    with qtbot.assertNotEmitted(panel.changed):
        assert panel.add_entity("") is None
        assert panel.add_entity(" \t\n ") is None
    assert panel.entities() == ()


def test_a_diacritised_duplicate_selects_the_existing_row(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    panel.add_entity("أبو أيهم")
    panel.add_entity("Tel Warda")
    with qtbot.assertNotEmitted(panel.changed):
        # Same name with tashkeel, a tatweel and a bare alef: the same after normalisation.
        assert panel.add_entity("ابُو أَيْهـم") == 0
        assert panel.add_entity("tel  WARDA") == 1
    assert len(panel.entities()) == 2
    assert panel.current_row() == 1


def test_a_registered_variant_counts_as_registered(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    panel.set_entities(STORED)
    with qtbot.assertNotEmitted(panel.changed):
        assert panel.add_entity("أبو أيهم") == 0
    assert panel.entities() == STORED


def test_the_entry_field_registers_what_is_typed(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    type_text(panel.new_entity_field, "حي النرجس")
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.entities() == (Entity("حي النرجس", EntityType.PERSON),)
    assert panel.new_entity_field.text() == ""


def test_setting_entities_is_not_an_edit(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    with qtbot.assertNotEmitted(panel.changed):
        panel.set_entities(STORED)
    assert panel.entities() == STORED
    assert cell_text(panel, 0, VARIANTS) == "Abou Ayham, أبو أيهم"
    assert panel.type_combo(1).currentText() == "Private place"


def test_changing_the_type_with_the_combo(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    panel.add_entity("بيت آل الخطيب")
    combo = panel.type_combo(0)
    assert QApplication.focusWidget() is combo  # ready for the user to choose
    with qtbot.waitSignal(panel.changed):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert panel.entities()[0].type is EntityType.LOCATION_PRIVATE
    assert combo.currentText() == "Private place"


def test_the_wheel_over_an_unfocused_type_does_not_change_it(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    panel.set_entities(STORED)
    combo = panel.type_combo(1)
    panel.table.setFocus()
    wheel = QWheelEvent(
        QPointF(5, 5),
        QPointF(combo.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    with qtbot.assertNotEmitted(panel.changed):
        QApplication.sendEvent(combo, wheel)
    assert panel.entities() == STORED


def test_editing_the_variants(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    panel.add_entity("Abu Ayham")
    with qtbot.waitSignal(panel.changed):
        # An Arabic comma separates too; blanks, repeats and the text itself are dropped.
        edit_cell(qtbot, panel, 0, VARIANTS, "Abou Ayham, أبو أيهم،  , abou ayham, Abu Ayham")
    assert panel.entities()[0].variants == ("Abou Ayham", "أبو أيهم")
    assert cell_text(panel, 0, VARIANTS) == "Abou Ayham, أبو أيهم"
    with qtbot.waitSignal(panel.changed):
        edit_cell(qtbot, panel, 0, VARIANTS, "")
    assert panel.entities()[0].variants == ()


def test_editing_the_text_refuses_blank_and_duplicates(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    panel.set_entities(STORED)
    with qtbot.waitSignal(panel.changed):
        edit_cell(qtbot, panel, 2, TEXT, "+963 900 000 001")
    assert panel.entities()[2].text == "+963 900 000 001"
    with qtbot.assertNotEmitted(panel.changed):
        edit_cell(qtbot, panel, 2, TEXT, "   ")
        edit_cell(qtbot, panel, 2, TEXT, "abou ayham")
    assert panel.entities()[2].text == "+963 900 000 001"
    assert cell_text(panel, 2, TEXT) == "+963 900 000 001"
    qtbot.waitUntil(lambda: panel.current_row() == 0)  # where the duplicate already is


def test_removing_entities(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    panel.set_entities(STORED)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.remove_button(1), Qt.MouseButton.LeftButton)
    assert panel.entities() == (STORED[0], STORED[2])
    # The row below moved up: its own buttons and combo still act on it.
    with qtbot.waitSignal(panel.changed):
        panel.type_combo(1).setCurrentIndex(panel.type_combo(1).findData(EntityType.OTHER))
    assert panel.entities()[1].type is EntityType.OTHER
    panel.select_row(0)
    panel.table.setFocus()
    with qtbot.waitSignal(panel.changed):
        QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [entity.text for entity in panel.entities()] == ["+963 900 000 000"]
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.remove_button(0), Qt.MouseButton.LeftButton)
    assert panel.entities() == ()
    assert panel.empty_label.isVisible()


def test_clear_forgets_everything(qtbot: QtBot) -> None:
    panel = open_panel(qtbot)
    panel.set_entities(STORED)
    type_text(panel.new_entity_field, "half typed")
    with qtbot.assertNotEmitted(panel.changed):
        panel.clear()
    assert panel.entities() == ()
    assert panel.table.rowCount() == 0
    assert panel.new_entity_field.text() == ""


def test_parse_variants() -> None:
    assert parse_variants("a, b،c ,, A", "c") == ("a", "b")
    assert parse_variants("") == ()


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_screenshots(qtbot: QtBot, qapp: QApplication, tmp_path: Path, direction: str) -> None:
    load_style(qapp)  # the look the application has
    if direction == "rtl":
        qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        panel = open_panel(qtbot)
        panel.set_entities(STORED)
        panel.add_entity("Tel Warda farm")
        qapp.processEvents()  # let the layout hide the empty note before grabbing
        panel.grab().save(str(tmp_path / f"entities-panel-{direction}.png"))
        empty = open_panel(qtbot)
        qapp.processEvents()
        empty.grab().save(str(tmp_path / f"entities-panel-empty-{direction}.png"))
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        qapp.setStyleSheet("")
    assert (tmp_path / f"entities-panel-{direction}.png").stat().st_size > 0
