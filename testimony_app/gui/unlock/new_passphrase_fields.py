"""A new passphrase typed twice, with a strength hint: shared by create and change dialogs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from testimony_app.gui.unlock.passphrase_strength import Strength, strength
from testimony_app.vault.vault import MIN_PASSPHRASE_CHARS


def busy_bar(parent: QWidget) -> QProgressBar:
    """A thin, endless progress bar for the second or so a key derivation takes."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.hide()
    return bar


class NewPassphraseFields(QWidget):
    validity_changed = Signal(bool)  # True when long enough and both entries agree

    def __init__(self, first_placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase_field = QLineEdit(self)
        self.passphrase_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_field.setPlaceholderText(first_placeholder)
        self.repeat_field = QLineEdit(self)
        self.repeat_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_field.setPlaceholderText(self.tr("The same passphrase again"))
        self.strength_label = QLabel("", self)
        self.strength_label.setObjectName("hintLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.passphrase_field)
        layout.addWidget(self.repeat_field)
        layout.addWidget(self.strength_label)
        self._valid = False
        self.passphrase_field.textChanged.connect(self.on_fields_changed)
        self.repeat_field.textChanged.connect(self.on_fields_changed)
        self.on_fields_changed()

    @property
    def is_valid(self) -> bool:
        return self._valid

    def passphrase(self) -> str:
        return self.passphrase_field.text()

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
        self._valid = level is not Strength.TOO_SHORT and first == second
        self.validity_changed.emit(self._valid)

    def set_editable(self, editable: bool) -> None:
        self.passphrase_field.setEnabled(editable)
        self.repeat_field.setEnabled(editable)

    def forget(self) -> None:
        self.passphrase_field.setText("")
        self.repeat_field.setText("")
