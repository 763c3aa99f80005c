"""Pseudonymous IDs: `W-7KQ3-M2XD-P` for witnesses, `T-…` for testimonies.

40 random bits (never derived from a name, a date or an order) in Crockford base32, grouped
for reading aloud, with Crockford's check symbol so that a mistyped ID is caught instead of
naming another person's record.
"""

from __future__ import annotations

import enum
import secrets
from typing import NewType

from testimony_app.domain import crockford

WitnessId = NewType("WitnessId", str)
TestimonyId = NewType("TestimonyId", str)

RANDOM_BITS = 40
DATA_SYMBOLS = RANDOM_BITS // 5
GROUP = 4


class IdKind(enum.Enum):
    WITNESS = "W"
    TESTIMONY = "T"


class InvalidId(ValueError):
    """A typed ID is not valid. `problem` says why; `position` counts symbols after the prefix."""

    def __init__(
        self,
        problem: crockford.CodeProblem | None,
        position: int | None = None,
        *,
        prefix: bool = False,
    ) -> None:
        self.problem = problem
        self.position = position
        self.wrong_prefix = prefix
        super().__init__(
            "wrong kind of ID" if prefix else (problem.value if problem else "invalid")
        )


def format_id(kind: IdKind, value: int) -> str:
    symbols = crockford.encode(value, DATA_SYMBOLS) + crockford.check_symbol(value)
    return f"{kind.value}-{symbols[:4]}-{symbols[4:8]}-{symbols[8:]}"


def is_speakable(value: int) -> bool:
    """True if the check symbol is a letter or digit, not one of Crockford's * ~ $ =.

    Those four are awkward to read aloud and special to a shell; skipping the values that
    would get them costs 0.16 of the 40 bits. Typed IDs ending in them are still parsed (and
    fail the check or the lookup), so nothing valid is ever refused.
    """
    return crockford.check_symbol(value).isalnum()


def new_id(kind: IdKind) -> str:
    while not is_speakable(value := secrets.randbits(RANDOM_BITS)):
        pass
    return format_id(kind, value)


def parse_id(text: str, kind: IdKind) -> str:
    """The canonical form of an ID typed by a person, or InvalidId saying what is wrong."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidId(crockford.CodeProblem.EMPTY)
    if cleaned[0].upper() != kind.value:
        raise InvalidId(None, prefix=True)
    try:
        value = crockford.decode_checked(cleaned[1:], DATA_SYMBOLS)
    except crockford.InvalidCode as error:
        raise InvalidId(error.problem, error.position) from None
    return format_id(kind, value)


def random_part(identifier: str) -> int:
    """The 40-bit number behind a canonical ID (what must be unique across the vault)."""
    return crockford.decode(identifier[2:6] + identifier[7:11])


def parse_witness_id(text: str) -> WitnessId:
    return WitnessId(parse_id(text, IdKind.WITNESS))


def parse_testimony_id(text: str) -> TestimonyId:
    return TestimonyId(parse_id(text, IdKind.TESTIMONY))
