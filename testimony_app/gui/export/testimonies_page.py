"""The export wizard's first page: tick the testimonies to send (search as you type)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from testimony_app.gui.models.export_selection_model import ExportSelectionModel
from testimony_app.gui.models.testimony_table_model import UPDATED_COLUMN
from testimony_app.gui.search_as_you_type import SearchAsYouType
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.vault.records_repository import TestimonySummary


class TestimoniesPage(QWidget):
    __test__ = False
    ticks_changed = Signal()
    loaded = Signal()

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportTestimoniesPage")
        self._worker = worker
        self._generation = 0
        self.is_loaded = False
        intro = QLabel(
            self.tr(
                "Tick the testimonies to export. Only what you tick leaves this computer, and "
                "only after redaction."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("exportSearchField")
        self.search_field.setPlaceholderText(self.tr("Search testimonies"))
        self.search_field.setClearButtonEnabled(True)
        self.model = ExportSelectionModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("exportTestimonyTable")
        self.table.setAccessibleName(self.tr("Testimonies to export"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UPDATED_COLUMN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = header.fontMetrics()
        for column, characters in enumerate((18, 11, 16, 8, 12, 14)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.averageCharWidth() * characters, metrics.horizontalAdvance(title) + 12
            )
            header.resizeSection(column, width + 16)
        self.tick_shown_button = QPushButton(self.tr("Tick all shown"), self)
        self.untick_all_button = QPushButton(self.tr("Untick all"), self)
        for button in (self.tick_shown_button, self.untick_all_button):
            button.setAutoDefault(False)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("note")
        hint = QLabel(self.tr("Space ticks or unticks the highlighted row."), self)
        hint.setObjectName("note")

        buttons = QHBoxLayout()
        buttons.addWidget(self.tick_shown_button)
        buttons.addWidget(self.untick_all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.search_field)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)

        self.searching = SearchAsYouType(
            self.search_field, worker, self.model.set_search_hits, self.run_search, self
        )
        self.tick_shown_button.clicked.connect(self.on_tick_shown_button_clicked)
        self.untick_all_button.clicked.connect(self.on_untick_all_button_clicked)
        self.model.ticks_changed.connect(self.on_model_ticks_changed)
        self.table.installEventFilter(self)
        self.on_model_ticks_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Space ticks the highlighted row whichever of its cells has the focus.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            current = self.table.currentIndex()
            if current.isValid():
                testimony_id = self.model.summary_at(current.row()).id
                self.model.set_ticked([testimony_id], not self.model.is_ticked(testimony_id))
                return True
        return super().eventFilter(watched, event)

    # --- loading ---------------------------------------------------------------------------

    def load(self, preselected: list[str]) -> None:
        self._generation += 1
        generation = self._generation

        def job(context: JobContext) -> list[TestimonySummary]:
            return context.state.require().records.list_testimonies()

        self._worker.submit(job, lambda rows: self._on_loaded(generation, rows, preselected))

    def _on_loaded(
        self, generation: int, rows: list[TestimonySummary], preselected: list[str]
    ) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.model.set_rows(rows)
        self.model.set_ticked(preselected, True)
        self.is_loaded = True
        if preselected:
            row = self.model.row_of(preselected[0])
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self.loaded.emit()

    # --- ticks -----------------------------------------------------------------------------

    def ticked_ids(self) -> list[str]:
        return self.model.ticked_ids()

    def set_ticked(self, testimony_ids: list[str], ticked: bool) -> None:
        self.model.set_ticked(testimony_ids, ticked)

    def on_tick_shown_button_clicked(self) -> None:
        self.model.tick_shown(True)

    def on_untick_all_button_clicked(self) -> None:
        self.model.set_ticked(list(self.model.ticked_ids()), False)

    def on_model_ticks_changed(self) -> None:
        count = len(self.model.ticked_ids())
        self.count_label.setText(self.tr("Ticked: %1").replace("%1", QLocale().toString(count)))
        self.ticks_changed.emit()

    # --- search ----------------------------------------------------------------------------

    def run_search(self) -> None:
        self.searching.search()

    def clear(self) -> None:
        self._generation += 1
        self.searching.forget()
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.model.clear()
        self.is_loaded = False
