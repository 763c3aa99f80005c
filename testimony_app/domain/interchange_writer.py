"""Interchange format v1, writing: testimony dataclasses back into the format's dict shape.

The counterpart of the reader in interchange.py, which re-exports everything here: parsing what
this writes gives back the same dataclasses.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from testimony_app.domain.records import Identity, TestimonyContent, Witness

if TYPE_CHECKING:  # interchange imports this module; the writer needs WitnessFields' name only
    from testimony_app.domain.interchange import WitnessFields


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
            # The keys of the format's identity object are Identity's fields (IDENTITY_KEYS).
            part["identity"] = {
                item.name: getattr(identity, item.name) for item in fields(identity)
            }
        if witness is not None:  # a Witness has WitnessFields' attributes, and its ID
            part["age"] = witness.age
            part["age_band"] = witness.age_band
            part["gender"] = witness.gender.value if witness.gender is not None else None
            part["occupation"] = witness.occupation
            part["displacement_status"] = witness.displacement_status
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
