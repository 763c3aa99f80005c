"""Keys and recipients: this vault's signing-key fingerprint, the editors it exports to, and
the researchers whose bundles it trusts."""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.bundle.keys import fingerprint
from testimony_app.gui.bidi_text import isolated
from testimony_app.gui.editor.attachment_viewer import format_time
from testimony_app.gui.error_messages import describe
from testimony_app.gui.keys.add_recipient_form import AddRecipientForm
from testimony_app.gui.keys.fingerprint_label import FingerprintLabel, spaced
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.vault.bundle_repository import Recipient, TrustedSender

KeyRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class AddressBook:
    fingerprint: str
    recipients: list[Recipient]
    senders: list[TrustedSender]

    def __repr__(self) -> str:
        return f"AddressBook({len(self.recipients)} recipients, {len(self.senders)} senders)"


def address_book_job(context: JobContext) -> AddressBook:
    from testimony_app.services.keys import KeyService

    keys = KeyService(context.state.require().records)
    return AddressBook(keys.signing_identity().fingerprint, keys.recipients(), keys.senders())


def _tree(parent: QWidget, headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setColumnCount(len(headers))
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class KeysDialog(QDialog):
    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysDialog")
        self.setWindowTitle(self.tr("Keys and recipients"))
        self._worker = worker
        self._generation = 0
        self.loaded = False

        signing_box = QGroupBox(self.tr("Your signing key"), self)
        signing_intro = QLabel(
            self.tr(
                "Every bundle this vault exports is signed with its key. An editor trusts your "
                "bundles once you have read them this fingerprint aloud and they found it "
                "the same, group by group."
            ),
            signing_box,
        )
        signing_intro.setWordWrap(True)
        self.fingerprint_label = FingerprintLabel(signing_box, point_size=18)
        self.fingerprint_label.setObjectName("signingFingerprint")
        signing_layout = QVBoxLayout(signing_box)
        signing_layout.addWidget(signing_intro)
        signing_layout.addWidget(self.fingerprint_label)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._recipients_tab(), self.tr("Recipients"))
        self.tabs.addTab(self._senders_tab(), self.tr("Trusted senders"))

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(12)
        layout.addWidget(signing_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(820, 600)
        self.reload()

    def _recipients_tab(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "The editors you export to. Only they can open the bundles made for them. "
                "Compare a new editor's key fingerprint with them before you rely on it."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.recipient_list = _tree(
            page,
            [self.tr("Name"), self.tr("Key fingerprint"), self.tr("Public key"), self.tr("Added")],
            "recipientList",
        )
        self.recipient_list.setAccessibleName(self.tr("Recipients"))
        header = self.recipient_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 200)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton(self.tr("Remove…"), page)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        self.add_form = AddRecipientForm(self._worker, page)
        add_box = QGroupBox(self.tr("Add a recipient"), page)
        QVBoxLayout(add_box).addWidget(self.add_form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.recipient_list, 1)
        layout.addLayout(row)
        layout.addWidget(add_box)
        self.recipient_list.itemSelectionChanged.connect(self.on_recipient_list_selection_changed)
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        self.add_form.recipient_added.connect(self.on_add_form_recipient_added)
        return page

    def _senders_tab(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "The researchers whose bundles you import. A sender is trusted when you open "
                "their first bundle, after comparing fingerprints with them aloud."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.sender_list = _tree(
            page,
            [self.tr("Name"), self.tr("Signing-key fingerprint"), self.tr("Trusted since")],
            "senderList",
        )
        self.sender_list.setAccessibleName(self.tr("Trusted senders"))
        self.no_senders_label = QLabel(self.tr("No trusted senders yet."), page)
        self.no_senders_label.setObjectName("note")
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.sender_list, 1)
        layout.addWidget(self.no_senders_label)
        return page

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self._worker.submit(
            address_book_job,
            lambda book: self._on_loaded(generation, book),
            lambda error: self._on_failed(generation, error),
        )

    def _current(self, generation: int) -> bool:
        return bool(shiboken6.isValid(self)) and generation == self._generation

    def _on_loaded(self, generation: int, book: AddressBook) -> None:
        if not self._current(generation):
            return
        self.fingerprint_label.set_fingerprint(book.fingerprint)
        self.recipient_list.clear()
        for recipient in book.recipients:
            item = QTreeWidgetItem(
                [
                    isolated(recipient.name),
                    spaced(fingerprint(recipient.age_key)),
                    recipient.age_key,
                    format_time(recipient.added_at),
                ]
            )
            item.setData(0, KeyRole, recipient.age_key)
            item.setToolTip(2, recipient.age_key)
            self.recipient_list.addTopLevelItem(item)
        self.sender_list.clear()
        for sender in book.senders:
            self.sender_list.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        isolated(sender.name),
                        spaced(fingerprint(sender.signing_key)),
                        format_time(sender.added_at),
                    ]
                )
            )
        self.no_senders_label.setVisible(not book.senders)
        self.on_recipient_list_selection_changed()
        self.loaded = True

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if self._current(generation):
            self.error_label.setText(describe(error))
            self.error_label.show()

    # --- recipients ------------------------------------------------------------------------

    def on_add_form_recipient_added(self, _recipient: Recipient) -> None:
        self.reload()

    def on_recipient_list_selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.recipient_list.selectedItems()))

    def on_remove_button_clicked(self) -> None:
        selected = self.recipient_list.selectedItems()
        if not selected:
            return
        item = selected[0]
        age_key = str(item.data(0, KeyRole))
        box = QMessageBox(self)
        box.setObjectName("removeRecipientMessage")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove recipient"))
        box.setText(self.tr("Remove %1 from the recipients?").replace("%1", item.text(0)))
        box.setInformativeText(
            self.tr("Bundles already made for them can still be opened by them.")
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is not remove:
            return
        self.remove_recipient(age_key)

    def remove_recipient(self, age_key: str) -> None:
        def job(context: JobContext) -> bool:
            from testimony_app.services.keys import KeyService

            return KeyService(context.state.require().records).remove_recipient(age_key)

        generation = self._generation
        self._worker.submit(
            job,
            lambda _removed: self.reload() if self._current(generation) else None,
            lambda error: self._on_failed(generation, error),
        )

    # --- closing ---------------------------------------------------------------------------

    def clear(self) -> None:
        self._generation += 1
        self.fingerprint_label.clear()
        self.recipient_list.clear()
        self.sender_list.clear()
        self.add_form.clear()
        self.error_label.clear()
        self.loaded = False

    def done(self, result: int) -> None:
        self.clear()
        super().done(result)
