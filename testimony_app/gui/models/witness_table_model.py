"""The witness register's list as a Qt table model: IDs and demographics, never identity."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from testimony_app.domain.records import Gender, Witness

AnyIndex = QModelIndex | QPersistentModelIndex


class WitnessTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Witness] = []
        self._headers = [
            self.tr("Witness"),
            self.tr("Age"),
            self.tr("Gender"),
            self.tr("Occupation"),
            self.tr("Displacement"),
        ]
        self._genders = {
            Gender.MALE: self.tr("man"),
            Gender.FEMALE: self.tr("woman"),
            Gender.OTHER: self.tr("other"),
        }

    def set_witnesses(self, witnesses: list[Witness]) -> None:
        self.beginResetModel()
        self._rows = list(witnesses)
        self.endResetModel()

    def clear(self) -> None:
        self.set_witnesses([])

    def witness_at(self, row: int) -> Witness:
        return self._rows[row]

    def row_of(self, witness_id: str) -> int | None:
        for row, witness in enumerate(self._rows):
            if witness.id == witness_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        witness = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return witness.id
        if column == 1:
            return str(witness.age) if witness.age is not None else (witness.age_band or "")
        if column == 2:
            return self._genders.get(witness.gender, "") if witness.gender else ""
        if column == 3:
            return witness.occupation or ""
        return witness.displacement_status or ""
