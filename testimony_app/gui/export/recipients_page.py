"""The export wizard's third page: the editors who may open the bundle (the address book)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.bundle.keys import fingerprint
from testimony_app.gui.bidi_text import isolated
from testimony_app.gui.keys.add_recipient_form import AddRecipientForm
from testimony_app.gui.keys.fingerprint_label import spaced
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.vault.bundle_repository import Recipient

KeyRole = Qt.ItemDataRole.UserRole + 1


class RecipientsPage(QWidget):
    ticks_changed = Signal()

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportRecipientsPage")
        self._worker = worker
        self._generation = 0
        self._names: dict[str, str] = {}
        intro = QLabel(
            self.tr(
                "Tick who may open the bundle. Only the editors ticked here can decrypt it; "
                "each gets a bundle of their own."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.recipient_list = QTreeWidget(self)
        self.recipient_list.setObjectName("exportRecipientList")
        self.recipient_list.setAccessibleName(self.tr("Recipients"))
        self.recipient_list.setColumnCount(2)
        self.recipient_list.setHeaderLabels([self.tr("Name"), self.tr("Key fingerprint")])
        self.recipient_list.setRootIsDecorated(False)
        self.recipient_list.setUniformRowHeights(True)
        self.recipient_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.recipient_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(
            self.tr("No recipients yet. Add the editor below with the public key they gave you."),
            self,
        )
        self.empty_label.setObjectName("note")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.add_form = AddRecipientForm(worker, self)
        add_box = QGroupBox(self.tr("Add a recipient"), self)
        box_layout = QVBoxLayout(add_box)
        box_layout.addWidget(self.add_form)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.recipient_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(add_box)
        self.recipient_list.itemChanged.connect(self.on_recipient_list_item_changed)
        self.add_form.recipient_added.connect(self.on_add_form_recipient_added)

    def load(self) -> None:
        self._generation += 1
        generation = self._generation

        def job(context: JobContext) -> list[Recipient]:
            from testimony_app.services.keys import KeyService

            return KeyService(context.state.require().records).recipients()

        self._worker.submit(job, lambda found: self._on_loaded(generation, found))

    def _on_loaded(self, generation: int, recipients: list[Recipient]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        ticked = set(self.ticked_keys())
        self.recipient_list.blockSignals(True)
        self.recipient_list.clear()
        self._names = {}
        for recipient in recipients:
            self._append(recipient, recipient.age_key in ticked)
        self.recipient_list.blockSignals(False)
        self.empty_label.setVisible(not recipients)
        self.ticks_changed.emit()

    def _append(self, recipient: Recipient, ticked: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem([isolated(recipient.name), spaced(fingerprint(recipient.age_key))])
        item.setData(0, KeyRole, recipient.age_key)
        item.setToolTip(1, recipient.age_key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self._names[recipient.age_key] = recipient.name
        self.recipient_list.addTopLevelItem(item)
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        rows = range(self.recipient_list.topLevelItemCount())
        return [item for row in rows if (item := self.recipient_list.topLevelItem(row))]

    def ticked_keys(self) -> list[str]:
        return [
            str(item.data(0, KeyRole))
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def name_of(self, age_key: str) -> str:
        return self._names.get(age_key, "")

    def set_ticked(self, age_key: str, ticked: bool) -> None:
        for item in self._items():
            if item.data(0, KeyRole) == age_key:
                item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def on_recipient_list_item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self.ticks_changed.emit()

    def on_add_form_recipient_added(self, recipient: Recipient) -> None:
        # The same key again renames the entry: replace it rather than list it twice.
        for item in self._items():
            if item.data(0, KeyRole) == recipient.age_key:
                index = self.recipient_list.indexOfTopLevelItem(item)
                self.recipient_list.takeTopLevelItem(index)
        self.recipient_list.blockSignals(True)
        item = self._append(recipient, True)
        self.recipient_list.blockSignals(False)
        self.recipient_list.setCurrentItem(item)
        self.empty_label.hide()
        self.ticks_changed.emit()

    def clear(self) -> None:
        self._generation += 1
        self.recipient_list.clear()
        self._names = {}
        self.add_form.clear()
