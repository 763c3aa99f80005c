"""What metadata a picture carried, for the report. The cleaning never depends on this survey:
the output is built from pixels alone whatever is or is not found here."""

from __future__ import annotations

from PIL import ExifTags, Image

from testimony_app.media.result import Removed

_DEVICE_TAGS = frozenset(
    {
        0x010F,  # Make
        0x0110,  # Model
        0x0131,  # Software
        0xA430,  # CameraOwnerName
        0xA431,  # BodySerialNumber
        0xA432,  # LensSpecification
        0xA433,  # LensMake
        0xA434,  # LensModel
        0xA435,  # LensSerialNumber
        0xA420,  # ImageUniqueID
        0x927C,  # MakerNote
    }
)
_DATE_TAGS = frozenset(
    {
        0x0132,  # DateTime
        0x9003,  # DateTimeOriginal
        0x9004,  # DateTimeDigitized
        0x9010,  # OffsetTime
        0x9011,  # OffsetTimeOriginal
        0x9012,  # OffsetTimeDigitized
    }
)
_GPS_DATE_STAMP = 0x001D
_XMP_KEYS = ("xmp", "XML:com.adobe.xmp")
_RAW_EXIF_KEYS = ("exif", "Raw profile type exif", "Raw profile type APP1")
# Keys Pillow puts in `info` that describe how to draw the pixels rather than who made them.
_TECHNICAL_KEYS = frozenset(
    {
        "dpi",
        "gamma",
        "srgb",
        "chromaticity",
        "transparency",
        "aspect",
        "interlace",
        "progressive",
        "progression",
        "jfif",
        "jfif_version",
        "jfif_unit",
        "jfif_density",
        "adobe",
        "adobe_transform",
        "duration",
        "loop",
        "disposal",
        "blend",
        "default_image",
        "background",
        "version",
        "extension",
        "mp",
        "mpoffset",
    }
)
_XMP_PREFIXES = (b"http://ns.adobe.com/xap/1.0/", b"http://ns.adobe.com/xmp/extension/")


def survey(image: Image.Image, removed: set[Removed]) -> None:
    """Add to `removed` what `image` carries besides its pixels."""
    info = image.info
    if info.get("icc_profile"):
        removed.add(Removed.ICC_PROFILE)
    if any(info.get(key) for key in _XMP_KEYS):
        removed.add(Removed.XMP)
    if info.get("comment"):
        removed.add(Removed.COMMENT)
    if any(info.get(key) for key in _RAW_EXIF_KEYS):
        removed.add(Removed.EXIF)
        raw = info.get("exif")
        if isinstance(raw, bytes) and b"\xff\xd8\xff" in raw[8:]:
            removed.add(Removed.THUMBNAIL)
    _survey_exif(image, removed)
    _survey_jpeg_segments(image, removed)
    if image.format == "PNG":
        known = _TECHNICAL_KEYS | set(_XMP_KEYS) | set(_RAW_EXIF_KEYS) | {"icc_profile"}
        if any(key not in known for key in info):
            removed.add(Removed.TEXT_CHUNKS)
    if getattr(image, "is_animated", False):
        extra = Removed.EXTRA_IMAGES if image.format == "MPO" else Removed.ANIMATION_FRAMES
        removed.add(extra)


def _survey_exif(image: Image.Image, removed: set[Removed]) -> None:
    exif = image.getexif()
    if not exif:
        return
    removed.add(Removed.EXIF)
    exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    tags = set(exif) | set(exif_ifd)
    if gps:
        removed.add(Removed.LOCATION)
        if _GPS_DATE_STAMP in gps:
            removed.add(Removed.TIMESTAMPS)
    if tags & _DEVICE_TAGS:
        removed.add(Removed.DEVICE_IDENTIFIERS)
    if tags & _DATE_TAGS:
        removed.add(Removed.TIMESTAMPS)
    if exif.get_ifd(ExifTags.IFD.IFD1):
        removed.add(Removed.THUMBNAIL)


def _survey_jpeg_segments(image: Image.Image, removed: set[Removed]) -> None:
    for marker, body in getattr(image, "applist", []):
        if not isinstance(body, bytes):
            continue
        if marker == "APP0":
            if body.startswith(b"JFXX") or (body.startswith(b"JFIF") and body[12:14] != b"\0\0"):
                removed.add(Removed.THUMBNAIL)
        elif marker == "APP1":
            if body.startswith(_XMP_PREFIXES):
                removed.add(Removed.XMP)
            elif not body.startswith(b"Exif"):
                removed.add(Removed.OTHER_METADATA)
        elif marker == "APP2":
            if body.startswith(b"MPF"):
                removed.add(Removed.EXTRA_IMAGES)
            elif not body.startswith(b"ICC_PROFILE"):
                removed.add(Removed.OTHER_METADATA)
        elif marker == "APP13":
            removed.add(Removed.IPTC)
        elif marker == "COM":
            removed.add(Removed.COMMENT)
        elif marker != "APP14":  # Adobe: how the colours are coded, nothing about anyone
            removed.add(Removed.OTHER_METADATA)
