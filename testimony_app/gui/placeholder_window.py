"""A placeholder main window: says what the vault can already do, until the real GUI lands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget


class PlaceholderWindow(QMainWindow):
    def __init__(self, *, vault_exists: bool) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Testimony"))
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)

        title = QLabel(self.tr("Testimony"), body)
        title.setObjectName("title")
        layout.addWidget(title)

        if vault_exists:
            status_text = self.tr("A vault exists in the vault folder. It is locked.")
        else:
            status_text = self.tr("There is no vault yet. Create one with: testimony-app init")
        self.status_label = QLabel(status_text, body)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        abilities = [
            self.tr("Everything is stored encrypted (SQLCipher 4, a random 256-bit key)."),
            self.tr("The key is protected by your passphrase and by a one-time recovery code."),
            self.tr("Change the passphrase, re-key, back up and restore from the command line."),
            self.tr("Erase: destroys the keys in under a second; the data becomes noise."),
        ]
        self.abilities_label = QLabel("\n".join(f"•  {line}" for line in abilities), body)
        self.abilities_label.setWordWrap(True)
        self.abilities_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.abilities_label)

        note = QLabel(self.tr("The recording screens come in the next version."), body)
        note.setObjectName("note")
        layout.addWidget(note)
        layout.addStretch(1)

        self.quit_button = QPushButton(self.tr("Quit"), body)
        self.quit_button.clicked.connect(self.close)
        layout.addWidget(self.quit_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.setCentralWidget(body)
        self.resize(560, 360)
