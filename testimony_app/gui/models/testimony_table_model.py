"""The testimony list as a Qt table model, with a proxy for filters and sorting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from testimony_app.domain.records import Status
from testimony_app.gui.language_names import language_name
from testimony_app.vault.records_repository import TestimonySummary

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS = ("id", "interview_date", "interview_place", "language", "status", "updated_at")


class TestimonyTableModel(QAbstractTableModel):
    """Rows of TestimonySummary; holds no narrative and no identity."""

    __test__ = False
    SummaryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TestimonySummary] = []
        self._row_of: dict[str, int] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("ID"),
            self.tr("Interview date"),
            self.tr("Place"),
            self.tr("Language"),
            self.tr("Status"),
            self.tr("Updated"),
        ]

    def status_label(self, status: Status) -> str:
        return {
            Status.DRAFT: self.tr("Draft"),
            Status.COMPLETE: self.tr("Complete"),
            Status.REVIEWED: self.tr("Reviewed"),
        }[status]

    def set_rows(self, rows: list[TestimonySummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {row.id: index for index, row in enumerate(self._rows)}
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def upsert(self, summary: TestimonySummary) -> None:
        """Insert or replace one row (after a save) without resetting the view."""
        row = self._row_of.get(summary.id)
        if row is None:
            position = len(self._rows)
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.append(summary)
            self._row_of[summary.id] = position
            self.endInsertRows()
            return
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, testimony_id: str) -> None:
        row = self._row_of.get(testimony_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._row_of = {item.id: index for index, item in enumerate(self._rows)}
        self.endRemoveRows()

    def summary_at(self, row: int) -> TestimonySummary:
        return self._rows[row]

    def row_of(self, testimony_id: str) -> int | None:
        return self._row_of.get(testimony_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role == self.SummaryRole:
            return summary
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "status":
                return self.status_label(summary.status)
            if column == "language":
                return language_name(summary.language)
            if column == "updated_at":
                return summary.updated_at.replace("T", " ").rstrip("Z")[:16]
            value = getattr(summary, column)
            return value or ""
        if role == Qt.ItemDataRole.UserRole:  # sort key
            value = getattr(summary, column)
            return value.value if isinstance(value, Status) else (value or "")
        return None


class TestimonyFilterModel(QSortFilterProxyModel):
    """Filters by status, language and tag, and (optionally) by a set of search hits."""

    __test__ = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self._status: Status | None = None
        self._language: str | None = None
        self._tag: str | None = None
        self._hits: set[str] | None = None
        self._rank: dict[str, int] = {}

    def _begin_change(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 replaced invalidateFilter()
            self.beginFilterChange()

    def _change_filter(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:  # pragma: no cover - Qt before 6.10
            self.invalidateFilter()

    def set_filters(self, *, status: Status | None, language: str | None, tag: str | None) -> None:
        self._begin_change()
        self._status, self._language, self._tag = status, language, tag
        self._change_filter()

    def set_search_hits(self, ordered_ids: list[str] | None) -> None:
        """None shows everything; a list shows only those, best match first."""
        self._begin_change()
        self._hits = None if ordered_ids is None else set(ordered_ids)
        self._rank = {} if ordered_ids is None else {item: n for n, item in enumerate(ordered_ids)}
        self._change_filter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TestimonyTableModel)
        summary = model.summary_at(source_row)
        if self._hits is not None and summary.id not in self._hits:
            return False
        if self._status is not None and summary.status is not self._status:
            return False
        if self._language is not None and summary.language != self._language:
            return False
        return self._tag is None or self._tag in summary.tags
