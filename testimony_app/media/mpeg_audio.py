"""MPEG audio (MP1/MP2/MP3) frame headers: is this a frame, and how long is it.

Only the four header bytes are read. Free-format streams (bitrate index 0) have no length in
their headers, so they are not frames here; the MP3 cleaner refuses them as a variant.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

# kbit/s by (is MPEG-1, layer) and bitrate index 1..14
_BITRATES: dict[tuple[bool, int], tuple[int, ...]] = {
    (True, 1): (32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
# Hz by version bits (0 = MPEG-2.5, 2 = MPEG-2, 3 = MPEG-1) and sample-rate index 0..2
_SAMPLE_RATES: dict[int, tuple[int, int, int]] = {
    0: (11025, 12000, 8000),
    2: (22050, 24000, 16000),
    3: (44100, 48000, 32000),
}
HEADER_SIZE = 4
MAX_FRAME_LENGTH = 2881  # MPEG-2 Layer II at 160 kbit/s and 8 kHz, padded


@dataclass(frozen=True, slots=True)
class FrameHeader:
    version: int  # the two version bits: 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5
    layer: int  # 1, 2 or 3
    sample_rate: int
    length: int  # of the whole frame, header included

    def same_stream(self, other: FrameHeader) -> bool:
        """Frames of one stream share version, layer and sample rate (the bitrate may vary)."""
        return (
            self.version == other.version
            and self.layer == other.layer
            and self.sample_rate == other.sample_rate
        )


def parse_frame_header(data: bytes) -> FrameHeader | None:
    """The header at the start of `data`, or None if these four bytes do not begin a frame."""
    if len(data) < HEADER_SIZE:
        return None
    return _parse(int.from_bytes(data[:HEADER_SIZE], "big"))


@functools.lru_cache(maxsize=8192)
def _parse(word: int) -> FrameHeader | None:
    if word >> 21 != 0x7FF:
        return None
    version = (word >> 19) & 3
    layer_bits = (word >> 17) & 3
    bitrate_index = (word >> 12) & 15
    rate_index = (word >> 10) & 3
    padding = (word >> 9) & 1
    emphasis = word & 3
    if version == 1 or layer_bits == 0 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    if emphasis == 2:
        return None
    layer = 4 - layer_bits
    mpeg1 = version == 3
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index - 1] * 1000
    sample_rate = _SAMPLE_RATES[version][rate_index]
    if layer == 1:
        length = (12 * bitrate // sample_rate + padding) * 4
    elif layer == 3 and not mpeg1:
        length = 72 * bitrate // sample_rate + padding
    else:
        length = 144 * bitrate // sample_rate + padding
    return FrameHeader(version, layer, sample_rate, length)


def is_free_format(data: bytes) -> bool:
    """A valid-looking MPEG audio header whose bitrate index says "free format"."""
    if len(data) < HEADER_SIZE:
        return False
    word = int.from_bytes(data[:HEADER_SIZE], "big")
    return (
        word >> 21 == 0x7FF
        and (word >> 19) & 3 != 1
        and (word >> 17) & 3 != 0
        and (word >> 12) & 15 == 0
        and (word >> 10) & 3 != 3
    )


def is_adts(data: bytes) -> bool:
    """An AAC ADTS header: the same sync as MPEG audio, with the layer bits at zero."""
    return len(data) >= 2 and data[0] == 0xFF and data[1] & 0xF6 == 0xF0
