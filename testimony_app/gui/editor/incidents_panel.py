"""The incidents of a testimony as a compact table, with Add, Edit and Remove."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.records import DatePrecision, Incident
from testimony_app.domain.vocabulary import Vocabulary
from testimony_app.gui.bidi_text import show_text
from testimony_app.gui.editor.incident_dialog import IncidentDialog

DATE, PLACE, VIOLATIONS, PERPETRATOR, VICTIMS = range(5)


class IncidentsPanel(QWidget):
    """Lists a testimony's incidents; Add and Edit open an IncidentDialog, Remove is at once."""

    changed = Signal()

    def __init__(
        self, vocabulary: Vocabulary, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentsPanel")
        self._vocabulary = vocabulary
        self._language = language
        self._incidents: list[Incident] = []
        self._editing_row: int | None = None  # None while the dialog adds a new incident
        self.dialog: IncidentDialog | None = None

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("incidentsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Place"),
                self.tr("Violations"),
                self.tr("Perpetrator"),
                self.tr("Victims"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, mode in (
            (DATE, QHeaderView.ResizeMode.ResizeToContents),
            (PLACE, QHeaderView.ResizeMode.Stretch),
            (VIOLATIONS, QHeaderView.ResizeMode.Stretch),
            (PERPETRATOR, QHeaderView.ResizeMode.Stretch),
            (VICTIMS, QHeaderView.ResizeMode.ResizeToContents),
        ):
            header.setSectionResizeMode(column, mode)

        self.empty_label = QLabel(
            self.tr("No incidents yet. Add one for each event the witness describes."), self
        )
        self.empty_label.setObjectName("note")
        self.empty_label.setWordWrap(True)

        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        self.table.cellDoubleClicked.connect(self.on_table_cell_double_clicked)
        self.table.itemSelectionChanged.connect(self.on_table_item_selection_changed)
        for key, slot in (
            (QKeySequence.StandardKey.Delete, self.on_remove_button_clicked),
            (QKeySequence(Qt.Key.Key_Return), self.on_edit_button_clicked),
            (QKeySequence(Qt.Key.Key_Enter), self.on_edit_button_clicked),
        ):
            shortcut = QShortcut(key, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._refresh()

    # -- API

    def set_incidents(self, incidents: Iterable[Incident]) -> None:
        """Show these incidents (a testimony just opened); not an edit, so no `changed`."""
        self._close_dialog()
        self._incidents = list(incidents)
        self._refresh()

    def incidents(self) -> tuple[Incident, ...]:
        return tuple(self._incidents)

    def clear(self) -> None:
        """Forget everything shown, an open dialog included (the vault is locking)."""
        self.set_incidents(())

    def set_language(self, language: str) -> None:
        """Show violation types in another language (the vocabulary has the labels)."""
        self._language = language
        self._refresh(self.current_row())

    def select_row(self, row: int) -> None:
        # QTableView.selectRow selected nothing in a right-to-left layout (Qt 6.12, offscreen);
        # making a cell current selects the whole row in both directions.
        self.table.setCurrentCell(row, DATE)

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    # -- wording

    def date_text(self, incident: Incident) -> str:
        if not incident.date:
            return ""
        if incident.date_precision is DatePrecision.APPROXIMATE:
            return self.tr("about {date}").format(date=incident.date)
        return incident.date

    def precision_text(self, precision: DatePrecision) -> str:
        return {
            DatePrecision.DAY: self.tr("Exact day"),
            DatePrecision.MONTH: self.tr("Month only"),
            DatePrecision.YEAR: self.tr("Year only"),
            DatePrecision.APPROXIMATE: self.tr("Approximate"),
        }[precision]

    def violations_text(self, codes: tuple[str, ...]) -> str:
        separator = "، " if self._language.split("-", 1)[0].lower() == "ar" else ", "
        return separator.join(self._vocabulary.label(code, self._language) for code in codes)

    # -- slots

    def on_add_button_clicked(self) -> None:
        self._open_dialog(None)

    def on_edit_button_clicked(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open_dialog(row)

    def on_remove_button_clicked(self) -> None:
        # No confirmation: the editor keeps every saved revision, so nothing is lost for good.
        row = self.current_row()
        if row is None:
            return
        del self._incidents[row]
        self._refresh(min(row, len(self._incidents) - 1))
        self.changed.emit()

    def on_table_cell_double_clicked(self, row: int, _column: int) -> None:
        self._open_dialog(row)

    def on_table_item_selection_changed(self) -> None:
        selected = self.current_row() is not None
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def on_dialog_finished(self, result: int) -> None:
        dialog, row = self.dialog, self._editing_row
        self.dialog, self._editing_row = None, None
        if dialog is None:
            return
        dialog.deleteLater()
        if result != IncidentDialog.DialogCode.Accepted:
            return
        incident = dialog.incident()
        if row is None:
            self._incidents.append(incident)
            row = len(self._incidents) - 1
        elif self._incidents[row] == incident:
            return
        else:
            self._incidents[row] = incident
        self._refresh(row)
        self.changed.emit()

    # -- helpers

    def _open_dialog(self, row: int | None) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        incident = None if row is None else self._incidents[row]
        self._editing_row = row
        self.dialog = IncidentDialog(self._vocabulary, incident, self._language, self)
        self.dialog.finished.connect(self.on_dialog_finished)
        self.dialog.open()

    def _close_dialog(self) -> None:
        dialog, self.dialog, self._editing_row = self.dialog, None, None
        if dialog is not None:
            dialog.finished.disconnect(self.on_dialog_finished)
            dialog.reject()
            dialog.deleteLater()

    def _refresh(self, select: int | None = None) -> None:
        self.table.setRowCount(len(self._incidents))
        for row, incident in enumerate(self._incidents):
            texts = {
                DATE: self.date_text(incident),
                PLACE: incident.place or "",
                VIOLATIONS: self.violations_text(incident.violation_types),
                PERPETRATOR: incident.perpetrator or "",
                VICTIMS: "" if incident.victims_count is None else str(incident.victims_count),
            }
            for column, text in texts.items():
                item = QTableWidgetItem()
                tooltip = self.precision_text(incident.date_precision) if column == DATE else None
                show_text(item, text, tooltip)
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not self._incidents)
        if select is not None and 0 <= select < len(self._incidents):
            self.select_row(select)
        else:
            self.table.clearSelection()
        self.on_table_item_selection_changed()
