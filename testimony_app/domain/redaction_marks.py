"""The researcher's own redaction decisions on a testimony: redact this, keep that.

A mark remembers the field, where in it, and the text it covered. Text moves when a narrative is
edited, so a mark is found again by its text: at its old place if the text is still there,
else at the nearest place the same text occurs; a mark whose text is gone no longer applies.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from testimony_app.domain.records import EntityType

MAX_MARKS = 10_000
MAX_MARK_CHARS = 2_000
FIELD_PATTERN = re.compile(
    r"narrative|tags\[\d{1,5}\]|interview\.(?:place|interviewer|interpreter)"
    r"|incidents\[\d{1,5}\]\.(?:place|perpetrator)|witness\.(?:occupation|displacement_status)"
)


class MarkDecision(enum.Enum):
    REDACT = "redact"
    KEEP = "keep"


class MarksInvalid(ValueError):
    """Stored marks are not in the expected shape (the message never quotes them)."""


@dataclass(frozen=True)
class RedactionMark:
    field: str
    start: int
    end: int
    text: str
    decision: MarkDecision
    type: EntityType = EntityType.OTHER  # what a REDACT mark hides, for its placeholder

    def __repr__(self) -> str:
        return f"RedactionMark({self.field}, {self.decision.value}, <text hidden>)"

    def locate(self, value: str) -> tuple[int, int] | None:
        """Where the mark applies in the field's current text, or None if its text is gone."""
        if not self.text:
            return None
        if value[self.start : self.end] == self.text:
            return self.start, self.end
        best: int | None = None
        position = value.find(self.text)
        while position >= 0:
            if best is None or abs(position - self.start) < abs(best - self.start):
                best = position
            position = value.find(self.text, position + 1)
        return None if best is None else (best, best + len(self.text))


def marks_to_storage(marks: Sequence[RedactionMark]) -> list[dict[str, object]]:
    return [
        {
            "field": mark.field,
            "start": mark.start,
            "end": mark.end,
            "text": mark.text,
            "decision": mark.decision.value,
            "type": mark.type.value,
        }
        for mark in marks
    ]


def marks_from_storage(value: object) -> tuple[RedactionMark, ...]:
    if not isinstance(value, list) or len(value) > MAX_MARKS:
        raise MarksInvalid("redaction marks must be a list")
    marks = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {
            "field",
            "start",
            "end",
            "text",
            "decision",
            "type",
        }:
            raise MarksInvalid("a redaction mark has the wrong keys")
        field, start, end, text = item["field"], item["start"], item["end"], item["text"]
        if not (isinstance(field, str) and FIELD_PATTERN.fullmatch(field)):
            raise MarksInvalid("a redaction mark names an unknown field")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            raise MarksInvalid("a redaction mark has a bad position")
        if not (isinstance(text, str) and 0 < len(text) <= MAX_MARK_CHARS):
            raise MarksInvalid("a redaction mark has a bad text")
        try:
            decision = MarkDecision(item["decision"])
            kind = EntityType(item["type"])
        except ValueError:
            raise MarksInvalid("a redaction mark has an unknown decision or type") from None
        marks.append(RedactionMark(field, start, end, text, decision, kind))
    return tuple(marks)
