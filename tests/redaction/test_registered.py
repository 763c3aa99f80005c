"""Registered entities and identity details are found in every form the issue lists."""

from __future__ import annotations

import pytest

from testimony_app.domain.normalise import normalise
from testimony_app.domain.records import Entity, EntityType, Identity, TestimonyContent
from testimony_app.redaction.engine import Redactor
from testimony_app.redaction.profiles import load_profile

PERSON_EN = Entity("Ayham Khadour", EntityType.PERSON)
PLACE_EN = Entity("Al-Qusour", EntityType.LOCATION_PRIVATE)
PERSON_AR = Entity("أيهم خضور", EntityType.PERSON)
PLACE_AR = Entity("القصور", EntityType.LOCATION_PRIVATE)


def redact(narrative: str, *entities: Entity, identity: Identity | None = None) -> str:
    content = TestimonyContent(narrative=narrative, entities=entities)
    record = Redactor(load_profile("editor")).redact_testimony(content, identity=identity).record
    return str(record["narrative"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Then Ayham Khadour ran.",
        "Then AYHAM KHADOUR ran.",
        "Then ayham khadour ran.",
        "Then Ayham-Khadour ran.",
        "Then Ayham ran.",
        "Then Abu Ayham ran.",
        "Then Abu-Ayham ran.",
        "Then Umm Ayham ran.",
        "Then the Khadour family ran.",
        "Then Khadour's sons ran.",
        "Then Hajj Ayham ran.",
        "Then Áyham ran.",
    ],
)
def test_english_name_in_its_forms(sentence: str) -> None:
    out = redact(sentence, PERSON_EN)
    assert "ayham" not in normalise(out) and "khadour" not in normalise(out), out
    assert "[PERSON-1]" in out
    assert out.startswith("Then ")


def test_honorific_stays_and_the_name_after_it_goes() -> None:
    assert redact("We met Sheikh Ayham.", PERSON_EN) == "We met Sheikh [PERSON-1]."
    assert redact("Umm Ayham wept.", PERSON_EN) == "[PERSON-1] wept."


@pytest.mark.parametrize(
    "sentence", ["al-Qusour", "Al Qusour", "AL-QUSOUR", "alQusour", "Qusour", "al‑Qusour"]
)
def test_transliteration_case_hyphens_and_spacing(sentence: str) -> None:
    out = redact(f"They shelled {sentence} at night.", PLACE_EN)
    assert "qusour" not in normalise(out), out
    assert "[PLACE-1]" in out


@pytest.mark.parametrize(
    "word",
    [
        "أيهم",
        "ايهم",
        "إيهم",
        "أَيْهَم",
        "أيـــهم",
        "وأيهم",
        "فأيهم",
        "بأيهم",
        "لأيهم",
        "كأيهم",
        "وبأيهم",
        "خضور",
        "وخضور",
        "أبو أيهم",
        "ابو أيهم",
        "وأبو أيهم",
        "أم أيهم",
        "آل خضور",
        "عائلة خضور",
        "الحاج أيهم",
    ],
)
def test_arabic_name_in_its_forms(word: str) -> None:
    out = redact(f"قال لنا {word} إن الجنود دخلوا.", PERSON_AR)
    normal = normalise(out)
    assert "ايهم" not in normal and "خضور" not in normal, out
    assert "[شخص-١]" in out
    assert out.startswith("قال لنا ") and out.endswith(" إن الجنود دخلوا.")


@pytest.mark.parametrize("word", ["القصور", "والقصور", "بالقصور", "وبالقصور", "للقصور", "وللقصور"])
def test_arabic_place_with_clitics_and_the_article(word: str) -> None:
    out = redact(f"سقطت القذائف على {word} ليلاً.", PLACE_AR)
    assert "قصور" not in normalise(out), out
    assert "[مكان-١]" in out


def test_clitics_stay_outside_the_placeholder() -> None:
    assert redact("وأيهم هنا", PERSON_AR) == "و[شخص-١] هنا"
    assert redact("ذهبنا للقصور", PLACE_AR) == "ذهبنا ل[مكان-١]"


def test_a_word_that_only_contains_the_name_is_left() -> None:
    entity = Entity("Ali", EntityType.PERSON)
    assert redact("The alibi and the Alien stayed.", entity) == "The alibi and the Alien stayed."
    assert redact("Ali stayed.", entity) == "[PERSON-1] stayed."


def test_compound_names_stay_whole() -> None:
    entity = Entity("Abd al-Rahman Haddad", EntityType.PERSON)
    out = redact("Abd al-Rahman was taken; bismillah al-Rahman al-Rahim.", entity)
    assert out == "[PERSON-1] was taken; bismillah al-Rahman al-Rahim."


def test_variants_and_identity_details() -> None:
    entity = Entity("Ayham Khadour", EntityType.PERSON, ("Aiham Khaddour",))
    identity = Identity(
        full_name="Samir Nasser",
        nickname="Abu Fadi",
        phone="0933 123 456",
        home_village="Kafr Salim",
        neighbourhood="Bab al-Dreib",
        national_id="01020304050",
        email="samir.n@example.org",
    )
    out = redact(
        "Aiham Khaddour and Samir (Abu Fadi) from Kafr Salim, Bab al-Dreib; "
        "call +963-933-123-456 or ٠٩٣٣١٢٣٤٥٦; ID 010 2030 4050; SAMIR.N@EXAMPLE.ORG.",
        entity,
        identity=identity,
    )
    normal = normalise(out)
    for gone in ("aiham", "samir", "fadi", "kafr", "salim", "dreib", "933", "2030", "example"):
        assert gone not in normal, (gone, out)


def test_common_words_that_are_also_names_survive_where_they_are_words() -> None:
    amal = Entity("Amal Haddad", EntityType.PERSON)
    karim = Entity("Karim Saleh", EntityType.PERSON)
    assert redact("Amal told us there was no amal left.", amal) == (
        "[PERSON-1] told us there was no amal left."
    )
    assert redact("We said Allah Karim and Karim left.", karim) == (
        "We said Allah Karim and [PERSON-1] left."
    )
    amal_ar = Entity("أمل حداد", EntityType.PERSON)
    nour_ar = Entity("نور الهدى", EntityType.PERSON)
    assert redact("قالت أمل إنه لم يبق أمل، وعشنا على أمل العودة.", amal_ar) == (
        "قالت [شخص-١] إنه لم يبق أمل، وعشنا على أمل العودة."
    )
    assert redact("انقطع النور، ونور الشمس لم يصل. أختي نور بكت.", nour_ar) == (
        "انقطع النور، ونور الشمس لم يصل. أختي [شخص-١] بكت."
    )


def test_a_common_word_after_a_kunya_marker_is_the_person() -> None:
    amal = Entity("أمل حداد", EntityType.PERSON)
    assert redact("وصلت أم أمل متأخرة", amal) == "وصلت [شخص-١] متأخرة"


def test_each_placeholder_reads_in_the_script_around_it() -> None:
    entity = Entity("Abu Samer", EntityType.PERSON, ("أبو سامر",))
    out = redact("Abu Samer left. قال أبو سامر إن الجنود أحرقوا المخبز. Call 0944 000 111.", entity)
    assert out == "[PERSON-1] left. قال [شخص-١] إن الجنود أحرقوا المخبز. Call [PHONE-1]."
    out = redact("اتصلوا على 0944 000 111 ثم Abu Samer", entity)
    assert out == "اتصلوا على [هاتف-١] ثم [PERSON-1]"
