"""Words of a text in their normalised form, with the way back to the original characters."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from testimony_app.domain.normalise import normalise, normalise_with_offsets, original_span

# Runs of letters, or of digits, of any script; an underscore, a hyphen or an apostrophe
# separates words, so "al-Qusour", "Al Qusour" and "Sa'id" come apart into the same tokens
# either way, and a name glued to a number ("march-2025samir") is still a word of its own.
_WORD = re.compile(r"[^\W\d_]+|\d+")
# A word with what stands before it since the previous word (characters no word starts with).
_GAP_AND_WORD = re.compile(rf"([\W_]*)({_WORD.pattern})")
# What may stand between two words of one name: spaces, hyphens, apostrophes. Not a full stop,
# a comma or a line break: "… Ayham. Khadour's …" is not the name "Ayham Khadour".
_SOFT_GAP = re.compile(r"[ \u00a0\u200b\-\u2010\u2011\u2012\u2013'\u2019\u02bc`_]{1,3}")
# U+0654 HAMZA ABOVE is the one character whose normal form depends on its neighbours (see
# domain/normalise.py): a text holding it takes the normaliser's own character-by-character path.
_HAMZA_ABOVE = "\u0654"


@functools.lru_cache(maxsize=4096)
def _folded_length(char: str) -> int:
    """How many characters `char` becomes once normalised (0: removed, 2 or more: expanded)."""
    return len(normalise(char))


def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """`normalise_with_offsets(text)`, the same string and offsets, computed faster.

    Without U+0654 every character is normalised on its own, so the normalised text is one
    `str.translate` and the offsets are the identity except around the few characters that
    are removed (tashkeel, tatweel) or expanded (ß, ﷲ): only those are looked at one by one.
    """
    if _HAMZA_ABOVE in text:
        return normalise_with_offsets(text)
    normalised = normalise(text)
    irregular = [char for char in set(text) if _folded_length(char) != 1]
    if not irregular:
        return normalised, list(range(len(text)))
    at: list[int] = []
    for char in irregular:
        found = text.find(char)
        while found >= 0:
            at.append(found)
            found = text.find(char, found + 1)
    at.sort()
    offsets: list[int] = []
    position = 0
    for index in at:
        offsets.extend(range(position, index))
        offsets.extend([index] * _folded_length(text[index]))
        position = index + 1
    offsets.extend(range(position, len(text)))
    return normalised, offsets


def is_arabic_letter(char: str) -> bool:
    return "\u0600" <= char <= "\u08ff" or "\ufb50" <= char <= "\ufeff"


class Token(NamedTuple):
    """One word. A named tuple rather than a frozen dataclass: a testimony has hundreds of
    words and a tuple is built in half the time, with the same immutability and equality."""

    text: str  # normalised
    start: int  # in the normalised text
    end: int
    soft_before: bool  # only a space, hyphen or apostrophe since the previous token
    arabic: bool


class TokenisedText:
    """`text` normalised (see domain/normalise.py) and cut into word tokens."""

    def __init__(self, text: str) -> None:
        self.original = text
        normalised, self.offsets = _normalise_with_offsets(text)
        self.normalised = normalised
        tokens: list[Token] = []
        append = tokens.append
        soft_gaps: dict[str, bool] = {"": True}  # the same few gaps (" ", ", ") again and again
        end = 0
        for gap, word in _GAP_AND_WORD.findall(normalised):
            start = end + len(gap)
            end = start + len(word)
            soft = soft_gaps.get(gap)
            if soft is None:
                soft = soft_gaps[gap] = bool(_SOFT_GAP.fullmatch(gap))
            first = word[0]
            arabic = "\u0600" <= first <= "\u08ff" or "\ufb50" <= first <= "\ufeff"
            append(Token(word, start, end, soft, arabic))
        if tokens and tokens[0].soft_before:  # nothing comes before the first word
            tokens[0] = tokens[0]._replace(soft_before=False)
        self.tokens = tokens
        # Clitic candidates of each distinct word, for the prefixes they were asked with.
        self._clitics: dict[str, list[tuple[int, str]]] = {}
        self._clitic_prefixes: tuple[str, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised [start, end) came from."""
        return original_span(self.offsets, start, end, len(self.original))

    def original_of(self, token: Token) -> str:
        start, end = self.original_span(token.start, token.end)
        return self.original[start:end]

    def original_initial(self, token: Token) -> str:
        """The first character of `original_of(token)`, without slicing the span out."""
        return self.original[self.offsets[token.start]]

    def candidates(self, index: int, prefixes: tuple[str, ...]) -> list[tuple[int, str]]:
        """`clitic_candidates` of token `index`, worked out once per distinct word of the text."""
        return self.clitics(self.tokens[index], prefixes)

    def clitics(self, token: Token, prefixes: tuple[str, ...]) -> list[tuple[int, str]]:
        """`clitic_candidates(token, prefixes)` for a token of this text, kept for its word."""
        if prefixes is not self._clitic_prefixes:
            self._clitics = {}
            self._clitic_prefixes = prefixes
        found = self._clitics.get(token.text)
        if found is None:
            found = self._clitics[token.text] = clitic_candidates(token, prefixes)
        return found

    def joined(self, first: int, last: int) -> bool:
        """Whether tokens first..last (inclusive) follow each other with only soft gaps."""
        return all(self.tokens[index].soft_before for index in range(first + 1, last + 1))


def clitic_candidates(token: Token, prefixes: tuple[str, ...]) -> list[tuple[int, str]]:
    """A token's text, and for Arabic the same without each clitic prefix it may carry.

    Each candidate is (characters skipped, rest). `prefixes` come longest first; ل + ال is
    written لل, so after a prefix ending in لل the article is also offered back whole.
    """
    word = token.text
    found = [(0, word)]
    if token.arabic:
        # The prefixes the word starts with, in the order of `prefixes`: looked up by the
        # word's first letters rather than tried one by one.
        places, longest = _prefix_places(prefixes)
        starts = [word[:length] for length in range(min(longest, len(word) - 2) + 1)]
        for _, prefix in sorted((n, p) for p in starts for n in places.get(p, ())):
            found.append((len(prefix), word[len(prefix) :]))
            if prefix.endswith("لل"):
                found.append((len(prefix) - 1, "ا" + word[len(prefix) - 1 :]))
    return found


@functools.lru_cache(maxsize=8)
def _prefix_places(prefixes: tuple[str, ...]) -> tuple[dict[str, tuple[int, ...]], int]:
    """Where each prefix is in `prefixes`, and the length of the longest."""
    places: dict[str, tuple[int, ...]] = {}
    for number, prefix in enumerate(prefixes):
        places[prefix] = (*places.get(prefix, ()), number)
    return places, max(map(len, prefixes), default=0)
