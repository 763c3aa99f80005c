"""The witness register: pseudonymous IDs and demographics; identity only on explicit request.

Identity details are read from the vault only when "Show identity" is pressed (the vault
records that in its audit log), stay on screen only for the selected witness, and are wiped
from every field when the selection changes, the register is hidden, or the vault locks.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.records import Gender, Identity, Witness
from testimony_app.gui.models.witness_table_model import WitnessTableModel
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext

UNKNOWN_AGE = -1


class WitnessRegister(QWidget):
    witness_changed = Signal()
    message = Signal(str)

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("witnessRegister")
        self.worker = worker
        self._identity_shown_for: str | None = None

        self.model = WitnessTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("witnessTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = header.fontMetrics()
        for column, characters in enumerate((16, 6, 8, 16)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.averageCharWidth() * characters, metrics.horizontalAdvance(title) + 12
            )
            header.resizeSection(column, width + 16)
        self._stale = True

        details = QGroupBox(self.tr("Demographics"), self)
        self.age_spin = QSpinBox(details)
        self.age_spin.setRange(UNKNOWN_AGE, 130)
        self.age_spin.setSpecialValueText(self.tr("unknown"))
        self.age_spin.setValue(UNKNOWN_AGE)
        self.age_band_field = QLineEdit(details)
        self.age_band_field.setPlaceholderText(self.tr("e.g. 50-59"))
        self.gender_combo = QComboBox(details)
        self.gender_combo.addItem(self.tr("not given"), None)
        self.gender_combo.addItem(self.tr("man"), Gender.MALE)
        self.gender_combo.addItem(self.tr("woman"), Gender.FEMALE)
        self.gender_combo.addItem(self.tr("other"), Gender.OTHER)
        self.occupation_field = QLineEdit(details)
        self.displacement_field = QLineEdit(details)
        self.save_button = QPushButton(self.tr("Save demographics"), details)
        form = QFormLayout(details)
        form.addRow(self.tr("Age"), self.age_spin)
        form.addRow(self.tr("Age band"), self.age_band_field)
        form.addRow(self.tr("Gender"), self.gender_combo)
        form.addRow(self.tr("Occupation"), self.occupation_field)
        form.addRow(self.tr("Displacement"), self.displacement_field)
        form.addRow(self.save_button)

        self.identity_box = QGroupBox(self.tr("Identity (kept apart, never exported)"), self)
        self.show_identity_button = QPushButton(self.tr("Show identity"), self.identity_box)
        self.hide_identity_button = QPushButton(self.tr("Hide identity"), self.identity_box)
        self.save_identity_button = QPushButton(self.tr("Save identity"), self.identity_box)
        self.identity_fields: dict[str, QLineEdit] = {}
        identity_form = QFormLayout()
        labels = self.identity_labels()
        for item in fields(Identity):
            field = QLineEdit(self.identity_box)
            self.identity_fields[item.name] = field
            identity_form.addRow(labels[item.name], field)
        identity_buttons = QHBoxLayout()
        identity_buttons.addWidget(self.show_identity_button)
        identity_buttons.addWidget(self.hide_identity_button)
        identity_buttons.addStretch(1)
        identity_buttons.addWidget(self.save_identity_button)
        self.identity_note = QLabel(
            self.tr("Identity details are shown only on request; viewing them is logged."),
            self.identity_box,
        )
        self.identity_note.setWordWrap(True)
        identity_layout = QVBoxLayout(self.identity_box)
        identity_layout.addWidget(self.identity_note)
        identity_layout.addLayout(identity_form)
        identity_layout.addLayout(identity_buttons)

        self.new_button = QPushButton(self.tr("New witness"), self)
        side = QVBoxLayout()
        side.addWidget(details)
        side.addWidget(self.identity_box)
        side.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(side, 2)

        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.show_identity_button.clicked.connect(self.on_show_identity_button_clicked)
        self.hide_identity_button.clicked.connect(self.hide_identity)
        self.save_identity_button.clicked.connect(self.on_save_identity_button_clicked)
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self._set_identity_visible(False)
        self._set_editing_enabled(False)

    def identity_labels(self) -> dict[str, str]:
        return {
            "full_name": self.tr("Full name"),
            "nickname": self.tr("Nickname or kunya"),
            "phone": self.tr("Phone"),
            "home_village": self.tr("Home village"),
            "neighbourhood": self.tr("Neighbourhood"),
            "national_id": self.tr("National ID"),
            "email": self.tr("Email"),
        }

    def mark_stale(self) -> None:
        """The list may be out of date: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    # --- the list ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False

        def job(context: JobContext) -> list[Witness]:
            return context.state.require().records.list_witnesses()

        self.worker.submit(job, self.set_witnesses)

    def set_witnesses(self, witnesses: list[Witness]) -> None:
        selected = self.selected_witness()
        self.model.set_witnesses(witnesses)
        if selected is not None:
            self.select(selected.id)

    def select(self, witness_id: str) -> None:
        row = self.model.row_of(witness_id)
        if row is not None:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        # Through the selection model: QTableView.selectRow() was seen to select nothing in
        # a right-to-left window.
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def selected_witness(self) -> Witness | None:
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return self.model.witness_at(rows[0].row())

    def on_table_selection_changed(self, *_: object) -> None:
        witness = self.selected_witness()
        if witness is None or witness.id != self._identity_shown_for:
            self.hide_identity()  # identity stays only while its own witness is selected
        self._set_editing_enabled(witness is not None)
        if witness is None:
            return
        self.age_spin.setValue(witness.age if witness.age is not None else UNKNOWN_AGE)
        self.age_band_field.setText(witness.age_band or "")
        self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(witness.gender)))
        self.occupation_field.setText(witness.occupation or "")
        self.displacement_field.setText(witness.displacement_status or "")

    def _set_editing_enabled(self, enabled: bool) -> None:
        for widget in (
            self.age_spin,
            self.age_band_field,
            self.gender_combo,
            self.occupation_field,
            self.displacement_field,
            self.save_button,
            self.show_identity_button,
        ):
            widget.setEnabled(enabled)

    # --- editing -------------------------------------------------------------------------

    def edited_witness(self) -> Witness | None:
        witness = self.selected_witness()
        if witness is None:
            return None
        age = self.age_spin.value()
        return Witness(
            id=witness.id,
            age=None if age == UNKNOWN_AGE else age,
            age_band=self.age_band_field.text().strip() or None,
            gender=self.gender_combo.currentData(),
            occupation=self.occupation_field.text().strip() or None,
            displacement_status=self.displacement_field.text().strip() or None,
        )

    def on_save_button_clicked(self) -> None:
        witness = self.edited_witness()
        if witness is None:
            return

        def job(context: JobContext) -> None:
            context.state.require().records.update_witness(witness)

        self.worker.submit(job, lambda _: self._after_change(self.tr("Witness saved.")))

    def on_new_button_clicked(self) -> None:
        def job(context: JobContext) -> Witness:
            return context.state.require().records.create_witness()

        self.worker.submit(job, self._on_witness_created)

    def _on_witness_created(self, witness: Witness) -> None:
        self._after_change(self.tr("New witness %1 added.").replace("%1", witness.id))

        def job(context: JobContext) -> list[Witness]:
            return context.state.require().records.list_witnesses()

        self.worker.submit(job, lambda witnesses: self._select_after_load(witnesses, witness.id))

    def _select_after_load(self, witnesses: list[Witness], witness_id: str) -> None:
        self.set_witnesses(witnesses)
        self.select(witness_id)

    def _after_change(self, message: str) -> None:
        self.message.emit(message)
        self.witness_changed.emit()
        self.refresh()

    # --- identity ------------------------------------------------------------------------

    def on_show_identity_button_clicked(self) -> None:
        witness = self.selected_witness()
        if witness is None:
            return
        witness_id = witness.id

        def job(context: JobContext) -> Identity:
            return context.state.require().records.identity_of(witness_id)

        self.worker.submit(job, lambda identity: self._show_identity(witness_id, identity))

    def _show_identity(self, witness_id: str, identity: Identity) -> None:
        selected = self.selected_witness()
        if selected is None or selected.id != witness_id:
            return  # the selection moved on meanwhile: do not show it
        for name, field in self.identity_fields.items():
            field.setText(getattr(identity, name) or "")
        self._identity_shown_for = witness_id
        self._set_identity_visible(True)

    def on_save_identity_button_clicked(self) -> None:
        witness_id = self._identity_shown_for
        if witness_id is None:
            return
        identity = Identity(
            **{name: (field.text().strip() or None) for name, field in self.identity_fields.items()}
        )

        def job(context: JobContext) -> None:
            context.state.require().records.set_identity(witness_id, identity)  # type: ignore[arg-type]

        self.worker.submit(job, lambda _: self.message.emit(self.tr("Identity saved.")))

    def hide_identity(self) -> None:
        for field in self.identity_fields.values():
            field.setText("")  # setText also clears the undo history
        self._identity_shown_for = None
        self._set_identity_visible(False)

    def _set_identity_visible(self, visible: bool) -> None:
        for field in self.identity_fields.values():
            field.setVisible(visible)
        for label in self.identity_box.findChildren(QLabel):
            if label is not self.identity_note:
                label.setVisible(visible)
        self.hide_identity_button.setVisible(visible)
        self.save_identity_button.setVisible(visible)
        self.show_identity_button.setVisible(not visible)

    def hideEvent(self, event: object) -> None:
        self.hide_identity()
        super().hideEvent(event)  # type: ignore[arg-type]

    def clear(self) -> None:
        """On lock: no witness, no identity, nothing typed left in a field."""
        self.hide_identity()
        self.model.clear()
        self._stale = True
        for field in (self.age_band_field, self.occupation_field, self.displacement_field):
            field.setText("")
        self.age_spin.setValue(UNKNOWN_AGE)
        self.gender_combo.setCurrentIndex(0)
        self._set_editing_enabled(False)
