"""Setting a new passphrase (after unlocking with it or with the recovery code)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from testimony_app.gui.unlock.new_passphrase_fields import NewPassphraseFields, busy_bar


class ChangePassphraseDialog(QDialog):
    change_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change passphrase"))
        title = QLabel(self.tr("Choose a new passphrase"), self)
        title.setObjectName("title")
        explain = QLabel(
            self.tr(
                "The old passphrase stops working. The recovery code keeps working. Copies of "
                "the vault made earlier still open with the old passphrase."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.fields = NewPassphraseFields(self.tr("New passphrase"), self)
        self.passphrase_field = self.fields.passphrase_field
        self.repeat_field = self.fields.repeat_field
        self.error_label = QLabel("", self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.hide()
        self.busy_bar = busy_bar(self)
        self.change_button = QPushButton(self.tr("Change passphrase"), self)
        self.change_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        for widget in (title, explain, self.fields, self.busy_bar, self.error_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.fields.validity_changed.connect(self.change_button.setEnabled)
        self.change_button.setEnabled(self.fields.is_valid)
        self.change_button.clicked.connect(self.on_change_button_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def on_change_button_clicked(self) -> None:
        if not self.fields.is_valid:
            return
        self.busy_bar.show()
        self.fields.set_editable(False)
        self.change_button.setEnabled(False)
        self.change_requested.emit(self.fields.passphrase())

    def show_error(self, message: str) -> None:
        self.busy_bar.hide()
        self.fields.set_editable(True)
        self.change_button.setEnabled(self.fields.is_valid)
        self.error_label.setText(message)
        self.error_label.show()

    def done_changing(self) -> None:
        self.fields.forget()
        self.accept()
