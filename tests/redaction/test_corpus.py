"""The redaction engine against the labelled corpus (tests/data/redaction/): the issue's bar."""

from __future__ import annotations

import pytest

from tests.redaction.corpus_scorer import (
    PATTERN_KINDS,
    PUBLIC_KINDS,
    Score,
    load_corpus,
    score,
)

RECORDS = load_corpus()


@pytest.fixture(scope="module")
def editor_score() -> Score:
    return score(RECORDS, "editor")


def test_the_corpus_is_big_enough() -> None:
    by_language = {"en": 0, "ar": 0}
    for record in RECORDS:
        by_language[str(record["language"])] += 1
        words = len(str(record["narrative"]).split())
        assert 150 <= words <= 600, (record["id"], words)
    assert by_language["en"] >= 30 and by_language["ar"] >= 30


@pytest.mark.parametrize("profile", ["editor", "public"])
def test_no_registered_entity_or_identity_detail_leaks(profile: str) -> None:
    result = score(RECORDS, profile)
    leaks = [miss for miss in result.misses if ": registered " in miss]
    assert leaks == []
    assert result.output_leaks == []
    assert result.combined(("registered",)).total >= 1000


def test_unregistered_personal_data_is_found(editor_score: Score) -> None:
    recall = editor_score.combined(PATTERN_KINDS)
    assert recall.total >= 300 and recall.rate >= 0.97, recall
    for kind in (*PATTERN_KINDS, "date_of_birth", "vehicle_plate"):
        tally = editor_score.combined((kind,))
        assert tally.total >= 25 and tally.rate >= 0.9, (kind, tally)


def test_public_names_and_common_words_survive(editor_score: Score) -> None:
    public = editor_score.combined(PUBLIC_KINDS)
    assert public.total >= 300 and public.total - public.hit <= 0.03 * public.total, public
    common = editor_score.combined(("common_word",))
    assert common.total >= 80 and common.rate >= 0.90, common
    for kind in ("event_date", "number"):
        assert editor_score.combined((kind,)).rate >= 0.95, kind


def test_the_corpus_files_are_what_their_generator_makes() -> None:
    import importlib.util

    from tests.redaction.corpus_scorer import CORPUS_DIR

    spec = importlib.util.spec_from_file_location(
        "generate_corpus", CORPUS_DIR / "generate_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0
