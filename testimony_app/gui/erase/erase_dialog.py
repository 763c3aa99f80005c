"""Crypto-erase, asked for deliberately: the word ERASE must be typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

CONFIRMATION_WORD = "ERASE"


class EraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.setWindowTitle(self.tr("Erase the vault"))
        title = QLabel(self.tr("Erase everything in this vault?"), self)
        title.setObjectName("title")
        explain = QLabel(
            self.tr(
                "The keys are destroyed at once; every testimony, witness and attachment in this "
                "vault becomes unreadable noise, for you too. The passphrase and the recovery "
                "code will no longer open it. Backups and exports you made elsewhere are not "
                "affected. This cannot be undone."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.prompt = QLabel(
            self.tr("To confirm, type %1 below.").replace("%1", CONFIRMATION_WORD), self
        )
        self.confirm_field = QLineEdit(self)
        self.confirm_field.setObjectName("eraseConfirmField")
        self.confirm_field.setPlaceholderText(CONFIRMATION_WORD)
        buttons = QDialogButtonBox(self)
        self.erase_button = QPushButton(self.tr("Erase now"), self)
        self.erase_button.setObjectName("dangerButton")
        self.erase_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setDefault(True)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        for widget in (title, explain, self.prompt, self.confirm_field):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.confirm_field.textChanged.connect(self.on_confirm_field_text_changed)
        self.erase_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)

    def on_confirm_field_text_changed(self, text: str) -> None:
        # The Latin word, whatever the interface language: it is the same on every keyboard.
        self.erase_button.setEnabled(text.strip() == CONFIRMATION_WORD)
