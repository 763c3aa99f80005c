"""The list of testimonies: search as you type, filters by status, language and tag."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.records import Status
from testimony_app.gui.language_names import language_name
from testimony_app.gui.models.testimony_table_model import UPDATED_COLUMN, TestimonyTableModel
from testimony_app.gui.search_as_you_type import SEARCH_PAUSE_MS as SEARCH_PAUSE_MS
from testimony_app.gui.search_as_you_type import SearchAsYouType
from testimony_app.gui.workers.database_worker import DatabaseWorker
from testimony_app.vault.records_repository import TestimonySummary


class TestimonyListPanel(QWidget):
    __test__ = False
    testimony_selected = Signal(str)

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(self.tr("Search testimonies (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("Any status"), None)
        self.status_filter.addItem(self.tr("Draft"), Status.DRAFT)
        self.status_filter.addItem(self.tr("Complete"), Status.COMPLETE)
        self.status_filter.addItem(self.tr("Reviewed"), Status.REVIEWED)
        self.language_filter = QComboBox(self)
        self.tag_filter = QComboBox(self)
        self._fill_choice_filters([])

        self.model = TestimonyTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("testimonyTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UPDATED_COLUMN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Fixed row heights and column widths: measuring 100,000 rows' contents on every reset
        # costs half a second; the columns can still be dragged wider.
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.table.horizontalHeader().fontMetrics()
        for column, characters in enumerate((15, 11, 18, 9, 10, 16)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.averageCharWidth() * characters, metrics.horizontalAdvance(title) + 12
            )
            header.resizeSection(column, width + 16)
        self.table.setAlternatingRowColors(True)

        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.language_filter)
        filters.addWidget(self.tag_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_field)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.searching = SearchAsYouType(
            self.search_field, worker, self.model.set_search_hits, self.run_search, self
        )
        for combo in (self.status_filter, self.language_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self.on_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.model.modelReset.connect(self.on_model_reset)
        self._selected_id: str | None = None

    # --- loading -------------------------------------------------------------------------

    def set_rows(self, rows: list[TestimonySummary]) -> None:
        self.model.set_rows(rows)
        languages = sorted({row.language for row in rows if row.language})
        tags = sorted({tag for row in rows for tag in row.tags})
        self._fill_choice_filters(languages, tags)

    def _fill_choice_filters(self, languages: list[str], tags: list[str] | None = None) -> None:
        for combo, everything, values in (
            (self.language_filter, self.tr("Any language"), languages),
            (self.tag_filter, self.tr("Any tag"), tags or []),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                label = language_name(value) if combo is self.language_filter else value
                combo.addItem(label, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def upsert(self, summary: TestimonySummary) -> None:
        self.model.upsert(summary)

    def select(self, testimony_id: str) -> None:
        row = self.model.row_of(testimony_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def on_model_reset(self) -> None:
        # Keep the open testimony highlighted when a search or a filter re-lists the rows.
        if self._selected_id is not None:
            self.table.selectionModel().blockSignals(True)
            try:
                self.select(self._selected_id)
            finally:
                self.table.selectionModel().blockSignals(False)

    def clear(self) -> None:
        self.searching.forget()
        self.search_field.blockSignals(True)
        self.search_field.setText("")
        self.search_field.blockSignals(False)
        self._selected_id = None
        self.model.clear()
        self._fill_choice_filters([])

    # --- filters and search --------------------------------------------------------------

    def on_filter_changed(self, *_: object) -> None:
        self.model.set_filters(
            status=self.status_filter.currentData(),
            language=self.language_filter.currentData(),
            tag=self.tag_filter.currentData(),
        )

    def run_search(self) -> None:
        """The pause after typing is over: search (see SearchAsYouType)."""
        self.searching.search()

    def on_table_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        testimony_id = self.model.summary_at(indexes[0].row()).id
        self._selected_id = testimony_id
        self.testimony_selected.emit(testimony_id)
