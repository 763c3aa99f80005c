"""JPEG: the same picture, upright, with no byte of EXIF, XMP, IPTC, ICC, thumbnail or comment."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageCms

from testimony_app.media import (
    Change,
    CleaningFailed,
    FailureReason,
    MediaKind,
    Removed,
    clean_attachment,
)
from testimony_app.media.image_check import check_output
from tests.helpers import canary
from tests.media import builders as b


@pytest.fixture
def canaries() -> dict[str, str]:
    names = ["gps", "serial", "make", "model", "makernote", "xmp", "thumb", "com", "iptc", "owner"]
    found = {name: canary(name.upper()) for name in names}
    found["date"] = "1999:12:31 23:59:58"
    found["icc"] = "CANARYICC" + canary("")[-4:].upper()  # 13 characters, as the profile needs
    return found


def phone_jpeg(canaries: dict[str, str], *, orientation: int = 6) -> tuple[bytes, Image.Image]:
    """A photo as a phone writes it: stored sideways with Orientation 6, and everything else."""
    upright = b.upright_picture((96, 64))
    stored = upright.transpose(Image.Transpose.ROTATE_90) if orientation == 6 else upright
    thumbnail = b.insert_after_soi(
        b.jpeg_bytes(Image.new("RGB", (16, 12), (200, 10, 10))),
        b.jpeg_segment(0xFE, canaries["thumb"].encode()),
    )
    exif = b.tiff_exif(
        ifd0=[
            b.short_entry(0x0112, orientation),
            b.ascii_entry(0x010F, canaries["make"]),
            b.ascii_entry(0x0110, canaries["model"]),
            b.ascii_entry(0x0132, canaries["date"]),
        ],
        exif_ifd=[
            b.ascii_entry(0x9003, canaries["date"]),
            b.ascii_entry(0xA431, canaries["serial"]),
            b.ascii_entry(0xA430, canaries["owner"]),
            b.undefined_entry(0x927C, canaries["makernote"].encode()),
        ],
        gps_ifd=[
            b.ascii_entry(0x0001, "N"),
            b.rationals_entry(0x0002, (33, 1), (30, 1), (1234, 100)),
            b.ascii_entry(0x0003, "E"),
            b.rationals_entry(0x0004, (36, 1), (17, 1), (5678, 100)),
            b.ascii_entry(0x0012, canaries["gps"]),
        ],
        thumbnail=thumbnail,
    )
    jpeg = b.insert_after_soi(
        b.jpeg_bytes(stored, quality=95),
        b.jpeg_segment(0xE1, b"Exif\0\0" + exif),
        b.jpeg_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + b.xmp_packet(canaries["xmp"])),
        b.jpeg_segment(0xED, b.iptc_app13(canaries["iptc"])),
        b.jpeg_segment(0xE2, b.icc_app2(b.srgb_profile_with_description(canaries["icc"]))),
        b.jpeg_segment(0xFE, canaries["com"].encode()),
    )
    return jpeg, upright


def test_the_test_jpeg_really_carries_every_canary(canaries: dict[str, str]) -> None:
    jpeg, _ = phone_jpeg(canaries)
    assert b.leaked(jpeg, list(canaries.values())) == list(canaries.values())
    exif = Image.open(io.BytesIO(jpeg)).getexif()
    assert exif.get_ifd(0x8825)[0x0012] == canaries["gps"]
    assert exif.get_ifd(0x8769)[0xA431] == canaries["serial"]
    assert exif.get_ifd(-1)  # IFD1: the thumbnail


def test_jpeg_metadata_is_gone_and_the_picture_is_upright(canaries: dict[str, str]) -> None:
    jpeg, upright = phone_jpeg(canaries)

    result = clean_attachment(jpeg, "image/jpeg", "IMG_0042.JPG")

    assert result.data is not None
    assert b.leaked(result.data, list(canaries.values())) == []
    for marker in (b"Exif", b"http://ns.adobe.com", b"Photoshop", b"ICC_PROFILE", b"8BIM"):
        assert marker not in result.data
    cleaned = b.decoded(result.data)
    assert cleaned.format == "JPEG"
    assert cleaned.size == upright.size  # 96 x 64: turned back from the stored 64 x 96
    assert b.mean_difference(cleaned, upright) < 4
    assert cleaned.getpixel((4, 4))[0] > 180  # the red corner is at the top left
    assert not cleaned.getexif()
    assert "icc_profile" not in cleaned.info and "comment" not in cleaned.info
    check_output(MediaKind.JPEG, result.data)
    assert result.kind is MediaKind.JPEG and result.media_type == "image/jpeg"
    assert result.extension == ".jpg" and result.mismatches == frozenset()
    assert {
        Removed.LOCATION,
        Removed.DEVICE_IDENTIFIERS,
        Removed.TIMESTAMPS,
        Removed.EXIF,
        Removed.XMP,
        Removed.IPTC,
        Removed.ICC_PROFILE,
        Removed.THUMBNAIL,
        Removed.COMMENT,
    } <= result.removed
    assert {Change.RE_ENCODED, Change.LOSSY, Change.ROTATED_UPRIGHT} <= result.changes
    assert Change.CONVERTED_TO_SRGB in result.changes


@pytest.mark.parametrize("orientation", [1, 2, 3, 4, 5, 6, 7, 8])
def test_every_orientation_comes_out_upright(orientation: int) -> None:
    upright = b.upright_picture((60, 40))
    # What a camera stores for each tag value: the inverse of what the tag asks the viewer to do.
    stored = {
        1: upright,
        2: upright.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
        3: upright.transpose(Image.Transpose.ROTATE_180),
        4: upright.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
        5: upright.transpose(Image.Transpose.TRANSPOSE),
        6: upright.transpose(Image.Transpose.ROTATE_90),
        7: upright.transpose(Image.Transpose.TRANSVERSE),
        8: upright.transpose(Image.Transpose.ROTATE_270),
    }[orientation]
    exif = b.tiff_exif([b.short_entry(0x0112, orientation)], [], [], None)
    jpeg = b.insert_after_soi(
        b.jpeg_bytes(stored, quality=98, subsampling=0), b.jpeg_segment(0xE1, b"Exif\0\0" + exif)
    )
    result = clean_attachment(jpeg, "image/jpeg", "x.jpg")
    assert result.data is not None
    assert b.mean_difference(b.decoded(result.data), upright) < 4
    assert (Change.ROTATED_UPRIGHT in result.changes) == (orientation != 1)


def test_a_grey_jpeg_stays_grey() -> None:
    picture = b.upright_picture((32, 32)).convert("L")
    result = clean_attachment(b.jpeg_bytes(picture, quality=95), "image/jpeg", "x.jpg")
    assert result.data is not None
    cleaned = b.decoded(result.data)
    assert cleaned.mode == "L" and b.mean_difference(cleaned, picture) < 3


def test_cmyk_jpeg_becomes_rgb() -> None:
    picture = Image.new("CMYK", (16, 16), (0, 255, 255, 0))  # red in CMYK
    result = clean_attachment(b.jpeg_bytes(picture), "image/jpeg", "print.jpg")
    assert result.data is not None
    cleaned = b.decoded(result.data)
    assert cleaned.mode == "RGB"
    red, green, blue = cleaned.getpixel((8, 8))
    assert red > 200 and green < 60 and blue < 60


def test_a_profile_that_cannot_be_read_is_dropped_and_said() -> None:
    picture = b.upright_picture((16, 16))
    jpeg = b.insert_after_soi(
        b.jpeg_bytes(picture), b.jpeg_segment(0xE2, b.icc_app2(b"not a profile at all" * 10))
    )
    result = clean_attachment(jpeg, "image/jpeg", "x.jpg")
    assert Change.COLOUR_PROFILE_DROPPED in result.changes
    assert result.data is not None and b"not a profile" not in result.data


def test_an_embedded_profile_is_applied_and_not_kept() -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture = b.upright_picture((16, 16))
    jpeg = b.insert_after_soi(b.jpeg_bytes(picture), b.jpeg_segment(0xE2, b.icc_app2(profile)))
    result = clean_attachment(jpeg, "image/jpeg", "x.jpg")
    assert Change.CONVERTED_TO_SRGB in result.changes
    assert result.data is not None and b"acsp" not in result.data


def test_a_truncated_jpeg_fails_with_a_typed_error() -> None:
    jpeg = b.jpeg_bytes(b.upright_picture((200, 200)), quality=95)
    with pytest.raises(CleaningFailed) as caught:
        clean_attachment(jpeg[: len(jpeg) // 2], "image/jpeg", "cut.jpg")
    assert caught.value.reason is FailureReason.TRUNCATED
    assert caught.value.kind is MediaKind.JPEG


def test_error_messages_name_nothing_of_the_file(canaries: dict[str, str]) -> None:
    jpeg, _ = phone_jpeg(canaries)
    name = canary("NAME") + ".jpg"
    with pytest.raises(CleaningFailed) as caught:
        clean_attachment(jpeg[:600], "image/jpeg", name)
    text = str(caught.value) + repr(caught.value)
    assert name not in text
    assert b.leaked(text.encode(), list(canaries.values())) == []
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_multi_picture_jpeg_keeps_only_the_main_picture() -> None:
    main = b.upright_picture((40, 30))
    second = Image.new("RGB", (40, 30), (0, 255, 0))
    out = io.BytesIO()
    main.save(out, "MPO", save_all=True, append_images=[second], quality=95)
    assert Image.open(io.BytesIO(out.getvalue())).format == "MPO"

    result = clean_attachment(out.getvalue(), "image/jpeg", "depth.jpg")

    assert result.data is not None and b"MPF" not in result.data
    assert result.data.count(b"\xff\xd8") == 1  # one picture, no second SOI
    first_picture = b.decoded(out.getvalue())  # frame 0, as a viewer shows it
    assert b.mean_difference(b.decoded(result.data), first_picture) < 4
    assert Removed.EXTRA_IMAGES in result.removed
    assert Change.FIRST_FRAME_ONLY not in result.changes  # it was no animation
