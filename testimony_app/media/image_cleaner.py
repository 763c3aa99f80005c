"""Pictures: decode, turn upright, convert to sRGB, and encode a new file from the pixels alone.

The new picture is made with `Image.new` and given the decoded pixels, so it starts with no
EXIF, XMP, IPTC, ICC profile, comment, thumbnail or text of any kind; Pillow's encoders fall
back on the source's `info` for some of these (a JPEG comment, a PNG colour profile), which is
why the source image itself is never the one saved. JPEG is re-encoded with libjpeg's standard
tables at high quality rather than the camera's own tables, which can identify the camera
model. The output's structure is then checked (image_check) before it is returned.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable

from PIL import Image, ImageCms, ImageOps, JpegImagePlugin

from testimony_app.media.errors import CleaningFailed, FailureReason
from testimony_app.media.image_check import check_output
from testimony_app.media.image_survey import survey
from testimony_app.media.kinds import KIND_INFO, MediaKind
from testimony_app.media.result import Change, Removed
from testimony_app.media.streams import Findings

DEFAULT_MAX_PIXELS = 89_478_485  # Pillow's own default limit (Image.MAX_IMAGE_PIXELS)
JPEG_QUALITY = 95
WEBP_QUALITY = 95

_PILLOW_FORMAT = {
    MediaKind.JPEG: "JPEG",
    MediaKind.PNG: "PNG",
    MediaKind.GIF: "GIF",
    MediaKind.WEBP: "WEBP",
}
# A GIF becomes a PNG: lossless, and no palette or GIF extension blocks to carry over.
OUTPUT_KIND = {
    MediaKind.JPEG: MediaKind.JPEG,
    MediaKind.PNG: MediaKind.PNG,
    MediaKind.GIF: MediaKind.PNG,
    MediaKind.WEBP: MediaKind.WEBP,
}
_PNG_MODES = frozenset({"1", "L", "LA", "RGB", "RGBA", "I;16"})
_ALPHA_MODES = frozenset({"LA", "La", "PA", "RGBA", "RGBa"})
_ORIENTATION = 0x0112


def clean_image(
    data: bytes,
    kind: MediaKind,
    findings: Findings,
    *,
    max_pixels: int,
    check_cancel: Callable[[], None],
) -> bytes:
    """The cleaned picture, encoded; `findings` says what was removed and changed."""
    out_kind = OUTPUT_KIND[kind]
    findings.media_type = KIND_INFO[out_kind].media_type
    findings.extension = KIND_INFO[out_kind].extension
    findings.changes.add(Change.RE_ENCODED)
    if out_kind is not kind:
        findings.changes.add(Change.FORMAT_CHANGED)
    with _decoded(data, kind, max_pixels) as image:
        check_cancel()
        try:
            survey(image, findings.removed)
        except Exception:  # noqa: BLE001 - the survey words the report; cleaning needs none of it
            findings.removed.add(Removed.OTHER_METADATA)
        if getattr(image, "is_animated", False) and image.format != "MPO":
            findings.changes.add(Change.FIRST_FRAME_ONLY)
        pixels = _upright(image, findings)
        pixels = _in_srgb(pixels, image.info.get("icc_profile"), findings)
        pixels = _output_mode(pixels, out_kind)
        lossless_webp = kind is MediaKind.WEBP and _is_lossless_webp(data)
        subsampling = _jpeg_subsampling(image)
        fresh = Image.new(pixels.mode, pixels.size)
        fresh.paste(pixels)
        del pixels
    check_cancel()
    encoded = _encode(
        fresh, out_kind, findings, lossless_webp=lossless_webp, subsampling=subsampling
    )
    check_output(out_kind, encoded)
    return encoded


class _decoded:
    """Open and fully decode the first frame, within the pixel limit; typed errors only."""

    def __init__(self, data: bytes, kind: MediaKind, max_pixels: int) -> None:
        self._data = data
        self._kind = kind
        self._max_pixels = max_pixels
        self._image: Image.Image | None = None

    def __enter__(self) -> Image.Image:
        kind = self._kind
        try:
            image = Image.open(io.BytesIO(self._data), formats=[_PILLOW_FORMAT[kind]])
        except Image.DecompressionBombError:
            raise CleaningFailed(FailureReason.TOO_LARGE, kind) from None
        except Exception:  # noqa: BLE001 - hostile input: any decoder failure is "corrupt"
            raise CleaningFailed(FailureReason.CORRUPT, kind) from None
        self._image = image
        width, height = image.size
        if width <= 0 or height <= 0:
            self._close()
            raise CleaningFailed(FailureReason.CORRUPT, kind)
        if width * height > self._max_pixels:
            self._close()
            raise CleaningFailed(FailureReason.TOO_LARGE, kind)
        try:
            image.seek(0)
            image.load()
        except Image.DecompressionBombError:
            self._close()
            raise CleaningFailed(FailureReason.TOO_LARGE, kind) from None
        except Exception as error:  # noqa: BLE001 - as above
            self._close()
            truncated = isinstance(error, OSError) and "truncated" in str(error)
            reason = FailureReason.TRUNCATED if truncated else FailureReason.CORRUPT
            raise CleaningFailed(reason, kind) from None
        return image

    def __exit__(self, *_: object) -> None:
        self._close()

    def _close(self) -> None:
        if self._image is not None:
            self._image.close()
            self._image = None


def _upright(image: Image.Image, findings: Findings) -> Image.Image:
    try:
        orientation = image.getexif().get(_ORIENTATION, 1)
    except Exception:  # noqa: BLE001 - unreadable EXIF: the orientation cannot be known
        raise CleaningFailed(FailureReason.CORRUPT) from None
    if not isinstance(orientation, int) or not 2 <= orientation <= 8:
        return image
    findings.changes.add(Change.ROTATED_UPRIGHT)
    try:
        upright = ImageOps.exif_transpose(image)
    except Exception:  # noqa: BLE001 - as above
        raise CleaningFailed(FailureReason.CORRUPT) from None
    return image if upright is None else upright


@functools.cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _in_srgb(pixels: Image.Image, icc: object, findings: Findings) -> Image.Image:
    """Colours converted from the embedded profile to sRGB, where Little CMS can do it."""
    if not isinstance(icc, bytes) or not icc:
        return pixels
    target = {"RGB": "RGB", "RGBA": "RGBA", "CMYK": "RGB"}.get(pixels.mode)
    wanted_space = "CMYK" if pixels.mode == "CMYK" else "RGB"
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if target is not None and profile.profile.xcolor_space.strip() == wanted_space:
            converted = ImageCms.profileToProfile(
                pixels,
                profile,
                _srgb(),
                renderingIntent=ImageCms.Intent.PERCEPTUAL,
                outputMode=target,
            )
            if converted is not None:
                findings.changes.add(Change.CONVERTED_TO_SRGB)
                return converted
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        pass
    findings.changes.add(Change.COLOUR_PROFILE_DROPPED)
    return pixels


def _output_mode(pixels: Image.Image, out_kind: MediaKind) -> Image.Image:
    mode = pixels.mode
    transparent = mode in _ALPHA_MODES or "transparency" in pixels.info
    if out_kind is MediaKind.JPEG:
        return pixels if mode in ("L", "RGB") else pixels.convert("RGB")
    if out_kind is MediaKind.PNG:
        if "transparency" in pixels.info:
            return pixels.convert("RGBA")
        if mode in _PNG_MODES:
            return pixels
        if mode.startswith("I"):
            return pixels.convert("I").convert("I;16")  # clipped to 16 bits
        return pixels.convert("RGBA" if transparent else "RGB")
    return pixels if mode in ("RGB", "RGBA") else pixels.convert("RGBA" if transparent else "RGB")


def _encode(
    fresh: Image.Image,
    out_kind: MediaKind,
    findings: Findings,
    *,
    lossless_webp: bool,
    subsampling: int,
) -> bytes:
    out = io.BytesIO()
    try:
        if out_kind is MediaKind.JPEG:
            findings.changes.add(Change.LOSSY)
            fresh.save(
                out,
                "JPEG",
                quality=JPEG_QUALITY,
                subsampling=subsampling,
                optimize=False,
                progressive=False,
            )
        elif out_kind is MediaKind.PNG:
            fresh.save(out, "PNG", compress_level=6)
        elif lossless_webp:
            fresh.save(out, "WEBP", lossless=True, exact=True, quality=100, method=4)
        else:
            findings.changes.add(Change.LOSSY)
            fresh.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    except (OSError, ValueError):
        raise CleaningFailed(FailureReason.CORRUPT, out_kind) from None
    return out.getvalue()


def _jpeg_subsampling(image: Image.Image) -> int:
    """4:4:4 if the original had full-resolution colour, else 4:2:0."""
    if isinstance(image, JpegImagePlugin.JpegImageFile):
        return 0 if JpegImagePlugin.get_sampling(image) == 0 else 2
    return 2


def _is_lossless_webp(data: bytes) -> bool:
    """Whether the first image bitstream in the WebP file is VP8L (lossless)."""
    position = 12
    while position + 8 <= len(data):
        chunk_type = data[position : position + 4]
        length = int.from_bytes(data[position + 4 : position + 8], "little")
        if chunk_type == b"VP8L":
            return True
        if chunk_type == b"VP8 ":
            return False
        if chunk_type == b"ANMF":  # an animation frame: its bitstream follows a 16-byte header
            position += 8 + 16
            continue
        position += 8 + length + length % 2
    return False
