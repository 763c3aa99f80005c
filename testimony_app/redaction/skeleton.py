"""Consonant skeletons: one key for the many Latin spellings of an Arabic name, and for its Arabic.

Transliteration varies ("Khadour", "Khaddour", "Khadur"; "Ghaith", "Ghayth"; "Ma'rin",
"Maarin") and so does the script a name is written in ("أيهم" in the registration, "Ayham" in
an English account). The skeleton keeps a word's first letter (any first vowel becomes "a")
and then its consonants only, doubled letters once: all of the above meet. It is a loose key,
used only to find capitalised Latin words that may be a registered name; it is never used to
look for Latin names in Arabic text, where short roots would collide with common words.
"""

from __future__ import annotations

_ARABIC = {
    "ا": "a", "و": "a", "ي": "a", "ى": "a", "ع": "a", "ء": "", "ؤ": "", "ئ": "",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "",
}  # fmt: skip
_ARABIC_VOWELS = frozenset("اويىع")
_LATIN_VOWELS = frozenset("aeiouyw")
MIN_SKELETON = 3


def _collapse(text: str) -> str:
    out: list[str] = []
    for char in text:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)


def skeleton(word: str) -> str:
    """The skeleton of one normalised word (see domain/normalise.py), Latin or Arabic."""
    if not word:
        return ""
    if "\u0600" <= word[0] <= "\u06ff":
        first = "a" if word[0] in _ARABIC_VOWELS else _ARABIC.get(word[0], "")
        rest = "".join("" if char in _ARABIC_VOWELS else _ARABIC.get(char, "") for char in word[1:])
        return _collapse(first + rest)
    letters = word.replace("q", "k").replace("ph", "f")
    if len(letters) > 2 and letters.endswith("h") and letters[-2] in _LATIN_VOWELS:
        letters = letters[:-1]  # Hamzah, Fatmeh: a final h after a vowel is the ta marbuta
    first = "a" if letters[0] in _LATIN_VOWELS else letters[0]
    rest = "".join(char for char in letters[1:] if char not in _LATIN_VOWELS and char.isalpha())
    return _collapse(first + rest)
