"""Export from a researcher's vault to two editors, who verify and import: aliases, gates,
replay, trust, the reference age tool, and nothing identifying in any byte of the bundle."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pyrage
import pytest

from testimony_app.bundle.keys import read_identity_file, write_identity_file
from testimony_app.bundle.reader import BundleProblem, BundleRejected
from testimony_app.domain.records import Consent, Status
from testimony_app.redaction.engine import Redactor
from testimony_app.redaction.profiles import load_profile
from testimony_app.services.bundles import BundleService, DestinationNotEmpty, UnknownSender
from testimony_app.services.export import (
    ExportRefused,
    ExportRequest,
    ExportService,
    RefusalReason,
)
from testimony_app.services.keys import KeyService
from testimony_app.services.records import RecordService
from testimony_app.vault import records_repository
from tests.conftest import make_vault
from tests.services.sample_records import as_bytes, full_record

CANARY = "Qx7Canary"


@dataclass
class Editor:
    identity_file: Path
    public_key: str
    records: RecordService

    @property
    def bundles(self) -> BundleService:
        return BundleService(self.records)


@pytest.fixture
def editors(tmp_path: Path) -> Iterator[list[Editor]]:
    made = []
    for name in ("editor-a", "editor-b"):
        key_file = tmp_path / f"{name}.key"
        public = write_identity_file(key_file)
        vault = make_vault(tmp_path / f"{name}-vault").open()
        made.append(Editor(key_file, public, RecordService(vault)))
    yield made
    for editor in made:
        editor.records.vault.close()


@pytest.fixture
def researcher(tmp_path: Path) -> Iterator[RecordService]:
    # The vault's own path carries a canary: it must not reach the bundle either.
    vault = make_vault(tmp_path / f"field-{CANARY}-path").open()
    yield RecordService(vault)
    vault.close()


def seed(records: RecordService, count: int = 2) -> list[str]:
    ids = []
    for number in range(count):
        record = full_record(canary=f"{CANARY}{number}")
        record["narrative"] += f" Samer Haddoun{' ' + CANARY + str(number)} was taken at night."
        ids.append(records.import_records(as_bytes(record))[0].testimony_id)
    return ids


def review_all(records: RecordService, ids: list[str]) -> None:
    for testimony_id in ids:
        testimony = records.get_testimony(testimony_id)
        records.save_testimony(testimony_id, replace(testimony.content, status=Status.REVIEWED))


def export(records: RecordService, out: Path, recipients: list[str], ids: list[str], **kw: object):  # type: ignore[no-untyped-def]
    request = ExportRequest(testimony_ids=ids, recipients=recipients, out=out, **kw)  # type: ignore[arg-type]
    return ExportService(records).export(request)


def trust_of(records: RecordService) -> tuple[str, str]:
    return KeyService(records).signing_identity().fingerprint, "Field team 3"


def test_round_trip_to_two_editors(
    tmp_path: Path, researcher: RecordService, editors: list[Editor]
) -> None:
    ids = seed(researcher)
    attachment = b"fictional notes from the visit\n"
    researcher.attach(
        ids[0], io.BytesIO(attachment), file_name="notes.txt", media_type="text/plain"
    )
    review_all(researcher, ids)
    written = export(researcher, tmp_path / "out.tbundle", [e.public_key for e in editors], ids)
    assert [w.path.name for w in written] == [f"out.{e.public_key[4:12]}.tbundle" for e in editors]
    aliases_seen = []
    for editor, bundle in zip(editors, written, strict=True):
        identity = read_identity_file(editor.identity_file)
        with pytest.raises(UnknownSender) as unknown:
            editor.bundles.import_bundle(bundle.path, identity)
        assert unknown.value.fingerprint == trust_of(researcher)[0]
        assert editor.bundles.received() == []
        opened = editor.bundles.import_bundle(bundle.path, identity, trust=trust_of(researcher))
        assert opened.testimonies == 2 and opened.attachments == 1
        [received] = editor.bundles.received()
        imported = editor.bundles.imported_records(received.bundle_id)
        assert len(imported) == 2
        witness_aliases = {record["witness"]["id"] for _, record in imported}
        aliases_seen.append(witness_aliases)
        # The content is the redacted original.
        by_narrative = {record["narrative"]: record for _, record in imported}
        redactor = Redactor(load_profile("editor"))
        for testimony_id in ids:
            testimony = researcher.get_testimony(testimony_id)
            with researcher.vault.reading() as connection:
                identity_details = records_repository.get_identity(connection, testimony.witness_id)
            expected = redactor.redact_testimony(testimony.content, identity=identity_details)
            record = by_narrative[expected.record["narrative"]]
            assert record["incidents"] == expected.record["incidents"]
            assert "identity" not in record["witness"]
        with_file = next(r for _, r in imported if r["attachments"])
        [entry] = with_file["attachments"]
        assert editor.bundles.imported_file(received.bundle_id, entry["path"]) == attachment
        # Opening the same bundle again is a replay.
        with pytest.raises(BundleRejected) as replayed:
            editor.bundles.import_bundle(bundle.path, identity)
        assert replayed.value.problem is BundleProblem.REPLAYED
    # Both witnesses got aliases; the two editors see different ones.
    assert all(len(seen) == 2 for seen in aliases_seen)
    assert aliases_seen[0].isdisjoint(aliases_seen[1])

    # A second export to the first editor reuses that editor's aliases.
    [again] = export(researcher, tmp_path / "again.tbundle", [editors[0].public_key], ids)
    identity = read_identity_file(editors[0].identity_file)
    editors[0].bundles.import_bundle(again.path, identity)
    second = next(b for b in editors[0].bundles.received() if b.bundle_id != received.bundle_id)
    assert {
        r["witness"]["id"] for _, r in editors[0].bundles.imported_records(second.bundle_id)
    } == (aliases_seen[0])
    # The export is in the researcher's audit log, with the bundle's hash.
    exported = [e for e in researcher.audit_entries() if e.action == "export.written"]
    assert len(exported) == 3 and again.sha256 in (exported[-1].detail or "")


def test_gates_refuse_and_write_nothing(
    tmp_path: Path, researcher: RecordService, editors: list[Editor]
) -> None:
    ids = seed(researcher)
    recipient = [editors[0].public_key]
    with pytest.raises(ExportRefused) as not_reviewed:
        export(researcher, tmp_path / "a.tbundle", recipient, ids)
    assert {r.reason for r in not_reviewed.value.refusals} == {RefusalReason.NOT_REVIEWED}
    testimony = researcher.get_testimony(ids[1])
    researcher.save_testimony(ids[1], replace(testimony.content, consent=Consent(recorded=True)))
    with pytest.raises(ExportRefused) as no_consent:
        export(researcher, tmp_path / "a.tbundle", recipient, ids, accept_automatic_redaction=True)
    assert [(r.testimony_id, r.reason) for r in no_consent.value.refusals] == [
        (ids[1], RefusalReason.NOT_SHARED_WITH_EDITORS)
    ]
    # Deselecting it lets the rest go.
    [written] = export(
        researcher, tmp_path / "a.tbundle", recipient, ids[:1], accept_automatic_redaction=True
    )
    assert written.path.exists()
    review_all(researcher, ids[:1])
    testimony = researcher.get_testimony(ids[0])
    no_publication = replace(testimony.content.consent, publish_anonymised=False)
    researcher.save_testimony(ids[0], replace(testimony.content, consent=no_publication))
    with pytest.raises(ExportRefused) as public:
        export(researcher, tmp_path / "b.tbundle", recipient, ids[:1], profile="public")
    assert [r.reason for r in public.value.refusals] == [RefusalReason.NOT_FOR_PUBLICATION]
    assert sorted(p.name for p in tmp_path.glob("*.tbundle")) == ["a.tbundle"]


def test_the_reference_age_tool_reads_the_bundle(
    tmp_path: Path, researcher: RecordService, editors: list[Editor]
) -> None:
    if shutil.which("age") is None or shutil.which("tar") is None:
        pytest.skip("Debian's age and tar are not installed (the Makefile installs them in CI)")
    ids = seed(researcher, 1)
    review_all(researcher, ids)
    [written] = export(researcher, tmp_path / "a.tbundle", [editors[0].public_key], ids)
    plain = subprocess.run(
        ["age", "-d", "-i", str(editors[0].identity_file), str(written.path)],
        check=True,
        capture_output=True,
    ).stdout
    listing = subprocess.run(["tar", "-t"], input=plain, check=True, capture_output=True)
    names = listing.stdout.decode().split()
    assert names[:2] == ["manifest.json", "manifest.sig"]
    out = tmp_path / "extracted"
    out.mkdir()
    subprocess.run(["tar", "-x", "-C", str(out)], input=plain, check=True)
    manifest = json.loads((out / "manifest.json").read_text())
    assert [m["path"] for m in manifest["members"]] == names[2:]
    for member in manifest["members"]:
        sha = subprocess.run(
            ["sha256sum", str(out / member["path"])], check=True, capture_output=True
        ).stdout.split()[0]
        assert sha.decode() == member["sha256"]


def test_nothing_identifying_in_any_byte_of_the_bundle(
    tmp_path: Path,
    researcher: RecordService,
    editors: list[Editor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import getpass
    import socket

    for variable in ("USER", "LOGNAME", "USERNAME"):
        monkeypatch.setenv(variable, f"user{CANARY}")
    ids = seed(researcher)
    review_all(researcher, ids)
    [written] = export(researcher, tmp_path / "a.tbundle", [editors[0].public_key], ids)
    plain = pyrage.decrypt(
        written.path.read_bytes(), [read_identity_file(editors[0].identity_file)]
    )
    needles = [CANARY, getpass.getuser()]
    host = socket.gethostname()
    if len(host) >= 6:
        needles.append(host)
    for needle in needles:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert needle.encode(encoding) not in plain, (needle, encoding)
        assert needle.lower().encode() not in plain.lower()
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        assert all(i.uname == "" and i.gname == "" and i.mtime == 0 for i in archive.getmembers())
    # The researcher's own IDs never appear either: only per-recipient aliases.
    for testimony_id in ids:
        testimony = researcher.get_testimony(testimony_id)
        assert testimony_id.encode() not in plain
        assert testimony.witness_id.encode() not in plain


def test_extract_puts_files_only_in_a_new_folder(
    tmp_path: Path, researcher: RecordService, editors: list[Editor]
) -> None:
    ids = seed(researcher, 1)
    review_all(researcher, ids)
    [written] = export(researcher, tmp_path / "a.tbundle", [editors[0].public_key], ids)
    identity = read_identity_file(editors[0].identity_file)
    target = tmp_path / "out"
    opened = editors[0].bundles.extract(written.path, identity, target)
    files = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert files == sorted(
        ["manifest.json", "manifest.sig"] + [m.path for m in opened.manifest.members]
    )
    for member in opened.manifest.members:
        assert hashlib.sha256((target / member.path).read_bytes()).hexdigest() == member.sha256
    with pytest.raises(DestinationNotEmpty):
        editors[0].bundles.extract(written.path, identity, target)
    # A damaged bundle leaves no folder behind.
    damaged = tmp_path / "damaged.tbundle"
    data = bytearray(written.path.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    with pytest.raises(BundleRejected):
        editors[0].bundles.extract(damaged, identity, tmp_path / "out2")
    assert not (tmp_path / "out2").exists()


def test_a_full_disk_while_extracting_is_told_as_such_and_leaves_no_folder(
    tmp_path: Path,
    researcher: RecordService,
    editors: list[Editor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    from testimony_app.services import bundles as bundles_module

    ids = seed(researcher, 1)
    review_all(researcher, ids)
    [written] = export(researcher, tmp_path / "a.tbundle", [editors[0].public_key], ids)
    identity = read_identity_file(editors[0].identity_file)

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bundles_module.fsutil, "write_all", full)
    with pytest.raises(OSError) as caught:
        editors[0].bundles.extract(written.path, identity, tmp_path / "out")
    assert not isinstance(caught.value, BundleRejected)  # the disk, not the bundle
    assert caught.value.errno == errno.ENOSPC
    assert not (tmp_path / "out").exists()


def test_a_rejected_bundle_imports_nothing(
    tmp_path: Path, researcher: RecordService, editors: list[Editor]
) -> None:
    from testimony_app.bundle import keys
    from testimony_app.bundle.writer import bytes_member, write_bundle
    from testimony_app.vault import bundle_repository

    ids = seed(researcher, 1)
    review_all(researcher, ids)
    [written] = export(researcher, tmp_path / "a.tbundle", [editors[0].public_key], ids)
    identity = read_identity_file(editors[0].identity_file)
    data = bytearray(written.path.read_bytes())
    data[-200] ^= 1  # in the last chunk: everything before it was streamed in already
    damaged = tmp_path / "damaged.tbundle"
    damaged.write_bytes(bytes(data))
    with pytest.raises(BundleRejected) as caught:
        editors[0].bundles.import_bundle(damaged, identity, trust=trust_of(researcher))
    assert caught.value.problem is BundleProblem.DAMAGED

    def table_counts() -> list[int]:
        with editors[0].records.vault.reading() as connection:
            return [
                connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in (
                    "received_bundles",
                    "imported_testimonies",
                    "imported_files",
                    "imported_file_chunks",
                    "trusted_senders",
                )
            ]

    assert table_counts() == [0, 0, 0, 0, 0]
    # A signed, well-formed bundle whose testimony is JSON nested 100,000 deep.
    with researcher.vault.transaction() as connection:
        signing_key = bundle_repository.secret(connection, bundle_repository.SIGNING_KEY, "x")
    deep = b"[" * 100_000 + b"]" * 100_000
    hostile = tmp_path / "deep.tbundle"
    write_bundle(
        hostile,
        [bytes_member("testimonies/T-ABCD-EFGH-1.json", deep)],
        recipients=[editors[0].public_key],
        signing_key=signing_key,
        bundle_id="0123456789ABCDEFGHJKMNPQRS",
        created="2026-12-01",
        profile="editor",
        counter=99,
    )
    with pytest.raises(BundleRejected) as caught:
        editors[0].bundles.import_bundle(hostile, identity, trust=trust_of(researcher))
    assert caught.value.problem is BundleProblem.CONTENT_INVALID
    assert table_counts() == [0, 0, 0, 0, 0]
    assert keys.fingerprint(keys.public_of(signing_key)) == trust_of(researcher)[0]


def test_an_export_to_several_editors_is_all_or_nothing(
    tmp_path: Path, researcher: RecordService, editors: list[Editor]
) -> None:
    import threading

    from testimony_app.bundle.writer import ExportCancelled
    from testimony_app.services.export import output_paths

    ids = seed(researcher, 1)
    review_all(researcher, ids)
    researcher.attach(
        ids[0], io.BytesIO(b"notes\n" * 200_000), file_name="n.txt", media_type="text/plain"
    )
    recipients = [e.public_key for e in editors]
    first, _second = output_paths(tmp_path / "out.tbundle", recipients)
    cancel = threading.Event()
    seen_first = []

    def progress(done: int, total: int | None) -> None:
        if first.exists():  # the first bundle is complete: cancel the second half-way
            seen_first.append(True)
            cancel.set()

    with pytest.raises(ExportCancelled):
        ExportService(researcher).export(
            ExportRequest(ids, recipients, tmp_path / "out.tbundle"),
            progress=progress,
            cancel=cancel,
        )
    assert seen_first and list(tmp_path.glob("*.tbundle")) == []
    actions = [e.action for e in researcher.audit_entries()]
    assert actions.count("export.written") == 1 and actions.count("export.withdrawn") == 1
