"""How the command line shows records: readable text for people, JSON for scripts.

Record contents are shown on stdout only, where the user asked for them. Text output never
passes a terminal control character through (a file imported from elsewhere could hide an
escape sequence in a place name); JSON output is pure ASCII, so it survives any console
encoding and carries no control bytes at all.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from testimony_app.domain.interchange import IDENTITY_KEYS, to_interchange
from testimony_app.domain.records import (
    AttachmentInfo,
    Gender,
    Identity,
    TestimonyContent,
    Witness,
)
from testimony_app.domain.vocabulary import Vocabulary

if TYPE_CHECKING:  # the vault package loads SQLCipher; these are only types here
    from testimony_app.vault.audit_log import AuditEntry
    from testimony_app.vault.records_repository import TestimonySummary

PLACE_COLUMNS = 28
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Embeddings, overrides and isolates reorder everything after them on a line: a table cell
# must not reach into the next one. (RLM and LRM act on one spot only and stay.)
_BIDI_SCOPES = re.compile("[\u202a-\u202e\u2066-\u2069]")
_GENDERS = {Gender.MALE: "male", Gender.FEMALE: "female", Gender.OTHER: "other"}
_IDENTITY_LABELS = {
    "full_name": "Full name",
    "nickname": "Nickname",
    "phone": "Phone",
    "home_village": "Home village",
    "neighbourhood": "Neighbourhood",
    "national_id": "National ID",
    "email": "Email",
}


# --- writing -----------------------------------------------------------------------------


def emit(text: str = "") -> None:
    """One line on stdout; characters the console cannot encode come out as escapes."""
    stream = sys.stdout
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write((text + "\n").encode(encoding, "backslashreplace").decode(encoding))


def emit_json(value: object) -> None:
    emit(json.dumps(value, ensure_ascii=True, indent=2))


def safe_text(text: str) -> str:
    """Multi-line text for a terminal: line breaks and tabs kept, other controls made visible."""
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n"))


def cell(text: str | None) -> str:
    """Text for one line or one table cell."""
    if not text:
        return "-"
    return _CONTROL.sub("\ufffd", _BIDI_SCOPES.sub("", _LINE_BREAKS.sub(" ", text)))


def width(text: str) -> int:
    """Columns the text takes in a terminal (marks take none, wide characters two)."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def clip(text: str, columns: int) -> str:
    if width(text) <= columns:
        return text
    kept = []
    used = 0
    for char in text:
        used += width(char)
        if used > columns - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    rows = [list(header), *(list(row) for row in rows)]
    widths = [max(width(row[index]) for row in rows) for index in range(len(header))]
    return [
        "  ".join(
            value + " " * (widths[index] - width(value)) for index, value in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


# --- testimony summaries -------------------------------------------------------------------


def summary_json(summary: TestimonySummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "witness_id": summary.witness_id,
        "status": summary.status.value,
        "interview_date": summary.interview_date,
        "interview_place": summary.interview_place,
        "language": summary.language,
        "tags": list(summary.tags),
        "revision": summary.revision,
        "created_at": summary.created_at,
        "updated_at": summary.updated_at,
    }


def print_summaries(summaries: Sequence[TestimonySummary], *, as_json: bool, empty: str) -> None:
    if as_json:
        emit_json([summary_json(summary) for summary in summaries])
        return
    if not summaries:
        emit(empty)
        return
    header = ("ID", "WITNESS", "INTERVIEW", "PLACE", "LANGUAGE", "STATUS", "UPDATED")
    rows = [
        (
            summary.id,
            summary.witness_id,
            cell(summary.interview_date),
            clip(cell(summary.interview_place), PLACE_COLUMNS),
            cell(summary.language),
            summary.status.value,
            summary.updated_at,
        )
        for summary in summaries
    ]
    for line in table(header, rows):
        emit(line)


# --- one testimony ---------------------------------------------------------------------------


def attachment_json(info: AttachmentInfo) -> dict[str, object]:
    return {
        "id": info.id,
        "file_name": info.file_name,
        "media_type": info.media_type,
        "size": info.size,
        "sha256": info.sha256,
        "added_at": info.added_at,
    }


def testimony_json(
    *,
    testimony_id: str,
    witness_id: str,
    revision: int,
    created_at: str,
    updated_at: str,
    content: TestimonyContent,
    attachments: Sequence[AttachmentInfo],
) -> dict[str, object]:
    """The interchange shape of the content, with what the vault adds around it."""
    return {
        "id": testimony_id,
        "witness_id": witness_id,
        "revision": revision,
        "created_at": created_at,
        "updated_at": updated_at,
        **to_interchange(content),
        "attachments": [attachment_json(info) for info in attachments],
    }


def testimony_lines(
    *,
    heading: str,
    witness_id: str,
    created_at: str,
    updated_at: str,
    content: TestimonyContent,
    attachments: Sequence[AttachmentInfo] | None,
    vocabulary: Vocabulary,
    earlier: Sequence[int] = (),
) -> list[str]:
    interview, consent = content.interview, content.consent
    lines = [
        heading,
        f"Status:      {content.status.value}",
        f"Witness:     {witness_id}",
        f"Created:     {created_at}",
        f"Updated:     {updated_at}",
        "",
        "Interview",
        f"  Date:         {cell(interview.date)}",
        f"  Place:        {cell(interview.place)}",
        f"  Interviewer:  {cell(interview.interviewer)}",
        f"  Language:     {cell(interview.language)}",
        f"  Interpreter:  {cell(interview.interpreter)}",
        "",
        "Consent",
        f"  Recorded:            {_yes(consent.recorded)}",
        f"  Share with editors:  {_yes(consent.share_with_editors)}",
        f"  Publish anonymised:  {_yes(consent.publish_anonymised)}",
        f"  Quote verbatim:      {_yes(consent.quote_verbatim)}",
        f"  Given on:            {cell(consent.given_on)}",
        "",
        "Narrative",
    ]
    narrative = safe_text(content.narrative).split("\n") if content.narrative else ["-"]
    lines.extend(f"  {line}".rstrip() for line in narrative)
    lines.extend(["", f"Incidents ({len(content.incidents)})"])
    for number, incident in enumerate(content.incidents, 1):
        when = cell(incident.date)
        if incident.date:
            when += f" ({incident.date_precision.value})"
        lines.append(f"  {number}. {when}, {cell(incident.place)}")
        for code in incident.violation_types:
            lines.append(f"     violation: {code} ({vocabulary.label(code, 'en')})")
        if incident.perpetrator:
            lines.append(f"     perpetrator: {cell(incident.perpetrator)}")
        if incident.victims_count is not None:
            lines.append(f"     victims: {incident.victims_count}")
    lines.extend(["", f"Entities ({len(content.entities)})"])
    for entity in content.entities:
        line = f"  {entity.type.value}: {cell(entity.text)}"
        if entity.variants:
            line += f" (also: {', '.join(cell(variant) for variant in entity.variants)})"
        lines.append(line)
    lines.append("")
    lines.append(f"Tags:  {', '.join(cell(tag) for tag in content.tags) or '-'}")
    if attachments is not None:
        lines.extend(["", f"Attachments ({len(attachments)})"])
        rows = [
            (
                str(info.id),
                clip(cell(info.file_name), 40),
                cell(info.media_type),
                f"{info.size} bytes",
                f"sha256 {info.sha256}",
            )
            for info in attachments
        ]
        if rows:
            lines.extend(f"  {line}" for line in table(("ID", "NAME", "TYPE", "SIZE", ""), rows))
    if earlier:
        numbers = ", ".join(str(number) for number in earlier)
        lines.extend(["", f"Earlier revisions: {numbers} (show one with --revision N)"])
    return lines


# --- witnesses -------------------------------------------------------------------------------


def witness_json(
    witness: Witness, testimonies: Sequence[str], identity: Identity | None
) -> dict[str, object]:
    value: dict[str, object] = {
        "id": witness.id,
        "age": witness.age,
        "age_band": witness.age_band,
        "gender": witness.gender.value if witness.gender else None,
        "occupation": witness.occupation,
        "displacement_status": witness.displacement_status,
        "testimonies": list(testimonies),
    }
    if identity is not None:
        value["identity"] = {key: getattr(identity, key) for key in IDENTITY_KEYS}
    return value


def witness_lines(
    witness: Witness, testimonies: Sequence[str], identity: Identity | None
) -> list[str]:
    age = "-" if witness.age is None else str(witness.age)
    lines = [
        f"Witness {witness.id}",
        f"  Age:                  {age}",
        f"  Age band:             {cell(witness.age_band)}",
        f"  Gender:               {_GENDERS[witness.gender] if witness.gender else '-'}",
        f"  Occupation:           {cell(witness.occupation)}",
        f"  Displacement status:  {cell(witness.displacement_status)}",
        "",
        f"Testimonies ({len(testimonies)}): {', '.join(testimonies) or '-'}",
        "",
    ]
    if identity is None:
        lines.append(
            "Identity details are not shown; add --identity to see them "
            "(the viewing is recorded in the audit log)."
        )
    elif identity.is_empty():
        lines.append("Identity: none recorded (this viewing is recorded in the audit log)")
    else:
        lines.append("Identity (this viewing is recorded in the audit log)")
        for key in IDENTITY_KEYS:
            value = getattr(identity, key)
            if value:
                lines.append(f"  {_IDENTITY_LABELS.get(key, key) + ':':<15} {cell(value)}")
    return lines


# --- the audit log ---------------------------------------------------------------------------


def audit_json(entry: AuditEntry) -> dict[str, object]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "action": entry.action,
        "subject": entry.subject,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }


def print_audit(entries: Sequence[AuditEntry], *, as_json: bool) -> None:
    if as_json:
        emit_json([audit_json(entry) for entry in entries])
        return
    if not entries:
        emit("The audit log is empty.")
        return
    rows = [
        (str(entry.seq), entry.at, cell(entry.action), cell(entry.subject)) for entry in entries
    ]
    for line in table(("SEQ", "TIME", "ACTION", "SUBJECT"), rows):
        emit(line)
