"""Reading the redaction engine's data files (word lists, places, profiles): small JSON files."""

from __future__ import annotations

import enum
import json


class DataFileProblem(enum.Enum):
    MISSING = "cannot be found"
    UNREADABLE = "cannot be read"
    TOO_LARGE = "is too large"
    NOT_JSON = "is not valid JSON"


class DataFileUnreadable(Exception):
    def __init__(self, problem: DataFileProblem) -> None:
        self.problem = problem
        super().__init__(problem.value)


def read_json(path: str, max_bytes: int) -> object:
    """The decoded JSON of a file of at most `max_bytes`, or DataFileUnreadable saying why."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DataFileUnreadable(DataFileProblem.MISSING) from None
    except OSError:
        raise DataFileUnreadable(DataFileProblem.UNREADABLE) from None
    if len(raw) > max_bytes:
        raise DataFileUnreadable(DataFileProblem.TOO_LARGE)
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DataFileUnreadable(DataFileProblem.NOT_JSON) from None
