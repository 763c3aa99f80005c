"""A key fingerprint shown for reading aloud: large, fixed-width, left to right, selectable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from testimony_app.gui.status_text import align_leading

GROUP_GAP = "  "  # two spaces between groups: easier to keep one's place while reading


def spaced(fingerprint: str) -> str:
    """'7KQ3 M2XD P9TA 4WQE 1ZRC' with a wider gap between the groups."""
    return GROUP_GAP.join(fingerprint.split())


class FingerprintLabel(QLabel):
    """Groups of four, as the core makes them; always left to right, even in Arabic."""

    def __init__(self, parent: QWidget | None = None, point_size: int = 16) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprint")
        self.setTextFormat(Qt.TextFormat.PlainText)
        # The groups are read in order, first to last, left to right in either interface
        # language; the whole sits at the interface's leading edge, beside its caption.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        align_leading(self)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(point_size)
        self.setFont(font)
        self._fingerprint = ""

    def set_fingerprint(self, fingerprint: str) -> None:
        self._fingerprint = fingerprint
        self.setText(spaced(fingerprint))
        self.setAccessibleName(fingerprint)

    def fingerprint(self) -> str:
        return self._fingerprint

    def clear(self) -> None:
        self._fingerprint = ""
        super().clear()
