"""Pseudonymous IDs: random, grouped for reading aloud, every typo caught by the check symbol."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testimony_app.domain import crockford
from testimony_app.domain.ids import IdKind, InvalidId, format_id, new_id, parse_id, random_part

SHAPE = re.compile(r"^[WT]-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]$")
values = st.integers(min_value=0, max_value=2**40 - 1)


def test_new_ids_have_the_documented_shape() -> None:
    for kind in IdKind:
        for _ in range(2000):
            identifier = new_id(kind)
            assert SHAPE.match(identifier)
            assert identifier[-1].isalnum()  # never * ~ $ = (read aloud, typed in a shell)


@given(values)
def test_round_trip_and_forgiving_input(value: int) -> None:
    canonical = format_id(IdKind.WITNESS, value)
    assert random_part(canonical) == value
    assert parse_id(canonical, IdKind.WITNESS) == canonical
    typed = canonical.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert parse_id(typed, IdKind.WITNESS) == canonical
    assert parse_id(canonical.replace("-", ""), IdKind.WITNESS) == canonical
    assert parse_id(canonical.replace("1", "I"), IdKind.WITNESS) == canonical


def symbols_of(identifier: str) -> str:
    return identifier[2:].replace("-", "")


@given(values)
def test_every_single_substitution_is_rejected(value: int) -> None:
    canonical = format_id(IdKind.TESTIMONY, value)
    code = symbols_of(canonical)
    for position in range(len(code)):
        alphabet = crockford.CHECK_ALPHABET if position == 8 else crockford.ALPHABET
        for symbol in alphabet:
            if symbol == code[position]:
                continue
            typo = "T-" + code[:position] + symbol + code[position + 1 :]
            with pytest.raises(InvalidId):
                parse_id(typo, IdKind.TESTIMONY)


@given(values)
def test_every_adjacent_swap_is_rejected(value: int) -> None:
    code = symbols_of(format_id(IdKind.TESTIMONY, value))
    for i in range(len(code) - 1):
        if code[i] != code[i + 1]:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            with pytest.raises(InvalidId):
                parse_id("T-" + swapped, IdKind.TESTIMONY)


def test_problems_are_told_apart() -> None:
    good = format_id(IdKind.WITNESS, 123456789)
    with pytest.raises(InvalidId) as caught:
        parse_id(good, IdKind.TESTIMONY)
    assert caught.value.wrong_prefix
    with pytest.raises(InvalidId) as caught:
        parse_id("W-1234", IdKind.WITNESS)
    assert caught.value.problem is crockford.CodeProblem.BAD_LENGTH
    with pytest.raises(InvalidId) as caught:
        parse_id("", IdKind.WITNESS)
    assert caught.value.problem is crockford.CodeProblem.EMPTY
