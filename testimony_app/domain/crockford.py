"""Crockford base32 with its check symbol: codes a person can read aloud and type back.

Used for recovery codes and pseudonymous IDs. Decoding is forgiving where Crockford says so
(lower case, O for 0, I and L for 1, hyphens and spaces) and strict everywhere else, so that a
typo is caught by the check symbol instead of silently naming another record.
"""

from __future__ import annotations

import enum

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
_VALUES = {symbol: value for value, symbol in enumerate(CHECK_ALPHABET)}
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = str.maketrans("", "", "- \t\u00a0")


class CodeProblem(enum.Enum):
    EMPTY = "empty"
    BAD_SYMBOL = "a symbol that is not in the alphabet"
    BAD_LENGTH = "the wrong number of symbols"
    BAD_CHECK = "the check symbol does not match"


class InvalidCode(ValueError):
    """A code typed by a person is not valid; `problem` says why, `position` where (0-based)."""

    def __init__(self, problem: CodeProblem, position: int | None = None) -> None:
        self.problem = problem
        self.position = position
        super().__init__(problem.value)


def normalise(text: str) -> str:
    """Upper-case, drop separators, map the look-alikes Crockford allows."""
    return text.translate(_SEPARATORS).upper().translate(_LOOKALIKES)


def encode(value: int, length: int) -> str:
    """`value` as exactly `length` base32 symbols (most significant first)."""
    if value < 0 or value >= 32**length:
        raise ValueError("value does not fit")
    symbols = []
    for _ in range(length):
        value, digit = divmod(value, 32)
        symbols.append(ALPHABET[digit])
    return "".join(reversed(symbols))


def check_symbol(value: int) -> str:
    return CHECK_ALPHABET[value % 37]


def decode(symbols: str) -> int:
    """Base32 symbols (already normalised, no check symbol) to an integer."""
    value = 0
    for position, symbol in enumerate(symbols):
        digit = _VALUES.get(symbol)
        if digit is None or digit >= 32:
            raise InvalidCode(CodeProblem.BAD_SYMBOL, position)
        value = value * 32 + digit
    return value


def decode_checked(text: str, length: int) -> int:
    """Parse `length` data symbols followed by one check symbol, as typed by a person."""
    symbols = normalise(text)
    if not symbols:
        raise InvalidCode(CodeProblem.EMPTY)
    for position, symbol in enumerate(symbols):
        if symbol not in _VALUES:
            raise InvalidCode(CodeProblem.BAD_SYMBOL, position)
    if len(symbols) != length + 1:
        raise InvalidCode(CodeProblem.BAD_LENGTH)
    value = decode(symbols[:length])
    if check_symbol(value) != symbols[length]:
        raise InvalidCode(CodeProblem.BAD_CHECK, length)
    return value


def group(symbols: str, size: int) -> str:
    """Split into hyphen-separated groups for reading aloud."""
    return "-".join(symbols[i : i + size] for i in range(0, len(symbols), size))
