"""Status lines of the bundle windows: failures in the app's error style, success in bold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

FAILED = frozenset({"failed", "blocked"})


def set_status(label: QLabel, text: str, state: str = "") -> None:
    """`state`: "failed" or "blocked" (red, as errorLabel is styled), "ready" or "done" (bold),
    or "" (plain)."""
    label.setObjectName("errorLabel" if state in FAILED else "statusLabel")
    font = label.font()
    font.setBold(state in ("ready", "done"))
    label.setFont(font)
    label.setText(text)
    style = label.style()
    style.unpolish(label)
    style.polish(label)


def align_leading(label: QLabel) -> QLabel:
    """Align to the interface's leading edge whatever the text's own direction is.

    A label lays out a paragraph in the direction of its first strong letter: an Arabic name
    in an English window would otherwise sit at the right edge of its form row, and a path in
    an Arabic window at the left.
    """
    right_to_left = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    return label
