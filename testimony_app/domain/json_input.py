"""Safe reading of untrusted JSON bytes into raw values: one object, an array, or JSON Lines.

Before json runs: a size limit, UTF-8 decoding that reports a byte offset, and a cheap,
non-recursive bracket-depth scan (json recurses once per level). While it runs: numbers that
would cost or mean nothing (NaN, 5000-digit integers) become a marker, and objects remember the
keys they saw twice. Problems carry a record number, line and column, and never quote a value.
What the values mean, and which keys they may hold, is the caller's business.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong in a file. `record` is 1-based, 0 for the file as a whole."""

    record: int
    line: int | None
    path: str  # e.g. "incidents[0].date"; "" for the record or the file itself
    problem: str  # what is expected; never the value found
    column: int | None = None

    def __str__(self) -> str:
        where = f"record {self.record}" if self.record else ""
        if self.line is not None and self.column is not None:
            where = ", ".join(filter(None, [where, f"line {self.line}, column {self.column}"]))
        elif self.line is not None:
            # Without a column the line is where the record starts, not where the field is.
            where = f"{where} (from line {self.line})" if where else f"line {self.line}"
        parts = [where] if where else []
        if self.path:
            parts.append(self.path)
        parts.append(self.problem)
        return ": ".join(parts)


class TooManyProblems(Exception):
    """Raised once `Problems.limit` problems are collected: the rest would not be read anyway."""


class Problems:
    """The problems found so far, at most `limit` of them (then TooManyProblems is raised)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.items: list[FieldProblem] = []
        self.truncated = False

    def add(self, problem: FieldProblem) -> None:
        if len(self.items) >= self.limit:
            self.truncated = True
            raise TooManyProblems
        self.items.append(problem)

    def file(self, problem: str, *, line: int | None = None, column: int | None = None) -> None:
        self.add(FieldProblem(0, line, "", problem, column))


def read_values(
    data: bytes, problems: Problems, *, max_bytes: int, max_records: int, record_depth: int
) -> Iterator[tuple[int, int, object]]:
    """(record number, line, decoded value) for every record in the file, in order.

    A record is the single top-level object, an element of a top-level array, or a line of
    JSON Lines; it may nest at most `record_depth` levels. What cannot be read is added to
    `problems` (which raises TooManyProblems when full) and not yielded.
    """
    text = _decode(data, problems, max_bytes)
    if text is not None:
        yield from _raw_values(text, problems, _Limits(max_records, record_depth))


def duplicate_keys(value: object) -> tuple[tuple[int, str], ...]:
    """(1-based position, key) of each key an object read here held more than once."""
    return getattr(value, "duplicates", ())


@dataclass(frozen=True)
class _Limits:
    max_records: int
    depth: int

    @property
    def too_deep(self) -> str:
        return f"nested deeper than the format allows (at most {self.depth} levels in a record)"


class _JsonObject(dict[str, object]):
    """A decoded JSON object that remembers the keys it saw twice (json keeps the last)."""

    __slots__ = ("duplicates",)

    duplicates: tuple[tuple[int, str], ...]  # (1-based position, key)


def _object_pairs(pairs: list[tuple[str, object]]) -> _JsonObject:
    obj = _JsonObject(pairs)
    obj.duplicates = ()
    if len(obj) != len(pairs):
        seen: set[str] = set()
        duplicates = []
        for position, (key, _) in enumerate(pairs, 1):
            if key in seen:
                duplicates.append((position, key))
            seen.add(key)
        obj.duplicates = tuple(duplicates)
    return obj


class _NotAValue(enum.Enum):
    """Stands in for JSON numbers we refuse to build (NaN, Infinity, 5000-digit integers)."""

    MARKER = "not a value"


def _parse_int(digits: str) -> int | _NotAValue:
    # Python refuses int() over 4300 digits with a ValueError that has no position; no record
    # field needs more than a few digits, so a marker lets the caller say "out of range".
    return int(digits) if len(digits) <= 30 else _NotAValue.MARKER


def _parse_constant(_name: str) -> _NotAValue:
    return _NotAValue.MARKER


_DECODER = json.JSONDecoder(
    object_pairs_hook=_object_pairs, parse_int=_parse_int, parse_constant=_parse_constant
)
_JSON_SPACE = " \t\n\r"
_SKIP_SPACE = re.compile(r"[ \t\n\r]*")
# A JSON string, or an unterminated one running to the end (so its brackets are not counted).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)', re.DOTALL)
_BRACKETS_TO_PARENS = bytes.maketrans(b"[{]}", b"(())")
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)|[\[\]{},\n]', re.DOTALL)
# json recurses once per open bracket; a broken file may leave this many open before it fails.
_UNCLOSED_TOLERATED = 64
_LOCATE_BUDGET = 1_000_000


def _decode(data: bytes, problems: Problems, max_bytes: int) -> str | None:
    if len(data) > max_bytes:
        problems.file(f"the file is too large (at most {max_bytes // (1024 * 1024)} MiB)")
        return None
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""  # Windows editors add it
    try:
        return data[len(bom) :].decode("utf-8")
    except UnicodeDecodeError as error:
        problems.file(f"the file is not valid UTF-8 (at byte offset {error.start + len(bom)})")
        return None


def _nesting_fits(text: str, limit: int) -> bool:
    """Whether `text` nests at most `limit` deep, checked without recursion, in C-speed passes.

    json.loads recurses per level and raises RecursionError (or worse, on a small thread stack)
    on deep input, so depth is checked first. Each pass deletes innermost "()" pairs; after
    `limit` passes a well-formed text that fits has none left.
    """
    # Outside strings, anything but ASCII is a syntax error json reports anyway: drop it, and
    # work on bytes, whose translate() deletes in C.
    outside = _STRING.sub("", text).encode("utf-8", "ignore")
    brackets = outside.translate(_BRACKETS_TO_PARENS, _NOT_BRACKETS)
    for _ in range(limit):
        reduced = brackets.replace(b"()", b"")
        if len(reduced) == len(brackets):
            break
        brackets = reduced
    # What is left is ")))(((" (unmatched, a syntax error json reports after shallow
    # recursion) unless some pair nests deeper than the limit.
    return b"()" not in brackets and brackets.count(b"(") <= _UNCLOSED_TOLERATED


def _too_deep_at(text: str, limit: int, *, in_array: bool) -> tuple[int, int | None, int | None]:
    """(element of a top-level array or 1, line, column) where nesting first exceeds `limit`.

    A Python loop over tokens, so it gives up (no line, no column) after a budget: only a
    file of millions of brackets would need more, and it is refused either way.
    """
    depth = 0
    element = 1
    line = 1
    line_start = 0
    for count, match in enumerate(_TOKENS.finditer(text)):
        if count > _LOCATE_BUDGET:
            return 0, None, None
        start = match.start()
        char = text[start]
        if char == "\n":
            line += 1
            line_start = start + 1
        elif char in "[{":
            depth += 1
            if depth > limit:
                break
        elif char in "]}":
            depth -= 1
        elif char == "," and in_array and depth == 1:
            element += 1
    else:
        return element, line, 1
    return element, line, start - line_start + 1


def _json_message(error: json.JSONDecodeError) -> str:
    # json's messages are fixed phrases ("Expecting ',' delimiter"); cut anything after a colon
    # in case a future version quotes the input there.
    reason = error.msg.split(":", 1)[0].removesuffix(" at").removesuffix(" starting")
    return f"not valid JSON ({reason})"


def _raw_values(
    text: str, problems: Problems, limits: _Limits
) -> Iterator[tuple[int, int, object]]:
    start = _SKIP_SPACE.match(text).end()  # type: ignore[union-attr]  # always matches
    if start == len(text):
        problems.file("the file is empty")
        return
    first = text[start]
    if first == "[":
        yield from _array_values(text, start, problems, limits)
    elif first == "{":
        lines = [(number, line) for number, line in enumerate(text.split("\n"), 1)]
        filled = [(number, line) for number, line in lines if line.strip(_JSON_SPACE)]
        head = filled[0][1].strip(_JSON_SPACE)
        if len(filled) > 1 and head.startswith("{") and head.endswith("}"):
            yield from _line_values(filled, problems, limits)
        else:
            yield from _single_value(text, start, problems, limits)
    else:
        problems.file(
            "must hold a record (a JSON object), an array of records, "
            "or one record per line (JSON Lines)"
        )


def _line_at(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _single_value(
    text: str, start: int, problems: Problems, limits: _Limits
) -> Iterator[tuple[int, int, object]]:
    line = text.count("\n", 0, start) + 1
    if not _nesting_fits(text, limits.depth):
        _, at_line, column = _too_deep_at(text, limits.depth, in_array=False)
        problems.add(FieldProblem(1, at_line, "", limits.too_deep, column))
        return
    try:
        value, end = _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as error:
        problems.add(FieldProblem(1, error.lineno, "", _json_message(error), error.colno))
        return
    except RecursionError:  # _nesting_fits should make this unreachable; never crash on it
        problems.add(FieldProblem(1, line, "", limits.too_deep))
        return
    end = _SKIP_SPACE.match(text, end).end()  # type: ignore[union-attr]
    if end != len(text):
        at_line, column = _line_at(text, end)
        problems.file(
            "unexpected content after the record (for several records, use an array "
            "or one record per line)",
            line=at_line,
            column=column,
        )
        return
    yield 1, line, value


def _array_values(
    text: str, start: int, problems: Problems, limits: _Limits
) -> Iterator[tuple[int, int, object]]:
    if not _nesting_fits(text, limits.depth + 1):
        element, at_line, column = _too_deep_at(text, limits.depth + 1, in_array=True)
        record = element if element <= limits.max_records else 0
        problems.add(FieldProblem(record, at_line, "", limits.too_deep, column))
        return
    position = _SKIP_SPACE.match(text, start + 1).end()  # type: ignore[union-attr]
    line, counted_to = text.count("\n", 0, position) + 1, position
    if text.startswith("]", position):
        problems.file("the array holds no records")
        return
    record = 0
    while True:
        record += 1
        if record > limits.max_records:
            problems.file(f"too many records (at most {limits.max_records:,} in one file)")
            return
        line += text.count("\n", counted_to, position)
        counted_to = position
        try:
            value, position = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError as error:
            problems.add(FieldProblem(record, error.lineno, "", _json_message(error), error.colno))
            return
        except RecursionError:
            problems.add(FieldProblem(record, line, "", limits.too_deep))
            return
        yield record, line, value
        position = _SKIP_SPACE.match(text, position).end()  # type: ignore[union-attr]
        if text.startswith(",", position):
            position = _SKIP_SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
            continue
        if text.startswith("]", position):
            break
        at_line, column = _line_at(text, position)
        problems.add(
            FieldProblem(
                record, at_line, "", "not valid JSON (Expecting ',' delimiter or ']')", column
            )
        )
        return
    end = _SKIP_SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
    if end != len(text):
        at_line, column = _line_at(text, end)
        problems.file("unexpected content after the array", line=at_line, column=column)


def _line_values(
    filled: list[tuple[int, str]], problems: Problems, limits: _Limits
) -> Iterator[tuple[int, int, object]]:
    if len(filled) > limits.max_records:
        problems.file(f"too many records (at most {limits.max_records:,} in one file)")
        return
    for record, (line, text) in enumerate(filled, 1):
        start = _SKIP_SPACE.match(text).end()  # type: ignore[union-attr]
        if not _nesting_fits(text, limits.depth):
            _, _, column = _too_deep_at(text, limits.depth, in_array=False)
            problems.add(FieldProblem(record, line, "", limits.too_deep, column))
            continue
        try:
            value, end = _DECODER.raw_decode(text, start)
        except json.JSONDecodeError as error:
            problems.add(FieldProblem(record, line, "", _json_message(error), error.colno))
            continue
        except RecursionError:
            problems.add(FieldProblem(record, line, "", limits.too_deep))
            continue
        end = _SKIP_SPACE.match(text, end).end()  # type: ignore[union-attr]
        if end != len(text):
            problems.add(
                FieldProblem(
                    record,
                    line,
                    "",
                    "unexpected content after the record (one record per line)",
                    end + 1,
                )
            )
            continue
        yield record, line, value
