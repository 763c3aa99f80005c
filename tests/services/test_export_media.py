"""Attachments leave clean: a phone JPEG, a PNG with text chunks and a tagged MP3 go into a
bundle; none of their canaries is in any byte of it, and the pictures are the same pictures.
A PDF is refused unless the user sends it as it is."""

from __future__ import annotations

import io
import tarfile
from dataclasses import replace
from pathlib import Path

import pyrage
import pytest

from testimony_app.bundle.keys import read_identity_file, write_identity_file
from testimony_app.domain.records import Status
from testimony_app.services.export import ExportRefused, ExportRequest, ExportService, RefusalReason
from testimony_app.services.records import RecordService
from tests.helpers import canary
from tests.media import builders as b
from tests.media.test_jpeg_cleaning import phone_jpeg
from tests.services.sample_records import as_bytes, full_record


@pytest.fixture
def reviewed(records: RecordService) -> str:
    testimony_id = records.import_records(as_bytes(full_record()))[0].testimony_id
    testimony = records.get_testimony(testimony_id)
    records.save_testimony(testimony_id, replace(testimony.content, status=Status.REVIEWED))
    return testimony_id


def bundle_members(
    tmp_path: Path, records: RecordService, testimony_id: str, **kw: object
) -> dict[str, bytes]:
    key = tmp_path / "editor.key"
    public = write_identity_file(key)
    request = ExportRequest([testimony_id], [public], tmp_path / "a.tbundle", **kw)  # type: ignore[arg-type]
    [written] = ExportService(records).export(request)
    plain = pyrage.decrypt(written.path.read_bytes(), [read_identity_file(key)])
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        return {i.name: archive.extractfile(i).read() for i in archive.getmembers()}  # type: ignore[union-attr]


def test_pictures_and_sound_leave_without_their_metadata(
    tmp_path: Path, records: RecordService, reviewed: str
) -> None:
    names = ["gps", "serial", "make", "model", "makernote", "xmp", "thumb", "com", "iptc", "owner"]
    jpeg_canaries = {name: canary(name.upper()) for name in names}
    jpeg_canaries["date"] = "1999:12:31 23:59:58"
    jpeg_canaries["icc"] = "CANARYICC" + canary("")[-4:].upper()
    jpeg, upright = phone_jpeg(jpeg_canaries)
    png_canaries = [canary("PNGTEXT"), canary("PNGITXT"), canary("PNGZTXT")]
    picture = b.upright_picture((40, 30))
    png = b.insert_png_chunks(
        b.png_bytes(picture),
        [
            b.png_chunk(b"tEXt", b"Author\0" + png_canaries[0].encode()),
            b.png_chunk(b"iTXt", b"Location\0\0\0\0\0" + png_canaries[1].encode()),
        ],
        [b.png_chunk(b"tEXt", b"Comment\0" + png_canaries[2].encode())],
    )
    mp3_canaries = [canary("ARTIST"), canary("COMMENT")]
    frames = b"".join(b.mp3_frames(12))
    mp3 = (
        b.id3v2_tag(
            [
                b.id3v2_frame("TPE1", b.id3_text(mp3_canaries[0], encoding=3), version=4),
                b.id3v2_frame("COMM", b.id3_comment(mp3_canaries[1]), version=4),
            ],
            version=4,
        )
        + frames
        + b.id3v1_tag("title", mp3_canaries[0][:30], mp3_canaries[1][:28])
    )
    for name, data, kind in (
        ("IMG_0001.jpg", jpeg, "image/jpeg"),
        ("scan.png", png, "image/png"),
        ("voice.mp3", mp3, "audio/mpeg"),
    ):
        records.attach(reviewed, io.BytesIO(data), file_name=name, media_type=kind)
    members = bundle_members(tmp_path, records, reviewed)
    everything = b"".join(members.values())
    for text in [*jpeg_canaries.values(), *png_canaries, *mp3_canaries, "IMG_0001", "voice.mp3"]:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert text.encode(encoding) not in everything, text
    attachments = {name: data for name, data in members.items() if name.startswith("attachments/")}
    assert sorted(name.rsplit(".", 1)[1] for name in attachments) == ["jpg", "mp3", "png"]
    by_ext = {name.rsplit(".", 1)[1]: data for name, data in attachments.items()}
    assert b.mean_difference(b.decoded(by_ext["jpg"]), upright) < 8  # upright, same picture
    assert b.decoded(by_ext["png"]).tobytes() == picture.tobytes()  # lossless: identical
    assert by_ext["mp3"] == frames  # the sound, byte for byte, without any tag


def test_a_format_without_a_cleaner_is_refused_unless_sent_as_it_is(
    tmp_path: Path, records: RecordService, reviewed: str
) -> None:
    pdf = b"%PDF-1.4\n1 0 obj<</Author(" + canary("PDFAUTHOR").encode() + b")>>endobj\n%%EOF\n"
    info = records.attach(
        reviewed, io.BytesIO(pdf), file_name="report.pdf", media_type="application/pdf"
    )
    key = tmp_path / "k"
    public = write_identity_file(key)
    with pytest.raises(ExportRefused) as refused:
        ExportService(records).export(ExportRequest([reviewed], [public], tmp_path / "a.tbundle"))
    assert [(r.reason, r.attachment_id) for r in refused.value.refusals] == [
        (RefusalReason.NO_CLEANER, info.id)
    ]
    assert not (tmp_path / "a.tbundle").exists()
    (tmp_path / "second").mkdir()
    members = bundle_members(
        tmp_path / "second", records, reviewed, send_uncleaned=frozenset({info.id})
    )
    [sent] = [data for name, data in members.items() if name.startswith("attachments/")]
    assert sent == pdf  # the user chose to send it as it is


def _tagged_mp3() -> tuple[bytes, bytes]:
    frames = b"".join(b.mp3_frames(12))
    tag = b.id3v2_tag([b.id3v2_frame("TPE1", b.id3_text(canary("ARTIST"), encoding=3), version=4)])
    return tag + frames + b.id3v1_tag("t", "a", "c"), frames


def _set_plan(records: RecordService, attachment_id: int, plan: str | None) -> None:
    with records.vault.transaction() as connection:
        connection.execute(
            "UPDATE attachment_cleaned SET plan = ? WHERE attachment_id = ?", (plan, attachment_id)
        )


def _stored_plan(records: RecordService, attachment_id: int) -> str | None:
    with records.vault.reading() as connection:
        row = connection.execute(
            "SELECT plan FROM attachment_cleaned WHERE attachment_id = ?", (attachment_id,)
        ).fetchone()
    return row[0]


def test_sound_is_cut_from_the_original_by_the_plan_kept_when_it_was_attached(
    tmp_path: Path, records: RecordService, reviewed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from testimony_app.media import plan as media_plan
    from testimony_app.services import attachment_cleaning

    mp3, frames = _tagged_mp3()
    info = records.attach(reviewed, io.BytesIO(mp3), file_name="v.mp3", media_type="audio/mpeg")
    stored = _stored_plan(records, info.id)
    assert stored and media_plan.decode(stored) is not None

    def no_cleaning(*args: object, **kwargs: object) -> None:
        raise AssertionError("the export parsed the file again")

    with monkeypatch.context() as patched:
        patched.setattr(attachment_cleaning.media, "clean_stream", no_cleaning)
        members = bundle_members(tmp_path, records, reviewed)
    [sound] = [data for name, data in members.items() if name.endswith(".mp3")]
    assert sound == frames

    # Measured before plans were kept (schema step 8): cleaned again, and the plan kept now.
    _set_plan(records, info.id, None)
    (tmp_path / "again").mkdir()
    members = bundle_members(tmp_path / "again", records, reviewed)
    assert [data for name, data in members.items() if name.endswith(".mp3")] == [frames]
    assert _stored_plan(records, info.id) == stored

    # A damaged plan is not followed: the file is cleaned as it streams.
    _set_plan(records, info.id, "[[0,")
    (tmp_path / "damaged").mkdir()
    members = bundle_members(tmp_path / "damaged", records, reviewed)
    assert [data for name, data in members.items() if name.endswith(".mp3")] == [frames]


def test_a_plan_that_would_keep_the_tags_fails_the_hash_and_writes_nothing(
    tmp_path: Path, records: RecordService, reviewed: str
) -> None:
    from testimony_app.bundle.writer import MemberChanged

    mp3, _ = _tagged_mp3()
    info = records.attach(reviewed, io.BytesIO(mp3), file_name="v.mp3", media_type="audio/mpeg")
    _set_plan(records, info.id, f"[[0,{len(mp3)}]]")  # the whole file, tags and all
    out = tmp_path / "out"
    out.mkdir()
    public = write_identity_file(tmp_path / "k")
    with pytest.raises(MemberChanged):
        ExportService(records).export(ExportRequest([reviewed], [public], out / "a.tbundle"))
    assert list(out.iterdir()) == []
