"""Synthetic media for the cleaning tests, built byte by byte so the tests do not trust the
library under test to write the metadata they look for."""

from __future__ import annotations

import io
import random
import struct
import zlib
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageStat

# --- pictures -------------------------------------------------------------------------------

ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 2, 3, 4, 5, 7
_TYPE_SIZES = {ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8, UNDEFINED: 1}


@dataclass(frozen=True)
class Entry:
    tag: int
    type: int
    value: bytes  # already encoded, little-endian
    count: int


def ascii_entry(tag: int, text: str) -> Entry:
    data = text.encode("ascii") + b"\0"
    return Entry(tag, ASCII, data, len(data))


def short_entry(tag: int, value: int) -> Entry:
    return Entry(tag, SHORT, struct.pack("<H", value), 1)


def long_entry(tag: int, value: int) -> Entry:
    return Entry(tag, LONG, struct.pack("<I", value), 1)


def rationals_entry(tag: int, *values: tuple[int, int]) -> Entry:
    return Entry(tag, RATIONAL, b"".join(struct.pack("<II", n, d) for n, d in values), len(values))


def undefined_entry(tag: int, data: bytes) -> Entry:
    return Entry(tag, UNDEFINED, data, len(data))


def tiff_exif(
    ifd0: list[Entry],
    exif_ifd: list[Entry],
    gps_ifd: list[Entry],
    thumbnail: bytes | None,
) -> bytes:
    """A little-endian TIFF structure: IFD0 → Exif IFD, GPS IFD; IFD1 with a JPEG thumbnail."""

    def ifd_size(count: int) -> int:
        return 2 + 12 * count + 4

    ifd0_offset = 8
    exif_offset = ifd0_offset + ifd_size(len(ifd0) + 2)
    gps_offset = exif_offset + ifd_size(len(exif_ifd))
    ifd1_offset = gps_offset + ifd_size(len(gps_ifd))
    ifd1_count = 3 if thumbnail is not None else 0
    data_offset = ifd1_offset + (ifd_size(ifd1_count) if thumbnail is not None else 0)
    data = bytearray()

    def place(entry: Entry) -> bytes:
        raw = entry.value
        if len(raw) <= 4:
            return raw.ljust(4, b"\0")
        offset = data_offset + len(data)
        data.extend(raw + b"\0" * (len(raw) % 2))
        return struct.pack("<I", offset)

    def ifd(entries: list[Entry], next_offset: int) -> bytes:
        out = struct.pack("<H", len(entries))
        for entry in sorted(entries, key=lambda e: e.tag):
            out += struct.pack("<HHI", entry.tag, entry.type, entry.count) + place(entry)
        return out + struct.pack("<I", next_offset)

    ifd0_entries = [*ifd0, long_entry(0x8769, exif_offset), long_entry(0x8825, gps_offset)]
    body = ifd(ifd0_entries, ifd1_offset if thumbnail is not None else 0)
    body += ifd(exif_ifd, 0)
    body += ifd(gps_ifd, 0)
    if thumbnail is not None:
        ifd1_entries = [
            short_entry(0x0103, 6),
            long_entry(0x0202, len(thumbnail)),
        ]
        # The values of the IFDs above are in `data` by now: the thumbnail goes after them.
        thumbnail_offset = data_offset + len(data)
        ifd1_entries.append(long_entry(0x0201, thumbnail_offset))
        body += ifd(ifd1_entries, 0)
        data.extend(thumbnail)
    header = b"II*\0" + struct.pack("<I", ifd0_offset)
    tiff = header + body
    assert len(tiff) == data_offset
    return tiff + bytes(data)


def jpeg_segment(marker: int, body: bytes) -> bytes:
    assert len(body) + 2 <= 0xFFFF
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def insert_after_soi(jpeg: bytes, *segments: bytes) -> bytes:
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + b"".join(segments) + jpeg[2:]


def jpeg_bytes(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", **options)
    return out.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def upright_picture(size: tuple[int, int] = (96, 64)) -> Image.Image:
    """A picture that shows at once which way is up: four coloured quadrants and a gradient."""
    width, height = size
    image = Image.new("RGB", size)
    pixels = image.load()
    assert pixels is not None
    for y in range(height):
        for x in range(width):
            pixels[x, y] = (x * 255 // width, y * 255 // height, 128)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width // 4, height // 4), fill=(230, 20, 20))  # red, top left
    draw.rectangle((width - width // 4, height - height // 4, width, height), fill=(20, 20, 230))
    return image


def xmp_packet(text: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
        f'photoshop:City="{text}"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def iptc_app13(byline: str) -> bytes:
    record = b"\x1c\x02\x50" + struct.pack(">H", len(byline)) + byline.encode()
    record += b"\0" * (len(record) % 2)
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    return b"Photoshop 3.0\0" + resource


def srgb_profile_with_description(description: str) -> bytes:
    """Little CMS's sRGB profile with its 13-character description replaced by `description`."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = "sRGB built-in".encode("utf-16-be")
    replacement = description.encode("utf-16-be")
    assert len(replacement) == len(original) and original in profile
    return profile.replace(original, replacement)


def icc_app2(profile: bytes) -> bytes:
    return b"ICC_PROFILE\0\x01\x01" + profile


def png_chunk(chunk_type: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + chunk_type
        + data
        + struct.pack(">I", zlib.crc32(chunk_type + data))
    )


def insert_png_chunks(png: bytes, before_idat: list[bytes], after_idat: list[bytes]) -> bytes:
    ihdr_end = 8 + 25
    iend = png.rindex(b"IEND") - 4
    return (
        png[:ihdr_end]
        + b"".join(before_idat)
        + png[ihdr_end:iend]
        + b"".join(after_idat)
        + (png[iend:])
    )


def png_with_size(width: int, height: int) -> bytes:
    """A PNG header claiming `width` x `height`, with a tiny IDAT: a decompression bomb."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


# --- sound ---------------------------------------------------------------------------------

_MPEG1_L3_KBPS = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)


def mpeg1_layer3_frame(bitrate_index: int = 9, *, padding: int = 0, seed: int = 0) -> bytes:
    """One MPEG-1 Layer III frame at 44.1 kHz, joint stereo: a real header, filler for audio."""
    header = 0xFFFB0000 | (bitrate_index << 12) | (padding << 9) | (0b01 << 6)
    length = 144 * _MPEG1_L3_KBPS[bitrate_index] * 1000 // 44100 + padding
    rng = random.Random(seed)
    body = bytes(rng.randrange(0, 0xFF) for _ in range(length - 4))  # no 0xFF: no false syncs
    return struct.pack(">I", header) + body


def mp3_frames(count: int = 8) -> list[bytes]:
    bitrates = [9, 9, 11, 5, 14, 9, 1, 10]
    return [
        mpeg1_layer3_frame(bitrates[i % len(bitrates)], padding=i % 2, seed=i) for i in range(count)
    ]


def syncsafe(value: int) -> bytes:
    return bytes([(value >> 21) & 0x7F, (value >> 14) & 0x7F, (value >> 7) & 0x7F, value & 0x7F])


def id3v2_frame(frame_id: str, data: bytes, *, version: int) -> bytes:
    size = syncsafe(len(data)) if version == 4 else struct.pack(">I", len(data))
    return frame_id.encode("ascii") + size + b"\0\0" + data


def id3v2_tag(
    frames: list[bytes], *, version: int = 4, padding: int = 64, footer: bool = False
) -> bytes:
    body = b"".join(frames) + b"\0" * padding
    flags = 0x10 if footer else 0
    header = b"ID3" + bytes([version, 0, flags]) + syncsafe(len(body))
    tag = header + body
    if footer:
        tag += b"3DI" + bytes([version, 0, flags]) + syncsafe(len(body))
    return tag


def id3_text(text: str, *, encoding: int) -> bytes:
    """A text frame's body: encoding byte, then the text (1 = UTF-16 with BOM, 3 = UTF-8)."""
    if encoding == 1:
        return b"\x01" + text.encode("utf-16")
    return bytes([encoding]) + text.encode("utf-8" if encoding == 3 else "latin-1")


def id3_comment(text: str, *, encoding: int = 3) -> bytes:
    if encoding == 1:
        return b"\x01eng" + "\ufeff".encode("utf-16-le") + b"\0\0" + text.encode("utf-16")
    return bytes([encoding]) + b"eng" + b"\0" + text.encode("utf-8")


def id3v1_tag(title: str, artist: str, comment: str) -> bytes:
    def field(text: str, size: int) -> bytes:
        return text.encode("latin-1")[:size].ljust(size, b"\0")

    return (
        b"TAG"
        + field(title, 30)
        + field(artist, 30)
        + field("album", 30)
        + b"2025"
        + field(comment, 30)
        + b"\x0c"
    )


def ape_tag(items: dict[str, str], *, with_header: bool = True) -> bytes:
    body = b"".join(
        struct.pack("<II", len(value.encode()), 0) + key.encode("ascii") + b"\0" + value.encode()
        for key, value in items.items()
    )
    size = len(body) + 32
    has_header = (1 << 31) if with_header else 0

    def block(is_header: bool) -> bytes:
        flags = has_header | ((1 << 29) if is_header else 0)
        return b"APETAGEX" + struct.pack("<IIII", 2000, size, len(items), flags) + b"\0" * 8

    return (block(True) if with_header else b"") + body + block(False)


def riff_chunk(chunk_id: bytes, data: bytes) -> bytes:
    return chunk_id + struct.pack("<I", len(data)) + data + b"\0" * (len(data) % 2)


def pcm_fmt(channels: int = 1, rate: int = 8000, bits: int = 16) -> bytes:
    block = channels * bits // 8
    return struct.pack("<HHIIHH", 1, channels, rate, rate * block, block, bits)


def wav_file(chunks: list[bytes]) -> bytes:
    body = b"WAVE" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def flac_block(block_type: int, data: bytes, *, last: bool = False) -> bytes:
    return bytes([(0x80 if last else 0) | block_type]) + len(data).to_bytes(3, "big") + data


def flac_streaminfo() -> bytes:
    return bytes(range(34))


def flac_frames(size: int = 5000, seed: int = 1) -> bytes:
    """Stand-in for FLAC frames: a frame sync, then bytes the cleaner copies as they are."""
    rng = random.Random(seed)
    return b"\xff\xf8" + bytes(rng.randrange(0, 0xFF) for _ in range(size - 2))


def vorbis_comment(*comments: str) -> bytes:
    vendor = b"reference libFLAC 1.4.3"
    out = struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", len(comments))
    for comment in comments:
        data = comment.encode()
        out += struct.pack("<I", len(data)) + data
    return out


# --- checks --------------------------------------------------------------------------------


def leaked(data: bytes, canaries: list[str]) -> list[str]:
    """The canaries found in any byte of `data`, as UTF-8 (ASCII) or UTF-16 of either order."""
    return [
        text
        for text in canaries
        if any(
            encoded in data
            for encoded in (
                text.encode("utf-8"),
                text.encode("utf-16-le"),
                text.encode("utf-16-be"),
            )
        )
    ]


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference per channel value, 0..255."""
    assert a.size == b.size
    stat = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB")))
    return sum(stat.mean) / len(stat.mean)


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image
