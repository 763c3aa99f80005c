"""PNG, WebP and GIF keep their pixels and lose their metadata; bombs, limits, the output check."""

from __future__ import annotations

import io
import time
import zlib

import pytest
from PIL import Image

from testimony_app.media import (
    Change,
    CleaningFailed,
    FailureReason,
    MediaKind,
    Mismatch,
    Removed,
    clean_attachment,
)
from testimony_app.media.image_check import check_output
from tests.helpers import canary
from tests.media import builders as b


def test_png_text_chunks_are_gone_and_the_pixels_identical() -> None:
    canaries = [canary("TEXT"), canary("ZTXT"), canary("ITXT"), canary("EXIF"), canary("LATE")]
    picture = b.upright_picture((40, 30)).convert("RGBA")
    picture.putpixel((0, 0), (1, 2, 3, 4))
    png = b.insert_png_chunks(
        b.png_bytes(picture),
        before_idat=[
            b.png_chunk(b"tEXt", b"Author\0" + canaries[0].encode()),
            b.png_chunk(b"zTXt", b"Comment\0\0" + zlib.compress(canaries[1].encode())),
            b.png_chunk(b"iTXt", b"Description\0\0\0en\0Beschreibung\0" + canaries[2].encode()),
            b.png_chunk(b"eXIf", b.tiff_exif([b.ascii_entry(0x010F, canaries[3])], [], [], None)),
            b.png_chunk(b"tIME", bytes([7, 233, 3, 7, 10, 0, 0])),
            b.png_chunk(b"pHYs", bytes(9)),
        ],
        after_idat=[b.png_chunk(b"tEXt", b"Location\0" + canaries[4].encode())],
    )
    source = Image.open(io.BytesIO(png))
    source.load()
    assert source.text  # the chunks are readable as Pillow reads them

    result = clean_attachment(png, "image/png", "screenshot.png")

    assert result.data is not None
    assert b.leaked(result.data, canaries) == []
    for chunk_type in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME", b"pHYs"):
        assert chunk_type not in result.data
    cleaned = b.decoded(result.data)
    assert cleaned.format == "PNG" and cleaned.mode == "RGBA"
    assert cleaned.tobytes() == picture.tobytes()
    assert {Removed.TEXT_CHUNKS, Removed.EXIF} <= result.removed
    assert Change.LOSSY not in result.changes


@pytest.mark.parametrize("mode", ["1", "L", "LA", "RGB", "RGBA", "I;16", "P"])
def test_png_modes_keep_their_pixels(mode: str) -> None:
    picture = b.upright_picture((20, 10))
    if mode == "P":
        picture = picture.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    elif mode == "I;16":
        picture = picture.convert("L").point(lambda v: v * 200, "I").convert("I;16")
    else:
        picture = picture.convert(mode)
    result = clean_attachment(b.png_bytes(picture), "image/png", "x.png")
    assert result.data is not None
    cleaned = b.decoded(result.data)
    expected = picture.convert("RGB") if mode == "P" else picture
    assert cleaned.convert(expected.mode).tobytes() == expected.tobytes()


def test_palette_png_with_transparency_keeps_it_as_alpha() -> None:
    picture = Image.new("P", (8, 8), 1)
    picture.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    picture.putpixel((0, 0), 0)
    out = io.BytesIO()
    picture.save(out, "PNG", transparency=0)
    result = clean_attachment(out.getvalue(), "image/png", "x.png")
    assert result.data is not None
    cleaned = b.decoded(result.data)
    assert cleaned.mode == "RGBA"
    assert cleaned.getpixel((0, 0))[3] == 0 and cleaned.getpixel((1, 1)) == (255, 0, 0, 255)


def test_webp_lossless_stays_lossless_and_loses_its_exif_and_xmp() -> None:
    canaries = [canary("WEBPEXIF"), canary("WEBPXMP"), canary("WEBPICC")[:13]]
    picture = b.upright_picture((32, 24))
    out = io.BytesIO()
    picture.save(
        out,
        "WEBP",
        lossless=True,
        exif=b"Exif\0\0" + b.tiff_exif([b.ascii_entry(0x010F, canaries[0])], [], [], None),
        xmp=b.xmp_packet(canaries[1]),
    )
    assert b.leaked(out.getvalue(), canaries[:2]) == canaries[:2]

    result = clean_attachment(out.getvalue(), "image/webp", "x.webp")

    assert result.data is not None
    assert b.leaked(result.data, canaries) == []
    assert b"EXIF" not in result.data and b"XMP " not in result.data
    assert b.decoded(result.data).convert("RGB").tobytes() == picture.tobytes()
    assert Change.LOSSY not in result.changes
    assert {Removed.EXIF, Removed.XMP} <= result.removed


def test_webp_lossy_with_alpha() -> None:
    picture = b.upright_picture((32, 24)).convert("RGBA")
    picture.putalpha(Image.linear_gradient("L").resize((32, 24)))
    out = io.BytesIO()
    picture.save(out, "WEBP", quality=90)
    result = clean_attachment(out.getvalue(), "image/webp", "x.webp")
    assert result.data is not None
    cleaned = b.decoded(result.data)
    assert cleaned.format == "WEBP" and cleaned.mode == "RGBA"
    assert b.mean_difference(cleaned.getchannel("A"), picture.getchannel("A")) < 3

    def on_white(image: Image.Image) -> Image.Image:
        return Image.alpha_composite(Image.new("RGBA", image.size, "white"), image.convert("RGBA"))

    assert b.mean_difference(on_white(cleaned), on_white(picture)) < 6
    assert Change.LOSSY in result.changes


def test_animated_gif_keeps_its_first_frame_as_png_and_says_so() -> None:
    comment = canary("GIFCOMMENT")
    frames = [Image.new("P", (10, 10), i) for i in range(3)]
    for i, frame in enumerate(frames):
        frame.putpalette([i * 80, 0, 0, 0, 200, 0, 0, 0, 200] + [0] * 759)
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], comment=comment.encode())
    assert comment.encode() in out.getvalue()

    result = clean_attachment(out.getvalue(), "image/gif", "funny.gif")

    assert result.data is not None
    assert b.leaked(result.data, [comment]) == []
    cleaned = b.decoded(result.data)
    assert cleaned.format == "PNG" and result.media_type == "image/png"
    assert result.extension == ".png"
    assert cleaned.convert("RGB").getpixel((5, 5)) == (0, 0, 0)
    assert {Change.FIRST_FRAME_ONLY, Change.FORMAT_CHANGED} <= result.changes
    assert {Removed.ANIMATION_FRAMES, Removed.COMMENT} <= result.removed


def test_a_png_declared_as_jpeg_is_cleaned_as_png_and_the_mismatch_reported() -> None:
    picture = b.upright_picture((12, 12))
    result = clean_attachment(b.png_bytes(picture), "image/jpeg", "holiday.jpg")
    assert result.kind is MediaKind.PNG
    assert result.media_type == "image/png" and result.extension == ".png"
    assert result.mismatches == {Mismatch.DECLARED_TYPE, Mismatch.FILE_EXTENSION}
    assert result.data is not None and b.decoded(result.data).tobytes() == picture.tobytes()


def test_a_decompression_bomb_is_refused_quickly() -> None:
    started = time.monotonic()
    # Past Pillow's own hard limit, and below it but past ours.
    for width, height, limit in [(100_000, 100_000, None), (20_000, 4_000, 10_000_000)]:
        options = {} if limit is None else {"max_pixels": limit}
        with pytest.raises(CleaningFailed) as caught:
            clean_attachment(b.png_with_size(width, height), "image/png", "bomb.png", **options)
        assert caught.value.reason is FailureReason.TOO_LARGE
    assert time.monotonic() - started < 2


def test_the_pixel_limit_is_the_callers() -> None:
    png = b.png_bytes(b.upright_picture((100, 100)))
    with pytest.raises(CleaningFailed) as caught:
        clean_attachment(png, "image/png", "x.png", max_pixels=9_999)
    assert caught.value.reason is FailureReason.TOO_LARGE
    assert clean_attachment(png, "image/png", "x.png", max_pixels=10_000).size > 0


def test_the_byte_limit_is_checked_before_reading_everything() -> None:
    png = b.png_bytes(b.upright_picture((100, 100)))
    with pytest.raises(CleaningFailed) as caught:
        clean_attachment(io.BytesIO(png), "image/png", "x.png", max_image_bytes=len(png) - 1)
    assert caught.value.reason is FailureReason.TOO_LARGE


@pytest.mark.parametrize(
    "check_kind, data",
    [
        (
            MediaKind.JPEG,
            b.insert_after_soi(b.jpeg_bytes(Image.new("L", (8, 8))), b"\xff\xfe\0\4hi"),
        ),
        (
            MediaKind.PNG,
            b.insert_png_chunks(
                b.png_bytes(Image.new("L", (8, 8))), [b.png_chunk(b"tEXt", b"a\0b")], []
            ),
        ),
        (MediaKind.JPEG, b.jpeg_bytes(Image.new("L", (8, 8)), progressive=True, comment=b"x")),
    ],
)
def test_the_output_check_catches_metadata(check_kind: MediaKind, data: bytes) -> None:
    with pytest.raises(CleaningFailed) as caught:
        check_output(check_kind, data)
    assert caught.value.reason is FailureReason.OUTPUT_CHECK


def test_an_animated_png_keeps_its_first_frame() -> None:
    frames = [Image.new("RGB", (10, 10), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    assert b"acTL" in out.getvalue()

    result = clean_attachment(out.getvalue(), "image/png", "a.png")

    assert result.data is not None
    assert b"acTL" not in result.data and b"fcTL" not in result.data
    assert b.decoded(result.data).getpixel((5, 5)) == (255, 0, 0)
    assert Change.FIRST_FRAME_ONLY in result.changes
    assert Removed.ANIMATION_FRAMES in result.removed
