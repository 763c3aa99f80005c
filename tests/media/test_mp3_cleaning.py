"""MP3: every tag gone, every audio frame kept byte for byte."""

from __future__ import annotations

import io

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
from testimony_app.media.mpeg_audio import parse_frame_header
from tests.helpers import canary
from tests.media import builders as b


def tagged_mp3(canaries: list[str], frames: list[bytes]) -> bytes:
    artist, comment, title, ape_artist, v1_artist, v1_comment, txxx = canaries
    first = b.id3v2_tag(
        [
            b.id3v2_frame("TPE1", b.id3_text(artist, encoding=3), version=4),
            b.id3v2_frame("COMM", b.id3_comment(comment), version=4),
            b.id3v2_frame("TXXX", b"\x03where\0" + txxx.encode(), version=4),
        ],
        version=4,
    )
    second = b.id3v2_tag(  # some taggers leave an older tag behind the new one
        [b.id3v2_frame("TIT2", b.id3_text(title, encoding=1), version=3)], version=3, padding=0
    )
    ape = b.ape_tag({"Artist": ape_artist, "Comment": "recorded at home"})
    v1 = b.id3v1_tag("title", v1_artist, v1_comment)
    return first + second + b"".join(frames) + ape + v1


@pytest.fixture
def canaries() -> list[str]:
    return [canary(label)[:28] for label in ("ART", "COM", "TIT", "APE", "V1A", "V1C", "TXX")]


def test_the_frames_built_here_are_valid_mpeg_frames() -> None:
    for frame in b.mp3_frames(8):
        header = parse_frame_header(frame)
        assert header is not None and header.length == len(frame)
        assert header.layer == 3 and header.version == 3 and header.sample_rate == 44100


def test_tags_are_gone_and_frames_identical(canaries: list[str]) -> None:
    frames = b.mp3_frames(8)
    mp3 = tagged_mp3(canaries, frames)
    assert b.leaked(mp3, canaries) == canaries

    result = clean_attachment(mp3, "audio/mpeg", "interview.mp3")

    assert result.data == b"".join(frames)
    assert b.leaked(result.data, canaries) == []
    assert result.kind is MediaKind.MP3 and result.media_type == "audio/mpeg"
    assert result.extension == ".mp3"
    assert {Removed.ID3V2, Removed.APE, Removed.ID3V1} <= result.removed
    assert result.bytes_removed == len(mp3) - len(result.data)
    assert result.data[:2] == b"\xff\xfb"


def test_id3v24_footer_and_a_tag_appended_at_the_end() -> None:
    frames = b.mp3_frames(6)
    hidden = [canary("FOOT"), canary("TAIL")]
    head_tag = b.id3v2_tag(
        [b.id3v2_frame("TPE1", b.id3_text(hidden[0], encoding=3), version=4)], footer=True
    )
    tail_tag = b.id3v2_tag(
        [b.id3v2_frame("COMM", b.id3_comment(hidden[1], encoding=1), version=4)], footer=True
    )
    result = clean_attachment(head_tag + b"".join(frames) + tail_tag, "audio/mpeg", "a.mp3")
    assert result.data == b"".join(frames)
    assert b.leaked(result.data, hidden) == []


def test_an_ape_tag_without_header_and_lyrics3() -> None:
    frames = b.mp3_frames(5)
    hidden = [canary("APEV1"), canary("LYRICS")]
    lyrics = b"LYRICSBEGIN" + b"IND0000210LYR00020" + hidden[1].encode()[:20]
    lyrics += b"%06dLYRICS200" % len(lyrics)
    mp3 = b"".join(frames) + b.ape_tag({"Artist": hidden[0]}, with_header=False) + lyrics
    mp3 += b.id3v1_tag("t", "a", "c")
    result = clean_attachment(mp3, "audio/mpeg", "a.mp3")
    assert result.data == b"".join(frames)
    assert b.leaked(result.data, hidden) == []
    assert {Removed.APE, Removed.ID3V1} <= result.removed


def test_junk_between_frames_is_dropped_and_the_stream_picked_up_again() -> None:
    frames = b.mp3_frames(9)
    secret = canary("JUNK")
    junk = b"\0" * 33 + secret.encode() + b"\xff\xfb\x90"  # even a stray frame sync
    mp3 = b"".join(frames[:4]) + junk + b"".join(frames[4:])
    result = clean_attachment(mp3, "audio/mpeg", "a.mp3")
    # The frame just before the junk goes too: one whose length cannot be checked against what
    # follows it might be a damaged header whose "frame" runs into something else.
    assert result.data == b"".join(frames[:3] + frames[4:])
    assert Removed.NON_AUDIO_DATA in result.removed


def test_a_frame_cut_short_at_the_end_is_dropped() -> None:
    frames = b.mp3_frames(5)
    mp3 = b"".join(frames) + frames[0][:100]
    result = clean_attachment(mp3, "audio/mpeg", "a.mp3")
    assert result.data == b"".join(frames)


def test_a_last_frame_whose_length_would_swallow_a_trailing_tag_is_not_kept() -> None:
    frames = b.mp3_frames(4)
    secret = canary("SWALLOW")[:30]
    # A header claiming 1044 bytes (320 kbit/s), then 916 bytes and a 128-byte ID3v1 tag: the
    # "frame" ends exactly at the end of the file, with the tag inside it.
    swallowing = b.mpeg1_layer3_frame(14)[: 1044 - 128]
    mp3 = b"".join(frames) + swallowing + b.id3v1_tag("t", secret, "c")
    result = clean_attachment(mp3, "audio/mpeg", "a.mp3")
    assert result.data is not None
    assert b.leaked(result.data, [secret]) == []
    assert result.data == b"".join(frames)
    assert Removed.ID3V1 in result.removed


def test_a_single_frame_file_is_kept() -> None:
    frame = b.mp3_frames(1)[0]
    result = clean_attachment(b.id3v2_tag([]) + frame, "audio/mpeg", "a.mp3")
    assert result.data == frame


def test_mpeg2_and_layer_ii_streams_are_walked_too() -> None:
    # MPEG-2 Layer III at 22.05 kHz, 64 kbit/s: 72 * 64000 / 22050 = 208 bytes a frame.
    header = bytes([0xFF, 0xF3, 0x80, 0xC4])
    frame = header + bytes(range(1, 205))
    assert parse_frame_header(frame) is not None and len(frame) == 208
    # MPEG-1 Layer II at 48 kHz, 192 kbit/s: 144 * 192000 / 48000 = 576 bytes.
    layer2 = bytes([0xFF, 0xFD, 0xA4, 0x04]) + bytes(572)
    for one in (frame, layer2):
        result = clean_attachment(b.id3v2_tag([]) + one * 4, "audio/mpeg", "a.mp2")
        assert result.data == one * 4


def test_nothing_but_tags_fails() -> None:
    with pytest.raises(CleaningFailed) as caught:
        clean_attachment(b.id3v2_tag([]) + b"\0" * 500, "audio/mpeg", "a.mp3")
    assert caught.value.reason is FailureReason.CORRUPT
    assert caught.value.kind is MediaKind.MP3


def test_a_truncated_id3_tag_fails() -> None:
    tag = b.id3v2_tag([b.id3v2_frame("TPE1", b.id3_text("x" * 500, encoding=3), version=4)])
    with pytest.raises(CleaningFailed):
        clean_attachment(tag[:200], "audio/mpeg", "a.mp3")


def test_free_format_is_refused_as_a_variant() -> None:
    free = bytes([0xFF, 0xFB, 0x00, 0x44]) + bytes(500)
    with pytest.raises(NoCleaner) as caught:
        clean_attachment(free * 3, "audio/mpeg", "a.mp3")
    assert caught.value.kind is MediaKind.MP3
    assert caught.value.reason is RefusalReason.VARIANT


def test_aac_behind_an_id3_tag_is_refused() -> None:
    adts = bytes([0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC]) + bytes(10)
    with pytest.raises(NoCleaner) as caught:
        clean_attachment(b.id3v2_tag([]) + adts, "audio/mpeg", "a.mp3")
    assert caught.value.kind is MediaKind.AAC


def test_an_mp3_streams_from_a_file_object_and_into_a_sink(canaries: list[str]) -> None:
    frames = b.mp3_frames(8)
    sink = io.BytesIO()
    result = clean_attachment(
        io.BytesIO(tagged_mp3(canaries, frames)), "audio/mpeg", "a.mp3", sink=sink
    )
    assert result.data is None
    assert sink.getvalue() == b"".join(frames)
    assert result.size == len(sink.getvalue())
