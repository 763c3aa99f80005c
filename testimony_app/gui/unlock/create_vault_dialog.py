"""Creating a vault: a passphrase typed twice with a strength hint, then the recovery code once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from testimony_app.gui.unlock.new_passphrase_fields import NewPassphraseFields, busy_bar


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
        self.fields = NewPassphraseFields(self.tr("Passphrase"), page)
        self.passphrase_field = self.fields.passphrase_field
        self.repeat_field = self.fields.repeat_field
        self.error_label = QLabel("", page)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.busy_bar = busy_bar(page)
        self.create_button = QPushButton(self.tr("Create vault"), page)
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        for widget in (title, intro, self.fields, self.busy_bar):
            layout.addWidget(widget)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.fields.validity_changed.connect(self.create_button.setEnabled)
        self.repeat_field.returnPressed.connect(self.on_create_button_clicked)
        self.create_button.clicked.connect(self.on_create_button_clicked)
        return page

    def on_create_button_clicked(self) -> None:
        if not self.create_button.isEnabled():
            return
        self.set_busy(True)
        self.create_requested.emit(self.fields.passphrase())

    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.fields.set_editable(not busy)
        self.create_button.setEnabled(not busy and self.fields.is_valid)

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
        self.fields.forget()
        self.set_busy(False)
        self.code_label.setText(code)
        self.pages.setCurrentIndex(1)

    def on_continue_button_clicked(self) -> None:
        self.code_label.clear()  # the code leaves the screen and the widget tree
        self.finished_with_code.emit()
        self.accept()
