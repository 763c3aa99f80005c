"""The bundle commands: keygen, fingerprint, recipients, senders, export, verify, open-bundle."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from testimony_app.cli import output
from testimony_app.cli.errors import EXIT_OK, UsageError
from testimony_app.cli.secrets_input import open_vault
from testimony_app.domain.ids import parse_testimony_id

if TYPE_CHECKING:
    from pyrage import x25519

    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault


def _records(vault: Vault) -> RecordService:
    from testimony_app.services.records import RecordService

    return RecordService(vault)


def _identity(path: str) -> x25519.Identity:
    from testimony_app.bundle.keys import read_identity_file

    return read_identity_file(Path(path))


def cmd_keygen(args: argparse.Namespace) -> int:
    from testimony_app.bundle.keys import write_identity_file

    target = Path(args.out)
    if target.exists() or target.is_symlink():
        raise UsageError("the identity file exists already; an old key may still open bundles")
    public = write_identity_file(target)
    output.emit(f"Public key: {public}")
    output.emit("Give this public key to researchers; keep the file secret and backed up.")
    return EXIT_OK


def cmd_fingerprint(args: argparse.Namespace) -> int:
    from testimony_app.services.keys import KeyService

    with open_vault(args) as vault:
        identity = KeyService(_records(vault)).signing_identity()
    output.emit(f"Signing key fingerprint: {identity.fingerprint}")
    output.emit("Read it aloud to an editor before they trust your bundles.")
    return EXIT_OK


def cmd_recipients(args: argparse.Namespace) -> int:
    from testimony_app.bundle.keys import fingerprint
    from testimony_app.services.keys import KeyService

    with open_vault(args) as vault:
        keys = KeyService(_records(vault))
        if args.action == "add":
            if not args.name or not args.key:
                raise UsageError("recipients add needs a NAME and an age public key")
            keys.add_recipient(args.name, args.key)
            output.emit(f"Added. Fingerprint: {fingerprint(args.key.strip())}")
        elif args.action == "remove":
            if not args.name:
                raise UsageError("recipients remove needs the age public key")
            if not keys.remove_recipient(args.name):
                raise UsageError("no recipient with this key")
        else:
            for recipient in keys.recipients():
                output.emit(
                    f"{output.safe_text(recipient.name)}\t{recipient.age_key}\t"
                    f"{fingerprint(recipient.age_key)}\t{recipient.added_at[:10]}"
                )
    return EXIT_OK


def cmd_senders(args: argparse.Namespace) -> int:
    from testimony_app.bundle.keys import fingerprint
    from testimony_app.services.keys import KeyService

    with open_vault(args) as vault:
        for sender in KeyService(_records(vault)).senders():
            output.emit(
                f"{output.safe_text(sender.name)}\t{fingerprint(sender.signing_key)}\t"
                f"{sender.added_at[:10]}"
            )
    return EXIT_OK


def _resolve_recipients(records: RecordService, given: list[str]) -> list[str]:
    """age1… keys as given, or names from the address book."""
    from testimony_app.services.keys import KeyService

    book = {r.name.casefold(): r.age_key for r in KeyService(records).recipients()}
    keys = []
    for item in given:
        text = item.strip()
        if text.startswith("age1"):
            keys.append(text)
        elif text.casefold() in book:
            keys.append(book[text.casefold()])
        else:
            raise UsageError(
                "a --recipient is neither an age public key nor a name in 'recipients'"
            )
    return keys


def cmd_export(args: argparse.Namespace) -> int:
    from testimony_app.services.export import ExportRequest, ExportService

    if not args.recipient:
        raise UsageError("an export needs at least one --recipient")
    if bool(args.all) == bool(args.ids):
        raise UsageError("give testimony IDs or --all (not both)")
    with open_vault(args) as vault:
        records = _records(vault)
        ids = (
            [summary.id for summary in records.list_testimonies()]
            if args.all
            else [parse_testimony_id(text) for text in args.ids]
        )
        request = ExportRequest(
            testimony_ids=ids,
            recipients=_resolve_recipients(records, args.recipient),
            out=Path(args.out),
            profile=args.profile,
            accept_automatic_redaction=args.accept_automatic_redaction,
            send_uncleaned=frozenset(args.send_uncleaned or ()),
        )
        written = ExportService(records).export(request)
    for bundle in written:
        output.emit(f"{bundle.path}\t{bundle.sha256}")
    return EXIT_OK


def _summary(opened: object) -> None:
    from testimony_app.services.bundles import OpenedBundle

    assert isinstance(opened, OpenedBundle)
    manifest = opened.manifest
    sender = output.safe_text(opened.sender_name) if opened.sender_name else "not trusted yet"
    output.emit(f"Bundle {manifest.bundle_id}, made {manifest.created}, profile {manifest.profile}")
    output.emit(f"Sender: {sender}; fingerprint {opened.sender_fingerprint}")
    output.emit(f"{opened.testimonies} testimonies, {opened.attachments} attachments, all verified")


def cmd_verify(args: argparse.Namespace) -> int:
    from testimony_app.services.bundles import BundleService

    identity = _identity(args.identity)
    with open_vault(args) as vault:
        opened = BundleService(_records(vault)).verify(Path(args.bundle), identity)
    _summary(opened)
    return EXIT_OK


def cmd_open_bundle(args: argparse.Namespace) -> int:
    from testimony_app.services.bundles import BundleService

    if args.do_import and args.extract:
        raise UsageError("--import and --extract go one at a time")
    if bool(args.trust) != bool(args.sender_name):
        raise UsageError("--trust FINGERPRINT goes with --sender-name NAME")
    identity = _identity(args.identity)
    with open_vault(args) as vault:
        service = BundleService(_records(vault))
        if args.do_import:
            trust = (args.trust, args.sender_name) if args.trust else None
            opened = service.import_bundle(Path(args.bundle), identity, trust=trust)
        elif args.extract:
            opened = service.extract(Path(args.bundle), identity, Path(args.extract))
        else:
            opened = service.verify(Path(args.bundle), identity)
    _summary(opened)
    if args.do_import:
        output.emit("Imported; browse it with the app's Open bundle window.")
    elif args.extract:
        output.emit("Extracted; the files are not encrypted there: delete them when done.")
    return EXIT_OK


def add_commands(command: object) -> None:
    """Register the bundle commands with main.py's `command(name, handler, text)`."""
    assert callable(command)
    keygen = command("keygen", cmd_keygen, "write a new age identity for an editor")
    keygen.add_argument("--out", required=True, metavar="FILE", help="the identity file to write")
    command("fingerprint", cmd_fingerprint, "show this vault's signing key fingerprint")
    recipients = command("recipients", cmd_recipients, "the editors this vault exports to")
    recipients.add_argument("action", nargs="?", choices=["list", "add", "remove"], default="list")
    recipients.add_argument("name", nargs="?", metavar="NAME|KEY")
    recipients.add_argument("key", nargs="?", metavar="AGE_KEY")
    command("senders", cmd_senders, "the researchers whose bundles this vault trusts")
    export = command("export", cmd_export, "write redacted, signed, encrypted bundles")
    export.add_argument(
        "--recipient", action="append", metavar="age1…|NAME", help="an editor (repeatable)"
    )
    export.add_argument("--profile", default="editor", choices=["editor", "public"])
    export.add_argument("--out", required=True, metavar="F.tbundle", help="the bundle to write")
    export.add_argument("--all", action="store_true", help="every testimony in the vault")
    export.add_argument("ids", nargs="*", metavar="T-ID")
    export.add_argument(
        "--accept-automatic-redaction",
        action="store_true",
        help="also export testimonies not marked reviewed, redacted automatically",
    )
    export.add_argument(
        "--send-uncleaned",
        action="append",
        type=int,
        metavar="ATTACHMENT",
        help="send this attachment (by its number in 'show') as it is, without a cleaner",
    )
    verify = command("verify", cmd_verify, "check a bundle without importing it")
    verify.add_argument("bundle", metavar="F.tbundle")
    verify.add_argument("--identity", required=True, metavar="FILE", help="your age identity")
    opener = command("open-bundle", cmd_open_bundle, "verify, then import or extract a bundle")
    opener.add_argument("bundle", metavar="F.tbundle")
    opener.add_argument("--identity", required=True, metavar="FILE", help="your age identity")
    opener.add_argument("--import", dest="do_import", action="store_true", help="into the vault")
    opener.add_argument("--extract", metavar="DIR", help="into a new or empty folder")
    opener.add_argument(
        "--trust", metavar="FINGERPRINT", help="trust the sender whose fingerprint this is"
    )
    opener.add_argument("--sender-name", metavar="NAME", help="who the trusted sender is")
