"""Metadata stripping for attachments leaving the vault: pictures re-encoded, tags cut from sound.

The public face of testimony_app.media; see docs/media-cleaning.md for what each cleaner
removes, keeps and refuses, and why.
"""

from testimony_app.media.cleaning import (
    CLEANABLE_KINDS,
    DEFAULT_MAX_IMAGE_BYTES,
    SNIFF_BYTES,
    CleanedStream,
    can_clean,
    clean_attachment,
    clean_stream,
    identify,
)
from testimony_app.media.errors import (
    CleaningCancelled,
    CleaningFailed,
    FailureReason,
    MediaError,
    Mismatch,
    NoCleaner,
    RefusalReason,
)
from testimony_app.media.image_cleaner import DEFAULT_MAX_PIXELS
from testimony_app.media.kinds import MediaKind
from testimony_app.media.result import Change, CleanResult, Removed

__all__ = [
    "CLEANABLE_KINDS",
    "DEFAULT_MAX_IMAGE_BYTES",
    "DEFAULT_MAX_PIXELS",
    "SNIFF_BYTES",
    "Change",
    "CleanResult",
    "CleanedStream",
    "CleaningCancelled",
    "CleaningFailed",
    "FailureReason",
    "MediaError",
    "MediaKind",
    "Mismatch",
    "NoCleaner",
    "RefusalReason",
    "Removed",
    "can_clean",
    "clean_attachment",
    "clean_stream",
    "identify",
]
