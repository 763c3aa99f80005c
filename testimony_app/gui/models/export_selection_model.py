"""The testimony list with a tick box in each row: what the export wizard sends.

The same model as the main list (search and filters over 100,000 rows without re-sorting), and
a set of ticked IDs beside it; ticks stay when a search hides a row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from testimony_app.gui.models.testimony_table_model import TestimonyTableModel
from testimony_app.vault.records_repository import TestimonySummary

AnyIndex = QModelIndex | QPersistentModelIndex
_CHECKED = (Qt.CheckState.Checked, Qt.CheckState.Checked.value)


class ExportSelectionModel(TestimonyTableModel):
    __test__ = False
    ticks_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticked: set[str] = set()

    # --- the ticks -------------------------------------------------------------------------

    def ticked_ids(self) -> list[str]:
        """The ticked testimonies that exist, in the order the list shows them."""
        return [summary.id for summary in self._ordered if summary.id in self._ticked]

    def summary_of(self, testimony_id: str) -> TestimonySummary | None:
        return self._all.get(testimony_id)

    def is_ticked(self, testimony_id: str) -> bool:
        return testimony_id in self._ticked

    def set_ticked(self, testimony_ids: list[str], ticked: bool) -> None:
        before = set(self._ticked)
        if ticked:
            self._ticked.update(i for i in testimony_ids if i in self._all)
        else:
            self._ticked.difference_update(testimony_ids)
        if self._ticked != before:
            self._ticks_shown_changed()

    def tick_shown(self, ticked: bool) -> None:
        self.set_ticked([summary.id for summary in self._rows], ticked)

    def _ticks_shown_changed(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()

    def set_rows(self, rows: list[TestimonySummary]) -> None:
        super().set_rows(rows)
        known = self._ticked & set(self._all)
        if known != self._ticked:
            self._ticked = known
            self.ticks_changed.emit()

    def clear(self) -> None:
        self._ticked.clear()
        super().clear()
        self.ticks_changed.emit()

    # --- Qt's side -------------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            if not index.isValid() or index.column() != 0:
                return None
            ticked = self._rows[index.row()].id in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        testimony_id = self._rows[index.row()].id
        if value in _CHECKED:
            self._ticked.add(testimony_id)
        else:
            self._ticked.discard(testimony_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True
