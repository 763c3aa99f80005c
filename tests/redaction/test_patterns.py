"""Unregistered personal data found by its shape, and ordinary numbers and dates left alone."""

from __future__ import annotations

import pytest

from testimony_app.domain.records import TestimonyContent
from testimony_app.redaction.engine import Redactor
from testimony_app.redaction.profiles import load_profile


def redact(narrative: str, profile: str = "editor") -> str:
    content = TestimonyContent(narrative=narrative)
    return str(Redactor(load_profile(profile)).redact_testimony(content).record["narrative"])


@pytest.mark.parametrize(
    "number",
    [
        "+963 933 123 456",
        "+963-933-123-456",
        "00963 944 555 666",
        "0933 123 456",
        "0933-123-456",
        "0933.123.456",
        "(011) 223 4567",
        "٠٩٣٣ ١٢٣ ٤٥٦",
        "۰۹۳۳۱۲۳۴۵۶",
        "+90 532 123 45 67",
        "+961 3 123 456",
        "+49 151 23456789",
        "+962 7 9123 4567",
        "+44 7700 900123",
    ],
)
def test_phone_numbers(number: str) -> None:
    assert redact(f"He called from {number} that night.") == "He called from [PHONE-1] that night."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to omar.k@example.net today.", "Write to [EMAIL-1] today."),
        ("His page facebook.com/some.name.99 is gone.", "His page [HANDLE-1] is gone."),
        ("Ask @abu_samir_77 on Telegram.", "Ask [HANDLE-1] on Telegram."),
        ("The channel t.me/qusour_news, then", "The channel [HANDLE-1], then"),
        ("See https://example.org/p?id=4.", "See [URL-1]."),
        ("At 34.7265, 36.7096 we hid.", "At [COORDINATES-1] we hid."),
        ("At 34°43'35.4\"N 36°42'34.6\"E we hid.", "At [COORDINATES-1] we hid."),
        ("His national number is 01020345678.", "His national number is [ID-1]."),
        ("Her ID card said 123 456 789 then.", "Her ID card said [ID-1] then."),
        ("passport N012345678 was taken", "passport [ID-1] was taken"),
        ("He was born on 3 March 1981 in Homs.", "He was born on [DOB-1] in Homs."),
        ("born in 1975, he", "born in [DOB-1], he"),
        ("date of birth: 12/03/1981.", "date of birth: [DOB-1]."),
        ("a white van, plate 123456 Homs", "a white van, plate [PLATE-1] Homs"),
    ],
)
def test_other_patterns(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_arabic_patterns_get_arabic_placeholders() -> None:
    out = redact(
        "اتصل بي على ٠٩٣٣ ١٢٣ ٤٥٦، وهو من مواليد ١٩٧٥، ورقمه الوطني ٠١٠٢٠٣٤٥٦٧٨، "
        "وكانت لوحة السيارة رقم ٥٤٣٢١ حمص."
    )
    assert out == (
        "اتصل بي على [هاتف-١]، وهو من مواليد [ميلاد-١]، ورقمه الوطني [هوية-١]، "
        "وكانت لوحة السيارة رقم [لوحة-١] حمص."
    )


@pytest.mark.parametrize(
    "text",
    [
        "On 25 May 2012 at 3 a.m. 17 people were killed.",
        "They took 1,500,000 pounds and 40 sheep in 2013.",
        "في ٢٥ أيار ٢٠١٢ قتل ٤٠ شخصاً عند الساعة ٣ فجراً.",
        "The shelling lasted from 2011 to 2014; my son is 12.",
        "The children, aged 5 and 7, were at school no. 3.",
    ],
)
def test_ordinary_numbers_and_event_dates_stay(text: str) -> None:
    assert redact(text) == text


def test_the_public_profile_keeps_only_the_month_and_the_district() -> None:
    assert redact("On 25 May 2012 they entered Talbiseh.", "public") == (
        "On May 2012 they entered [al-Rastan district]."
    )
    assert redact("في ٢٥ أيار ٢٠١٢ دخلوا تلبيسة.", "public") == (
        "في أيار ٢٠١٢ دخلوا [منطقة الرستن]."
    )
