"""Search normalisation: Arabic and Latin spellings that match, offsets back to the original."""

# The test data is Arabic text, whose letters and digits look like Latin ones by design.
# ruff: noqa: RUF001

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testimony_app.domain.normalise import normalise, normalise_with_offsets, original_span

# Characters the rules treat specially, so that generated text hits them far more often than
# uniformly random code points would.
SPECIAL = (
    "مجزرةقتلبيتسؤئءاأإآٱةىيیکكوهە"  # letters, hamza carriers, forms to fold
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u06d6\u0610"
    "\u0640"  # tatweel
    "٠١٩۰۴۹0123"
    "\ufee3\ufea0\ufeb0\ufead\ufe93\ufefb\ufef7\ufdf2\ufdfa\ufe85\ufe70\ufe71\ufc5e"
    "AaÉéßẞİıﬁ\u0301\u0308´Ωω한"
    "\u200c\u200d\u200e\u200f\u061c\u202b\u202c\u2067\u2069\ufeff\u00ad\u2060\u200b"
    " .,;:()«»،؟-\n"
)
texts = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=["Cs"])),
    max_size=40,
)


def same(left: str, right: str) -> bool:
    return normalise(left) == normalise(right)


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("مَجْزَرَةٌ", "مجزرة"),  # tashkeel
        ("أحمد", "احمد"),  # hamza on alef
        ("إبراهيم", "ابراهيم"),  # hamza under alef
        ("آمنة", "امنه"),  # madda, teh marbuta
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("ٱلله", "الله"),  # alef wasla
        ("مـــجزرة", "مجزرة"),  # tatweel
        ("ی", "ي"),  # Persian yeh
        ("کتاب", "كتاب"),  # Persian keheh
        ("الْقُرْآنُ\u06d6", "القران"),  # a Quranic annotation mark
        ("ذٰلك", "ذلك"),  # superscript alef
    ],
)
def test_arabic_spellings_match(written: str, plain: str) -> None:
    assert same(written, plain)


def test_folded_arabic_letters_become_the_plain_ones() -> None:
    assert normalise("ٱلله") == "الله"
    assert normalise("آمنة") == "امنه"
    assert normalise("مستشفى") == "مستشفي"


def test_hamza_on_waw_and_yeh_and_lone_hamza_are_kept() -> None:
    assert normalise("مسؤول") == "مسؤول"
    assert normalise("رئيس") == "رئيس"
    assert normalise("سماء") == "سماء"
    assert not same("مسؤول", "مسوول")
    assert not same("رئيس", "رييس")


def test_decomposed_hamza_letters_match_the_precomposed_ones() -> None:
    assert normalise("\u0648\u0654") == "ؤ"
    assert normalise("\u064a\u0654") == "ئ"
    assert normalise("\u0649\u0654") == "ئ"
    assert normalise("\u0648\u064f\u0654") == "ؤ"  # a mark between letter and hamza
    assert normalise("\u0627\u0654") == normalise("أ") == "ا"
    assert normalise("\u0627\u0653") == normalise("آ") == "ا"
    text = "مسو\u0654ول"
    assert normalise_with_offsets(text) == ("مسؤول", [0, 1, 2, 4, 5])


@pytest.mark.parametrize("digits", ["٠٩٤٤", "۰۹۴۴", "0944", "٠9۴4"])
def test_arabic_indic_and_persian_digits_become_ascii(digits: str) -> None:
    assert normalise(digits) == "0944"


def test_latin_ignores_case_and_accents() -> None:
    assert normalise("BANIYAS") == normalise("baniyas") == normalise("Bāniyās") == "baniyas"
    assert normalise("Café") == normalise("cafe") == "cafe"
    assert normalise("Cafe\u0301") == "cafe"  # accent typed as a combining character
    assert normalise("STRASSE") == normalise("Straße") == "strasse"
    assert normalise("İnci") == "inci"


def test_presentation_forms_equal_the_base_letters() -> None:
    # مجزرة in presentation forms, as text extracted from an old PDF often is.
    shaped = "\ufee3\ufea0\ufeb0\ufead\ufe93"
    assert all("FORM" in unicodedata.name(char) for char in shaped)
    assert same(shaped, "مجزرة")
    assert normalise("\ufefb") == "لا"  # lam-alef ligature
    assert normalise("\ufef7") == "لا"  # lam-alef with hamza above
    assert normalise("\ufdf2") == "الله"
    assert normalise("\ufe85") == "ؤ"  # hamza on waw stays, in any form
    assert normalise("ب\ufe76ت") == "بت"  # isolated fatha form is a mark, not a space


@pytest.mark.parametrize(
    "invisible", ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u2067", "\ufeff", "\u00ad"]
)
def test_invisible_characters_inside_a_word_do_not_break_matching(invisible: str) -> None:
    assert same(f"مجز{invisible}رة", "مجزرة")
    assert same(f"wit{invisible}ness", "witness")


def test_zero_width_space_is_a_word_break_and_stays() -> None:
    assert normalise("a\u200bb") == "a\u200bb"


def test_mixed_sentence_keeps_spaces_and_punctuation_in_place() -> None:
    text = "On ١٢ March, the witness (W-7KQ3) said: «مَجْزَرَةٌ في المستشفى» — 34 hurt."
    normal, offsets = normalise_with_offsets(text)
    assert normal == "on 12 march, the witness (w-7kq3) said: «مجزره في المستشفي» — 34 hurt."
    assert len(normal.split(" ")) == len(text.split(" "))
    for index, char in enumerate(normal):
        if not char.isalnum():
            assert text[offsets[index]] == char
    start = normal.index("مجزره")
    assert text[slice(*original_span(offsets, start, start + 5, len(text)))] == "مَجْزَرَةٌ"


def test_offsets_of_expansions_and_removals() -> None:
    assert normalise_with_offsets("Straße") == ("strasse", [0, 1, 2, 3, 4, 4, 5])
    assert normalise_with_offsets("ب ﷲ") == ("ب الله", [0, 1, 2, 2, 2, 2])
    assert normalise_with_offsets("مَـد") == ("مد", [0, 3])
    assert normalise_with_offsets("") == ("", [])


def test_original_span_takes_the_marks_and_tatweel_after_the_word() -> None:
    text = "قالت مَجْزَرَةٌ\u200f، ثم مـــجزرةـــ"
    normal, offsets = normalise_with_offsets(text)
    assert normal == "قالت مجزره، ثم مجزره"
    first = normal.index("مجزره")
    a, b = original_span(offsets, first, first + 5, len(text))
    assert text[a:b] == "مَجْزَرَةٌ\u200f"
    last = normal.rindex("مجزره")
    a, b = original_span(offsets, last, last + 5, len(text))
    assert text[a:b] == "مـــجزرةـــ"
    assert b == len(text)


def test_original_span_takes_whole_original_characters() -> None:
    text = "Straße"
    normal, offsets = normalise_with_offsets(text)
    assert original_span(offsets, 0, 5, len(text)) == (0, 5)  # "stras" ends inside ß
    assert original_span(offsets, 5, 6, len(text)) == (4, 5)
    text = "ب ﷲ."
    normal, offsets = normalise_with_offsets(text)
    start = normal.index("له")
    assert original_span(offsets, start, start + 2, len(text)) == (2, 3)


def test_original_span_of_an_empty_span_and_bad_spans() -> None:
    text = "أحمد"
    _, offsets = normalise_with_offsets(text)
    assert original_span(offsets, 1, 1, len(text)) == (1, 1)
    assert original_span(offsets, 4, 4, len(text)) == (4, 4)
    for start, end in [(-1, 1), (2, 1), (0, 5)]:
        with pytest.raises(ValueError, match="span"):
            original_span(offsets, start, end, len(text))


def test_every_code_point_normalises_to_a_fixed_point() -> None:
    # Normalisation works character by character, so this covers idempotence for all text.
    # Unassigned, private-use and surrogate code points have no mappings and are left out.
    for code_point in range(sys.maxunicode + 1):
        char = chr(code_point)
        if unicodedata.category(char) in ("Cn", "Co", "Cs"):
            continue
        normal = normalise(char)
        assert normalise(normal) == normal, f"U+{code_point:04X}"
        assert "\u0654" not in normal, f"U+{code_point:04X}"


@given(texts)
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@given(texts)
def test_both_functions_agree_and_offsets_are_ordered_and_in_range(text: str) -> None:
    normal, offsets = normalise_with_offsets(text)
    assert normal == normalise(text)
    assert len(offsets) == len(normal)
    assert all(0 <= offset < len(text) for offset in offsets)
    assert offsets == sorted(offsets)


@given(texts, st.data())
def test_original_span_covers_the_match(text: str, data: st.DataObject) -> None:
    normal, offsets = normalise_with_offsets(text)
    start = data.draw(st.integers(0, len(normal)), label="start")
    end = data.draw(st.integers(start, len(normal)), label="end")
    a, b = original_span(offsets, start, end, len(text))
    assert 0 <= a <= b <= len(text)
    assert normal[start:end] in normalise(text[a:b])
    if start < end:
        # Exactly the whole original characters, with nothing left dangling after them.
        first = offsets.index(a)
        after = next((k for k in range(end, len(offsets)) if offsets[k] >= b), len(offsets))
        assert normalise(text[a:b]) == normal[first:after]
        assert b == len(text) or normalise(text[b]) != ""
