"""Trusting a new sender: compare the signing-key fingerprint aloud with them, give a name."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class TrustSenderBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustSenderBox")
        self.setTitle(self.tr("Trust this sender"))
        intro = QLabel(
            self.tr(
                "You have not opened a bundle from this sender before. Call them, or meet them, "
                "and ask them to read aloud the fingerprint of their signing key (their app "
                "shows it under Keys and recipients). Compare it with the one above, group by "
                "group. If any group differs, do not import: close this window."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.compared_check = QCheckBox(
            self.tr("I compared it aloud with the sender: every group is the same"), self
        )
        self.sender_name_field = QLineEdit(self)
        self.sender_name_field.setObjectName("senderNameField")
        self.sender_name_field.setMaxLength(200)
        self.sender_name_field.setPlaceholderText(
            self.tr("Who they are, as you will recognise them")
        )
        form = QFormLayout()
        form.addRow(self.tr("Name for this sender"), self.sender_name_field)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.compared_check)
        layout.addLayout(form)
        self.compared_check.toggled.connect(self.changed)
        self.sender_name_field.textChanged.connect(self.changed)

    def is_ready(self) -> bool:
        """Compared aloud, and named."""
        return self.compared_check.isChecked() and bool(self.sender_name_field.text().strip())

    def trust(self, fingerprint: str) -> tuple[str, str]:
        """What the core's import takes: the fingerprint compared aloud, and the name."""
        return fingerprint, self.sender_name_field.text().strip()

    def clear(self) -> None:
        self.sender_name_field.clear()
        self.compared_check.setChecked(False)
