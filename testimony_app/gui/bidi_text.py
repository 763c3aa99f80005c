"""Text in mixed directions: cells laid out in their own direction, names that cannot spoof.

Qt's item views lay every cell out in the view's direction, so "أبو أيهم." in an English
window shows its full stop on the wrong side, and "+963 900 000 000" in an Arabic one comes
out as "000 000 900 963+". Unicode bidi isolates (UAX #9) around the text fix the order.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"  # bidi isolates (UAX #9)


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first strong character (Unicode bidi rule P2); None if none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return None


def show_text(item: QTableWidgetItem, text: str, tooltip: str | None = None) -> None:
    """Put `text` in a cell laid out in its own direction, as a QLineEdit or QLabel would.

    Item views lay every cell out in the view's direction, so "أبو أيهم." in an English window
    shows its full stop on the wrong side, and "+963 900 000 000" in an Arabic one comes out
    as "000 000 900 963+". A bidi isolate around the text fixes the order: first-strong for
    text with a letter, left-to-right for digits (numbers read left to right in Arabic too).
    It is done in the data rather than in a delegate so that no Python runs while painting.
    Read a cell back with `plain_text`.
    """
    direction = text_direction(text)
    shown, alignment = text, Qt.AlignmentFlag.AlignLeading
    if direction is not None:
        shown = FSI + text + PDI
        side = (
            Qt.AlignmentFlag.AlignRight
            if direction == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        alignment = side | Qt.AlignmentFlag.AlignAbsolute
    elif text:
        shown = LRI + text + PDI
    item.setText(shown)
    item.setTextAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
    item.setToolTip(text if tooltip is None else tooltip)


def plain_text(shown: str) -> str:
    """A cell's text without the isolate `show_text` put around it."""
    return shown.lstrip(LRI + RLI + FSI).rstrip(PDI)


# Bidirectional controls can make "gpj.exe" read as "exe.jpg"; control characters can hide
# parts of a name. Shown as a visible replacement character instead.
_SPOOFING = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def display_name(name: str, limit: int = 120) -> str:
    """A file name fit to show: no control or direction-changing characters, middle-elided."""
    shown = "".join(
        "\ufffd" if char in _SPOOFING or unicodedata.category(char) == "Cc" else char
        for char in name
    )
    if len(shown) > limit:
        keep = (limit - 1) // 2
        shown = shown[:keep] + "…" + shown[-keep:]
    return shown


def isolated(text: str) -> str:
    """`text` laid out in its own direction whatever surrounds it (Unicode FSI … PDI)."""
    return f"\u2068{text}\u2069"
