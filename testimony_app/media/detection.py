"""Telling a file's kind from its first bytes: magic numbers, frame syncs, and a text sniff."""

from __future__ import annotations

import codecs
import re
import struct
from dataclasses import dataclass

from testimony_app.media.errors import RefusalReason
from testimony_app.media.kinds import MediaKind
from testimony_app.media.mpeg_audio import is_adts, is_free_format, parse_frame_header
from testimony_app.media.text_cleaner import UTF8_BOM, is_text

HEAD_SIZE = 64 * 1024

_HEIF_BRANDS = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1"}
)
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_ZIP_MARKERS = (b"[Content_Types].xml", b"word/", b"xl/", b"ppt/", b"mimetypeapplication/")
_BMP_HEADER_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})
_MARKUP_START = re.compile(r"\s*<[A-Za-z!?]")
_POSTSCRIPT = b"%!PS"
_TAG_STARTS = (b"TAG", b"APET", b"ID3", b"LYRI")


@dataclass(frozen=True)
class Detected:
    kind: MediaKind
    refusal: RefusalReason | None = None  # set when the kind is known but not this variant
    id3_prefixed: bool = False  # an ID3v2 tag comes first; what follows decides the kind


def detect(head: bytes, *, complete: bool) -> Detected:
    """The kind of a file whose first bytes are `head` (all of it, when `complete`)."""
    kind = _by_magic(head)
    if kind is not None:
        return kind
    if head[:3] == b"ID3":
        return Detected(MediaKind.MP3, id3_prefixed=True)
    if _looks_like_mpeg_audio(head, complete=complete):
        return Detected(MediaKind.MP3)
    if is_adts(head):
        return Detected(MediaKind.AAC)
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return Detected(MediaKind.TEXT, RefusalReason.VARIANT)
    return _sniff_text(head, complete=complete)


def _by_magic(head: bytes) -> Detected | None:
    riff_form = head[8:12] if len(head) >= 12 else b""
    if head.startswith(b"\xff\xd8\xff"):
        return Detected(MediaKind.JPEG)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Detected(MediaKind.PNG)
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Detected(MediaKind.GIF)
    if head[:4] == b"RIFF":
        by_form = {b"WEBP": MediaKind.WEBP, b"WAVE": MediaKind.WAV, b"AVI ": MediaKind.AVI}
        if riff_form in by_form:
            return Detected(by_form[riff_form])
    if head[:4] in (b"RF64", b"BW64", b"RIFX") and riff_form == b"WAVE":
        return Detected(MediaKind.WAV, RefusalReason.VARIANT)
    if head[:4] == b"fLaC":
        return Detected(MediaKind.FLAC)
    simple = _simple_magic(head)
    if simple is not None:
        return Detected(simple)
    if head[4:8] == b"ftyp":
        return Detected(_iso_media_kind(head))
    return None


def _simple_magic(head: bytes) -> MediaKind | None:
    if head[:4] == b"OggS":
        return MediaKind.OGG
    if head[:5] == b"#!AMR":
        return MediaKind.AMR
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return MediaKind.MATROSKA
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+", b"IIRO", b"IIU\x00"):
        return MediaKind.TIFF
    if head[:2] == b"BM" and len(head) >= 18:
        if struct.unpack("<I", head[14:18])[0] in _BMP_HEADER_SIZES:
            return MediaKind.BMP
    if b"%PDF-" in head[:1024]:
        return MediaKind.PDF
    if head[:8] == _OLE2:
        return MediaKind.OFFICE
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        if any(marker in head for marker in _OFFICE_ZIP_MARKERS):
            return MediaKind.OFFICE
        return MediaKind.ZIP
    if head[:5] == b"{\\rtf":
        return MediaKind.RTF
    return None


def _iso_media_kind(head: bytes) -> MediaKind:
    """HEIF, AVIF or MP4 (and its kin: MOV, M4A, 3GP), by the ftyp box's brands."""
    box_size = struct.unpack(">I", head[:4])[0]
    brands_end = min(max(box_size, 16), 4096, len(head))
    major = head[8:12]
    compatible = {head[i : i + 4] for i in range(16, brands_end - 3, 4)}
    if major in _AVIF_BRANDS:
        return MediaKind.AVIF
    if major in _HEIF_BRANDS:
        generic = major in (b"mif1", b"msf1")
        return MediaKind.AVIF if generic and compatible & _AVIF_BRANDS else MediaKind.HEIF
    if compatible & _AVIF_BRANDS:
        return MediaKind.AVIF
    if compatible & _HEIF_BRANDS:
        return MediaKind.HEIF
    return MediaKind.MP4


def _looks_like_mpeg_audio(head: bytes, *, complete: bool) -> bool:
    """A frame header at the start and, when the head reaches that far, another after it."""
    header = parse_frame_header(head)
    if header is None:
        return is_free_format(head)
    if header.length == len(head) and complete:
        return True
    following = head[header.length : header.length + 4]
    if len(following) < 4:
        return not complete
    second = parse_frame_header(following)
    if second is None:
        return following.startswith(_TAG_STARTS)
    return second.same_stream(header)


def _sniff_text(head: bytes, *, complete: bool) -> Detected:
    if head.startswith(_POSTSCRIPT):
        return Detected(MediaKind.UNKNOWN)
    body = head[len(UTF8_BOM) :] if head.startswith(UTF8_BOM) else head
    try:
        decoded = codecs.getincrementaldecoder("utf-8")("strict").decode(body, complete)
    except UnicodeDecodeError:
        return Detected(MediaKind.UNKNOWN)
    if not is_text(decoded):
        return Detected(MediaKind.UNKNOWN)
    if _MARKUP_START.match(decoded):
        return Detected(MediaKind.SVG_OR_MARKUP)
    return Detected(MediaKind.TEXT)
