"""The record commands: add, list, search, show, attach, delete, audit."""

from __future__ import annotations

import argparse
import mimetypes
import os
import re
import stat
import sys
import unicodedata
from typing import TYPE_CHECKING

from testimony_app.cli import output
from testimony_app.cli.errors import EXIT_OK, AuditLogBroken, UsageError
from testimony_app.cli.secrets_input import open_vault
from testimony_app.domain import crockford
from testimony_app.domain.ids import (
    IdKind,
    InvalidId,
    TestimonyId,
    WitnessId,
    parse_testimony_id,
    parse_witness_id,
)
from testimony_app.domain.interchange import MAX_FILE_BYTES

if TYPE_CHECKING:  # the vault and services load SQLCipher: imported where they are used
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault

_MEDIA_TYPE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
)


def _service(vault: Vault) -> RecordService:
    from testimony_app.services.records import RecordService

    return RecordService(vault)


def _any_id(text: str) -> tuple[IdKind, str]:
    """A testimony or witness ID typed by a person, told apart by its prefix."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidId(crockford.CodeProblem.EMPTY)
    if cleaned[0].upper() == IdKind.WITNESS.value:
        return IdKind.WITNESS, parse_witness_id(cleaned)
    if cleaned[0].upper() == IdKind.TESTIMONY.value:
        return IdKind.TESTIMONY, parse_testimony_id(cleaned)
    raise InvalidId(None, prefix=True)


def _read_records_file(source: str) -> bytes:
    # One byte more than the parser takes, so that it can say the file is too large.
    limit = MAX_FILE_BYTES + 1
    if source == "-":
        if sys.stdin is None:
            raise UsageError("there is no standard input to read the records from")
        return sys.stdin.buffer.read(limit)
    try:
        with open(source, "rb") as handle:
            return handle.read(limit)
    except OSError as error:
        raise UsageError(f"cannot read the records file: {error.strerror or 'error'}") from None


def cmd_add(args: argparse.Namespace) -> int:
    data = _read_records_file(args.file)
    with open_vault(args) as vault:
        imported = _service(vault).import_records(data)
    for item in imported:
        output.emit(f"{item.testimony_id} {item.witness_id}")
    return EXIT_OK


def _same_tag(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a).casefold() == unicodedata.normalize("NFC", b).casefold()


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        summaries = _service(vault).list_testimonies()
    if args.status:
        summaries = [item for item in summaries if item.status.value == args.status]
    if args.tag is not None:
        summaries = [item for item in summaries if any(_same_tag(t, args.tag) for t in item.tags)]
    filtered = args.status or args.tag is not None
    output.print_summaries(
        summaries,
        as_json=args.json,
        empty="No testimony matches." if filtered else "The vault holds no testimonies.",
    )
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with open_vault(args) as vault:
        found = _service(vault).search(query, limit=args.limit)
    output.print_summaries(found, as_json=args.json, empty="No testimony matches.")
    return EXIT_OK


def _show_testimony(
    service: RecordService, testimony_id: TestimonyId, args: argparse.Namespace
) -> None:
    from testimony_app.services.records import RecordNotFound

    testimony = service.get_testimony(testimony_id)
    attachments = service.attachments(testimony_id)
    content, number, updated_at = testimony.content, testimony.revision, testimony.updated_at
    if args.revision is not None and args.revision != testimony.revision:
        try:
            earlier = service.revision(testimony_id, args.revision)
        except RecordNotFound:
            raise RecordNotFound("the testimony has no revision with this number") from None
        content, number, updated_at = earlier.content, earlier.revision, earlier.saved_at
    if args.json:
        output.emit_json(
            output.testimony_json(
                testimony_id=testimony.id,
                witness_id=testimony.witness_id,
                revision=number,
                created_at=testimony.created_at,
                updated_at=updated_at,
                content=content,
                attachments=attachments,
            )
        )
        return
    heading = f"Testimony {testimony.id}, revision {number}"
    revisions: list[int] = []
    if number != testimony.revision:
        heading += f" (an earlier version; the current one is {testimony.revision})"
    else:
        revisions = [item for item, _ in service.revisions(testimony_id)]
    lines = output.testimony_lines(
        heading=heading,
        witness_id=testimony.witness_id,
        created_at=testimony.created_at,
        updated_at=updated_at,
        content=content,
        attachments=attachments,
        vocabulary=service.vocabulary,
        earlier=revisions,
    )
    for line in lines:
        output.emit(line)


def _show_witness(service: RecordService, witness_id: WitnessId, args: argparse.Namespace) -> None:
    witness = service.get_witness(witness_id)
    testimonies = [item.id for item in service.list_testimonies() if item.witness_id == witness_id]
    # identity_of is the one audited way to the identity details; nothing else reads them.
    identity = service.identity_of(witness_id) if args.identity else None
    if args.json:
        output.emit_json(output.witness_json(witness, testimonies, identity))
        return
    for line in output.witness_lines(witness, testimonies, identity):
        output.emit(line)


def cmd_show(args: argparse.Namespace) -> int:
    kind, record_id = _any_id(args.id)
    if kind is IdKind.WITNESS and args.revision is not None:
        raise UsageError("--revision is for a testimony ID (T-...)")
    if kind is IdKind.TESTIMONY and args.identity:
        raise UsageError("--identity is for a witness ID (W-...); see the testimony's witness")
    with open_vault(args) as vault:
        service = _service(vault)
        if kind is IdKind.TESTIMONY:
            _show_testimony(service, TestimonyId(record_id), args)
        else:
            _show_witness(service, WitnessId(record_id), args)
    return EXIT_OK


def cmd_attach(args: argparse.Namespace) -> int:
    testimony_id = parse_testimony_id(args.testimony)
    name = os.path.basename(os.path.normpath(args.file)) or "attachment"
    if args.type is not None:
        if not _MEDIA_TYPE.fullmatch(args.type):
            raise UsageError("--type must be a media type like image/jpeg or audio/ogg")
        media_type = args.type.lower()
    else:
        media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    try:
        source = open(args.file, "rb")  # closed by the with below
    except OSError as error:
        raise UsageError(f"cannot open the file to attach: {error.strerror or 'error'}") from None
    with source:
        status = os.fstat(source.fileno())
        total = status.st_size if stat.S_ISREG(status.st_mode) else None
        with open_vault(args) as vault:
            info = _service(vault).attach(
                testimony_id, source, file_name=name, media_type=media_type, total=total
            )
    output.emit(f"attachment {info.id} added to {testimony_id}: {info.size} bytes")
    output.emit(f"sha256 {info.sha256}")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    testimony_id = parse_testimony_id(args.testimony)
    if not args.yes:
        raise UsageError(
            "delete removes the testimony with its revisions and attachments for good; "
            "add --yes to confirm"
        )
    with open_vault(args) as vault:
        _service(vault).delete_testimony(testimony_id)
    output.emit(f"Testimony {testimony_id} deleted with its revisions and attachments.")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        service = _service(vault)
        if not args.verify:
            output.print_audit(service.audit_entries(), as_json=args.json)
            return EXIT_OK
        check = service.verify_audit_log()
    if args.json:
        output.emit_json(
            {"entries": check.entries, "ok": check.ok, "first_broken_seq": check.first_broken_seq}
        )
    if check.first_broken_seq is not None:
        raise AuditLogBroken(check.first_broken_seq)
    if not args.json:
        output.emit(f"audit log verified: {check.entries} entries")
    return EXIT_OK
