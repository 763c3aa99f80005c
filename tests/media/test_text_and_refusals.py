"""Plain text passes; documents, video and unknown bytes are refused; content decides the kind."""

from __future__ import annotations

import codecs
import io
import random
import struct
import zipfile

import pytest

from testimony_app.media import (
    Change,
    MediaKind,
    Mismatch,
    NoCleaner,
    RefusalReason,
    Removed,
    can_clean,
    clean_attachment,
    identify,
)
from tests.media import builders as b

ARABIC = "شهادة الشاهد: رأيت الجنود عند البوابة.\r\nالسطر الثاني\n"


def test_utf8_text_passes_through_unchanged() -> None:
    data = ARABIC.encode()
    result = clean_attachment(data, "text/plain", "notes.txt")
    assert result.data == data
    assert result.kind is MediaKind.TEXT and result.media_type == "text/plain"
    assert result.changes == {Change.PASSED_THROUGH}


def test_a_byte_order_mark_is_removed() -> None:
    result = clean_attachment(codecs.BOM_UTF8 + ARABIC.encode(), "text/plain", "notes.txt")
    assert result.data == ARABIC.encode()
    assert Removed.BYTE_ORDER_MARK in result.removed
    assert result.bytes_removed == 3


def test_long_text_is_checked_to_its_end() -> None:
    data = ("a line of text\n" * 200_000).encode() + b"\x00binary"
    with pytest.raises(NoCleaner) as caught:
        clean_attachment(data, "text/plain", "notes.txt")
    assert caught.value.kind is MediaKind.UNKNOWN


@pytest.mark.parametrize(
    "data",
    [
        b"text with an escape \x1b[31m",
        b"\xc3\x28 invalid utf-8",
        "unfinished \u00e9".encode()[:-1],
    ],
)
def test_what_is_not_text_is_refused(data: bytes) -> None:
    with pytest.raises(NoCleaner):
        clean_attachment(data, "text/plain", "a.txt")


def test_utf16_text_is_refused_as_a_variant() -> None:
    with pytest.raises(NoCleaner) as caught:
        clean_attachment("hello".encode("utf-16"), "text/plain", "a.txt")
    assert caught.value.kind is MediaKind.TEXT
    assert caught.value.reason is RefusalReason.VARIANT


def test_an_empty_file_is_empty_text() -> None:
    result = clean_attachment(b"", "text/plain", "empty.txt")
    assert result.data == b"" and result.kind is MediaKind.TEXT


def docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("docProps/core.xml", "<dc:creator>someone</dc:creator>")
    return out.getvalue()


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    brands = major + b"\0\0\0\0" + b"".join(compatible)
    return struct.pack(">I", 8 + len(brands)) + b"ftyp" + brands + bytes(64)


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Author (x) >>\nendobj\n", MediaKind.PDF),
        (docx(), MediaKind.OFFICE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), MediaKind.OFFICE),
        (b"PK\x03\x04" + bytes(26) + b"photos/a.jpg", MediaKind.ZIP),
        (ftyp(b"heic", b"mif1", b"heic"), MediaKind.HEIF),
        (ftyp(b"mif1", b"avif"), MediaKind.AVIF),
        (ftyp(b"avif", b"mif1"), MediaKind.AVIF),
        (ftyp(b"isom", b"iso2", b"mp41"), MediaKind.MP4),
        (ftyp(b"M4A ", b"isom"), MediaKind.MP4),
        (ftyp(b"qt  "), MediaKind.MP4),
        (b"\x1a\x45\xdf\xa3" + bytes(40), MediaKind.MATROSKA),
        (b"RIFF\0\0\0\0AVI LIST" + bytes(40), MediaKind.AVI),
        (b"OggS\0\2" + bytes(40), MediaKind.OGG),
        (b"#!AMR\n" + bytes(40), MediaKind.AMR),
        (b"II*\0\x08\0\0\0" + bytes(40), MediaKind.TIFF),
        (b"BM" + bytes(12) + struct.pack("<I", 40) + bytes(40), MediaKind.BMP),
        (
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
            MediaKind.SVG_OR_MARKUP,
        ),
        (b"  <!DOCTYPE html><html></html>", MediaKind.SVG_OR_MARKUP),
        (b"{\\rtf1\\ansi hello}", MediaKind.RTF),
        (b"%!PS-Adobe-3.0\n", MediaKind.UNKNOWN),
        (bytes([0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC]) + bytes(20), MediaKind.AAC),
        (random.Random(6).randbytes(10_000), MediaKind.UNKNOWN),
    ],
)
def test_formats_without_a_cleaner_are_refused(data: bytes, kind: MediaKind) -> None:
    assert identify(data, complete=True) is kind
    assert not can_clean(data, complete=True)
    with pytest.raises(NoCleaner) as caught:
        clean_attachment(data, "application/octet-stream", "file")
    assert caught.value.kind is kind
    assert caught.value.reason is RefusalReason.FORMAT
    assert caught.value.mismatches == frozenset()


def test_a_refusal_reports_the_mismatch_too() -> None:
    with pytest.raises(NoCleaner) as caught:
        clean_attachment(b"%PDF-1.4\n", "image/jpeg", "photo.jpg")
    assert caught.value.kind is MediaKind.PDF
    assert caught.value.mismatches == {Mismatch.DECLARED_TYPE, Mismatch.FILE_EXTENSION}
    assert "photo" not in str(caught.value)


def test_a_refusal_comes_before_the_rest_of_the_file_is_read() -> None:
    source = io.BytesIO(b"%PDF-1.4\n" + bytes(10_000_000))
    with pytest.raises(NoCleaner):
        clean_attachment(source, "application/pdf", "a.pdf")
    assert source.tell() <= 64 * 1024


@pytest.mark.parametrize(
    "declared, name, expected",
    [
        ("image/png", "a.png", set()),
        ("IMAGE/PNG; charset=binary", "A.PNG", set()),
        ("application/octet-stream", "", set()),
        ("", "noextension", set()),
        ("image/png", "a.unknownext", set()),
        ("image/jpeg", "a.png", {Mismatch.DECLARED_TYPE}),
        ("image/png", "a.jpg", {Mismatch.FILE_EXTENSION}),
        ("application/pdf", "a.pdf", {Mismatch.DECLARED_TYPE, Mismatch.FILE_EXTENSION}),
    ],
)
def test_mismatches(declared: str, name: str, expected: set[Mismatch]) -> None:
    png = b.png_bytes(b.upright_picture((4, 4)))
    assert clean_attachment(png, declared, name).mismatches == expected


def test_text_under_other_text_types_is_no_mismatch() -> None:
    for declared, name in [
        ("text/csv", "a.csv"),
        ("text/markdown", "a.md"),
        ("application/json", "a.json"),
    ]:
        assert clean_attachment(b"a,b\n1,2\n", declared, name).mismatches == frozenset()
    assert clean_attachment(b"plain", "image/png", "a.png").mismatches == {
        Mismatch.DECLARED_TYPE,
        Mismatch.FILE_EXTENSION,
    }
