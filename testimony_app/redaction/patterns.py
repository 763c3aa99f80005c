"""Detectors of things that name someone by their shape: phones, emails, IDs, handles, places.

Nothing here needs to have been registered. Phone numbers come from the `phonenumbers` library
(Syrian by default, international with their prefix; any separators, Arabic-Indic digits).
The others are regular expressions over the normalised text (ASCII digits, lower case), some
only in their context: a long number is an ID number after "ID", "passport", "هوية"; a date is
a date of birth after "born", "مواليد"; a number is a plate after "plate", "لوحة".
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

import phonenumbers

from testimony_app.domain.normalise import normalise
from testimony_app.redaction.scan import Scan, words_hint
from testimony_app.redaction.spans import Kind, Source, Span
from testimony_app.redaction.tokens import TokenisedText


class Detector(enum.Enum):
    PHONE = "phone"
    EMAIL = "email"
    ID_NUMBER = "id_number"
    VEHICLE_PLATE = "vehicle_plate"
    HANDLE = "handle"
    URL = "url"
    COORDINATES = "coordinates"
    DATE_OF_BIRTH = "date_of_birth"


# -- regular expressions over normalised text (casefolded, ASCII digits) -----------------------

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}(?![\w\-])")
_SOCIAL_SITES = (
    r"(?:facebook|fb|m\.facebook|instagram|twitter|x|t|telegram|tiktok|youtube|youtu|"
    r"linkedin|snapchat|wa|vk|threads)"
)
_SOCIAL_URL = re.compile(
    rf"(?<![\w.])(?:https?://)?(?:www\.)?{_SOCIAL_SITES}\.(?:com|me|be|org|net)/[^\s<>\"'،,;)]+"
)
_URL = re.compile(r"(?<![\w.])(?:https?://|www\.)[^\s<>\"'،,;)]+")
_HANDLE = re.compile(r"(?<![\w@.])@[a-z0-9_](?:[a-z0-9_.]{0,40}[a-z0-9_])?")
_TRAILING_PUNCTUATION = ".,;:!?)]}'\"،؛؟"

_DEG = r"\s*(?:°|º|˚|deg|درجه)\s*"
_MIN = r"\s*(?:'|′|’|‘|min|دقيقه)\s*"
_SEC = r"\s*(?:\"|″|”|''|′′|sec|ثانيه)\s*"  # ″ is ′′ once normalised (NFKD)
_HEMI = r"\s*(?:[nsew](?![a-z])|north|south|east|west|شمالا|جنوبا|شرقا|غربا|شمال|جنوب|شرق|غرب)"
_NUM = r"\d{1,3}(?:[.٫]\d+)?"
_DMS_ONE = rf"\d{{1,3}}{_DEG}\d{{1,2}}{_MIN}(?:\d{{1,2}}(?:[.٫]\d+)?{_SEC})?(?:{_HEMI})?"
_COORDINATES = re.compile(
    "|".join(
        (
            # degrees-minutes-seconds, one or a pair
            rf"{_DMS_ONE}(?:\s*[,،;/]?\s*{_DMS_ONE})?",
            # decimal pairs: 34.7265, 36.7096 / 34.7265N 36.7096E / 34.7265° N, 36.7096° E
            rf"(?<![\d.])[-+]?\d{{1,2}}[.٫]\d{{3,9}}(?:°)?(?:{_HEMI})?\s*[,،;/ ]\s*"
            rf"[-+]?\d{{1,3}}[.٫]\d{{3,9}}(?:°)?(?:{_HEMI})?(?!\d|[.٫]\d)",
            # hemisphere first: N 35.2969 E 36.6161
            r"(?<![\w.])(?:[ns]|north|south)\s*\d{1,2}[.٫]\d{3,9}°?\s*[,،;/]?\s*"
            r"(?:[ew]|east|west)\s*\d{1,3}[.٫]\d{3,9}°?(?!\d|[.٫]\d)",
            # decimal degrees with a degree sign or a hemisphere, alone
            rf"(?<![\d.])[-+]?{_NUM}\s*°\s*(?:{_HEMI})",
        )
    )
)
_ELEVEN_DIGITS = re.compile(r"(?<![\w])\d{11}(?![\w])")
# UNHCR registration and case numbers: 123-12C12345, 123-00012345.
_UNHCR_CASE = re.compile(r"(?<![\w])\d{3}-\d{2}[a-z]\d{5}(?![\w])|(?<![\w])\d{3}-\d{8}(?![\w])")
_LONG_NUMBER = re.compile(r"(?<![\w])[a-z]{0,3}\d(?:[\s\-/]?\d){5,17}(?![\w])")
_ID_CONTEXT = re.compile(
    r"(?:\bid\b|identity|identification|national|passport|card|registry|register|"
    r"هويه|الهويه|هويته|هويتها|الوطني|وطني|جواز|الجواز|بطاقه|البطاقه|القيد|قيد|خانه|"
    r"الشخصيه|السجل المدني|دفتر العائله|file|case|ملف|ملفنا|ملفه|ملفها|القضيه)"
)
_PLATE_CONTEXT = re.compile(
    r"(?:plate|plates|licen[cs]e|registration|number plate|لوح(?:ه|ته|تها|تهم)|"
    r"نمر(?:ه|ته|تها|تهم)|رقم السياره)"
)
_PLATE_NUMBER = re.compile(r"(?<![\w])(?:[a-z]{1,3}[\s\-]?)?\d{3,8}(?:[\s\-]?[a-z]{1,3})?(?![\w])")
_BIRTH_CONTEXT = re.compile(
    r"(?:\bborn\b|birth|\bdob\b|d\.o\.b|مواليد|ميلاد|ميلاده|ميلادها|تولد|مولود|مولوده|"
    r"\bولد\b|\bولدت\b|\bولدنا\b)"
)
_EN_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_AR_MONTHS = (
    "كانون الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|تشرين الثاني|"
    "كانون الاول|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر"
)
_MONTH = rf"(?:{_EN_MONTHS}|{_AR_MONTHS})"
_YEAR_WORD = r"(?:عام|سنه|العام|in|the year of|year)"
_DATE = re.compile(
    r"(?<!\d)(?:"
    + "|".join(
        (
            r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}",
            r"\d{4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}",
            rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s*(?:{_YEAR_WORD}\s+)?\d{{4}}",
            rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*\d{{4}}",
            rf"{_MONTH}\s*,?\s*(?:{_YEAR_WORD}\s+)?\d{{4}}",
            r"(?:19|20)\d{2}",
        )
    )
    + r")(?!\d)"
)

# Shortcuts to the same matches (see scan.py): what a text needs for each expression to match
# in it, and where the cue expressions may start. Most texts have no email, URL, coordinates
# or ID number, and most words are no cue.
_DECIMAL_DEGREES = re.compile(r"\d[.٫]\d{3}")
_SCANS = {
    scan.expression: scan
    for scan in (
        Scan(_EMAIL, needs=("@",)),
        Scan(_HANDLE, needs=("@",)),
        Scan(_URL, needs=("http://", "https://", "www.")),
        Scan(_SOCIAL_URL, needs=(".com/", ".me/", ".be/", ".org/", ".net/")),
        # Degrees and minutes need a degree sign or word, decimal degrees a number like 34.726;
        # each form starts with a digit or a sign, or a hemisphere before one.
        Scan(
            _COORDINATES,
            needs=("°", "º", "˚", "deg", "درجه", _DECIMAL_DEGREES),
            starts=re.compile(r"[-+\d]|[ns]\s*\d|north\s*\d|south\s*\d"),
        ),
        Scan(_ELEVEN_DIGITS, needs=(re.compile(r"\d{11}"),)),
        Scan(_UNHCR_CASE, needs=(re.compile(r"\d{3}-\d"),)),
        Scan(_ID_CONTEXT, starts=words_hint(_ID_CONTEXT)),
        Scan(_PLATE_CONTEXT, starts=words_hint(_PLATE_CONTEXT)),
        Scan(_BIRTH_CONTEXT, starts=words_hint(_BIRTH_CONTEXT)),
    )
}


def _finditer(expression: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    scan = _SCANS.get(expression)
    return expression.finditer(text) if scan is None else scan.finditer(text)


CONTEXT_REACH = 40
MIN_PHONE_DIGITS = 7
# Where the people of these accounts and their families are: numbers written the local way
# (0555 …, 0152 …) are read as each country's; the first is the default for the key.
REGIONS = ("SY", "TR", "LB", "JO", "IQ", "DE", "SE", "NL", "GB", "FR", "EG")
# A run that may be a phone number: digits of any script with separators, maybe a + first.
_PHONE_CANDIDATE = re.compile(
    r"[+(]?[0-9\u0660-\u0669\u06f0-\u06f9](?:[\s\-.()/\u00a0]{0,3}[0-9\u0660-\u0669\u06f0-\u06f9]){6,}"
)
_PHONE_CONTEXT = 3
_DATE_LIKE = re.compile(
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:\d{2}|\d{4})"
)  # characters after a cue in which the number or date must start


def _strip_trailing(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
        end -= 1
    return end


def _compact(text: str) -> str:
    return "".join(char for char in text if char.isalnum())


class PatternDetectors:
    """The pattern detectors a profile turns on; `find(text)` runs them."""

    def __init__(
        self, enabled: Iterable[Detector] = tuple(Detector), regions: Sequence[str] = REGIONS
    ) -> None:
        self.enabled = frozenset(enabled)
        self.regions = tuple(regions)
        runners: dict[Detector, Callable[[TokenisedText], list[Span]]] = {
            Detector.PHONE: self._phones,
            Detector.EMAIL: self._emails,
            Detector.ID_NUMBER: self._id_numbers,
            Detector.VEHICLE_PLATE: self._plates,
            Detector.HANDLE: self._handles,
            Detector.URL: self._urls,
            Detector.COORDINATES: self._coordinates,
            Detector.DATE_OF_BIRTH: self._dates_of_birth,
        }
        self._runners = [runners[d] for d in Detector if d in self.enabled]

    def find(self, text: TokenisedText) -> list[Span]:
        spans: list[Span] = []
        for run in self._runners:
            spans.extend(run(text))
        return spans

    @staticmethod
    def _span(text: TokenisedText, start: int, end: int, kind: Kind, rule: str) -> Span:
        begin, finish = text.original_span(start, end)
        key = f"{kind.value}:{_compact(text.normalised[start:end])}"
        return Span(begin, finish, kind, Source.PATTERN, f"pattern.{rule}", key)

    def _phones(self, text: TokenisedText) -> list[Span]:
        """Phone numbers, read as each region of REGIONS would write them.

        `phonenumbers` scans a whole text per region; only the runs of digits that could be a
        number are given to it (with a little context), region after region until one reads it.
        """
        found: dict[tuple[int, int], Span] = {}
        original = text.original
        for candidate in _PHONE_CANDIDATE.finditer(original):
            start = max(0, candidate.start() - _PHONE_CONTEXT)
            snippet = original[start : candidate.end() + _PHONE_CONTEXT]
            for region in self.regions:
                spans = self._phones_in(snippet, start, region)
                if spans:
                    for span in spans:
                        found.setdefault((span.start, span.end), span)
                    break
        return list(found.values())

    @staticmethod
    def _phones_in(snippet: str, offset: int, region: str) -> list[Span]:
        spans = []
        matcher = phonenumbers.PhoneNumberMatcher(
            snippet, region, leniency=phonenumbers.Leniency.POSSIBLE, max_tries=100
        )
        for match in matcher:
            digits = sum(char.isdigit() for char in match.raw_string)
            if digits < MIN_PHONE_DIGITS:
                continue  # six digits or fewer: a count, a plate, a sum, not a phone
            if _DATE_LIKE.fullmatch(normalise(match.raw_string).strip()):
                continue  # 5/12/2013 is a day
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            spans.append(
                Span(
                    offset + match.start,
                    offset + match.end,
                    Kind.PHONE,
                    Source.PATTERN,
                    "pattern.phone",
                    f"{Kind.PHONE.value}:{e164}",
                )
            )
        return spans

    def _regex(
        self, text: TokenisedText, pattern: re.Pattern[str], kind: Kind, rule: str
    ) -> list[Span]:
        found = []
        for match in _finditer(pattern, text.normalised):
            start, end = match.span()
            end = _strip_trailing(text.normalised, start, end)
            if end > start:
                found.append(self._span(text, start, end, kind, rule))
        return found

    def _emails(self, text: TokenisedText) -> list[Span]:
        return self._regex(text, _EMAIL, Kind.EMAIL, "email")

    def _handles(self, text: TokenisedText) -> list[Span]:
        return self._regex(text, _SOCIAL_URL, Kind.HANDLE, "handle") + self._regex(
            text, _HANDLE, Kind.HANDLE, "handle"
        )

    def _urls(self, text: TokenisedText) -> list[Span]:
        return self._regex(text, _URL, Kind.URL, "url")

    def _coordinates(self, text: TokenisedText) -> list[Span]:
        return self._regex(text, _COORDINATES, Kind.COORDINATES, "coordinates")

    def _after_cues(
        self,
        text: TokenisedText,
        cue: re.Pattern[str],
        target: re.Pattern[str],
        kind: Kind,
        rule: str,
        *,
        first_only: bool = True,
    ) -> list[Span]:
        found = []
        normalised = text.normalised
        for cue_match in _finditer(cue, normalised):
            window_end = min(len(normalised), cue_match.end() + CONTEXT_REACH)
            for match in target.finditer(normalised, cue_match.end(), window_end + 30):
                if match.start() >= window_end:
                    break
                found.append(self._span(text, match.start(), match.end(), kind, rule))
                if first_only:
                    break
        return found

    def _id_numbers(self, text: TokenisedText) -> list[Span]:
        spans = self._regex(text, _ELEVEN_DIGITS, Kind.ID, "id_number")
        spans += self._regex(text, _UNHCR_CASE, Kind.ID, "id_number")
        spans += self._after_cues(text, _ID_CONTEXT, _LONG_NUMBER, Kind.ID, "id_number")
        return spans

    def _plates(self, text: TokenisedText) -> list[Span]:
        return self._after_cues(text, _PLATE_CONTEXT, _PLATE_NUMBER, Kind.PLATE, "vehicle_plate")

    def _dates_of_birth(self, text: TokenisedText) -> list[Span]:
        return self._after_cues(text, _BIRTH_CONTEXT, _DATE, Kind.DATE_OF_BIRTH, "date_of_birth")
