"""The word lists redaction relies on (resources/redaction/lexicon.json), normalised at load."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from testimony_app.domain.normalise import normalise
from testimony_app.errors import AppError
from testimony_app.redaction.data_files import DataFileUnreadable, read_json
from testimony_app.resources_path import resource_path

LEXICON_FORMAT = "testimony-redaction-lexicon/1"
MAX_LEXICON_BYTES = 1024 * 1024
_LIST_KEYS = (
    "arabic_prefixes",
    "article_prefixes",
    "honorifics",
    "particles",
    "kunya_markers",
    "compound_heads",
    "place_generic_words",
    "place_prefix_words",
    "person_cues",
)
_AMBIGUOUS_KEYS = (
    "forms",
    "meaning",
    "keep_before",
    "keep_after",
    "keep_phrases",
    "keep_spellings",
    "keep_prefixes",
)


class LexiconError(AppError):
    default_message = "the redaction word list is not valid"


def _words(items: object, where: str) -> frozenset[str]:
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise LexiconError(f"the redaction word list is not valid: {where} must list words")
    return frozenset(normalised for item in items if (normalised := normalise(item).strip()))


def spelling(text: str) -> str:
    """A word as spelled: without tashkeel, tatweel or case, but with its alef and hamza."""
    return "".join(
        char
        for char in unicodedata.normalize("NFC", text.casefold())
        if not ("\u064b" <= char <= "\u065f" or char in "\u0670\u0640")
    ).strip()


def _spellings(items: object, where: str) -> frozenset[str]:
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise LexiconError(f"the redaction word list is not valid: {where} must list words")
    return frozenset(spelling(item) for item in items)


@dataclass(frozen=True)
class AmbiguousName:
    """A given name that is also a common word: kept where the context says it is the word."""

    forms: frozenset[str]
    keep_before: frozenset[str]
    keep_after: frozenset[str]
    keep_phrases: tuple[tuple[str, ...], ...]
    # Spellings that are always the word, told apart before normalisation (آمين, not أمين).
    keep_spellings: frozenset[str]
    keep_prefixes: frozenset[str]  # clitics that make it the word here (بسلام: "in peace")


@dataclass(frozen=True)
class Lexicon:
    arabic_prefixes: tuple[str, ...]  # longest first
    article_prefixes: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]
    kunya_markers: frozenset[str]
    compound_heads: frozenset[str]
    place_generic_words: frozenset[str]
    place_prefix_words: frozenset[str]  # Ain, Kafr, Deir, Tell, Hay, حي: a place name's first word
    person_cues: frozenset[str]
    ambiguous: dict[str, AmbiguousName]  # by each normalised form

    def not_a_name_part(self, token: str) -> bool:
        return token in self.honorifics or token in self.particles or len(token) < 2


def parse_lexicon(data: object) -> Lexicon:
    if not isinstance(data, dict) or data.get("format") != LEXICON_FORMAT:
        raise LexiconError(f"the redaction word list is not valid: format must be {LEXICON_FORMAT}")
    lists = {key: _words(data.get(key), key) for key in _LIST_KEYS}
    ambiguous: dict[str, AmbiguousName] = {}
    entries = data.get("ambiguous_names")
    if not isinstance(entries, list):
        raise LexiconError("the redaction word list is not valid: ambiguous_names must be a list")
    for number, entry in enumerate(entries, 1):
        where = f"ambiguous_names[{number}]"
        if not isinstance(entry, dict) or set(entry) - set(_AMBIGUOUS_KEYS):
            raise LexiconError(f"the redaction word list is not valid: {where} has unknown keys")
        phrases = entry.get("keep_phrases", [])
        name = AmbiguousName(
            forms=_words(entry.get("forms"), where + ".forms"),
            keep_before=_words(entry.get("keep_before", []), where + ".keep_before"),
            keep_after=_words(entry.get("keep_after", []), where + ".keep_after"),
            keep_phrases=tuple(
                tuple(normalise(phrase).replace("-", " ").split())
                for phrase in sorted(_words(phrases, where + ".keep_phrases"))
            ),
            keep_spellings=_spellings(entry.get("keep_spellings", []), where),
            keep_prefixes=_words(entry.get("keep_prefixes", []), where + ".keep_prefixes"),
        )
        for form in name.forms:
            ambiguous[form] = name
    return Lexicon(
        arabic_prefixes=tuple(sorted(lists["arabic_prefixes"], key=len, reverse=True)),
        article_prefixes=lists["article_prefixes"],
        honorifics=lists["honorifics"],
        particles=lists["particles"],
        kunya_markers=lists["kunya_markers"],
        compound_heads=lists["compound_heads"],
        place_generic_words=lists["place_generic_words"],
        place_prefix_words=lists["place_prefix_words"],
        person_cues=lists["person_cues"],
        ambiguous=ambiguous,
    )


def load_lexicon(path: Path | None = None) -> Lexicon:
    return _load(str(path or resource_path("redaction", "lexicon.json")))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Lexicon:
    try:
        data = read_json(path, MAX_LEXICON_BYTES)
    except DataFileUnreadable as error:
        raise LexiconError(f"the redaction word list {error.problem.value}") from None
    return parse_lexicon(data)
