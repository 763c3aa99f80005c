"""Full dates written in a text (day, month and year), for profiles that keep only the month."""

from __future__ import annotations

import re

from testimony_app.domain.normalise import normalise_with_offsets, original_span
from testimony_app.redaction.scan import Scan

EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The Levantine month names, as a Syrian reader writes them.
AR_MONTHS = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)
_AR_NORMALISED = (
    "كانون الثاني",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين الاول",
    "تشرين الثاني",
    "كانون الاول",
)
_AR_EGYPTIAN = (
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
)
_MONTH_NUMBER: dict[str, int] = {}
for _number, _names in enumerate(zip(EN_MONTHS, _AR_NORMALISED, _AR_EGYPTIAN, strict=True), 1):
    for _name in _names:
        _MONTH_NUMBER[_name.lower()] = _number
    _MONTH_NUMBER[_names[0][:3].lower()] = _number
_MONTH_NUMBER["sept"] = 9
_MONTHS = "|".join(sorted(map(re.escape, _MONTH_NUMBER), key=len, reverse=True))
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

_DAY_FIRST = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/.\-])")
_YEAR_FIRST = re.compile(r"(?<![\d/.\-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/.\-])")
_DAY_MONTH = re.compile(
    rf"(?<!\w)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\s*,?\s*(?:عام\s+|سنه\s+)?(\d{{4}})(?!\d)"
)
_MONTH_DAY = re.compile(rf"(?<!\w)({_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})(?!\d)")
# Shortcuts to the same matches (see scan.py): a text without a year of four digits has no full
# date, and three of the expressions can only start where their first digits and what follows
# them are (each hint is the start of its expression, lookbehind aside).
_YEAR = re.compile(r"\d{4}")
_DAY_FIRST_SCAN = Scan(_DAY_FIRST, starts=re.compile(r"\d{1,2}\s*[/.\-]"))
_YEAR_FIRST_SCAN = Scan(_YEAR_FIRST, starts=re.compile(r"\d{4}-"))
_DAY_MONTH_SCAN = Scan(_DAY_MONTH, starts=re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s"))


def _month_text(month: int, year: str, *, arabic: bool, arabic_digits: bool) -> str:
    year_text = year.translate(_ARABIC_DIGITS) if arabic_digits else year
    if arabic:
        return f"{AR_MONTHS[month - 1]} {year_text}"
    return f"{EN_MONTHS[month - 1]} {year_text}"


def full_dates(
    text: str, normalised_with_offsets: tuple[str, list[int]] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, the same date as month and year) for each full date in `text`.

    `normalised_with_offsets` is `normalise_with_offsets(text)`, if the caller has it already.
    """
    normalised, offsets = normalised_with_offsets or normalise_with_offsets(text)
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], month: int, year: str) -> None:
        if not 1 <= month <= 12 or any(a < match.end() and match.start() < b for a, b in taken):
            return
        start, end = original_span(offsets, match.start(), match.end(), len(text))
        written = text[start:end]
        arabic = any("\u0600" <= char <= "\u06ff" for char in written) or (
            sum("\u0600" <= char <= "\u06ff" for char in text[max(0, start - 30) : end + 30]) > 10
        )
        arabic_digits = any("\u0660" <= char <= "\u0669" for char in written)
        while end > start and text[end - 1].isspace():
            end -= 1
        taken.append((match.start(), match.end()))
        found.append(
            (start, end, _month_text(month, year, arabic=arabic, arabic_digits=arabic_digits))
        )

    if _YEAR.search(normalised) is None:
        return found
    for match in _YEAR_FIRST_SCAN.finditer(normalised):
        add(match, int(match.group(2)), match.group(1))
    for match in _DAY_FIRST_SCAN.finditer(normalised):
        add(match, int(match.group(3)), match.group(4))  # day first, as written in Syria
    for match in _DAY_MONTH_SCAN.finditer(normalised):
        add(match, _MONTH_NUMBER[match.group(2)], match.group(3))
    for match in _MONTH_DAY.finditer(normalised):
        add(match, _MONTH_NUMBER[match.group(1)], match.group(3))
    return sorted(found)
