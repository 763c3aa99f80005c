"""The export wizard's second page: how much is taken out (the redaction profile)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

PROFILES = ("editor", "public")


class ProfilePage(QWidget):
    profile_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportProfilePage")
        intro = QLabel(
            self.tr("Choose how much is taken out of the testimonies before they leave."), self
        )
        intro.setWordWrap(True)
        self.editor_button = QRadioButton(self.tr("For an editor"), self)
        editor_note = QLabel(
            self.tr(
                "Keeps dates, towns, ages and what happened. Takes out the witness's identity "
                "and every registered name, and replaces phone numbers and other personal details."
            ),
            self,
        )
        self.public_button = QRadioButton(self.tr("For publication"), self)
        public_note = QLabel(
            self.tr(
                "Takes out all of that, and also coarsens dates to the month, ages to ten-year "
                "bands and places to the district. Needs the witness's consent to anonymised "
                "publication."
            ),
            self,
        )
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(intro)
        layout.addSpacing(8)
        for button, note, name in (
            (self.editor_button, editor_note, "editor"),
            (self.public_button, public_note, "public"),
        ):
            note.setObjectName("note")
            note.setWordWrap(True)
            note.setIndent(26)
            button.setProperty("profile", name)
            self.group.addButton(button)
            layout.addWidget(button)
            layout.addWidget(note)
            layout.addSpacing(10)
        layout.addStretch(1)
        self.editor_button.setChecked(True)
        self.group.buttonToggled.connect(self.on_group_button_toggled)

    def profile(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("profile")) if checked is not None else "editor"

    def profile_label(self, name: str) -> str:
        return self.tr("For an editor") if name == "editor" else self.tr("For publication")

    def on_group_button_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self.profile_changed.emit(self.profile())

    def clear(self) -> None:
        self.editor_button.setChecked(True)
