"""MP3 (MPEG audio) cleaning: keep the audio frames byte for byte, drop everything else.

The stream is walked frame by frame. A frame is kept when its header is valid and it is
followed by another frame, a recognised tag, or the end of the file; anything else (ID3v2 tags
at the start or in the middle, APE and Lyrics3 tags, ID3v1 at the end, junk, a frame cut short)
is dropped. After junk, the walk picks the stream up again only where three frames in a row
agree (or fewer that run to the end or into a tag), so bytes inside a tag that happen to look
like a frame header are not taken for audio. What comes out is frames and nothing but frames.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from testimony_app.media.audio_tags import id3v2_length, tag_at, trailing_tags_start
from testimony_app.media.errors import CleaningFailed, FailureReason, NoCleaner, RefusalReason
from testimony_app.media.kinds import MediaKind
from testimony_app.media.mpeg_audio import (
    HEADER_SIZE,
    FrameHeader,
    is_free_format,
    parse_frame_header,
)
from testimony_app.media.result import Removed
from testimony_app.media.streams import CHUNK_SIZE, Findings, Window

CONFIRM_FRAMES = 3
TRAILING_TAGS_LIMIT = 1024 * 1024  # how far from the end a frame may be followed by tags only
# Where a frame or a tag may begin: a frame sync, or the first bytes of a tag.
_CANDIDATE = re.compile(rb"\xff[\xe0-\xff]|ID3|APETAGEX|TAG|LYRICSBEGIN")
_LONGEST_SIGNATURE = 11


def skip_leading_id3v2(window: Window, position: int, findings: Findings) -> int:
    """Past every ID3v2 tag at `position` (files sometimes carry several, one after another)."""
    while True:
        length = id3v2_length(window.peek(position, 10))
        if length is None:
            return position
        findings.removed.add(Removed.ID3V2)
        position = window.skip_to(position + length)


def clean_mp3(window: Window, start: int, findings: Findings) -> Iterator[bytes]:
    """Yield the audio frames from `start` on, in pieces of about CHUNK_SIZE."""
    walker = _Walker(window, findings)
    yield from walker.run(start)
    if walker.frames == 0:
        raise CleaningFailed(FailureReason.CORRUPT, MediaKind.MP3)


class _Walker:
    def __init__(self, window: Window, findings: Findings) -> None:
        self.window = window
        self.findings = findings
        self.frames = 0
        self._trailing_tags: int | None = None  # where the tags at the end begin; -1: none

    def run(self, start: int) -> Iterator[bytes]:
        window = self.window
        position = start
        kept_from = start  # the frames in [kept_from, position) are kept, not yet yielded
        lock: FrameHeader | None = None
        first = True
        while True:
            if position - kept_from >= CHUNK_SIZE:
                yield window.take(kept_from, position - kept_from)
                kept_from = position
                window.release(position)
            head = window.peek(position, HEADER_SIZE)
            if not head:
                break
            header = parse_frame_header(head)
            if header is not None:
                locked = lock is not None and header.same_stream(lock)
                if locked and self._ends_well(position, header):
                    position += header.length
                    self.frames += 1
                    continue
                if self._confirmed_run(position, header):
                    lock = header
                    first = False
                    position += header.length
                    self.frames += 1
                    continue
            elif first and is_free_format(head):
                raise NoCleaner(MediaKind.MP3, RefusalReason.VARIANT)
            first = False
            if position > kept_from:
                yield window.take(kept_from, position - kept_from)
            tag = tag_at(window, position)
            if tag is not None:
                kind, length = tag
                self.findings.removed.add(kind)
                position = window.skip_to(position + length)
            else:
                self.findings.removed.add(Removed.NON_AUDIO_DATA)
                position = self._next_candidate(position + 1)
            kept_from = position
        if position > kept_from:
            yield window.take(kept_from, position - kept_from)

    def _ends_well(self, position: int, header: FrameHeader) -> bool:
        """The frame is whole and what follows is a frame, a tag, or the end."""
        following = position + header.length
        window = self.window
        if window.at_end(following):
            return self._no_tag_inside_last(position, following)
        if parse_frame_header(window.peek(following, HEADER_SIZE)) is not None:
            return True
        return self._tags_follow(following)

    def _confirmed_run(self, position: int, first: FrameHeader) -> bool:
        window = self.window
        header = first
        for _ in range(CONFIRM_FRAMES):
            start = position
            position += header.length
            if window.at_end(position):
                return self._no_tag_inside_last(start, position)
            following = parse_frame_header(window.peek(position, HEADER_SIZE))
            if following is None:
                return self._tags_follow(position)
            if not following.same_stream(first):
                return False
            header = following
        return True

    def _tags_follow(self, position: int) -> bool:
        """A tag starts at `position`, or only tags lie between it and the end of the file
        (an APE tag without a header shows itself only by its footer, at the very end)."""
        window = self.window
        window.fill(position)
        if window.end < position:  # the frame runs past the end of the file
            return False
        if tag_at(window, position) is not None:
            return True
        window.fill(position + TRAILING_TAGS_LIMIT + 1)
        if not window.eof or window.end - position > TRAILING_TAGS_LIMIT:
            return False
        if self._trailing_tags is None:  # worked out once: damage near the end may ask often
            tail_start = max(window.base, window.end - TRAILING_TAGS_LIMIT)
            tail = window.peek(tail_start, window.end - tail_start)
            found = trailing_tags_start(tail, set())
            self._trailing_tags = -1 if found is None or found == len(tail) else tail_start + found
        return position == self._trailing_tags

    def _no_tag_inside_last(self, start: int, end: int) -> bool:
        """False when the file's last "frame" would hold a trailing tag (its header claims a
        length that runs over the tag exactly to the end of the file)."""
        last = self.window.peek(start, end - start)
        return trailing_tags_start(last, set()) == len(last)

    def _next_candidate(self, position: int) -> int:
        window = self.window
        while True:
            window.fill(position + _LONGEST_SIGNATURE)
            found = _CANDIDATE.search(window.buffer, position - window.base)
            if found is not None:
                return window.base + found.start()
            if window.eof:
                return window.end
            position = max(position, window.end - _LONGEST_SIGNATURE)
            window.release(position)
            window.fill(window.end + CHUNK_SIZE)
