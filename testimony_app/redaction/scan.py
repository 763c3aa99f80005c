"""The matches of a regular expression, the very ones `finditer` gives, found with less work.

Many of the detectors' expressions start with a lookbehind or `\\b`, or with an alternation of
dozens of words: `re` then tries them at every character of a 2 KB text, although most texts
hold no email, no coordinates and no "born" at all. A `Scan` knows two shortcuts:

- what a text must contain for the expression to match anywhere in it ("@" for an email): a
  text without it has no match, and is not scanned;
- where a match may start (one of the words of an alternation, a digit): the expression is
  then tried only there, which `re` finds with its fast scan for literal text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence


def beginnings(alternation: str) -> list[str]:
    """The literal text each top-level alternative of `(?:a|b|…)` starts with, `\\b` aside.

    `(?:\\bborn\\b|birth|d\\.o\\.b|لوح(?:ه|ته))` gives born, birth, d.o.b, لوح: each match of
    the expression starts with one of them. An alternative that starts with anything but a
    literal character is an error, found when the module that asks is loaded.
    """
    if not (alternation.startswith("(?:") and alternation.endswith(")")):
        raise ValueError("not an alternation")
    alternatives: list[str] = []
    depth = 0
    current = ""
    escaped = in_class = False
    for char in alternation[3:-1]:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
            continue
        current += char
    alternatives.append(current)
    found = []
    for alternative in alternatives:
        rest = alternative.removeprefix("\\b")
        literal = ""
        while rest:
            if rest[0] == "\\" and len(rest) > 1 and not rest[1].isalnum():
                literal, rest = literal + rest[1], rest[2:]  # an escaped sign: "\." is "."
            elif rest[0] in "\\()[]{}.*+?|^$":
                break
            else:
                literal, rest = literal + rest[0], rest[1:]
        if rest[:1] in ("*", "?", "{"):
            literal = literal[:-1]  # "ab?c": the b may be missing
        if not literal:
            raise ValueError("an alternative does not start with a literal character")
        found.append(literal)
    return found


def words_hint(expression: re.Pattern[str]) -> re.Pattern[str]:
    """Where a match of the alternation `expression` may start: any of its first words.

    "id" stands for "identity" too, as only the positions matter. Every alternative starts
    with a word, so the expression never matches the empty string (see `Scan`).
    """
    words = set(beginnings(expression.pattern))
    shortest = sorted(w for w in words if not any(w != v and w.startswith(v) for v in words))
    return re.compile("|".join(re.escape(word) for word in shortest), expression.flags)


class Scan:
    """`expression` with what a text `needs` for a match and where matches may `start`.

    `needs` holds strings and expressions: a text in which none of them is found has no match.
    `starts` matches wherever a match of `expression` may start; `expression` must then never
    match the empty string.
    """

    def __init__(
        self,
        expression: re.Pattern[str],
        *,
        needs: Sequence[str | re.Pattern[str]] = (),
        starts: re.Pattern[str] | None = None,
    ) -> None:
        self.expression = expression
        self._words = tuple(need for need in needs if isinstance(need, str))
        self._patterns = tuple(need for need in needs if not isinstance(need, str))
        self._starts = starts

    def may_match(self, text: str) -> bool:
        if not (self._words or self._patterns):
            return True
        return any(word in text for word in self._words) or any(
            pattern.search(text) is not None for pattern in self._patterns
        )

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`self.expression.finditer(text)`: the same matches, in the same order.

        With `starts`, the expression is tried at each position `starts` finds, in order, as
        `finditer` tries every position: as each match begins at such a position, none is
        missed. `match` at a position still sees the characters before it (`\\b`, lookbehind),
        and as no match is empty, the next one is looked for from the end of the last.
        """
        if not self.may_match(text):
            return
        if self._starts is None:
            yield from self.expression.finditer(text)
            return
        expression, starts = self.expression, self._starts
        position = 0
        while (start := starts.search(text, position)) is not None:
            match = expression.match(text, start.start())
            if match is not None:
                yield match
                position = max(match.end(), start.start() + 1)
            else:
                position = start.start() + 1
