"""The bundle format, written and read: round trip, standard tar inside, and every tampering
the issue lists rejected with its typed error before anything is handed on as verified."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from testimony_app.bundle import keys
from testimony_app.bundle.manifest import Manifest, Member
from testimony_app.bundle.reader import BundleProblem, BundleRejected, read_bundle
from testimony_app.bundle.ustar import END_OF_ARCHIVE, member_header, padding
from testimony_app.bundle.writer import (
    ExportCancelled,
    MemberChanged,
    OutMember,
    bytes_member,
    write_bundle,
)

TESTIMONY = "testimonies/T-ABCD-EFGH-1.json"
ATTACHMENT = "attachments/T-ABCD-EFGH-1/1.jpg"


class CollectingSink:
    def __init__(self) -> None:
        self.files: dict[str, bytearray] = {}
        self.ended: list[str] = []

    def begin(self, path: str, size: int) -> None:
        self.files[path] = bytearray()

    def write(self, data: bytes) -> None:
        self.files[next(reversed(self.files))] += data

    def end(self, path: str) -> None:
        self.ended.append(path)


@pytest.fixture
def editor() -> x25519.Identity:
    return x25519.Identity.generate()


@pytest.fixture
def signing_key() -> bytes:
    return keys.new_signing_key()


def members() -> list[OutMember]:
    return [
        bytes_member(TESTIMONY, json.dumps({"narrative": "[PERSON-1] fled."}).encode()),
        bytes_member(ATTACHMENT, bytes(range(256)) * 5000),
        bytes_member("report.html", b"<!doctype html><p>report</p>"),
        bytes_member("redaction-log.json", b"{}"),
    ]


def write(
    path: Path,
    editor: x25519.Identity,
    signing_key: bytes,
    contents: list[OutMember] | None = None,
    **changes: object,
) -> Path:
    options: dict[str, object] = {
        "recipients": [str(editor.to_public())],
        "signing_key": signing_key,
        "bundle_id": "0123456789ABCDEFGHJKMNPQRS",
        "created": "2026-12-01",
        "profile": "editor",
        "counter": 1,
    }
    options.update(changes)
    write_bundle(path, members() if contents is None else contents, **options)  # type: ignore[arg-type]
    return path


def read(path: Path, editor: x25519.Identity) -> tuple[Manifest, CollectingSink]:
    sink = CollectingSink()
    with path.open("rb") as handle:
        manifest = read_bundle(handle, editor, sink)
    return manifest, sink


def rejected(path: Path, editor: x25519.Identity) -> BundleProblem:
    with pytest.raises(BundleRejected) as caught:
        read(path, editor)
    return caught.value.problem


def test_round_trip_and_a_standard_tar_inside(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    bundle = write(tmp_path / "a.tbundle", editor, signing_key)
    manifest, sink = read(bundle, editor)
    assert [m.path for m in manifest.members] == [m.path for m in members()]
    assert {path: bytes(data) for path, data in sink.files.items()} == {
        m.path: b"".join(m.chunks()) for m in members()
    }
    assert manifest.sender_key == keys.public_of(signing_key)
    plain = pyrage.decrypt(bundle.read_bytes(), [editor])
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        infos = archive.getmembers()
        assert [i.name for i in infos][:2] == ["manifest.json", "manifest.sig"]
        assert all(i.isreg() and i.uname == "" and i.uid == 0 and i.mtime == 0 for i in infos)
        listed = json.loads(archive.extractfile("manifest.json").read())  # type: ignore[union-attr]
        for entry in listed["members"]:
            data = archive.extractfile(entry["path"]).read()  # type: ignore[union-attr]
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]


def test_a_bundle_for_someone_else(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    bundle = write(tmp_path / "a.tbundle", editor, signing_key)
    assert rejected(bundle, x25519.Identity.generate()) is BundleProblem.NOT_FOR_THIS_KEY
    (tmp_path / "junk").write_bytes(b"not a bundle at all" * 10)
    assert rejected(tmp_path / "junk", editor) is BundleProblem.NOT_AN_AGE_FILE


@pytest.mark.parametrize("where", ["header", "middle", "last chunk", "truncated"])
def test_flipped_or_missing_bytes(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes, where: str
) -> None:
    bundle = write(tmp_path / "a.tbundle", editor, signing_key)
    data = bytearray(bundle.read_bytes())
    if where == "header":
        data[data.index(b"\n-> X25519 ") + 20] ^= 0x01
    elif where == "middle":
        data[len(data) // 2] ^= 0x01
    elif where == "last chunk":
        data[-5] ^= 0x01
    else:
        del data[-1000:]
    bundle.write_bytes(bytes(data))
    problem = rejected(bundle, editor)
    expected = {
        "header": {BundleProblem.NOT_FOR_THIS_KEY, BundleProblem.NOT_AN_AGE_FILE},
        "middle": {BundleProblem.DAMAGED},
        "last chunk": {BundleProblem.DAMAGED},
        "truncated": {BundleProblem.DAMAGED},
    }[where]
    assert problem in expected


def test_a_signed_tar_re_encrypted_to_another_recipient(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    bundle = write(tmp_path / "a.tbundle", editor, signing_key)
    plain = pyrage.decrypt(bundle.read_bytes(), [editor])
    thief = x25519.Identity.generate()
    (tmp_path / "b.tbundle").write_bytes(pyrage.encrypt(plain, [thief.to_public()]))
    assert rejected(tmp_path / "b.tbundle", thief) is BundleProblem.NOT_LISTED_FOR_THIS_KEY


# --- hand-made archives: a valid, signed manifest, then whatever the test wants -----------------


def manifest_for(entries: list[tuple[str, bytes]], editor: x25519.Identity, key: bytes) -> bytes:
    return Manifest(
        bundle_id="0123456789ABCDEFGHJKMNPQRS",
        created="2026-12-01",
        profile="editor",
        sender_key=keys.public_of(key),
        recipients=(str(editor.to_public()),),
        counter=1,
        members=tuple(
            Member(name, len(data), hashlib.sha256(data).hexdigest()) for name, data in entries
        ),
    ).to_bytes()


def ustar(name: str, data: bytes) -> bytes:
    return member_header(name, len(data), 0) + data + padding(len(data))


def crafted(
    path: Path,
    editor: x25519.Identity,
    key: bytes,
    listed: list[tuple[str, bytes]],
    body: bytes,
    *,
    manifest: bytes | None = None,
) -> Path:
    manifest = manifest if manifest is not None else manifest_for(listed, editor, key)
    tar = ustar("manifest.json", manifest) + ustar("manifest.sig", keys.sign(key, manifest))
    path.write_bytes(pyrage.encrypt(tar + body + END_OF_ARCHIVE, [editor.to_public()]))
    return path


def python_tar(entry: tuple[tarfile.TarInfo, bytes]) -> bytes:
    """An entry as Python's tarfile writes it (links, devices, bad names), header and data."""
    info, data = entry
    return info.tobuf(format=tarfile.USTAR_FORMAT) + data + padding(len(data))


def _file(name: str, data: bytes = b"x") -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def _special(name: str, kind: bytes, target: str = "") -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    if kind in (tarfile.CHRTYPE, tarfile.BLKTYPE):
        info.devmajor, info.devminor = 1, 3
    return info, b""


def test_the_manifest_must_list_every_member_and_nothing_more(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    testimony = (TESTIMONY, b"{}")
    extra = ("report.html", b"<p>")
    omits = crafted(
        tmp_path / "omits", editor, signing_key, [testimony], ustar(*testimony) + ustar(*extra)
    )
    assert rejected(omits, editor) is BundleProblem.UNLISTED_MEMBER
    adds = crafted(tmp_path / "adds", editor, signing_key, [testimony, extra], ustar(*testimony))
    assert rejected(adds, editor) is BundleProblem.MISSING_MEMBER
    changed = crafted(
        tmp_path / "changed", editor, signing_key, [testimony], ustar(TESTIMONY, b"[]")
    )
    assert rejected(changed, editor) is BundleProblem.HASH_MISMATCH
    longer = crafted(
        tmp_path / "longer", editor, signing_key, [testimony], ustar(TESTIMONY, b"{ }")
    )
    assert rejected(longer, editor) is BundleProblem.SIZE_MISMATCH
    twice = crafted(
        tmp_path / "twice", editor, signing_key, [testimony], ustar(*testimony) + ustar(*testimony)
    )
    assert rejected(twice, editor) is BundleProblem.DUPLICATE_MEMBER


@pytest.mark.parametrize(
    "entry",
    [
        _file("../x"),
        _file("/etc/passwd"),
        _file("testimonies/../../x.json"),
        _special("testimonies/T-ABCD-EFGH-1.json", tarfile.SYMTYPE, "/etc/passwd"),
        _special("testimonies/T-ABCD-EFGH-1.json", tarfile.LNKTYPE, "manifest.json"),
        _special("testimonies/T-ABCD-EFGH-1.json", tarfile.CHRTYPE),
        _special("testimonies", tarfile.DIRTYPE),
        _special("report.html", tarfile.FIFOTYPE),
    ],
    ids=[
        "dotdot",
        "absolute",
        "inner dotdot",
        "symlink",
        "hard link",
        "device",
        "directory",
        "fifo",
    ],
)
def test_unsafe_archive_members(
    tmp_path: Path,
    editor: x25519.Identity,
    signing_key: bytes,
    entry: tuple[tarfile.TarInfo, bytes],
) -> None:
    bundle = crafted(tmp_path / "b", editor, signing_key, [(TESTIMONY, b"{}")], python_tar(entry))
    assert rejected(bundle, editor) is BundleProblem.TAR


def test_a_ten_gigabyte_declared_size(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    header = bytearray(member_header(ATTACHMENT, 0, 0))
    header[124:136] = b"\x80" + (10 * 10**9).to_bytes(11, "big")  # base-256, as GNU tar writes
    header[148:156] = b" " * 8
    header[148:156] = f"{sum(header):06o}".encode() + b"\0 "
    listed = crafted(tmp_path / "b", editor, signing_key, [(ATTACHMENT, b"")], bytes(header))
    assert rejected(listed, editor) is BundleProblem.TAR
    too_big = Manifest(
        bundle_id="0123456789ABCDEFGHJKMNPQRS",
        created="2026-12-01",
        profile="editor",
        sender_key=keys.public_of(signing_key),
        recipients=(str(editor.to_public()),),
        counter=1,
        members=(Member(ATTACHMENT, 10 * 10**9, "0" * 64),),
    ).to_bytes()
    declared = crafted(tmp_path / "c", editor, signing_key, [], b"", manifest=too_big)
    assert rejected(declared, editor) is BundleProblem.MANIFEST_INVALID


def test_a_manifest_nested_a_hundred_thousand_deep(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    deep = b'{"members":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    bundle = crafted(tmp_path / "b", editor, signing_key, [], b"", manifest=deep)
    assert rejected(bundle, editor) is BundleProblem.MANIFEST_INVALID


def test_a_forged_or_missing_signature(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    manifest = manifest_for([(TESTIMONY, b"{}")], editor, signing_key)
    other = keys.new_signing_key()
    tar = ustar("manifest.json", manifest) + ustar("manifest.sig", keys.sign(other, manifest))
    (tmp_path / "b").write_bytes(
        pyrage.encrypt(tar + ustar(TESTIMONY, b"{}") + END_OF_ARCHIVE, [editor.to_public()])
    )
    assert rejected(tmp_path / "b", editor) is BundleProblem.SIGNATURE_INVALID
    no_sig = ustar("manifest.json", manifest) + ustar(TESTIMONY, b"{}") + END_OF_ARCHIVE
    (tmp_path / "c").write_bytes(pyrage.encrypt(no_sig, [editor.to_public()]))
    assert rejected(tmp_path / "c", editor) is BundleProblem.MANIFEST_FIRST
    first = ustar(TESTIMONY, b"{}") + ustar("manifest.json", manifest) + END_OF_ARCHIVE
    (tmp_path / "d").write_bytes(pyrage.encrypt(first, [editor.to_public()]))
    assert rejected(tmp_path / "d", editor) is BundleProblem.MANIFEST_FIRST


def test_nothing_is_handed_on_past_a_rejected_header(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    good = (TESTIMONY, b"{}")
    bundle = crafted(
        tmp_path / "b",
        editor,
        signing_key,
        [good],
        ustar(*good) + python_tar(_file("../x", b"EVIL")),
    )
    sink = CollectingSink()
    with pytest.raises(BundleRejected), bundle.open("rb") as handle:
        read_bundle(handle, editor, sink)
    assert list(sink.files) == [TESTIMONY]
    assert all(b"EVIL" not in data for data in sink.files.values())


def test_a_member_that_changes_while_written_aborts_and_cancel_leaves_no_file(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    import threading

    liar = OutMember(TESTIMONY, 2, hashlib.sha256(b"{}").hexdigest(), lambda: (b"[]",))
    with pytest.raises(MemberChanged):
        write(tmp_path / "a.tbundle", editor, signing_key, [liar])
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelled):
        write(tmp_path / "b.tbundle", editor, signing_key, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def _writer_threads() -> list[str]:
    import threading

    return [t.name for t in threading.enumerate() if t.name.startswith("bundle-")]


def test_a_full_disk_stops_the_bundle_with_its_error_and_leaves_no_file(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from testimony_app.bundle import writer

    written = [0]
    real_write_all = writer.fsutil.write_all

    def filling_up(fd: int, data: bytes) -> None:
        written[0] += len(data)
        if written[0] > 200_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write_all(fd, data)

    monkeypatch.setattr(writer.fsutil, "write_all", filling_up)
    with pytest.raises(OSError) as caught:
        write(tmp_path / "a.tbundle", editor, signing_key)
    assert caught.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []
    assert _writer_threads() == []


def test_an_error_reading_a_member_stops_every_stage(
    tmp_path: Path, editor: x25519.Identity, signing_key: bytes
) -> None:
    def failing() -> Iterator[bytes]:
        yield b"x" * 100_000
        raise ValueError("the vault went away")

    bad = OutMember(ATTACHMENT, 300_000, "0" * 64, failing)
    with pytest.raises(ValueError, match="went away"):
        write(tmp_path / "a.tbundle", editor, signing_key, [*members()[:1], bad])
    assert list(tmp_path.iterdir()) == []
    assert _writer_threads() == []
