"""The records a researcher collects: witnesses, testimonies, incidents, entities, attachments.

Plain frozen dataclasses, no I/O. Identity details live in their own class and are never part
of a Witness or a Testimony, so code that handles records cannot leak them by accident. The
classes holding what a witness said print without their text: a traceback or a log line shows
a repr, and it must not carry a name or a place.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields

from testimony_app.domain.ids import TestimonyId, WitnessId


class Status(enum.Enum):
    DRAFT = "draft"
    COMPLETE = "complete"
    REVIEWED = "reviewed"


class DatePrecision(enum.Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    APPROXIMATE = "approximate"


class EntityType(enum.Enum):
    PERSON = "PERSON"
    LOCATION_PRIVATE = "LOCATION_PRIVATE"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    ID_NUMBER = "ID_NUMBER"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    VEHICLE_PLATE = "VEHICLE_PLATE"
    SOCIAL_HANDLE = "SOCIAL_HANDLE"
    OTHER = "OTHER"


class Gender(enum.Enum):
    MALE = "m"
    FEMALE = "f"
    OTHER = "x"


@dataclass(frozen=True)
class Identity:
    """Who the witness is. Stored apart, read only through an explicit call, never exported."""

    full_name: str | None = None
    nickname: str | None = None
    phone: str | None = None
    home_village: str | None = None
    neighbourhood: str | None = None
    national_id: str | None = None
    email: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, item.name) in (None, "") for item in fields(self))

    def values(self) -> list[str]:
        return [value for item in fields(self) if (value := getattr(self, item.name))]

    def __repr__(self) -> str:  # never print identity details by accident
        return "Identity(<hidden>)"


@dataclass(frozen=True)
class Witness:
    id: WitnessId
    age: int | None = None
    age_band: str | None = None
    gender: Gender | None = None
    occupation: str | None = None
    displacement_status: str | None = None


@dataclass(frozen=True)
class Interview:
    date: str | None = None  # ISO yyyy-mm-dd
    place: str | None = None
    interviewer: str | None = None
    language: str | None = None  # BCP 47, e.g. "ar", "en", "ku"
    interpreter: str | None = None

    def __repr__(self) -> str:
        return f"Interview(date={self.date!r}, language={self.language!r}, <details hidden>)"


@dataclass(frozen=True)
class Consent:
    recorded: bool = False
    share_with_editors: bool = False
    publish_anonymised: bool = False
    quote_verbatim: bool = False
    given_on: str | None = None  # ISO date the consent was given


@dataclass(frozen=True)
class Incident:
    date: str | None = None  # yyyy-mm-dd, yyyy-mm or yyyy, matching the precision
    date_precision: DatePrecision = DatePrecision.DAY
    place: str | None = None
    violation_types: tuple[str, ...] = ()
    perpetrator: str | None = None
    victims_count: int | None = None

    def __repr__(self) -> str:
        return (
            f"Incident(date={self.date!r}, violation_types={self.violation_types!r}, "
            "<place and perpetrator hidden>)"
        )


@dataclass(frozen=True)
class Entity:
    """A sensitive thing the interviewer registered: a name, a private place, a phone number."""

    text: str
    type: EntityType
    variants: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Entity({self.type.value}, <text hidden>, {len(self.variants)} variants)"


@dataclass(frozen=True)
class TestimonyContent:
    """Everything in a testimony that a person writes; what revisions keep."""

    __test__ = False  # not a pytest test class, despite the name

    interview: Interview = field(default_factory=Interview)
    consent: Consent = field(default_factory=Consent)
    narrative: str = ""
    incidents: tuple[Incident, ...] = ()
    entities: tuple[Entity, ...] = ()
    tags: tuple[str, ...] = ()
    status: Status = Status.DRAFT

    def __repr__(self) -> str:
        # Tracebacks and logs print reprs: never the account itself.
        return (
            f"TestimonyContent(status={self.status.value}, narrative of {len(self.narrative)} "
            f"characters, {len(self.incidents)} incidents, {len(self.entities)} entities)"
        )


@dataclass(frozen=True)
class Testimony:
    __test__ = False

    id: TestimonyId
    witness_id: WitnessId
    content: TestimonyContent
    revision: int
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Revision:
    testimony_id: TestimonyId
    revision: int
    saved_at: str
    content: TestimonyContent


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    testimony_id: TestimonyId
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_at: str

    def __repr__(self) -> str:  # the file name can name a person
        return f"AttachmentInfo(id={self.id}, {self.media_type}, {self.size} bytes, <name hidden>)"
