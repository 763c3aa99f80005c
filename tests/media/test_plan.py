"""Cleaning plans: written down while a sound or text file is cleaned, they give back exactly
the cleaned bytes when followed over the original, in chunks of any size; anything else
(a picture, a damaged or hostile plan) has no plan and is cleaned again."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from testimony_app.media import clean_stream
from testimony_app.media import plan as media_plan
from testimony_app.media.plan import PlanMismatch, PlanRecorder, Span, Verbatim
from tests.helpers import canary
from tests.media import builders as b
from tests.media.test_wav_flac_cleaning import flac_file


def _mp3_with_everything() -> bytes:
    frames = b.mp3_frames(40)
    return (
        b.id3v2_tag([b.id3v2_frame("TPE1", b.id3_text(canary("ARTIST"), encoding=3), version=4)])
        + b"".join(frames[:20])
        + b"junk that is not audio " * 3
        + b.id3v2_tag([b.id3v2_frame("COMM", b.id3_comment(canary("MID")), version=4)])
        + b"".join(frames[20:])
        + b.ape_tag({"Artist": canary("APE")})
        + b.id3v1_tag("title", "artist", canary("V1")[:28])
    )


def _wav() -> bytes:
    return b.wav_file(
        [
            b.riff_chunk(b"LIST", b"INFO" + b.riff_chunk(b"IART", canary("IART").encode())),
            b.riff_chunk(b"fmt ", b.pcm_fmt()),
            b.riff_chunk(b"data", bytes(range(256)) * 50 + b"\x07"),
            b.riff_chunk(b"LIST", b"INFO" + b.riff_chunk(b"ICMT", canary("ICMT").encode())),
        ]
    )


SOUNDS_AND_TEXT = {
    "mp3": (_mp3_with_everything, "audio/mpeg", "a.mp3"),
    "wav": (_wav, "audio/wav", "a.wav"),
    "flac": (
        lambda: flac_file([canary("VC"), canary("PIC"), canary("APP")], b.flac_frames(30_000)),
        "audio/flac",
        "a.flac",
    ),
    "text": (
        lambda: b"\xef\xbb\xbf" + "ملاحظات المقابلة، سطرًا سطرًا\n".encode() * 400,
        "text/plain",
        "a.txt",
    ),
}


def _in_chunks(data: bytes, seed: int) -> Iterator[bytes]:
    """The original as a vault would stream it, cut at arbitrary places."""
    rng = random.Random(seed)
    position = 0
    while position < len(data):
        size = rng.choice([1, 7, 417, 4096, 65536])
        yield data[position : position + size]
        position += size


@pytest.mark.parametrize("name", sorted(SOUNDS_AND_TEXT))
def test_following_the_plan_gives_the_cleaned_bytes(name: str) -> None:
    make, media_type, file_name = SOUNDS_AND_TEXT[name]
    original = make()
    stream = clean_stream(original, media_type, file_name)
    cleaned = b"".join(stream)
    plan = stream.result.plan
    assert plan is not None
    assert any(isinstance(piece, Span) for piece in plan)
    literal = sum(len(piece) for piece in plan if isinstance(piece, bytes))
    assert literal <= 64, "only headers are new bytes"
    for seed in range(5):
        assert b"".join(media_plan.follow(_in_chunks(original, seed), plan)) == cleaned
    assert media_plan.decode(media_plan.encode(plan)) == plan


def test_the_plan_of_an_mp3_is_its_two_runs_of_frames() -> None:
    original = _mp3_with_everything()
    stream = clean_stream(original, "audio/mpeg", "a.mp3")
    cleaned = b"".join(stream)
    plan = stream.result.plan
    assert plan is not None and [type(piece) for piece in plan] == [Span, Span]
    runs = [original[p.offset : p.offset + p.length] for p in plan if isinstance(p, Span)]
    assert b"".join(runs) == cleaned
    assert runs[0].startswith(b.mp3_frames(1)[0])  # the first run starts at the first frame


def test_a_picture_has_no_plan() -> None:
    stream = clean_stream(b.png_bytes(b.upright_picture()), "image/png", "a.png")
    b"".join(stream)
    assert stream.result.plan is None


def test_a_plan_holding_much_that_is_new_is_given_up() -> None:
    recorder = PlanRecorder()
    recorder.add(Verbatim(b"abc", 10))
    recorder.add(b"\0" * (media_plan.MAX_LITERAL_BYTES + 1))
    assert recorder.plan is None


def test_a_plan_that_goes_back_in_the_original_is_given_up() -> None:
    recorder = PlanRecorder()
    recorder.add(Verbatim(b"abcdef", 10))
    recorder.add(Verbatim(b"ab", 12))
    assert recorder.plan is None


def test_pieces_next_to_each_other_become_one_range() -> None:
    recorder = PlanRecorder()
    recorder.add(b"HEAD")
    recorder.add(Verbatim(b"abc", 10))
    recorder.add(Verbatim(b"def", 13))
    recorder.add(Verbatim(b"x", 20))
    recorder.add(b"T")
    recorder.add(b"AIL")
    assert recorder.plan == (b"HEAD", Span(10, 6), Span(20, 1), b"TAIL")


def test_an_original_shorter_than_the_plan_is_a_mismatch() -> None:
    with pytest.raises(PlanMismatch):
        b"".join(media_plan.follow([b"0123456789"], (Span(4, 10),)))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{}",
        "not json",
        "[[0, -1]]",
        "[[-5, 3]]",
        "[[0, 0]]",
        "[[true, 3]]",
        "[[0, 3.5]]",
        "[[0, 3, 4]]",
        "[[10, 5], [12, 5]]",  # overlapping: a plan only goes forward
        '["not base64!"]',
        "[null]",
        "[" + ",".join(["[0,1]"] * 10) + "]",  # forward only: the same range again
        "[" + ",".join(f"[{i},1]" for i in range(media_plan.MAX_PIECES + 1)) + "]",
        "[" * 100_000 + "]" * 100_000,  # nested deep
    ],
)
def test_a_damaged_plan_is_not_followed(text: str) -> None:
    assert media_plan.decode(text) is None
