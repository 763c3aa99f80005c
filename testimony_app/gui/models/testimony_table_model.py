"""The testimony list as a Qt table model that filters and sorts itself.

A QSortFilterProxyModel over 100,000 rows calls Python's `data()` and `filterAcceptsRow()`
millions of times and turns every keystroke's new search result into thousands of row moves
(seconds per keystroke, measured). Here every summary is kept in the current sort order, sorted
once (when the rows arrive or a header is clicked); a search or a filter is a list
comprehension over that order, so it never sorts, and the view gets one reset: 15 - 25 ms per
keystroke at 100,000 rows, where re-sorting the matches took 50 - 100 ms (measured, see
docs/performance.md).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from testimony_app.domain.records import Status
from testimony_app.gui.language_names import language_name
from testimony_app.vault.records_repository import TestimonySummary

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS = ("id", "interview_date", "interview_place", "language", "status", "updated_at")
UPDATED_COLUMN = COLUMNS.index("updated_at")
_STATUS_ORDER = {Status.DRAFT: 0, Status.COMPLETE: 1, Status.REVIEWED: 2}


# Never empty: sorted by the value alone, a C-level key that allocates nothing (a tuple key per
# row costs 20 ms at 100,000 rows, and more when it sets off the garbage collector).
_PLAIN_KEYS = ("id", "updated_at")


def _sort_key(column: str) -> Callable[[TestimonySummary], Any]:
    if column == "status":
        return lambda summary: (_STATUS_ORDER[summary.status], summary.id)
    position = TestimonySummary._fields.index(column)
    if column in _PLAIN_KEYS:
        return itemgetter(position)
    return lambda summary: (summary[position] or "", summary.id)


class TestimonyTableModel(QAbstractTableModel):
    """Rows of TestimonySummary (no narrative, no identity), filtered and sorted in Python."""

    __test__ = False
    SummaryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: dict[str, TestimonySummary] = {}
        self._ordered: list[TestimonySummary] = []  # every summary, in the sort order
        self._rows: list[TestimonySummary] = []  # the shown ones, in the same order
        self._status: Status | None = None
        self._language: str | None = None
        self._tag: str | None = None
        self._hits: set[str] | None = None
        self._sort_column = UPDATED_COLUMN
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._headers = [
            self.tr("ID"),
            self.tr("Interview date"),
            self.tr("Place"),
            self.tr("Language"),
            self.tr("Status"),
            self.tr("Updated"),
        ]
        self._status_labels = {
            Status.DRAFT: self.tr("Draft"),
            Status.COMPLETE: self.tr("Complete"),
            Status.REVIEWED: self.tr("Reviewed"),
        }

    # --- what is shown -------------------------------------------------------------------

    def _accepts(self, summary: TestimonySummary) -> bool:
        return (
            (self._hits is None or summary.id in self._hits)
            and (self._status is None or summary.status is self._status)
            and (self._language is None or summary.language == self._language)
            and (self._tag is None or self._tag in summary.tags)
        )

    def _visible(self) -> list[TestimonySummary]:
        """The summaries that pass the search and the filters, already in the sort order.

        One comprehension per active condition (the same test as `_accepts`, inlined: a
        method call per row would double the cost at 100,000 rows).
        """
        rows = self._ordered
        if self._hits is not None:
            hits = self._hits
            rows = [summary for summary in rows if summary.id in hits]
        if self._status is not None:
            status = self._status
            rows = [summary for summary in rows if summary.status is status]
        if self._language is not None:
            language = self._language
            rows = [summary for summary in rows if summary.language == language]
        if self._tag is not None:
            tag = self._tag
            rows = [summary for summary in rows if tag in summary.tags]
        return list(rows) if rows is self._ordered else rows

    def _sort_all(self) -> None:
        self._ordered = sorted(self._all.values(), key=self._key(), reverse=self._descending())

    def _refresh(self) -> None:
        rows = self._visible()
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_rows(self, rows: list[TestimonySummary]) -> None:
        self._all = {summary.id: summary for summary in rows}
        self._sort_all()
        self._refresh()

    def clear(self) -> None:
        self._hits = None
        self.set_rows([])

    def set_filters(self, *, status: Status | None, language: str | None, tag: str | None) -> None:
        self._status, self._language, self._tag = status, language, tag
        self._refresh()

    def set_search_hits(self, ids: list[str] | None) -> None:
        """None shows everything; a list shows only those testimonies."""
        self._hits = None if ids is None else set(ids)
        self._refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._sort_all()
        self._refresh()

    # --- one row at a time (after a save), without a reset ---------------------------------

    def upsert(self, summary: TestimonySummary) -> None:
        """Add or replace one testimony and put it where the sort order wants it."""
        old = self._all.get(summary.id)
        if old is not None:
            self._take_out(old)
        self._all[summary.id] = summary
        self._ordered.insert(self._insertion_point(self._ordered, summary), summary)
        if not self._accepts(summary):
            return
        position = self._insertion_point(self._rows, summary)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, summary)
        self.endInsertRows()

    def remove(self, testimony_id: str) -> None:
        old = self._all.pop(testimony_id, None)
        if old is not None:
            self._take_out(old)

    def _take_out(self, summary: TestimonySummary) -> None:
        """Remove `summary` (as it is held now) from the sorted list and from the shown rows."""
        position = self._find(self._ordered, summary)
        if position is not None:
            del self._ordered[position]
        row = self._find(self._rows, summary)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    # --- positions in a list sorted by the current order (binary search) -----------------

    def _key(self) -> Callable[[TestimonySummary], Any]:
        return _sort_key(COLUMNS[self._sort_column])

    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _insertion_point(self, rows: list[TestimonySummary], summary: TestimonySummary) -> int:
        key = self._key()
        keys = _KeyView(rows, key, self._descending())
        return bisect.bisect_left(keys, keys.wrap(key(summary)))

    def _find(self, rows: list[TestimonySummary], summary: TestimonySummary) -> int | None:
        """The row of `summary` in `rows` (sorted by the current order), or None."""
        key = self._key()
        keys = _KeyView(rows, key, self._descending())
        wanted = keys.wrap(key(summary))
        first = bisect.bisect_left(keys, wanted)
        for row in range(first, bisect.bisect_right(keys, wanted, lo=first)):  # equal keys
            if rows[row].id == summary.id:
                return row
        return None

    # --- lookups -------------------------------------------------------------------------

    def summary_at(self, row: int) -> TestimonySummary:
        return self._rows[row]

    def row_of(self, testimony_id: str) -> int | None:
        summary = self._all.get(testimony_id)
        return None if summary is None else self._find(self._rows, summary)

    def all_summaries(self) -> list[TestimonySummary]:
        return list(self._all.values())

    def status_label(self, status: Status) -> str:
        return self._status_labels[status]

    # --- Qt's side -----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, self.SummaryRole):
            return None
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role == self.SummaryRole:
            return summary
        column = COLUMNS[index.column()]
        if column == "status":
            return self._status_labels[summary.status]
        if column == "language":
            return language_name(summary.language)
        if column == "updated_at":
            return summary.updated_at.replace("T", " ").rstrip("Z")[:16]
        return getattr(summary, column) or ""


class _KeyView:
    """The rows' sort keys as a sequence for bisect, ascending even for a descending sort."""

    def __init__(
        self, rows: list[TestimonySummary], key: Callable[[TestimonySummary], Any], descending: bool
    ) -> None:
        self.rows, self.key, self.descending = rows, key, descending

    def wrap(self, value: Any) -> Any:
        return _Reversed(value) if self.descending else value

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index: int) -> Any:
        return self.wrap(self.key(self.rows[index]))


class _Reversed:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)
