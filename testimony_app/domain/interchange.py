"""Interchange format v1: read testimony records from JSON bytes and write them back as dicts.

A file holds one record object, an array of records, or JSON Lines (one record per line). The
published JSON Schema is resources/schemas/interchange-v1.schema.json; this parser accepts what
it accepts, and additionally refuses what a schema cannot see (unknown vocabulary codes,
duplicate keys, unpaired surrogates, over-deep nesting).

Problems are reported by record, line and field path, and never quote a value: the files hold
the names of people at risk, and error messages end up in terminals, logs and screenshots.
"""

from __future__ import annotations

import datetime
import enum
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TypeVar

from testimony_app.domain.ids import InvalidId, WitnessId, parse_witness_id
from testimony_app.domain.records import (
    Consent,
    DatePrecision,
    Entity,
    EntityType,
    Gender,
    Identity,
    Incident,
    Interview,
    Status,
    TestimonyContent,
    Witness,
)
from testimony_app.domain.vocabulary import CODE_PATTERN, MAX_CODE_CHARS, Vocabulary
from testimony_app.errors import AppError

FORMAT_VERSION = 1

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_RECORDS = 10_000
MAX_NARRATIVE_CHARS = 1_000_000
MAX_TEXT_CHARS = 10_000
MAX_LANGUAGE_CHARS = 64
MAX_ITEMS = 10_000
MAX_AGE = 130
MAX_VICTIMS = 1_000_000_000
MAX_PROBLEMS = 100
# record → incidents → incident → violation_types: no key of the format nests deeper than this.
RECORD_DEPTH = 4

VOCABULARY_HINT = "resources/vocabularies/violation_types.json"

IDENTITY_KEYS = tuple(item.name for item in fields(Identity))
WITNESS_KEYS = ("id", "identity", "age", "age_band", "gender", "occupation", "displacement_status")
INTERVIEW_KEYS = ("date", "place", "interviewer", "language", "interpreter")
CONSENT_KEYS = ("recorded", "share_with_editors", "publish_anonymised", "quote_verbatim", "date")
ENTITY_KEYS = ("text", "type", "variants")
INCIDENT_KEYS = (
    "date",
    "date_precision",
    "place",
    "violation_types",
    "perpetrator",
    "victims_count",
)
RECORD_KEYS = (
    "witness",
    "interview",
    "consent",
    "narrative",
    "entities",
    "incidents",
    "tags",
    "status",
)
# Key names a problem may quote: ours, fixed. Any other key could be content typed by mistake.
_OUR_KEYS = frozenset(
    IDENTITY_KEYS
    + WITNESS_KEYS
    + INTERVIEW_KEYS
    + CONSENT_KEYS
    + ENTITY_KEYS
    + INCIDENT_KEYS
    + RECORD_KEYS
)


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong in a file. `record` is 1-based, 0 for the file as a whole."""

    record: int
    line: int | None
    path: str  # e.g. "incidents[0].date"; "" for the record or the file itself
    problem: str  # what is expected; never the value found
    column: int | None = None

    def __str__(self) -> str:
        where = f"record {self.record}" if self.record else ""
        if self.line is not None and self.column is not None:
            where = ", ".join(filter(None, [where, f"line {self.line}, column {self.column}"]))
        elif self.line is not None:
            # Without a column the line is where the record starts, not where the field is.
            where = f"{where} (from line {self.line})" if where else f"line {self.line}"
        parts = [where] if where else []
        if self.path:
            parts.append(self.path)
        parts.append(self.problem)
        return ": ".join(parts)


class InterchangeError(AppError):
    """A file (or stored record) is not valid interchange v1; `problems` lists what was found."""

    default_message = "the records are not valid"

    def __init__(self, problems: Sequence[FieldProblem], *, truncated: bool = False) -> None:
        self.problems = tuple(problems)
        self.truncated = truncated
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"the records cannot be read: {count} problem{'s' if count != 1 else ''}"
        if self.truncated:
            head += f" (stopped after the first {count})"
        return "\n".join([head + ":", *(f"  {problem}" for problem in self.problems)])


@dataclass(frozen=True)
class WitnessFields:
    """The demographics a record gives for its witness (no ID, no identity)."""

    age: int | None = None
    age_band: str | None = None
    gender: Gender | None = None
    occupation: str | None = None
    displacement_status: str | None = None

    @classmethod
    def of(cls, witness: Witness) -> WitnessFields:
        return cls(
            age=witness.age,
            age_band=witness.age_band,
            gender=witness.gender,
            occupation=witness.occupation,
            displacement_status=witness.displacement_status,
        )

    def to_witness(self, witness_id: WitnessId) -> Witness:
        return Witness(
            id=witness_id,
            age=self.age,
            age_band=self.age_band,
            gender=self.gender,
            occupation=self.occupation,
            displacement_status=self.displacement_status,
        )


@dataclass(frozen=True)
class ParsedRecord:
    witness_id: WitnessId | None  # links the testimony to an existing witness
    witness_fields: WitnessFields
    identity: Identity
    content: TestimonyContent


# --- reading bytes into raw JSON values ------------------------------------------------------


class _Enough(Exception):
    """Raised once MAX_PROBLEMS problems are collected: the rest would not be read anyway."""


class _Problems:
    def __init__(self) -> None:
        self.items: list[FieldProblem] = []
        self.truncated = False

    def add(self, problem: FieldProblem) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.truncated = True
            raise _Enough
        self.items.append(problem)

    def file(self, problem: str, *, line: int | None = None, column: int | None = None) -> None:
        self.add(FieldProblem(0, line, "", problem, column))


class _JsonObject(dict[str, object]):
    """A decoded JSON object that remembers the keys it saw twice (json keeps the last)."""

    __slots__ = ("duplicates",)

    duplicates: tuple[tuple[int, str], ...]  # (1-based position, key)


def _object_pairs(pairs: list[tuple[str, object]]) -> _JsonObject:
    obj = _JsonObject(pairs)
    obj.duplicates = ()
    if len(obj) != len(pairs):
        seen: set[str] = set()
        duplicates = []
        for position, (key, _) in enumerate(pairs, 1):
            if key in seen:
                duplicates.append((position, key))
            seen.add(key)
        obj.duplicates = tuple(duplicates)
    return obj


class _NotAValue(enum.Enum):
    """Stands in for JSON numbers we refuse to build (NaN, Infinity, 5000-digit integers)."""

    MARKER = "not a value"


def _parse_int(digits: str) -> int | _NotAValue:
    # Python refuses int() over 4300 digits with a ValueError that has no position; no field
    # of ours needs more than a few digits, so a marker gives a per-field "out of range".
    return int(digits) if len(digits) <= 30 else _NotAValue.MARKER


def _parse_constant(_name: str) -> _NotAValue:
    return _NotAValue.MARKER


_DECODER = json.JSONDecoder(
    object_pairs_hook=_object_pairs, parse_int=_parse_int, parse_constant=_parse_constant
)
_JSON_SPACE = " \t\n\r"
_SKIP_SPACE = re.compile(r"[ \t\n\r]*")
# A JSON string, or an unterminated one running to the end (so its brackets are not counted).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)', re.DOTALL)
_BRACKETS_TO_PARENS = bytes.maketrans(b"[{]}", b"(())")
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)|[\[\]{},\n]', re.DOTALL)
# json recurses once per open bracket; a broken file may leave this many open before it fails.
_UNCLOSED_TOLERATED = 64
_LOCATE_BUDGET = 1_000_000


def _nesting_fits(text: str, limit: int) -> bool:
    """Whether `text` nests at most `limit` deep, checked without recursion, in C-speed passes.

    json.loads recurses per level and raises RecursionError (or worse, on a small thread stack)
    on deep input, so depth is checked first. Each pass deletes innermost "()" pairs; after
    `limit` passes a well-formed text that fits has none left.
    """
    # Outside strings, anything but ASCII is a syntax error json reports anyway: drop it, and
    # work on bytes, whose translate() deletes in C.
    outside = _STRING.sub("", text).encode("utf-8", "ignore")
    brackets = outside.translate(_BRACKETS_TO_PARENS, _NOT_BRACKETS)
    for _ in range(limit):
        reduced = brackets.replace(b"()", b"")
        if len(reduced) == len(brackets):
            break
        brackets = reduced
    # What is left is ")))(((" (unmatched, a syntax error json reports after shallow
    # recursion) unless some pair nests deeper than the limit.
    return b"()" not in brackets and brackets.count(b"(") <= _UNCLOSED_TOLERATED


def _too_deep_at(text: str, limit: int, *, in_array: bool) -> tuple[int, int | None, int | None]:
    """(element of a top-level array or 1, line, column) where nesting first exceeds `limit`.

    A Python loop over tokens, so it gives up (no line, no column) after a budget: only a
    file of millions of brackets would need more, and it is refused either way.
    """
    depth = 0
    element = 1
    line = 1
    line_start = 0
    for count, match in enumerate(_TOKENS.finditer(text)):
        if count > _LOCATE_BUDGET:
            return 0, None, None
        start = match.start()
        char = text[start]
        if char == "\n":
            line += 1
            line_start = start + 1
        elif char in "[{":
            depth += 1
            if depth > limit:
                break
        elif char in "]}":
            depth -= 1
        elif char == "," and in_array and depth == 1:
            element += 1
    else:
        return element, line, 1
    return element, line, start - line_start + 1


def _json_message(error: json.JSONDecodeError) -> str:
    # json's messages are fixed phrases ("Expecting ',' delimiter"); cut anything after a colon
    # in case a future version quotes the input there.
    reason = error.msg.split(":", 1)[0].removesuffix(" at").removesuffix(" starting")
    return f"not valid JSON ({reason})"


def _raw_values(text: str, problems: _Problems) -> Iterator[tuple[int, int, object]]:
    """(record number, line, decoded value) for every record in the file, in order."""
    start = _SKIP_SPACE.match(text).end()  # type: ignore[union-attr]  # always matches
    if start == len(text):
        problems.file("the file is empty")
        return
    first = text[start]
    if first == "[":
        yield from _array_values(text, start, problems)
    elif first == "{":
        lines = [(number, line) for number, line in enumerate(text.split("\n"), 1)]
        filled = [(number, line) for number, line in lines if line.strip(_JSON_SPACE)]
        head = filled[0][1].strip(_JSON_SPACE)
        if len(filled) > 1 and head.startswith("{") and head.endswith("}"):
            yield from _line_values(filled, problems)
        else:
            yield from _single_value(text, start, problems)
    else:
        problems.file(
            "must hold a record (a JSON object), an array of records, "
            "or one record per line (JSON Lines)"
        )


def _line_at(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _single_value(text: str, start: int, problems: _Problems) -> Iterator[tuple[int, int, object]]:
    line = text.count("\n", 0, start) + 1
    if not _nesting_fits(text, RECORD_DEPTH):
        _, at_line, column = _too_deep_at(text, RECORD_DEPTH, in_array=False)
        problems.add(FieldProblem(1, at_line, "", _TOO_DEEP, column))
        return
    try:
        value, end = _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as error:
        problems.add(FieldProblem(1, error.lineno, "", _json_message(error), error.colno))
        return
    except RecursionError:  # _nesting_fits should make this unreachable; never crash on it
        problems.add(FieldProblem(1, line, "", _TOO_DEEP))
        return
    end = _SKIP_SPACE.match(text, end).end()  # type: ignore[union-attr]
    if end != len(text):
        at_line, column = _line_at(text, end)
        problems.file(
            "unexpected content after the record (for several records, use an array "
            "or one record per line)",
            line=at_line,
            column=column,
        )
        return
    yield 1, line, value


def _array_values(text: str, start: int, problems: _Problems) -> Iterator[tuple[int, int, object]]:
    if not _nesting_fits(text, RECORD_DEPTH + 1):
        element, at_line, column = _too_deep_at(text, RECORD_DEPTH + 1, in_array=True)
        record = element if element <= MAX_RECORDS else 0
        problems.add(FieldProblem(record, at_line, "", _TOO_DEEP, column))
        return
    position = _SKIP_SPACE.match(text, start + 1).end()  # type: ignore[union-attr]
    line, counted_to = text.count("\n", 0, position) + 1, position
    if text.startswith("]", position):
        problems.file("the array holds no records")
        return
    record = 0
    while True:
        record += 1
        if record > MAX_RECORDS:
            problems.file(f"too many records (at most {MAX_RECORDS:,} in one file)")
            return
        line += text.count("\n", counted_to, position)
        counted_to = position
        try:
            value, position = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError as error:
            problems.add(FieldProblem(record, error.lineno, "", _json_message(error), error.colno))
            return
        except RecursionError:
            problems.add(FieldProblem(record, line, "", _TOO_DEEP))
            return
        yield record, line, value
        position = _SKIP_SPACE.match(text, position).end()  # type: ignore[union-attr]
        if text.startswith(",", position):
            position = _SKIP_SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
            continue
        if text.startswith("]", position):
            break
        at_line, column = _line_at(text, position)
        problems.add(
            FieldProblem(
                record, at_line, "", "not valid JSON (Expecting ',' delimiter or ']')", column
            )
        )
        return
    end = _SKIP_SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
    if end != len(text):
        at_line, column = _line_at(text, end)
        problems.file("unexpected content after the array", line=at_line, column=column)


def _line_values(
    filled: list[tuple[int, str]], problems: _Problems
) -> Iterator[tuple[int, int, object]]:
    if len(filled) > MAX_RECORDS:
        problems.file(f"too many records (at most {MAX_RECORDS:,} in one file)")
        return
    for record, (line, text) in enumerate(filled, 1):
        start = _SKIP_SPACE.match(text).end()  # type: ignore[union-attr]
        if not _nesting_fits(text, RECORD_DEPTH):
            _, _, column = _too_deep_at(text, RECORD_DEPTH, in_array=False)
            problems.add(FieldProblem(record, line, "", _TOO_DEEP, column))
            continue
        try:
            value, end = _DECODER.raw_decode(text, start)
        except json.JSONDecodeError as error:
            problems.add(FieldProblem(record, line, "", _json_message(error), error.colno))
            continue
        except RecursionError:
            problems.add(FieldProblem(record, line, "", _TOO_DEEP))
            continue
        end = _SKIP_SPACE.match(text, end).end()  # type: ignore[union-attr]
        if end != len(text):
            problems.add(
                FieldProblem(
                    record,
                    line,
                    "",
                    "unexpected content after the record (one record per line)",
                    end + 1,
                )
            )
            continue
        yield record, line, value


_TOO_DEEP = f"nested deeper than the format allows (at most {RECORD_DEPTH} levels in a record)"


def _decode(data: bytes, problems: _Problems) -> str | None:
    if len(data) > MAX_FILE_BYTES:
        problems.file(f"the file is too large (at most {MAX_FILE_BYTES // (1024 * 1024)} MiB)")
        return None
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""  # Windows editors add it
    try:
        return data[len(bom) :].decode("utf-8")
    except UnicodeDecodeError as error:
        problems.file(f"the file is not valid UTF-8 (at byte offset {error.start + len(bom)})")
        return None


# --- checking values into records -------------------------------------------------------------

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])")
_YEAR = re.compile(r"(?!0000)[0-9]{4}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")

_DATE_EXAMPLE = {
    DatePrecision.DAY: "a date like 2025-03-07",
    DatePrecision.MONTH: "a month like 2025-03",
    DatePrecision.YEAR: "a year like 2025",
}
_ANY_DATE = "must be a date like 2025-03-07, a month like 2025-03 or a year like 2025"

_E = TypeVar("_E", bound=enum.Enum)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _key_position(path: str, position: int) -> str:
    # The key itself may be content typed in the wrong place: say where it is, not what.
    return f"key number {position} of {'this object' if path else 'the record'}"


class _RecordReader:
    """Checks one decoded record and builds its dataclasses, noting every problem on the way.

    It only ever descends into keys of the format, so untrusted values of any shape are looked
    at no deeper than the format itself nests.
    """

    def __init__(
        self,
        problems: _Problems,
        record: int,
        line: int | None,
        vocabulary: Vocabulary | None,
    ) -> None:
        self._problems = problems
        self._record = record
        self._line = line
        self._vocabulary = vocabulary
        self.ok = True

    def fail(self, path: str, problem: str) -> None:
        self.ok = False
        self._problems.add(FieldProblem(self._record, self._line, path, problem))

    # -- shapes

    def mapping(self, value: object, path: str, keys: Sequence[str]) -> Mapping[str, object]:
        """The object at `path` (missing or null: empty), after checking its keys."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(path, "must be an object")
            return {}
        for position, key in getattr(value, "duplicates", ()):
            self.fail(
                path,
                f'duplicate key "{key}"'
                if key in _OUR_KEYS
                else f"duplicate key ({_key_position(path, position)})",
            )
        for position, key in enumerate(value, 1):
            if key not in keys:
                self.fail(
                    path,
                    f'unexpected key "{key}"'
                    if key in _OUR_KEYS
                    else f"unexpected key ({_key_position(path, position)})",
                )
        return value

    def array(self, obj: Mapping[str, object], key: str, path: str) -> list[object]:
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(_join(path, key), "must be an array")
            return []
        if len(value) > MAX_ITEMS:
            self.fail(_join(path, key), f"too many items (at most {MAX_ITEMS:,})")
            return []
        return value

    # -- scalars

    def checked_text(self, value: object, path: str, limit: int = MAX_TEXT_CHARS) -> str | None:
        """A string value NFC-normalised, or None after noting why it is not acceptable."""
        if not isinstance(value, str):
            self.fail(path, "must be text")
            return None
        if len(value) > limit:
            self.fail(path, f"too long (at most {limit:,} characters)")
            return None
        if _NOT_TEXT.search(value):
            self.fail(path, "contains a NUL character or an unpaired surrogate, which is not text")
            return None
        normal = unicodedata.normalize("NFC", value)
        if len(normal) > limit:  # NFC expands a few characters
            self.fail(path, f"too long (at most {limit:,} characters)")
            return None
        return normal

    def text(self, obj: Mapping[str, object], key: str, path: str) -> str | None:
        """An optional text field: missing, null and "" all become None."""
        value = obj.get(key)
        if value is None or value == "":
            return None
        return self.checked_text(value, _join(path, key))

    def label(self, value: object, path: str) -> str | None:
        """A text that must say something: an entity, a variant, a tag."""
        text = self.checked_text(value, path)
        if text is not None and not text.strip():
            self.fail(path, "must not be empty or blank")
            return None
        return text

    def flag(self, obj: Mapping[str, object], key: str, path: str) -> bool:
        value = obj.get(key)
        if value is None:  # missing means not given, i.e. no consent
            return False
        if not isinstance(value, bool):
            self.fail(_join(path, key), "must be true or false")
            return False
        return value

    def number(self, obj: Mapping[str, object], key: str, path: str, highest: int) -> int | None:
        value = obj.get(key)
        if value is None:
            return None
        # bool is an int to Python, not to JSON; 5.0 is an integer to JSON Schema, so take it.
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= highest:
            self.fail(_join(path, key), f"must be a whole number from 0 to {highest:,}")
            return None
        return value

    def choice(
        self, obj: Mapping[str, object], key: str, path: str, kind: type[_E], what: str
    ) -> _E | None:
        value = obj.get(key)
        if value is None or value == "":
            return None
        for member in kind:
            if member.value == value:
                return member
        allowed = ", ".join(str(member.value) for member in kind)
        self.fail(_join(path, key), f"unknown {what} (expected one of {allowed})")
        return None

    def full_date(self, obj: Mapping[str, object], key: str, path: str) -> str | None:
        value = self.text(obj, key, path)
        if value is None:
            return None
        if not _DAY.fullmatch(value):
            self.fail(_join(path, key), "must be a date like 2025-03-07")
            return None
        if not _real_day(value):
            self.fail(_join(path, key), "not a real date (must be a date like 2025-03-07)")
            return None
        return value

    # -- parts of a record

    def witness(self, value: object) -> tuple[WitnessId | None, WitnessFields, Identity]:
        obj = self.mapping(value, "witness", WITNESS_KEYS)
        witness_id = None
        raw_id = self.text(obj, "id", "witness")
        if raw_id is not None:
            try:
                witness_id = parse_witness_id(raw_id)
            except InvalidId as error:
                if error.wrong_prefix:
                    self.fail("witness.id", "must be a witness ID like W-7KQ3-M2XD-P")
                else:  # the reason is a fixed phrase ("the check symbol does not match")
                    self.fail("witness.id", f"not a valid witness ID ({error})")
        identity_obj = self.mapping(obj.get("identity"), "witness.identity", IDENTITY_KEYS)
        identity = Identity(
            **{key: self.text(identity_obj, key, "witness.identity") for key in IDENTITY_KEYS}
        )
        details = WitnessFields(
            age=self.number(obj, "age", "witness", MAX_AGE),
            age_band=self.text(obj, "age_band", "witness"),
            gender=self.choice(obj, "gender", "witness", Gender, "gender"),
            occupation=self.text(obj, "occupation", "witness"),
            displacement_status=self.text(obj, "displacement_status", "witness"),
        )
        return witness_id, details, identity

    def interview(self, value: object) -> Interview:
        obj = self.mapping(value, "interview", INTERVIEW_KEYS)
        language = self.text(obj, "language", "interview")
        if language is not None and (
            len(language) > MAX_LANGUAGE_CHARS or not _LANGUAGE.fullmatch(language)
        ):
            self.fail("interview.language", "must be a language tag like ar, en or ku")
            language = None
        return Interview(
            date=self.full_date(obj, "date", "interview"),
            place=self.text(obj, "place", "interview"),
            interviewer=self.text(obj, "interviewer", "interview"),
            language=language,
            interpreter=self.text(obj, "interpreter", "interview"),
        )

    def consent(self, value: object) -> Consent:
        obj = self.mapping(value, "consent", CONSENT_KEYS)
        return Consent(
            recorded=self.flag(obj, "recorded", "consent"),
            share_with_editors=self.flag(obj, "share_with_editors", "consent"),
            publish_anonymised=self.flag(obj, "publish_anonymised", "consent"),
            quote_verbatim=self.flag(obj, "quote_verbatim", "consent"),
            given_on=self.full_date(obj, "date", "consent"),
        )

    def entity(self, value: object, path: str) -> Entity | None:
        if not isinstance(value, dict):
            self.fail(path, "must be an object")
            return None
        obj = self.mapping(value, path, ENTITY_KEYS)
        text = None
        if "text" not in obj:
            self.fail(_join(path, "text"), "missing (every entity needs its text)")
        else:
            text = self.label(obj["text"], _join(path, "text"))
        kind = None
        if "type" not in obj:
            self.fail(_join(path, "type"), "missing (every entity needs a type)")
        else:
            kind = self.choice(obj, "type", path, EntityType, "entity type")
            if kind is None and obj["type"] in (None, ""):
                self.fail(_join(path, "type"), "missing (every entity needs a type)")
        variants = []
        for index, item in enumerate(self.array(obj, "variants", path)):
            variant = self.label(item, f"{path}.variants[{index}]")
            if variant is not None:
                variants.append(variant)
        if text is None or kind is None:
            return None
        return Entity(text=text, type=kind, variants=tuple(variants))

    def incident(self, value: object, path: str) -> Incident | None:
        if not isinstance(value, dict):
            self.fail(path, "must be an object")
            return None
        obj = self.mapping(value, path, INCIDENT_KEYS)
        precision = self.choice(obj, "date_precision", path, DatePrecision, "date precision")
        date = self.text(obj, "date", path)
        if date is not None:
            form = _date_form(date)
            if form is None:
                self.fail(_join(path, "date"), _ANY_DATE)
            elif form is DatePrecision.DAY and not _real_day(date):
                self.fail(_join(path, "date"), "not a real date (must be a date like 2025-03-07)")
            elif precision is None:
                precision = form  # left out: the form of the date says it
            elif precision is not DatePrecision.APPROXIMATE and precision is not form:
                self.fail(
                    _join(path, "date"),
                    f'must be {_DATE_EXAMPLE[precision]} (date_precision is "{precision.value}")',
                )
        codes: dict[str, None] = {}
        for index, item in enumerate(self.array(obj, "violation_types", path)):
            code = self.violation_type(item, f"{path}.violation_types[{index}]")
            if code is not None:
                codes.setdefault(code)
        return Incident(
            date=date,
            date_precision=precision or DatePrecision.DAY,
            place=self.text(obj, "place", path),
            violation_types=tuple(codes),
            perpetrator=self.text(obj, "perpetrator", path),
            victims_count=self.number(obj, "victims_count", path, MAX_VICTIMS),
        )

    def violation_type(self, value: object, path: str) -> str | None:
        if not isinstance(value, str):
            self.fail(path, "must be a violation type code")
            return None
        if self._vocabulary is None:
            # Stored records: a team may have retired a code since; keep it, check its form only.
            if len(value) <= MAX_CODE_CHARS and CODE_PATTERN.fullmatch(value):
                return value
            self.fail(path, "must be a violation type code")
            return None
        if not self._vocabulary.is_known(value):
            self.fail(path, f"unknown violation type (see {VOCABULARY_HINT})")
            return None
        return value

    def content(self, obj: Mapping[str, object]) -> TestimonyContent:
        # In the order of the format, so that problems are listed in the order of a file.
        interview = self.interview(obj.get("interview"))
        consent = self.consent(obj.get("consent"))
        narrative = ""
        if "narrative" not in obj:
            self.fail("narrative", "missing (every record needs a narrative)")
        else:
            narrative = self.checked_text(obj["narrative"], "narrative", MAX_NARRATIVE_CHARS) or ""
        entities = []
        for index, item in enumerate(self.array(obj, "entities", "")):
            entity = self.entity(item, f"entities[{index}]")
            if entity is not None:
                entities.append(entity)
        incidents = []
        for index, item in enumerate(self.array(obj, "incidents", "")):
            incident = self.incident(item, f"incidents[{index}]")
            if incident is not None:
                incidents.append(incident)
        tags: dict[str, None] = {}  # a dict keeps the first occurrence's order
        for index, item in enumerate(self.array(obj, "tags", "")):
            tag = self.label(item, f"tags[{index}]")
            if tag is not None:
                tags.setdefault(tag)
        return TestimonyContent(
            interview=interview,
            consent=consent,
            narrative=narrative,
            incidents=tuple(incidents),
            entities=tuple(entities),
            tags=tuple(tags),
            status=self.choice(obj, "status", "", Status, "status") or Status.DRAFT,
        )


def _real_day(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _date_form(text: str) -> DatePrecision | None:
    """DAY, MONTH or YEAR by the date's shape (2025-02-30 is a DAY, if unreal); None if none."""
    if _DAY.fullmatch(text):
        return DatePrecision.DAY
    if _MONTH.fullmatch(text):
        return DatePrecision.MONTH
    if _YEAR.fullmatch(text):
        return DatePrecision.YEAR
    return None


def _read_record(reader: _RecordReader, value: object) -> ParsedRecord | None:
    if not isinstance(value, dict):
        reader.fail("", "must be an object (one record)")
        return None
    obj = reader.mapping(value, "", RECORD_KEYS)
    witness_id, details, identity = reader.witness(obj.get("witness"))
    content = reader.content(obj)
    if not reader.ok:
        return None
    return ParsedRecord(
        witness_id=witness_id, witness_fields=details, identity=identity, content=content
    )


# --- public API -------------------------------------------------------------------------------


def parse_file_bytes(data: bytes, vocabulary: Vocabulary) -> list[ParsedRecord]:
    """Every record in an interchange file, or InterchangeError listing every problem found."""
    problems = _Problems()
    records: list[ParsedRecord] = []
    try:
        text = _decode(data, problems)
        if text is not None:
            for record, line, value in _raw_values(text, problems):
                reader = _RecordReader(problems, record, line, vocabulary)
                parsed = _read_record(reader, value)
                if parsed is not None:
                    records.append(parsed)
    except _Enough:
        pass
    if problems.items:
        raise InterchangeError(problems.items, truncated=problems.truncated)
    return records


def parse_object(value: object, vocabulary: Vocabulary) -> ParsedRecord:
    """One record already decoded from JSON (e.g. by a caller that holds a dict)."""
    problems = _Problems()
    parsed = None
    try:
        parsed = _read_record(_RecordReader(problems, 1, None, vocabulary), value)
    except _Enough:
        pass
    if parsed is None:
        raise InterchangeError(problems.items, truncated=problems.truncated)
    return parsed


def to_interchange(
    content: TestimonyContent,
    *,
    witness: Witness | WitnessFields | None = None,
    identity: Identity | None = None,
) -> dict[str, object]:
    """A record in interchange shape; parsing it gives back the same dataclasses.

    The witness part appears only if `witness` or `identity` is given; callers that export
    (bundles) must not pass `identity`, which is never meant to leave the vault.
    """
    record: dict[str, object] = {}
    if witness is not None or identity is not None:
        part: dict[str, object] = {}
        if isinstance(witness, Witness):
            part["id"] = witness.id
        if identity is not None:
            part["identity"] = {key: getattr(identity, key) for key in IDENTITY_KEYS}
        if witness is not None:
            details = witness if isinstance(witness, WitnessFields) else WitnessFields.of(witness)
            part["age"] = details.age
            part["age_band"] = details.age_band
            part["gender"] = details.gender.value if details.gender is not None else None
            part["occupation"] = details.occupation
            part["displacement_status"] = details.displacement_status
        record["witness"] = part
    interview = content.interview
    record["interview"] = {
        "date": interview.date,
        "place": interview.place,
        "interviewer": interview.interviewer,
        "language": interview.language,
        "interpreter": interview.interpreter,
    }
    consent = content.consent
    record["consent"] = {
        "recorded": consent.recorded,
        "share_with_editors": consent.share_with_editors,
        "publish_anonymised": consent.publish_anonymised,
        "quote_verbatim": consent.quote_verbatim,
        "date": consent.given_on,
    }
    record["narrative"] = content.narrative
    record["entities"] = [
        {"text": entity.text, "type": entity.type.value, "variants": list(entity.variants)}
        for entity in content.entities
    ]
    record["incidents"] = [
        {
            "date": incident.date,
            "date_precision": incident.date_precision.value,
            "place": incident.place,
            "violation_types": list(incident.violation_types),
            "perpetrator": incident.perpetrator,
            "victims_count": incident.victims_count,
        }
        for incident in content.incidents
    ]
    record["tags"] = list(content.tags)
    record["status"] = content.status.value
    return record


def content_to_storage(content: TestimonyContent) -> dict[str, object]:
    """How the vault stores a testimony's content: the interchange shape without a witness."""
    return to_interchange(content)


def content_from_storage(obj: object, *, vocabulary: Vocabulary | None = None) -> TestimonyContent:
    """Content read back from the vault, through the same checks as an imported file.

    Without a vocabulary, violation type codes are checked for form only: a code retired from
    the vocabulary file must not make an old testimony unreadable.
    """
    problems = _Problems()
    content = None
    try:
        reader = _RecordReader(problems, 1, None, vocabulary)
        if not isinstance(obj, dict):
            reader.fail("", "must be an object (one record)")
        else:
            checked = reader.mapping(obj, "", RECORD_KEYS)
            if "witness" in checked:
                reader.fail("witness", "witness details are not stored with a testimony")
            content = reader.content(checked)
            if not reader.ok:
                content = None
    except _Enough:
        pass
    if content is None:
        raise InterchangeError(problems.items, truncated=problems.truncated)
    return content
