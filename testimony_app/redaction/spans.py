"""What a detector finds: spans of text, the kind of thing they name and the rule that fired."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from testimony_app.domain.records import EntityType


class Kind(enum.Enum):
    """The kinds of things redaction replaces; each has its own placeholder series."""

    PERSON = "PERSON"
    PLACE = "PLACE"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    ID = "ID"
    DATE_OF_BIRTH = "DOB"
    PLATE = "PLATE"
    HANDLE = "HANDLE"
    URL = "URL"
    COORDINATES = "COORDINATES"
    OTHER = "REDACTED"


KIND_OF_ENTITY_TYPE = {
    EntityType.PERSON: Kind.PERSON,
    EntityType.LOCATION_PRIVATE: Kind.PLACE,
    EntityType.PHONE: Kind.PHONE,
    EntityType.EMAIL: Kind.EMAIL,
    EntityType.ID_NUMBER: Kind.ID,
    EntityType.DATE_OF_BIRTH: Kind.DATE_OF_BIRTH,
    EntityType.VEHICLE_PLATE: Kind.PLATE,
    EntityType.SOCIAL_HANDLE: Kind.HANDLE,
    EntityType.OTHER: Kind.OTHER,
}


class Source(enum.Enum):
    REGISTERED = "registered"  # an entity the researcher registered, or an identity detail
    PATTERN = "pattern"  # found by its shape: a phone number, an email, coordinates, …
    MANUAL = "manual"  # marked by hand in the review panel


@dataclass(frozen=True)
class Span:
    """[start, end) of one field's text, to be replaced by the placeholder of `key`.

    `key` says which thing this is (two spans with one key get one placeholder number); it is
    derived from the thing's text and so is as sensitive as the text: it lives in memory only.
    `rule` names the detector rule for the redaction report ("registered.part", "pattern.phone").
    """

    start: int
    end: int
    kind: Kind
    source: Source
    rule: str
    key: str

    def __repr__(self) -> str:  # the key is derived from the text: never print it
        return f"Span({self.start}, {self.end}, {self.kind.value}, {self.rule})"

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


_SOURCE_RANK = {Source.MANUAL: 0, Source.REGISTERED: 1, Source.PATTERN: 2}
# Among patterns, the ones that read their context or a precise shape decide over a phone
# number, which `phonenumbers` finds in any run of enough digits.
_RULE_RANK = {"pattern.phone": 1}


def _rank(span: Span) -> tuple[int, int, int]:
    return (_SOURCE_RANK[span.source], _RULE_RANK.get(span.rule, 0), -(span.end - span.start))


def _contains(outer: Span, inner: Span) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.start, outer.end) != (inner.start, inner.end)
    )


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans covering at least every character any input span covered.

    Where spans overlap, the union is redacted as one, under the span that decides: a manual
    mark first; then one span that contains the other (an email holding a registered name is
    an email); then registered before pattern, context patterns before phone numbers, longer
    before shorter. Erring towards hiding: a character one detector wanted gone is never shown
    because another detector's span won.
    """
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if Source.MANUAL in (last.source, span.source):
                winner = last if last.source is Source.MANUAL else span
            elif _contains(last, span) or _contains(span, last):
                winner = last if _contains(last, span) else span
            else:
                winner = min((last, span), key=_rank)
            merged[-1] = Span(
                last.start,
                max(last.end, span.end),
                winner.kind,
                winner.source,
                winner.rule,
                winner.key,
            )
        else:
            merged.append(span)
    return merged
