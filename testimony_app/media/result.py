"""What a cleaner did: the kinds of metadata it found and removed, and how it changed the rest."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from testimony_app.media.errors import Mismatch
from testimony_app.media.kinds import MediaKind
from testimony_app.media.plan import Plan


class Removed(enum.Enum):
    """A kind of metadata that was in the file and is not in the cleaned one."""

    # pictures
    LOCATION = "GPS location"
    DEVICE_IDENTIFIERS = "camera make, model, serial numbers or maker notes"
    TIMESTAMPS = "dates and times"
    EXIF = "EXIF"
    XMP = "XMP"
    IPTC = "IPTC / Photoshop"
    ICC_PROFILE = "colour profile"
    THUMBNAIL = "embedded thumbnail"
    COMMENT = "comment"
    TEXT_CHUNKS = "text chunks"
    EXTRA_IMAGES = "further pictures (depth map, gain map, preview)"
    ANIMATION_FRAMES = "animation frames after the first"
    OTHER_METADATA = "other metadata segments"
    # sound
    ID3V2 = "ID3v2 tag"
    ID3V1 = "ID3v1 tag"
    APE = "APE tag"
    LYRICS3 = "Lyrics3 tag"
    NON_AUDIO_DATA = "bytes that are not audio frames"
    RIFF_CHUNKS = "RIFF chunks other than the format and the samples"
    FLAC_METADATA = "FLAC metadata blocks other than STREAMINFO"
    # text
    BYTE_ORDER_MARK = "byte order mark"


class Change(enum.Enum):
    """How what was kept differs from the original."""

    RE_ENCODED = "the picture was decoded and encoded again"
    LOSSY = "the new encoding is lossy (at high quality)"
    ROTATED_UPRIGHT = "the picture was turned as its orientation tag said"
    CONVERTED_TO_SRGB = "colours were converted to sRGB from the embedded profile"
    COLOUR_PROFILE_DROPPED = "the colour profile could not be applied; colours may shift"
    FIRST_FRAME_ONLY = "only the first frame of the animation was kept"
    FORMAT_CHANGED = "the file was saved in another format"
    PASSED_THROUGH = "the content was passed through unchanged"


@dataclass(frozen=True)
class CleanResult:
    """A cleaned attachment (or, when written to a sink, its description)."""

    kind: MediaKind  # what the original's bytes are
    media_type: str  # of the cleaned file
    extension: str  # of the cleaned file, with its dot
    size: int
    sha256: str
    data: bytes | None  # None when the cleaned bytes went to a sink
    removed: frozenset[Removed] = field(default_factory=frozenset)
    changes: frozenset[Change] = field(default_factory=frozenset)
    mismatches: frozenset[Mismatch] = field(default_factory=frozenset)
    bytes_removed: int = 0  # for streamed formats: input bytes that did not go to the output
    # For streamed formats: how the cleaned bytes are cut from the original (media.plan);
    # None for pictures and for a cleaning that wrote too much anew to be worth writing down.
    plan: Plan | None = field(default=None, repr=False, compare=False)

    def __repr__(self) -> str:  # never the data
        return (
            f"CleanResult({self.kind.value} -> {self.media_type}, {self.size} bytes, "
            f"removed={sorted(r.name for r in self.removed)}, "
            f"changes={sorted(c.name for c in self.changes)}, "
            f"mismatches={sorted(m.name for m in self.mismatches)})"
        )
