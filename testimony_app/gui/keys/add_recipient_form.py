"""Adding an editor to the address book: a name and their age public key, stored in the vault."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.gui.error_messages import describe
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.vault.bundle_repository import Recipient


class AddRecipientForm(QWidget):
    recipient_added = Signal(object)  # Recipient

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addRecipientForm")
        self._worker = worker
        self._generation = 0
        self.name_field = QLineEdit(self)
        self.name_field.setObjectName("recipientNameField")
        self.name_field.setPlaceholderText(self.tr("Who they are, as you will recognise them"))
        self.name_field.setMaxLength(200)
        self.key_field = QLineEdit(self)
        self.key_field.setObjectName("recipientKeyField")
        self.key_field.setPlaceholderText("age1…")
        # A key is Latin letters and digits read left to right, in either interface language.
        self.key_field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.key_field.setFont(font)
        for field in (self.name_field, self.key_field):
            field.installEventFilter(self)
        self.add_button = QPushButton(self.tr("Add recipient"), self)
        self.add_button.setAutoDefault(False)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name"), self.name_field)
        form.addRow(self.tr("Public key"), self.key_field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.on_add_button_clicked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Return in either field adds the recipient, and only that: a line edit passes Return
        # on to its dialog, whose default button would act too (the wizard's Next).
        if (
            watched in (self.name_field, self.key_field)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.on_add_button_clicked()
            return True
        return super().eventFilter(watched, event)

    def on_add_button_clicked(self) -> None:
        name = self.name_field.text().strip()
        key = "".join(self.key_field.text().split())  # a key pasted across two lines
        if not name:
            self._show_error(self.tr("Give the recipient a name."))
            self.name_field.setFocus()
            return
        if not key:
            self._show_error(self.tr("Paste the recipient's public key; it starts with age1."))
            self.key_field.setFocus()
            return
        self.error_label.hide()
        self.add_button.setEnabled(False)
        self._generation += 1
        generation = self._generation

        def job(context: JobContext) -> Recipient:
            from testimony_app.services.keys import KeyService

            return KeyService(context.state.require().records).add_recipient(name, key)

        self._worker.submit(
            job,
            lambda recipient: self._on_added(generation, recipient),
            lambda error: self._on_failed(generation, error),
        )

    def _current(self, generation: int) -> bool:
        return bool(shiboken6.isValid(self)) and generation == self._generation

    def _on_added(self, generation: int, recipient: Recipient) -> None:
        if not self._current(generation):
            return
        self.add_button.setEnabled(True)
        self.name_field.clear()
        self.key_field.clear()
        self.recipient_added.emit(recipient)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if not self._current(generation):
            return
        self.add_button.setEnabled(True)
        self._show_error(describe(error))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear(self) -> None:
        self._generation += 1  # a late answer is dropped
        self.name_field.clear()
        self.key_field.clear()
        self.error_label.clear()
        self.error_label.hide()
        self.add_button.setEnabled(True)
