"""Properties: any bytes at all end in a result or a typed error; cleaned MP3 is frames only."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from testimony_app.media import CleanResult, MediaError, MediaKind, clean_attachment
from testimony_app.media.mpeg_audio import parse_frame_header
from tests.media import builders as b

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MAGIC_PREFIXES = [
    b"\xff\xd8\xff",
    b"\xff\xd8\xff\xe1\x00\x40Exif\0\0II*\0",
    b"\x89PNG\r\n\x1a\n",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"GIF89a",
    b"RIFF\x00\x00\x00\x00WEBPVP8X",
    b"RIFF\x00\x01\x00\x00WAVEfmt ",
    b"fLaC",
    b"fLaC\x00\x00\x00\x22",
    b"ID3\x04\x00\x00\x00\x00\x00\x10",
    b"\xff\xfb\x90\x44",
    b"APETAGEX",
    b"\xef\xbb\xbf",
]


def clean_or_typed_error(data: bytes) -> CleanResult | None:
    try:
        result = clean_attachment(data, "application/octet-stream", "x")
    except MediaError:
        return None
    assert result.data is not None
    return result


@SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_never_crash(data: bytes) -> None:
    clean_or_typed_error(data)


@SETTINGS
@given(st.sampled_from(MAGIC_PREFIXES), st.binary(max_size=2048))
def test_a_known_start_and_junk_never_crash(prefix: bytes, rest: bytes) -> None:
    clean_or_typed_error(prefix + rest)


def _valid_files() -> list[bytes]:
    picture = b.upright_picture((24, 16))
    webp = io.BytesIO()
    picture.save(webp, "WEBP", quality=80)
    gif = io.BytesIO()
    picture.convert("P").save(gif, "GIF")
    exif = b.tiff_exif([b.short_entry(0x0112, 6)], [b.ascii_entry(0xA431, "x")], [], None)
    jpeg = b.insert_after_soi(b.jpeg_bytes(picture), b.jpeg_segment(0xE1, b"Exif\0\0" + exif))
    wav = b.wav_file([b.riff_chunk(b"fmt ", b.pcm_fmt()), b.riff_chunk(b"data", bytes(300))])
    flac = b"fLaC" + b.flac_block(0, b.flac_streaminfo(), last=True) + b.flac_frames(300)
    return [jpeg, b.png_bytes(picture), webp.getvalue(), gif.getvalue(), wav, flac]


VALID_FILES = _valid_files()
PICTURES = {MediaKind.JPEG, MediaKind.PNG, MediaKind.GIF, MediaKind.WEBP}


@st.composite
def mutated(draw: st.DrawFn, originals: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(originals)))
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip":
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "cut":
            del data[position : position + draw(st.integers(1, 64))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[position:]
        if not data:
            data = bytearray(b"\0")
    return bytes(data)


@pytest.mark.filterwarnings("ignore:.*EXIF:UserWarning", "ignore:Tag data:UserWarning")
@SETTINGS
@given(mutated(VALID_FILES))
def test_damaged_pictures_and_sound_never_crash(data: bytes) -> None:
    result = clean_or_typed_error(data)
    if result is not None and result.kind in PICTURES:
        assert result.data is not None
        Image.open(io.BytesIO(result.data)).load()  # what comes out is a picture


MP3 = (
    b.id3v2_tag([b.id3v2_frame("TPE1", b"\3artist", version=4)])
    + b"".join(b.mp3_frames(12))
    + b.ape_tag({"Artist": "someone"})
    + b.id3v1_tag("t", "a", "c")
)


@SETTINGS
@given(mutated([MP3]))
def test_cleaned_mp3_is_a_chain_of_frames_and_nothing_else(data: bytes) -> None:
    result = clean_or_typed_error(data)
    if result is None or result.kind is not MediaKind.MP3:
        return
    cleaned = result.data
    assert cleaned
    position = 0
    while position < len(cleaned):
        header = parse_frame_header(cleaned[position : position + 4])
        assert header is not None, position
        position += header.length
    assert position == len(cleaned)


@SETTINGS
@given(
    st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cs"]) | st.sampled_from("\t\n\r"))
)
def test_text_passes_through_as_it_is(text: str) -> None:
    data = text.encode()
    try:
        result = clean_attachment(data, "text/plain", "a.txt")
    except MediaError:
        # It may look like another format (markup, PostScript, a frame sync cannot occur in UTF-8).
        return
    if result.kind is MediaKind.TEXT:
        assert result.data == data.removeprefix(b"\xef\xbb\xbf")
