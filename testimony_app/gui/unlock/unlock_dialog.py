"""The unlock screen: one passphrase field, or the recovery code; says plainly when it is wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.gui.unlock.new_passphrase_fields import busy_bar


class UnlockDialog(QDialog):
    """Asks for the passphrase (or the recovery code); the controller does the unlocking."""

    unlock_requested = Signal(str)
    recovery_requested = Signal(str)
    erase_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Testimony — locked"))
        self.setModal(True)
        self._recovery_mode = False

        self.title = QLabel(self.tr("The vault is locked"), self)
        self.title.setObjectName("title")
        self.prompt = QLabel(self.tr("Enter your passphrase to open it."), self)
        self.prompt.setWordWrap(True)
        self.secret_field = QLineEdit(self)
        self.secret_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_field.setObjectName("secretField")
        self.secret_field.setPlaceholderText(self.tr("Passphrase"))
        self.error_label = QLabel("", self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.busy_bar = busy_bar(self)

        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("Use the recovery code"), self)
        self.switch_button.setFlat(True)
        self.erase_button = QPushButton(self.tr("Erase vault…"), self)
        self.erase_button.setFlat(True)
        self.erase_button.setObjectName("dangerButton")

        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.prompt)
        layout.addWidget(self.secret_field)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)

        self.unlock_button.clicked.connect(self.on_unlock_button_clicked)
        self.secret_field.returnPressed.connect(self.on_unlock_button_clicked)
        self.switch_button.clicked.connect(self.on_switch_button_clicked)
        self.erase_button.clicked.connect(self.erase_requested)

    def on_unlock_button_clicked(self) -> None:
        secret = self.secret_field.text()
        if not secret:
            return
        self.set_busy(True)
        if self._recovery_mode:
            self.recovery_requested.emit(secret)
        else:
            self.unlock_requested.emit(secret)

    def on_switch_button_clicked(self) -> None:
        self._recovery_mode = not self._recovery_mode
        self.secret_field.clear()
        self.error_label.hide()
        if self._recovery_mode:
            self.prompt.setText(
                self.tr("Type the recovery code you wrote down when the vault was made.")
            )
            self.secret_field.setPlaceholderText(self.tr("Recovery code"))
            self.secret_field.setEchoMode(QLineEdit.EchoMode.Normal)
            self.switch_button.setText(self.tr("Use the passphrase"))
        else:
            self.prompt.setText(self.tr("Enter your passphrase to open it."))
            self.secret_field.setPlaceholderText(self.tr("Passphrase"))
            self.secret_field.setEchoMode(QLineEdit.EchoMode.Password)
            self.switch_button.setText(self.tr("Use the recovery code"))
        self.secret_field.setFocus()

    @property
    def recovery_mode(self) -> bool:
        return self._recovery_mode

    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for widget in (
            self.secret_field,
            self.unlock_button,
            self.switch_button,
            self.erase_button,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.error_label.hide()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.secret_field.clear()
        self.error_label.setText(message)
        self.error_label.show()
        self.secret_field.setFocus()

    def reset(self) -> None:
        """Forget anything typed (after unlocking, or when shown again on lock)."""
        self.secret_field.clear()
        self.error_label.hide()
        self.set_busy(False)
        if self._recovery_mode:
            self.on_switch_button_clicked()
        self.secret_field.setFocus(Qt.FocusReason.OtherFocusReason)
