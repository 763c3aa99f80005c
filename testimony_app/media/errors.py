"""Typed refusals and failures of attachment cleaning; their messages never hold file content.

A message is one fixed sentence per reason, so a refusal can be logged or shown without naming
the file or quoting a byte of it. The GUI and CLI choose the words the researcher sees from the
`kind` and `reason` attributes.
"""

from __future__ import annotations

import enum

from testimony_app.errors import AppError
from testimony_app.media.kinds import MediaKind


class Mismatch(enum.Enum):
    """Where what the file says about itself differs from what its bytes are."""

    DECLARED_TYPE = "the declared media type is not what the content is"
    FILE_EXTENSION = "the file name's extension is not what the content is"


class RefusalReason(enum.Enum):
    FORMAT = "there is no cleaner for this format"
    VARIANT = "there is a cleaner for this format, but not for this form of it"


class FailureReason(enum.Enum):
    CORRUPT = "the file is damaged or not what its first bytes say"
    TRUNCATED = "the file ends before its content does"
    TOO_LARGE = "the file or its picture is larger than the limit"
    OUTPUT_CHECK = "the cleaned file did not pass the check for leftover metadata"


class MediaError(AppError):
    default_message = "the attachment could not be cleaned"


class NoCleaner(MediaError):
    """The content is of a kind (or a form of a kind) that no cleaner handles: refused.

    `kind` is what the bytes are, whatever the file was called or declared as.
    """

    def __init__(
        self,
        kind: MediaKind,
        reason: RefusalReason = RefusalReason.FORMAT,
        mismatches: frozenset[Mismatch] = frozenset(),
    ) -> None:
        self.kind = kind
        self.reason = reason
        self.mismatches = mismatches
        super().__init__(f"{reason.value} ({kind.value})")


class CleaningFailed(MediaError):
    """The file claims a format we clean but is damaged, hostile or too large: nothing usable."""

    def __init__(self, reason: FailureReason, kind: MediaKind | None = None) -> None:
        self.reason = reason
        self.kind = kind
        super().__init__(reason.value)


class CleaningCancelled(MediaError):
    default_message = "cleaning was cancelled"
