"""Properties: a registered name never survives in any supported form; redaction is idempotent;
placeholders are consistent across the testimonies of one export."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testimony_app.domain.normalise import normalise
from testimony_app.domain.records import Entity, EntityType, Identity, TestimonyContent
from testimony_app.redaction.engine import Redactor
from testimony_app.redaction.lexicon import load_lexicon
from testimony_app.redaction.placeholders import PLACEHOLDER
from testimony_app.redaction.profiles import load_profile
from testimony_app.redaction.tokens import TokenisedText, clitic_candidates

LEXICON = load_lexicon()
PROFILE = load_profile("editor")

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
TASHKEEL = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d"
ARABIC_FILLER = (
    "قال لنا إن الجنود دخلوا البيوت في الليل وأطلقوا النار على الرجال عند الباب ثم "
    "هربنا إلى الجبال مع الأطفال والنساء ولم نعد حتى الصباح"
).split()
LATIN_FILLER = (
    "he told us the soldiers came into the houses at night and shot the men at the door "
    "then we fled to the mountains with the children and did not come back until dawn"
).split()


def _usable(word: str) -> bool:
    normal = normalise(word)
    return (
        len(normal) >= 3
        and not LEXICON.not_a_name_part(normal)
        and normal not in LEXICON.ambiguous
        and normal not in LEXICON.kunya_markers
        and normal not in LEXICON.compound_heads
        and not any(normal == normalise(f) for f in ARABIC_FILLER + LATIN_FILLER)
    )


arabic_word = st.text(ARABIC_LETTERS, min_size=3, max_size=7).filter(_usable)
latin_word = st.text(LATIN_LETTERS, min_size=3, max_size=9).filter(_usable)


@st.composite
def arabic_form(draw: st.DrawFn, word: str) -> str:
    """`word` as a text may write it: alef forms, tashkeel, tatweel, a clitic, a kunya."""
    chars = []
    for index, char in enumerate(word):
        if char == "ا" and draw(st.booleans()):
            char = draw(st.sampled_from("أإآٱ"))
        elif char == "ه" and index == len(word) - 1 and draw(st.booleans()):
            char = "ة"
        elif char == "ي" and index == len(word) - 1 and draw(st.booleans()):
            char = "ى"
        chars.append(char)
        if draw(st.integers(0, 3)) == 0:
            chars.append(draw(st.sampled_from(TASHKEEL)))
        if index < len(word) - 1 and draw(st.integers(0, 6)) == 0:
            chars.append("ـ" * draw(st.integers(1, 3)))
    written = "".join(chars)
    prefix = draw(st.sampled_from(["", "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب"]))
    kunya = draw(st.sampled_from(["", "", "أبو ", "أم ", "ابو "]))
    if kunya:
        return prefix + kunya + written
    return prefix + written


@st.composite
def latin_form(draw: st.DrawFn, word: str) -> str:
    style = draw(st.sampled_from(["lower", "title", "upper"]))
    written = {"lower": word, "title": word.title(), "upper": word.upper()}[style]
    if draw(st.booleans()):
        written = written[0] + draw(st.sampled_from(["", "\u0301"])) + written[1:]
    return draw(st.sampled_from(["", "", "Abu ", "Umm ", "Abu-", "the "])) + written


@st.composite
def narrative_with(draw: st.DrawFn, arabic: bool) -> tuple[Entity, str]:
    word = arabic_word if arabic else latin_word
    given, family = draw(word), draw(word)
    filler = ARABIC_FILLER if arabic else LATIN_FILLER
    entity = Entity(f"{given} {family}", EntityType.PERSON)
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        pieces.extend(draw(st.lists(st.sampled_from(filler), min_size=1, max_size=8)))
        part = draw(st.sampled_from([given, family, f"{given} {family}"]))
        forms = [draw((arabic_form if arabic else latin_form)(p)) for p in part.split()]
        pieces.append(" ".join(forms))
    pieces.extend(draw(st.lists(st.sampled_from(filler), max_size=5)))
    return entity, " ".join(pieces) + "."


def surviving_parts(output: str, entity: Entity) -> list[str]:
    """Name parts of `entity` still present as a word of `output`, in any clitic form."""
    parts = {normalise(part) for part in entity.text.split()}
    text = TokenisedText(PLACEHOLDER.sub(" ", output))
    found = []
    for token in text.tokens:
        for _, stem in clitic_candidates(token, LEXICON.arabic_prefixes):
            if stem in parts:
                found.append(stem)
    return found


def redact(content: TestimonyContent, redactor: Redactor | None = None) -> str:
    redactor = redactor or Redactor(PROFILE)
    return str(redactor.redact_testimony(content).record["narrative"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=narrative_with(arabic=True))
def test_no_registered_arabic_name_survives_in_any_form(case: tuple[Entity, str]) -> None:
    entity, narrative = case
    output = redact(TestimonyContent(narrative=narrative, entities=(entity,)))
    assert surviving_parts(output, entity) == [], output


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=narrative_with(arabic=False))
def test_no_registered_latin_name_survives_in_any_form(case: tuple[Entity, str]) -> None:
    entity, narrative = case
    output = redact(TestimonyContent(narrative=narrative, entities=(entity,)))
    assert surviving_parts(output, entity) == [], output


@settings(max_examples=100, deadline=None)
@given(
    case=narrative_with(arabic=True), phone=st.sampled_from(["0933 123 456", "+90 532 123 45 67"])
)
def test_redaction_is_idempotent(case: tuple[Entity, str], phone: str) -> None:
    entity, narrative = case
    content = TestimonyContent(narrative=f"{narrative} {phone}", entities=(entity,))
    redactor = Redactor(PROFILE)
    once = redact(content, redactor)
    again = redact(TestimonyContent(narrative=once, entities=(entity,)), redactor)
    assert again == once


@settings(max_examples=60, deadline=None)
@given(
    people=st.lists(latin_word, min_size=2, max_size=4, unique=True),
    order=st.randoms(use_true_random=False),
)
def test_placeholders_are_consistent_across_testimonies(people: list[str], order: Any) -> None:
    """One person is one placeholder in every testimony of an export; two are two."""
    redactor = Redactor(PROFILE)
    seen: dict[str, set[str]] = {}
    entities = tuple(Entity(f"{name.title()} Haddadin", EntityType.PERSON) for name in people)
    for _ in range(3):
        mentioned = list(people)
        order.shuffle(mentioned)
        narrative = " then ".join(f"{name.title()} Haddadin" for name in mentioned) + "."
        output = redact(TestimonyContent(narrative=narrative, entities=entities), redactor)
        placeholders = [m.group() for m in PLACEHOLDER.finditer(output)]
        for name, placeholder in zip(mentioned, placeholders, strict=True):
            seen.setdefault(name, set()).add(placeholder)
    assert all(len(found) == 1 for found in seen.values())
    assert len({next(iter(found)) for found in seen.values()}) == len(people)


def test_the_witness_identity_gets_the_same_placeholder_as_an_entity_of_the_same_name() -> None:
    redactor = Redactor(PROFILE)
    first = redactor.redact_testimony(
        TestimonyContent(narrative="Samir Nasser spoke."),
        identity=Identity(full_name="Samir Nasser"),
    )
    second = redactor.redact_testimony(
        TestimonyContent(
            narrative="Later Samir came back.",
            entities=(Entity("Samir Nasser", EntityType.PERSON),),
        )
    )
    assert first.record["narrative"] == "[PERSON-1] spoke."
    assert second.record["narrative"] == "Later [PERSON-1] came back."
