"""What a file is, as told by its bytes: the kinds we recognise, their media types and extensions.

The declared media type and the file name's extension are only compared with the kind found in
the content, to report a mismatch; they never decide how a file is treated.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class MediaKind(enum.Enum):
    # cleaned
    JPEG = "jpeg"
    PNG = "png"
    GIF = "gif"
    WEBP = "webp"
    MP3 = "mpeg-audio"
    WAV = "wav"
    FLAC = "flac"
    TEXT = "text"
    # recognised, refused
    HEIF = "heif"
    AVIF = "avif"
    TIFF = "tiff"
    BMP = "bmp"
    SVG_OR_MARKUP = "markup"
    AAC = "aac"
    OGG = "ogg"
    AMR = "amr"
    MP4 = "mp4"
    MATROSKA = "matroska"
    AVI = "avi"
    PDF = "pdf"
    OFFICE = "office"
    ZIP = "zip"
    RTF = "rtf"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class KindInfo:
    media_types: frozenset[str]  # the first-listed is the one a cleaned file is given
    extensions: frozenset[str]
    media_type: str
    extension: str


def _info(media_types: tuple[str, ...], extensions: tuple[str, ...]) -> KindInfo:
    return KindInfo(frozenset(media_types), frozenset(extensions), media_types[0], extensions[0])


KIND_INFO: dict[MediaKind, KindInfo] = {
    MediaKind.JPEG: _info(
        ("image/jpeg", "image/jpg", "image/pjpeg"), (".jpg", ".jpeg", ".jpe", ".jfif")
    ),
    MediaKind.PNG: _info(("image/png", "image/apng", "image/x-png"), (".png", ".apng")),
    MediaKind.GIF: _info(("image/gif",), (".gif",)),
    MediaKind.WEBP: _info(("image/webp",), (".webp",)),
    MediaKind.MP3: _info(
        ("audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg", "audio/x-mp3", "audio/mpa"),
        (".mp3", ".mp2", ".mpa"),
    ),
    MediaKind.WAV: _info(
        ("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"), (".wav", ".wave")
    ),
    MediaKind.FLAC: _info(("audio/flac", "audio/x-flac"), (".flac",)),
    MediaKind.TEXT: _info(("text/plain",), (".txt", ".text", ".md", ".csv", ".log", ".json")),
    MediaKind.HEIF: _info(
        ("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"),
        (".heic", ".heif", ".hif"),
    ),
    MediaKind.AVIF: _info(("image/avif",), (".avif",)),
    MediaKind.TIFF: _info(
        ("image/tiff",), (".tif", ".tiff", ".dng", ".cr2", ".nef", ".arw", ".orf", ".rw2")
    ),
    MediaKind.BMP: _info(("image/bmp", "image/x-ms-bmp"), (".bmp", ".dib")),
    MediaKind.SVG_OR_MARKUP: _info(
        ("image/svg+xml", "text/html", "application/xml", "text/xml", "application/xhtml+xml"),
        (".svg", ".html", ".htm", ".xml", ".xhtml"),
    ),
    MediaKind.AAC: _info(("audio/aac", "audio/x-aac", "audio/aacp"), (".aac",)),
    MediaKind.OGG: _info(
        ("audio/ogg", "audio/opus", "video/ogg", "application/ogg", "audio/vorbis"),
        (".ogg", ".oga", ".opus", ".ogv"),
    ),
    MediaKind.AMR: _info(("audio/amr", "audio/3gpp"), (".amr",)),
    MediaKind.MP4: _info(
        ("video/mp4", "audio/mp4", "audio/x-m4a", "audio/m4a", "video/quicktime", "video/3gpp"),
        (".mp4", ".m4a", ".m4v", ".mov", ".3gp", ".3g2", ".m4b"),
    ),
    MediaKind.MATROSKA: _info(
        ("video/x-matroska", "video/webm", "audio/webm", "audio/x-matroska"),
        (".mkv", ".webm", ".mka"),
    ),
    MediaKind.AVI: _info(("video/x-msvideo", "video/avi"), (".avi",)),
    MediaKind.PDF: _info(("application/pdf",), (".pdf",)),
    MediaKind.OFFICE: _info(
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
        ),
        (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".doc", ".xls", ".ppt"),
    ),
    MediaKind.ZIP: _info(("application/zip", "application/x-zip-compressed"), (".zip",)),
    MediaKind.RTF: _info(("application/rtf", "text/rtf"), (".rtf",)),
    MediaKind.UNKNOWN: _info(("application/octet-stream",), ("",)),
}

# Declared types that claim nothing: no mismatch can be reported against them.
_NON_CLAIMS = frozenset({"", "application/octet-stream", "binary/octet-stream"})

_EXTENSION_OWNERS: dict[str, frozenset[MediaKind]] = {}
for _kind, _kind_info in KIND_INFO.items():
    for _extension in _kind_info.extensions:
        if _extension:
            _EXTENSION_OWNERS[_extension] = _EXTENSION_OWNERS.get(_extension, frozenset()) | {_kind}


def normalise_media_type(declared: str) -> str:
    """`Image/JPEG; charset=x` → `image/jpeg`; bounded, so a huge header costs nothing."""
    return declared[:200].split(";", 1)[0].strip().lower()


def declared_type_matches(kind: MediaKind, declared: str) -> bool:
    declared = normalise_media_type(declared)
    if declared in _NON_CLAIMS:
        return True
    if kind is MediaKind.TEXT:
        # Plain text under any text/* name (csv, markdown) or as JSON is still plain text.
        if declared == "application/json":
            return True
        return declared.startswith("text/") and declared not in _markup_types()
    return declared in KIND_INFO[kind].media_types


def extension_matches(kind: MediaKind, file_name: str) -> bool:
    """False only when the extension is one we know as belonging to another kind."""
    extension = _extension_of(file_name)
    owners = _EXTENSION_OWNERS.get(extension)
    return owners is None or kind in owners


def _markup_types() -> frozenset[str]:
    return KIND_INFO[MediaKind.SVG_OR_MARKUP].media_types | KIND_INFO[MediaKind.RTF].media_types


def _extension_of(file_name: str) -> str:
    base = file_name[-300:].replace("\\", "/").rsplit("/", 1)[-1]
    if "." not in base.strip("."):
        return ""
    return "." + base.rsplit(".", 1)[-1].lower()
