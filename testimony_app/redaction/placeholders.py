"""Placeholders that stay consistent across an export: [PERSON-1] is one person everywhere.

A `PlaceholderBook` lives for one export (one bundle) and in memory only: its keys are derived
from the redacted text. Text in Arabic gets Arabic placeholders with Arabic-Indic digits
([شخص-١]): every character of it is right-to-left or an Arabic number, so it reads in place in
a right-to-left line, and its brackets mirror as Arabic text expects.
"""

from __future__ import annotations

import re
from collections import Counter

from testimony_app.redaction.spans import Kind

ARABIC_LABELS = {
    Kind.PERSON: "شخص",
    Kind.PLACE: "مكان",
    Kind.PHONE: "هاتف",
    Kind.EMAIL: "بريد",
    Kind.ID: "هوية",
    Kind.DATE_OF_BIRTH: "ميلاد",
    Kind.PLATE: "لوحة",
    Kind.HANDLE: "حساب",
    Kind.URL: "رابط",
    Kind.COORDINATES: "إحداثيات",
    Kind.OTHER: "محجوب",
}
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_LABELS = "|".join(re.escape(label) for kind in Kind for label in (kind.value, ARABIC_LABELS[kind]))
# What a placeholder looks like once written; detectors leave these alone (idempotence).
PLACEHOLDER = re.compile(rf"\[(?:{_LABELS})-(?:[0-9]+|[٠-٩]+)\]")


class PlaceholderBook:
    """Numbers things by kind in the order they are first met."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[Kind, str], int] = {}
        self._counts: Counter[Kind] = Counter()

    def __repr__(self) -> str:
        return f"PlaceholderBook({sum(self._counts.values())} things)"

    def number(self, kind: Kind, key: str) -> int:
        found = self._numbers.get((kind, key))
        if found is None:
            self._counts[kind] += 1
            found = self._numbers[(kind, key)] = self._counts[kind]
        return found

    def placeholder(self, kind: Kind, key: str, *, arabic: bool) -> str:
        return render(kind, self.number(kind, key), arabic=arabic)


def render(kind: Kind, number: int, *, arabic: bool) -> str:
    if arabic:
        return f"[{ARABIC_LABELS[kind]}-{str(number).translate(_ARABIC_DIGITS)}]"
    return f"[{kind.value}-{number}]"


def mostly_arabic(text: str) -> bool:
    """Whether most letters of `text` are Arabic (its placeholders are then Arabic too)."""
    arabic = latin = 0
    for char in text:
        if "\u0600" <= char <= "\u08ff" or "\ufb50" <= char <= "\ufeff":
            arabic += 1
        elif char.isalpha():
            latin += 1
    return arabic > latin
