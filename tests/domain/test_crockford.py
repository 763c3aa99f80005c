"""Crockford base32 with check symbol: round trips, forgiving input, every typo caught."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testimony_app.domain import crockford
from testimony_app.domain.crockford import CodeProblem, InvalidCode

LENGTH = 8


def full_code(value: int) -> str:
    return crockford.encode(value, LENGTH) + crockford.check_symbol(value)


@given(st.integers(min_value=0, max_value=32**LENGTH - 1))
def test_round_trip(value: int) -> None:
    assert crockford.decode_checked(full_code(value), LENGTH) == value


@given(st.integers(min_value=0, max_value=32**LENGTH - 1))
def test_lower_case_hyphens_and_lookalikes_are_accepted(value: int) -> None:
    code = full_code(value)
    typed = crockford.group(code, 3).lower().replace("0", "o").replace("1", "l")
    assert crockford.decode_checked(typed, LENGTH) == value
    assert crockford.decode_checked(code.replace("1", "I"), LENGTH) == value


@given(st.integers(min_value=0, max_value=32**LENGTH - 1), st.data())
def test_every_single_substitution_is_caught(value: int, data: st.DataObject) -> None:
    code = full_code(value)
    position = data.draw(st.integers(min_value=0, max_value=len(code) - 1))
    alphabet = crockford.CHECK_ALPHABET if position == LENGTH else crockford.ALPHABET
    for symbol in alphabet:
        if symbol == code[position]:
            continue
        typo = code[:position] + symbol + code[position + 1 :]
        with pytest.raises(InvalidCode):
            crockford.decode_checked(typo, LENGTH)


@given(st.integers(min_value=0, max_value=32**LENGTH - 1))
def test_every_adjacent_swap_is_caught(value: int) -> None:
    code = full_code(value)
    for i in range(len(code) - 1):
        if code[i] == code[i + 1]:
            continue
        swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
        with pytest.raises(InvalidCode):
            crockford.decode_checked(swapped, LENGTH)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", CodeProblem.EMPTY),
        ("  -- ", CodeProblem.EMPTY),
        ("ABC", CodeProblem.BAD_LENGTH),
        ("ABCDEFGH#", CodeProblem.BAD_SYMBOL),
        ("UBCDEFGH0", CodeProblem.BAD_SYMBOL),  # U is only a check symbol
    ],
)
def test_problems_are_named(text: str, problem: CodeProblem) -> None:
    with pytest.raises(InvalidCode) as caught:
        crockford.decode_checked(text, LENGTH)
    assert caught.value.problem is problem


def test_encode_refuses_values_that_do_not_fit() -> None:
    with pytest.raises(ValueError):
        crockford.encode(32**LENGTH, LENGTH)
