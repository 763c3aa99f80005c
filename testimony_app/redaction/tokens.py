"""Words of a text in their normalised form, with the way back to the original characters."""

from __future__ import annotations

import re
from dataclasses import dataclass

from testimony_app.domain.normalise import normalise_with_offsets, original_span

# Runs of letters, or of digits, of any script; an underscore, a hyphen or an apostrophe
# separates words, so "al-Qusour", "Al Qusour" and "Sa'id" come apart into the same tokens
# either way, and a name glued to a number ("march-2025samir") is still a word of its own.
_WORD = re.compile(r"[^\W\d_]+|\d+")
# What may stand between two words of one name: spaces, hyphens, apostrophes. Not a full stop,
# a comma or a line break: "… Ayham. Khadour's …" is not the name "Ayham Khadour".
_SOFT_GAP = re.compile(r"[ \u00a0\u200b\-\u2010\u2011\u2012\u2013'\u2019\u02bc`_]{1,3}")


def is_arabic_letter(char: str) -> bool:
    return "\u0600" <= char <= "\u08ff" or "\ufb50" <= char <= "\ufeff"


@dataclass(frozen=True)
class Token:
    text: str  # normalised
    start: int  # in the normalised text
    end: int
    soft_before: bool  # only a space, hyphen or apostrophe since the previous token
    arabic: bool


class TokenisedText:
    """`text` normalised (see domain/normalise.py) and cut into word tokens."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.normalised, self.offsets = normalise_with_offsets(text)
        tokens: list[Token] = []
        previous_end: int | None = None
        for match in _WORD.finditer(self.normalised):
            start, end = match.span()
            soft = previous_end is not None and (
                previous_end == start
                or bool(_SOFT_GAP.fullmatch(self.normalised, previous_end, start))
            )
            word = match.group()
            tokens.append(Token(word, start, end, soft, is_arabic_letter(word[0])))
            previous_end = end
        self.tokens = tokens

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised [start, end) came from."""
        return original_span(self.offsets, start, end, len(self.original))

    def original_of(self, token: Token) -> str:
        start, end = self.original_span(token.start, token.end)
        return self.original[start:end]

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
        for prefix in prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                found.append((len(prefix), word[len(prefix) :]))
                if prefix.endswith("لل"):
                    found.append((len(prefix) - 1, "ا" + word[len(prefix) - 1 :]))
    return found


def windows(
    text: TokenisedText, index: int, prefixes: tuple[str, ...], longest: int
) -> list[tuple[int, str, int, str]]:
    """Every (skip, stem, last, compact) for runs of tokens from `index` joined by soft gaps.

    `compact` is the run's letters without the gaps, its first token without `skip` prefix
    characters; `last` is the run's last token. A lookup of `compact` finds a multi-word name
    however its words are spaced or hyphenated.
    """
    tokens = text.tokens
    found = []
    for skip, stem in clitic_candidates(tokens[index], prefixes):
        compact = stem
        last = index
        while True:
            found.append((skip, stem, last, compact))
            last += 1
            if last >= len(tokens) or last - index >= longest or not tokens[last].soft_before:
                break
            compact += tokens[last].text
    return found
