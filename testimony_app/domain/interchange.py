"""Interchange format v1: read testimony records from JSON bytes and write them back as dicts.

A file holds one record object, an array of records, or JSON Lines (one record per line). The
published JSON Schema is resources/schemas/interchange-v1.schema.json; this parser accepts what
it accepts, and additionally refuses what a schema cannot see (unknown vocabulary codes,
duplicate keys, unpaired surrogates, over-deep nesting).

Reading the untrusted bytes into raw JSON values is json_input.py's job; this module maps the
values to the dataclasses of records.py. Writing them back lives in interchange_writer.py.
The names imported "as" themselves below (the writer, FieldProblem) are this module's API too.

Problems are reported by record, line and field path, and never quote a value: the files hold
the names of people at risk, and error messages end up in terminals, logs and screenshots.
"""

from __future__ import annotations

import datetime
import enum
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TypeVar

from testimony_app.domain.ids import InvalidId, WitnessId, parse_witness_id
from testimony_app.domain.interchange_writer import content_to_storage as content_to_storage
from testimony_app.domain.interchange_writer import to_interchange as to_interchange
from testimony_app.domain.json_input import FieldProblem as FieldProblem
from testimony_app.domain.json_input import (
    Problems,
    TooManyProblems,
    duplicate_keys,
    read_values,
)
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
        problems: Problems,
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
        for position, key in duplicate_keys(value):
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
    problems = Problems(MAX_PROBLEMS)
    records: list[ParsedRecord] = []
    try:
        # The limits are read here, at each call, so that a test may lower them.
        values = read_values(
            data,
            problems,
            max_bytes=MAX_FILE_BYTES,
            max_records=MAX_RECORDS,
            record_depth=RECORD_DEPTH,
        )
        for record, line, value in values:
            reader = _RecordReader(problems, record, line, vocabulary)
            parsed = _read_record(reader, value)
            if parsed is not None:
                records.append(parsed)
    except TooManyProblems:
        pass
    if problems.items:
        raise InterchangeError(problems.items, truncated=problems.truncated)
    return records


def parse_object(value: object, vocabulary: Vocabulary) -> ParsedRecord:
    """One record already decoded from JSON (e.g. by a caller that holds a dict)."""
    problems = Problems(MAX_PROBLEMS)
    parsed = None
    try:
        parsed = _read_record(_RecordReader(problems, 1, None, vocabulary), value)
    except TooManyProblems:
        pass
    if parsed is None:
        raise InterchangeError(problems.items, truncated=problems.truncated)
    return parsed


def content_from_storage(obj: object, *, vocabulary: Vocabulary | None = None) -> TestimonyContent:
    """Content read back from the vault, through the same checks as an imported file.

    Without a vocabulary, violation type codes are checked for form only: a code retired from
    the vocabulary file must not make an old testimony unreadable.
    """
    problems = Problems(MAX_PROBLEMS)
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
    except TooManyProblems:
        pass
    if content is None:
        raise InterchangeError(problems.items, truncated=problems.truncated)
    return content
