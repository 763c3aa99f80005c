"""Records print without their text: a traceback must not carry a name or a place."""

from __future__ import annotations

from testimony_app.domain.ids import TestimonyId, WitnessId
from testimony_app.domain.records import (
    AttachmentInfo,
    Entity,
    EntityType,
    Identity,
    Incident,
    Interview,
    Testimony,
    TestimonyContent,
)

SECRET = "Nizar Balloutah"


def test_reprs_hide_what_was_said() -> None:
    content = TestimonyContent(
        interview=Interview(place=SECRET, interviewer=SECRET, interpreter=SECRET),
        narrative=f"{SECRET} was taken at the gate",
        incidents=(Incident(place=SECRET, perpetrator=SECRET),),
        entities=(Entity(SECRET, EntityType.PERSON, (SECRET,)),),
    )
    testimony = Testimony(
        TestimonyId("T-0000-0000-0"), WitnessId("W-0000-0000-0"), content, 1, "", ""
    )
    shown = [
        repr(content),
        repr(testimony),
        str(testimony),
        repr(Identity(full_name=SECRET)),
        repr(AttachmentInfo(1, testimony.id, f"{SECRET}.jpg", "image/jpeg", 3, "ab", "")),
    ]
    for text in shown:
        assert SECRET not in text
