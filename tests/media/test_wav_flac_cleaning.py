"""WAV keeps its format and samples; FLAC its STREAMINFO and frames; nothing else of either."""

from __future__ import annotations

import struct

import pytest

from testimony_app.media import (
    CleaningFailed,
    FailureReason,
    MediaKind,
    NoCleaner,
    RefusalReason,
    Removed,
    clean_attachment,
)
from tests.helpers import canary
from tests.media import builders as b


def test_wav_keeps_format_and_samples_only() -> None:
    hidden = [canary("IART"), canary("BEXT"), canary("IXML"), canary("ID3"), canary("AFTER")]
    samples = bytes(range(256)) * 40 + b"\x01"  # odd length: a pad byte follows
    fmt = b.pcm_fmt()
    wav = b.wav_file(
        [
            b.riff_chunk(b"LIST", b"INFO" + b.riff_chunk(b"IART", hidden[0].encode() + b"\0")),
            b.riff_chunk(b"fmt ", fmt),
            b.riff_chunk(b"bext", hidden[1].encode().ljust(256, b"\0")),
            b.riff_chunk(b"iXML", f"<BWFXML><NOTE>{hidden[2]}</NOTE></BWFXML>".encode()),
            b.riff_chunk(b"data", samples),
            b.riff_chunk(
                b"id3 ", b.id3v2_tag([b.id3v2_frame("TPE1", b"\3" + hidden[3].encode(), version=4)])
            ),
            b.riff_chunk(b"LIST", b"INFO" + b.riff_chunk(b"ICMT", hidden[4].encode())),
        ]
    )
    result = clean_attachment(wav, "audio/wav", "zoom0001.wav")
    assert result.data is not None
    assert b.leaked(result.data, hidden) == []
    expected = b.wav_file([b.riff_chunk(b"fmt ", fmt), b.riff_chunk(b"data", samples)])
    assert result.data == expected
    assert Removed.RIFF_CHUNKS in result.removed
    assert result.kind is MediaKind.WAV and result.media_type == "audio/wav"


def test_wav_with_fact_chunk_and_extensible_format() -> None:
    fmt = struct.pack("<HHIIHHH", 0xFFFE, 2, 48000, 192000, 4, 16, 22) + bytes(22)
    fact = struct.pack("<I", 1000)
    wav = b.wav_file(
        [
            b.riff_chunk(b"fmt ", fmt),
            b.riff_chunk(b"fact", fact),
            b.riff_chunk(b"data", bytes(4000)),
        ]
    )
    result = clean_attachment(wav, "audio/x-wav", "a.wav")
    assert result.data == wav


@pytest.mark.parametrize(
    "chunks, reason",
    [
        ([b.riff_chunk(b"data", bytes(10))], FailureReason.CORRUPT),  # no format
        ([b.riff_chunk(b"fmt ", b.pcm_fmt())], FailureReason.TRUNCATED),  # no samples
        (
            [b.riff_chunk(b"fmt ", b.pcm_fmt()), b"data" + struct.pack("<I", 10**6) + bytes(50)],
            FailureReason.TRUNCATED,
        ),
        ([b"LIST" + struct.pack("<I", 0xFFFFFFF0) + bytes(20)], FailureReason.TRUNCATED),
        ([b.riff_chunk(b"fmt ", bytes(5000))], FailureReason.CORRUPT),
    ],
)
def test_damaged_wav_fails(chunks: list[bytes], reason: FailureReason) -> None:
    with pytest.raises(CleaningFailed) as caught:
        clean_attachment(b.wav_file(chunks), "audio/wav", "a.wav")
    assert caught.value.reason is reason


def test_rf64_is_refused_as_a_variant() -> None:
    with pytest.raises(NoCleaner) as caught:
        clean_attachment(b"RF64" + bytes(4) + b"WAVEds64" + bytes(100), "audio/wav", "a.wav")
    assert caught.value.kind is MediaKind.WAV and caught.value.reason is RefusalReason.VARIANT


def flac_file(hidden: list[str], frames: bytes) -> bytes:
    picture = struct.pack(">II", 3, 9) + b"image/png" + struct.pack(">I", len(hidden[1]))
    picture += hidden[1].encode() + bytes(16) + struct.pack(">I", 4) + b"\x89PNG"
    return (
        b"fLaC"
        + b.flac_block(0, b.flac_streaminfo())
        + b.flac_block(3, bytes(18))  # seek table
        + b.flac_block(4, b.vorbis_comment(f"ARTIST={hidden[0]}", "TITLE=x"))
        + b.flac_block(6, picture)
        + b.flac_block(2, b"riff" + hidden[2].encode())  # application block
        + b.flac_block(1, bytes(100), last=True)  # padding
        + frames
    )


def test_flac_keeps_streaminfo_and_frames_only() -> None:
    hidden = [canary("VORBIS"), canary("PICTURE"), canary("APP")]
    frames = b.flac_frames(20_000)
    result = clean_attachment(flac_file(hidden, frames), "audio/flac", "a.flac")
    assert result.data is not None
    assert b.leaked(result.data, hidden) == []
    assert result.data == b"fLaC" + b.flac_block(0, b.flac_streaminfo(), last=True) + frames
    assert Removed.FLAC_METADATA in result.removed


def test_flac_behind_id3_and_with_tags_appended() -> None:
    hidden = [canary("V"), canary("P"), canary("A"), canary("HEAD"), canary("V1"), canary("APE")]
    frames = b.flac_frames(3000)
    head = b.id3v2_tag([b.id3v2_frame("TPE1", b"\3" + hidden[3].encode(), version=4)])
    tail = b.ape_tag({"Artist": hidden[5]}) + b.id3v1_tag("t", hidden[4][:30], "c")
    result = clean_attachment(head + flac_file(hidden, frames) + tail, "audio/mpeg", "a.mp3")
    assert result.kind is MediaKind.FLAC and result.media_type == "audio/flac"
    assert result.data is not None
    assert b.leaked(result.data, hidden) == []
    assert result.data.endswith(frames)
    assert {Removed.ID3V2, Removed.ID3V1, Removed.APE} <= result.removed
    assert result.mismatches  # it was declared as MP3


@pytest.mark.parametrize(
    "data",
    [
        b"fLaC" + b.flac_block(4, bytes(10)),  # no STREAMINFO first
        b"fLaC" + b.flac_block(0, bytes(10), last=True),  # STREAMINFO of the wrong size
        b"fLaC" + b.flac_block(0, b.flac_streaminfo(), last=True) + b"not a frame",
        b"fLaC" + b.flac_block(0, b.flac_streaminfo()) + b.flac_block(127, bytes(3), last=True),
        b"fLaC" + b.flac_block(0, b.flac_streaminfo()) + b"\x04\xff\xff\xff" + bytes(10),
    ],
)
def test_damaged_flac_fails(data: bytes) -> None:
    with pytest.raises(CleaningFailed):
        clean_attachment(data, "audio/flac", "a.flac")
