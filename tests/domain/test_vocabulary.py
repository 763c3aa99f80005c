"""The violation-type vocabulary: the shipped file, its checks, lookups with fallback, caching."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

from testimony_app.domain.vocabulary import (
    CODE_PATTERN,
    VIOLATION_TYPES,
    Vocabulary,
    VocabularyError,
    clear_cache,
    default_vocabulary_path,
    load_violation_types,
    load_vocabulary,
    parse_vocabulary,
)

REQUIRED_CODES = {
    "killing",
    "attempted_killing",
    "enforced_disappearance",
    "arbitrary_detention",
    "torture",
    "ill_treatment",
    "sexual_violence",
    "kidnapping",
    "looting",
    "arson",
    "destruction_of_property",
    "forced_displacement",
    "threats_intimidation",
    "indiscriminate_attack",
    "summary_execution",
    "injury",
    "property_seizure",
    "denial_of_humanitarian_access",
    "recruitment_of_children",
    "other",
}
# Arabic letters, marks and spaces only: a Latin letter or a digit in an Arabic label is a slip.
ARABIC_LABEL = re.compile(r"[\u0621-\u064a\u064b-\u0652\u0670 ]+")


def document(*terms: dict[str, object], **top: object) -> bytes:
    body: dict[str, object] = {"vocabulary": "test-terms", "version": 1, "terms": list(terms)}
    body.update(top)
    return json.dumps(body, ensure_ascii=False).encode()


def problems(data: bytes) -> tuple[str, ...]:
    with pytest.raises(VocabularyError) as caught:
        parse_vocabulary(data)
    return caught.value.problems


# --- the shipped file


def test_the_shipped_vocabulary_loads_and_has_every_required_code() -> None:
    vocabulary = load_violation_types()
    assert vocabulary.name == VIOLATION_TYPES
    assert vocabulary.version >= 1
    assert REQUIRED_CODES <= set(vocabulary.codes())
    assert vocabulary.codes()[-1] == "other"  # pickers list it last


def test_the_shipped_codes_are_lower_snake_case_ascii() -> None:
    for code in load_violation_types().codes():
        assert code.isascii() and CODE_PATTERN.fullmatch(code), code


def test_the_shipped_labels_are_present_in_both_languages_and_arabic_is_arabic() -> None:
    vocabulary = load_violation_types()
    for code in vocabulary.codes():
        english, arabic = vocabulary.label(code, "en"), vocabulary.label(code, "ar")
        assert english.strip() and english.isascii(), code
        assert ARABIC_LABEL.fullmatch(arabic), code
        assert arabic == unicodedata.normalize("NFC", arabic)
        assert arabic != english


@pytest.mark.parametrize(
    ("code", "arabic"),
    [
        ("enforced_disappearance", "الاختفاء القسري"),
        ("arbitrary_detention", "الاعتقال التعسفي"),
        ("torture", "التعذيب"),
        ("looting", "النهب"),
        ("arson", "الحرق العمد"),
        ("forced_displacement", "التهجير القسري"),
    ],
)
def test_key_arabic_labels(code: str, arabic: str) -> None:
    assert load_violation_types().label(code, "ar") == arabic


def test_the_default_path_is_in_resources() -> None:
    path = default_vocabulary_path()
    assert path.parts[-3:] == ("resources", "vocabularies", "violation_types.json")
    assert path.is_file()


# --- lookups


def test_label_falls_back_from_region_to_language_to_english() -> None:
    vocabulary = parse_vocabulary(
        document({"code": "looting", "en": "Looting", "ar": "النهب", "ku": "Talan"})
    )
    assert vocabulary.label("looting", "ar-SY") == "النهب"
    assert vocabulary.label("looting", "ku") == "Talan"
    assert vocabulary.label("looting", "fr") == "Looting"
    assert vocabulary.label("looting") == "Looting"


def test_an_unknown_code_is_not_known_and_labels_as_itself() -> None:
    vocabulary = parse_vocabulary(document({"code": "looting", "en": "Looting", "ar": "النهب"}))
    assert vocabulary.is_known("looting")
    assert not vocabulary.is_known("retired_code")
    assert not vocabulary.is_known("Looting")
    assert vocabulary.label("retired_code", "ar") == "retired_code"


def test_codes_keep_the_order_of_the_file() -> None:
    vocabulary = parse_vocabulary(
        document(
            {"code": "zeta", "en": "Z", "ar": "ي"},
            {"code": "alpha", "en": "A", "ar": "أ"},
        )
    )
    assert vocabulary.codes() == ("zeta", "alpha")


def test_labels_are_nfc_normalised() -> None:
    decomposed = "\u0627\u0654\u0633\u0631"  # alef + combining hamza above: أسر once composed
    vocabulary = parse_vocabulary(document({"code": "capture", "en": "Capture", "ar": decomposed}))
    assert vocabulary.label("capture", "ar") == "\u0623\u0633\u0631"


def test_building_a_vocabulary_with_duplicate_codes_directly_is_refused() -> None:
    term = parse_vocabulary(document({"code": "a", "en": "A", "ar": "أ"})).terms[0]
    with pytest.raises(ValueError, match="duplicate"):
        Vocabulary(name="x", version=1, terms=(term, term))


# --- malformed files


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            document({"code": "a", "en": "A", "ar": "أ"}, {"code": "a", "en": "B", "ar": "ب"}),
            'terms[1].code: duplicate code "a"',
        ),
        (document({"code": "a", "en": "A"}), "terms[0].ar: missing label"),
        (document({"code": "a", "ar": "أ"}), "terms[0].en: missing label"),
        (document({"code": "a", "en": "", "ar": "أ"}), "terms[0].en: the label must be non-empty"),
        (
            document({"code": "a", "en": "A", "ar": "  "}),
            "terms[0].ar: the label must be non-empty",
        ),
        (
            document({"code": "a", "en": "A", "ar": None}),
            "terms[0].ar: the label must be non-empty",
        ),
        (document({"code": "Killing", "en": "A", "ar": "أ"}), "terms[0].code: must be a lower"),
        (document({"code": "ill-treatment", "en": "A", "ar": "أ"}), "terms[0].code"),
        (document({"code": "qatl_قتل", "en": "A", "ar": "أ"}), "terms[0].code"),
        (document({"code": "", "en": "A", "ar": "أ"}), "terms[0].code"),
        (document({"en": "A", "ar": "أ"}), "terms[0].code"),
        (document({"code": "a", "en": "A", "ar": "أ", "Arabic": "x"}), "unexpected key"),
        (document("a"), "terms[0]: must be an object"),
        (document(), "terms: must be a non-empty array"),
        (document({"code": "a", "en": "A", "ar": "أ"}, version=True), "version"),
        (document({"code": "a", "en": "A", "ar": "أ"}, version=0), "version"),
        (document({"code": "a", "en": "A", "ar": "أ"}, vocabulary=""), "vocabulary"),
        (document({"code": "a", "en": "A", "ar": "أ"}, extra=1), 'unexpected key "extra"'),
        (b"[]", "must be a JSON object"),
        (b'{"vocabulary": "v", "version": 1,', "not valid JSON at line 1"),
        (b'{"vocabulary": "v", "vocabulary": "w"}', 'duplicate key "vocabulary"'),
        (b"\xff\xfe{}", "not valid UTF-8 (at byte offset 0)"),
        (b"[" * 100_000, "nested deeper"),
        (b'{"terms": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}", "nested deeper"),
    ],
)
def test_a_malformed_vocabulary_is_refused_saying_where(data: bytes, expected: str) -> None:
    found = problems(data)
    assert any(expected in problem for problem in found), found


def test_every_problem_is_listed_not_just_the_first() -> None:
    found = problems(
        document(
            {"code": "Bad Code", "en": "A", "ar": "أ"},
            {"code": "b", "en": "B"},
            {"code": "c", "en": "", "ar": "ج"},
        )
    )
    assert len(found) == 3
    assert [problem.split(".")[0] for problem in found] == ["terms[0]", "terms[1]", "terms[2]"]


def test_a_wrong_vocabulary_name_is_refused_when_a_name_is_expected(tmp_path: Path) -> None:
    path = tmp_path / "terms.json"
    path.write_bytes(document({"code": "a", "en": "A", "ar": "أ"}))
    with pytest.raises(VocabularyError, match="expected"):
        load_vocabulary(path, expected_name=VIOLATION_TYPES, cache=False)


def test_a_missing_file_is_a_vocabulary_error_that_does_not_name_the_path(tmp_path: Path) -> None:
    path = tmp_path / "secret-place-name" / "terms.json"
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(path)
    assert "secret-place-name" not in str(caught.value)


# --- cache


def test_loading_is_cached_per_path_until_the_file_changes(tmp_path: Path) -> None:
    clear_cache()
    path = tmp_path / "terms.json"
    path.write_bytes(document({"code": "a", "en": "A", "ar": "أ"}))
    first = load_vocabulary(path)
    assert load_vocabulary(path) is first
    assert load_vocabulary(path, cache=False) is not first

    path.write_bytes(
        document({"code": "a", "en": "A", "ar": "أ"}, {"code": "b", "en": "B", "ar": "ب"})
    )
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    changed = load_vocabulary(path)
    assert changed is not first
    assert changed.codes() == ("a", "b")

    clear_cache()
    assert load_vocabulary(path) is not changed
