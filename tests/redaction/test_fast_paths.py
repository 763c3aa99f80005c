"""The redaction engine's shortcuts give exactly what the plain ways give.

Each shortcut (the normaliser's offsets, the tokeniser, clitic candidates, the expressions'
`Scan`s, the matchers' and the gazetteer's pruning of runs of words) is compared with the plain
computation it stands for, on the labelled corpus and on generated texts.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testimony_app.domain.normalise import normalise, normalise_with_offsets
from testimony_app.domain.records import Entity, EntityType, Identity
from testimony_app.redaction import dates, patterns
from testimony_app.redaction.gazetteer import Gazetteer, load_gazetteer
from testimony_app.redaction.lexicon import load_lexicon
from testimony_app.redaction.registered import RegisteredMatcher, registrations_of
from testimony_app.redaction.scan import Scan, beginnings
from testimony_app.redaction.tokens import (
    _SOFT_GAP,
    _WORD,
    Token,
    TokenisedText,
    _normalise_with_offsets,
    clitic_candidates,
    is_arabic_letter,
)
from tests.redaction.corpus_scorer import content_of, load_corpus

LEXICON = load_lexicon()
RECORDS = load_corpus()
SLOW = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make the shortcuts work: tashkeel, ß, ﷲ, hamza above, cue words, digits, signs.
PIECES = [
    *("a", "B", "ß", "é", "e\u0301", "ﷲ", "ﻷ", "\u0654", "\u064e", "\u0640", "\u200c", "\u00ad"),
    *("و", "ال", "لل", "أ", "ئ", "ؤ", "ء", "ة", "ى", "٣", "٫", "°", "º", "˚", "deg", "درجه"),
    *(" ", "  ", "-", "'", "’", "_", ".", ",", "\n", "/", "@", "+", "(", ")", ":"),
    *("0", "1", "12", "123", "2024", "0933 123 456", "12345678901", "123-12c12345"),
    *("34.7265", "36.7096", "n", "s", "e", "w", "north", "south", "35°12'3\"n", "12.5° n"),
    *("born", "id", "xid", "d.o.b", "ولد", "ولدت", "هويته", "licence", "لوحته", "plate"),
    *("march", "may", "sept", "شباط", "كانون الثاني", " of ", "th", "عام ", "5/12/2013"),
    *("http://", "www.", "facebook.com/", "a@b.co", "@x", ".com/", "case", "file", "ملف"),
]
pieced_text = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)
any_text = st.one_of(pieced_text, st.text(max_size=60))


# --- normalising and tokenising --------------------------------------------------------------


@given(text=any_text)
def test_offsets_are_the_normalisers(text: str) -> None:
    assert _normalise_with_offsets(text) == normalise_with_offsets(text)


def _plain_tokens(text: str) -> list[Token]:
    normalised, _ = normalise_with_offsets(text)
    tokens: list[Token] = []
    previous_end: int | None = None
    for match in _WORD.finditer(normalised):
        start, end = match.span()
        soft = previous_end is not None and (
            previous_end == start or bool(_SOFT_GAP.fullmatch(normalised, previous_end, start))
        )
        tokens.append(Token(match.group(), start, end, soft, is_arabic_letter(match.group()[0])))
        previous_end = end
    return tokens


@given(text=any_text)
def test_tokens_are_the_plain_ones(text: str) -> None:
    assert TokenisedText(text).tokens == _plain_tokens(text)


def test_tokens_of_the_corpus_are_the_plain_ones() -> None:
    for record in RECORDS:
        assert TokenisedText(str(record["narrative"])).tokens == _plain_tokens(
            str(record["narrative"])
        )


def _plain_clitics(word: str, prefixes: tuple[str, ...]) -> list[tuple[int, str]]:
    found = [(0, word)]
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            found.append((len(prefix), word[len(prefix) :]))
            if prefix.endswith("لل"):
                found.append((len(prefix) - 1, "ا" + word[len(prefix) - 1 :]))
    return found


@given(
    word=st.text("وفبلكالقصورئ", min_size=1, max_size=9),
    prefixes=st.one_of(
        st.just(LEXICON.arabic_prefixes),
        st.lists(st.text("وفبلكا", max_size=4), max_size=6).map(tuple),
    ),
)
def test_clitic_candidates_are_the_plain_ones(word: str, prefixes: tuple[str, ...]) -> None:
    token = Token(word, 0, len(word), False, True)
    assert clitic_candidates(token, prefixes) == _plain_clitics(word, prefixes)


# --- expressions -----------------------------------------------------------------------------

SCANS = [
    *patterns._SCANS.values(),
    dates._DAY_FIRST_SCAN,
    dates._YEAR_FIRST_SCAN,
    dates._DAY_MONTH_SCAN,
]


@SLOW
@given(text=any_text)
def test_scans_find_what_finditer_finds(text: str) -> None:
    normalised = normalise(text)
    for scan in SCANS:
        expected = [m.span() for m in scan.expression.finditer(normalised)]
        assert [m.span() for m in scan.finditer(normalised)] == expected, scan.expression.pattern


def test_scans_find_what_finditer_finds_in_the_corpus() -> None:
    for record in RECORDS:
        normalised = normalise(str(record["narrative"]))
        for scan in SCANS:
            expected = [m.span() for m in scan.expression.finditer(normalised)]
            assert [m.span() for m in scan.finditer(normalised)] == expected


@given(text=pieced_text)
def test_every_full_date_has_a_year_of_four_digits(text: str) -> None:
    """What lets `full_dates` stop early on a text without four digits in a row."""
    normalised = normalise(text)
    for expression in (dates._DAY_FIRST, dates._YEAR_FIRST, dates._DAY_MONTH, dates._MONTH_DAY):
        for match in expression.finditer(normalised):
            assert re.search(r"\d{4}", match.group())


def test_beginnings_of_an_alternation() -> None:
    expression = r"(?:\bborn\b|birth|d\.o\.b|لوح(?:ه|ته)|licen[cs]e|ab?c|x[|]y)"
    assert beginnings(expression) == ["born", "birth", "d.o.b", "لوح", "licen", "a", "x"]
    with pytest.raises(ValueError):
        beginnings(r"(?:born|[bd]ob)")  # no word to look for


def test_a_scan_with_needs_skips_texts_without_them() -> None:
    scan = Scan(re.compile(r"(?<!\w)\d+@"), needs=("@",), starts=re.compile(r"\d"))
    assert list(scan.finditer("123 456")) == []
    assert [m.group() for m in scan.finditer("a1@ 22@ x3@")] == ["22@"]


# --- runs of words ---------------------------------------------------------------------------


class _Everything:
    """A set of beginnings that holds every string: no run is ever cut short."""

    def __contains__(self, item: object) -> bool:
        return True


def _unpruned(matcher: RegisteredMatcher) -> RegisteredMatcher:
    matcher._beginnings = _Everything()  # type: ignore[assignment]
    matcher._loose_beginnings = _Everything()  # type: ignore[assignment]
    return matcher


def test_matching_the_corpus_is_the_same_without_pruning() -> None:
    for record in RECORDS:
        content, identity = content_of(record)
        registrations = registrations_of(content.entities, identity)
        text = TokenisedText(content.narrative)
        pruned = RegisteredMatcher(registrations, LEXICON).find(text)
        unpruned = _unpruned(RegisteredMatcher(registrations, LEXICON)).find(text)
        assert pruned == unpruned, record["id"]


def _unpruned_gazetteer() -> Gazetteer:
    shared = load_gazetteer()
    gazetteer = Gazetteer(shared.districts, shared._names)
    gazetteer._beginnings = _Everything()  # type: ignore[assignment]
    return gazetteer


def test_place_mentions_in_the_corpus_are_the_same_without_pruning() -> None:
    gazetteer, unpruned = load_gazetteer(), _unpruned_gazetteer()
    for record in RECORDS:
        text = TokenisedText(str(record["narrative"]))
        prefixes = LEXICON.arabic_prefixes
        assert gazetteer.mentions(text, prefixes) == unpruned.mentions(text, prefixes)


NAMES = ["عائشة الخضور", "Ayham Khadour", "أبو سامر", "Abd al-Rahman Sa'id", "حي القصور"]
WORDS = [
    *("عايشه", "وعائشة", "بالخضور", "للخضور", "الخضور", "خضور", "أيهم", "ابو", "سامر", "آل"),
    *("Ayham", "AYHAM", "Khaddour", "alKhadour", "al-Khadour", "Abu", "Umm", "Abd", "al"),
    *("Rahman", "Said", "Sa'id", "Kafr", "Qusour", "القصور", "حي", "Homs", "حمص", "الله"),
    *("el", "El", "Rastan", "Qusayr", "Bab", "الرستن", "وبالرستن", "ال", "رستن", "Aleppo"),
    *("amal", "Amal", "نور", "the", "and", "قال", "في", "my", "sister", "سائد", "والسائد"),
]
GAPS = [" ", " ", " ", "-", "'", ". ", ", ", "\n", "  ", "_"]


@st.composite
def narrative(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS + NAMES), min_size=1, max_size=30))
    return "".join(word + draw(st.sampled_from(GAPS)) for word in words)


@SLOW
@given(text=narrative())
def test_matching_is_the_same_without_pruning(text: str) -> None:
    entities = [
        Entity(NAMES[0], EntityType.PERSON),
        Entity(NAMES[1], EntityType.PERSON, ("Aiham",)),
        Entity(NAMES[3], EntityType.PERSON),
        Entity(NAMES[4], EntityType.LOCATION_PRIVATE),
        Entity("سايد", EntityType.PERSON),  # found as سائد with the hamza folded
    ]
    registrations = registrations_of(entities, Identity(full_name="أمل نور", nickname="Amal"))
    tokenised = TokenisedText(text)
    pruned = RegisteredMatcher(registrations, LEXICON).find(tokenised)
    assert pruned == _unpruned(RegisteredMatcher(registrations, LEXICON)).find(tokenised)
    prefixes = LEXICON.arabic_prefixes
    assert load_gazetteer().mentions(tokenised, prefixes) == _unpruned_gazetteer().mentions(
        tokenised, prefixes
    )
