"""Creating a vault: a passphrase typed twice with a strength hint, then the recovery code once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from testimony_app.gui.unlock.passphrase_strength import Strength, strength
from testimony_app.vault.vault import MIN_PASSPHRASE_CHARS


class CreateVaultDialog(QDialog):
    create_requested = Signal(str)
    finished_with_code = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createVaultDialog")
        self.setWindowTitle(self.tr("Testimony — new vault"))
        self.setModal(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._passphrase_page())
        self.pages.addWidget(self._recovery_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.pages)
        self.setMinimumWidth(520)

    # --- page 1: the passphrase ----------------------------------------------------------

    def _passphrase_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Create a vault"), page)
        title.setObjectName("title")
        intro = QLabel(
            self.tr(
                "Everything you record is stored encrypted in this vault. Choose a passphrase: "
                "a few unrelated words are easier to remember and harder to guess than a "
                "short password."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.passphrase_field = QLineEdit(page)
        self.passphrase_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_field.setPlaceholderText(self.tr("Passphrase"))
        self.repeat_field = QLineEdit(page)
        self.repeat_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_field.setPlaceholderText(self.tr("The same passphrase again"))
        self.strength_label = QLabel("", page)
        self.strength_label.setObjectName("hintLabel")
        self.error_label = QLabel("", page)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.busy_bar = QProgressBar(page)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(6)
        self.busy_bar.hide()
        self.create_button = QPushButton(self.tr("Create vault"), page)
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        for widget in (title, intro, self.passphrase_field, self.repeat_field):
            layout.addWidget(widget)
        layout.addWidget(self.strength_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.passphrase_field.textChanged.connect(self.on_fields_changed)
        self.repeat_field.textChanged.connect(self.on_fields_changed)
        self.repeat_field.returnPressed.connect(self.on_create_button_clicked)
        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.on_fields_changed()
        return page

    def on_fields_changed(self) -> None:
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
        self.create_button.setEnabled(level is not Strength.TOO_SHORT and first == second)

    def on_create_button_clicked(self) -> None:
        if not self.create_button.isEnabled():
            return
        self.set_busy(True)
        self.create_requested.emit(self.passphrase_field.text())

    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for widget in (self.passphrase_field, self.repeat_field, self.create_button):
            widget.setEnabled(not busy)
        if not busy:
            self.on_fields_changed()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()

    # --- page 2: the recovery code -------------------------------------------------------

    def _recovery_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Write down your recovery code"), page)
        title.setObjectName("title")
        explain = QLabel(
            self.tr(
                "If you forget your passphrase, this code is the only way back into the vault. "
                "Write it on paper now and keep it apart from this computer. It is shown only "
                "this once and is not stored anywhere."
            ),
            page,
        )
        explain.setWordWrap(True)
        self.code_label = QLabel("", page)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        self.code_label.setFont(font)
        self.written_checkbox = QCheckBox(self.tr("I have written the recovery code down"), page)
        self.continue_button = QPushButton(self.tr("Continue"), page)
        self.continue_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(page)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.code_label)
        layout.addWidget(self.written_checkbox)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.written_checkbox.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.on_continue_button_clicked)
        return page

    def show_recovery_code(self, code: str) -> None:
        self.passphrase_field.clear()
        self.repeat_field.clear()
        self.set_busy(False)
        self.code_label.setText(code)
        self.pages.setCurrentIndex(1)

    def on_continue_button_clicked(self) -> None:
        self.code_label.clear()  # the code leaves the screen and the widget tree
        self.finished_with_code.emit()
        self.accept()
