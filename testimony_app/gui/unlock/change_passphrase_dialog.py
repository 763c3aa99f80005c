"""Setting a new passphrase (after unlocking with it or with the recovery code)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.gui.unlock.passphrase_strength import Strength, strength
from testimony_app.vault.vault import MIN_PASSPHRASE_CHARS


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
        self.passphrase_field = QLineEdit(self)
        self.passphrase_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_field.setPlaceholderText(self.tr("New passphrase"))
        self.repeat_field = QLineEdit(self)
        self.repeat_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_field.setPlaceholderText(self.tr("The same passphrase again"))
        self.strength_label = QLabel("", self)
        self.strength_label.setObjectName("hintLabel")
        self.error_label = QLabel("", self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.hide()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(6)
        self.busy_bar.hide()
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
        for widget in (title, explain, self.passphrase_field, self.repeat_field):
            layout.addWidget(widget)
        for widget in (self.strength_label, self.busy_bar, self.error_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.passphrase_field.textChanged.connect(self.on_fields_changed)
        self.repeat_field.textChanged.connect(self.on_fields_changed)
        self.change_button.clicked.connect(self.on_change_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.on_fields_changed()

    def on_fields_changed(self, *_: object) -> None:
        first, second = self.passphrase_field.text(), self.repeat_field.text()
        level = strength(first, MIN_PASSPHRASE_CHARS)
        hints = {
            Strength.TOO_SHORT: self.tr("At least %n characters.", "", MIN_PASSPHRASE_CHARS),
            Strength.WEAK: self.tr("Weak: add more words."),
            Strength.FAIR: self.tr("Fair: one or two more words would help."),
            Strength.STRONG: self.tr("Strong."),
        }
        hint = hints[level]
        if second and first != second:
            hint += " " + self.tr("The two entries differ.")
        self.strength_label.setText(hint)
        self.strength_label.setProperty("strength", level.name.lower())
        self.strength_label.style().unpolish(self.strength_label)
        self.strength_label.style().polish(self.strength_label)
        self.change_button.setEnabled(level is not Strength.TOO_SHORT and first == second)

    def on_change_button_clicked(self) -> None:
        if not self.change_button.isEnabled():
            return
        self.busy_bar.show()
        for widget in (self.passphrase_field, self.repeat_field, self.change_button):
            widget.setEnabled(False)
        self.change_requested.emit(self.passphrase_field.text())

    def show_error(self, message: str) -> None:
        self.busy_bar.hide()
        self.passphrase_field.setEnabled(True)
        self.repeat_field.setEnabled(True)
        self.on_fields_changed()
        self.error_label.setText(message)
        self.error_label.show()

    def done_changing(self) -> None:
        self.passphrase_field.setText("")
        self.repeat_field.setText("")
        self.accept()
