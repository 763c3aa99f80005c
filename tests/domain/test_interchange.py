"""Interchange v1: round trips, every refusal with its path, no value in any message, the schema.

All people, places and numbers here are invented.
"""

from __future__ import annotations

import copy
import datetime
import functools
import json
import unicodedata
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testimony_app.domain.ids import IdKind, WitnessId, format_id
from testimony_app.domain.interchange import (
    CONSENT_KEYS,
    ENTITY_KEYS,
    IDENTITY_KEYS,
    INCIDENT_KEYS,
    INTERVIEW_KEYS,
    MAX_AGE,
    MAX_FILE_BYTES,
    MAX_ITEMS,
    MAX_NARRATIVE_CHARS,
    MAX_PROBLEMS,
    MAX_TEXT_CHARS,
    MAX_VICTIMS,
    RECORD_KEYS,
    WITNESS_KEYS,
    FieldProblem,
    InterchangeError,
    ParsedRecord,
    WitnessFields,
    content_from_storage,
    content_to_storage,
    parse_file_bytes,
    parse_object,
    to_interchange,
)
from testimony_app.domain.records import (
    Consent,
    DatePrecision,
    Entity,
    EntityType,
    Gender,
    Identity,
    Incident,
    Interview,
    Status,
    TestimonyContent,
    Witness,
)
from testimony_app.domain.vocabulary import load_violation_types
from testimony_app.resources_path import resource_path

VOCABULARY = load_violation_types()
WITNESS_ID = format_id(IdKind.WITNESS, 0x3A_5C7E_9B1D)
CANARY = "CANARY-Qx7-ZAYTOUNAWI"
CANARY_AR = "كناري-سري-الزيتوناوي"
ARABIC_INDIC_DATE = "\u0662\u0660\u0662\u0665-\u0660\u0663-\u0660\u0667"  # 2025-03-07

NARRATIVE = (
    "في صباح ذلك اليوم سمعنا إطلاق نار قرب البوابة. جاء رجال بلباس مدني وأخذوا جارنا.\n"
    "Later that week the shop of Marwan Tallafi was looted and burned; we left for the camp."
)

FULL_RECORD: dict[str, Any] = {
    "witness": {
        "id": WITNESS_ID,
        "identity": {
            "full_name": "Hadeel Zaytounawi",
            "nickname": "أم سليم",
            "phone": "+963 000 111 222",
            "home_village": "كفر زيتون الصغير",
            "neighbourhood": "Harat al-Tahouna",
            "national_id": "FICT-000-1234",
            "email": "hadeel@example.invalid",
        },
        "age": 57,
        "age_band": "50-59",
        "gender": "f",
        "occupation": "معلمة",
        "displacement_status": "internally displaced",
    },
    "interview": {
        "date": "2025-03-12",
        "place": "Camp 4, tent 17",
        "interviewer": "R-03",
        "language": "ar",
        "interpreter": "Samir Nadafi",
    },
    "consent": {
        "recorded": True,
        "share_with_editors": True,
        "publish_anonymised": False,
        "quote_verbatim": True,
        "date": "2025-03-12",
    },
    "narrative": NARRATIVE,
    "entities": [
        {
            "text": "Hadeel Zaytounawi",
            "type": "PERSON",
            "variants": ["هديل الزيتوناوي", "Umm Salim"],
        },
        {"text": "Marwan Tallafi", "type": "PERSON", "variants": ["مروان التلافي"]},
        {"text": "+963 000 111 222", "type": "PHONE", "variants": []},
        {"text": "بيت الطاحونة", "type": "LOCATION_PRIVATE", "variants": []},
        {"text": "KZS 40-771", "type": "VEHICLE_PLATE", "variants": []},
    ],
    "incidents": [
        {
            "date": "2025-03-07",
            "date_precision": "day",
            "place": "كفر زيتون الصغير",
            "violation_types": ["killing", "arbitrary_detention"],
            "perpetrator": "مسلحون بلباس مدني",
            "victims_count": 1,
        },
        {
            "date": "2025-03",
            "date_precision": "month",
            "place": "Harat al-Tahouna market",
            "violation_types": ["looting", "arson"],
            "perpetrator": "the same group, as described by the witness",
            "victims_count": 0,
        },
        {
            "date": "2024",
            "date_precision": "year",
            "place": None,
            "violation_types": ["forced_displacement"],
            "perpetrator": None,
            "victims_count": None,
        },
        {
            "date": "2024-11",
            "date_precision": "approximate",
            "place": "the road to Tall al-Warda",
            "violation_types": ["threats_intimidation"],
            "perpetrator": "checkpoint guards",
            "victims_count": 3,
        },
    ],
    "tags": ["looting", "نهب", "2025 wave"],
    "status": "complete",
}

EXPECTED = ParsedRecord(
    witness_id=WitnessId(WITNESS_ID),
    witness_fields=WitnessFields(
        age=57,
        age_band="50-59",
        gender=Gender.FEMALE,
        occupation="معلمة",
        displacement_status="internally displaced",
    ),
    identity=Identity(
        full_name="Hadeel Zaytounawi",
        nickname="أم سليم",
        phone="+963 000 111 222",
        home_village="كفر زيتون الصغير",
        neighbourhood="Harat al-Tahouna",
        national_id="FICT-000-1234",
        email="hadeel@example.invalid",
    ),
    content=TestimonyContent(
        interview=Interview(
            date="2025-03-12",
            place="Camp 4, tent 17",
            interviewer="R-03",
            language="ar",
            interpreter="Samir Nadafi",
        ),
        consent=Consent(
            recorded=True,
            share_with_editors=True,
            publish_anonymised=False,
            quote_verbatim=True,
            given_on="2025-03-12",
        ),
        narrative=NARRATIVE,
        incidents=(
            Incident(
                date="2025-03-07",
                date_precision=DatePrecision.DAY,
                place="كفر زيتون الصغير",
                violation_types=("killing", "arbitrary_detention"),
                perpetrator="مسلحون بلباس مدني",
                victims_count=1,
            ),
            Incident(
                date="2025-03",
                date_precision=DatePrecision.MONTH,
                place="Harat al-Tahouna market",
                violation_types=("looting", "arson"),
                perpetrator="the same group, as described by the witness",
                victims_count=0,
            ),
            Incident(
                date="2024",
                date_precision=DatePrecision.YEAR,
                violation_types=("forced_displacement",),
            ),
            Incident(
                date="2024-11",
                date_precision=DatePrecision.APPROXIMATE,
                place="the road to Tall al-Warda",
                violation_types=("threats_intimidation",),
                perpetrator="checkpoint guards",
                victims_count=3,
            ),
        ),
        entities=(
            Entity("Hadeel Zaytounawi", EntityType.PERSON, ("هديل الزيتوناوي", "Umm Salim")),
            Entity("Marwan Tallafi", EntityType.PERSON, ("مروان التلافي",)),
            Entity("+963 000 111 222", EntityType.PHONE),
            Entity("بيت الطاحونة", EntityType.LOCATION_PRIVATE),
            Entity("KZS 40-771", EntityType.VEHICLE_PLATE),
        ),
        tags=("looting", "نهب", "2025 wave"),
        status=Status.COMPLETE,
    ),
)


def encode(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def parse(document: object) -> list[ParsedRecord]:
    return parse_file_bytes(encode(document), VOCABULARY)


def refuse(data: bytes) -> InterchangeError:
    with pytest.raises(InterchangeError) as caught:
        parse_file_bytes(data, VOCABULARY)
    assert caught.value.problems, "an InterchangeError must say what is wrong"
    return caught.value


def with_changes(**changes: Any) -> dict[str, Any]:
    """FULL_RECORD with some top-level parts replaced."""
    record = copy.deepcopy(FULL_RECORD)
    record.update(changes)
    return record


def back_to_interchange(parsed: ParsedRecord) -> dict[str, object]:
    witness = (
        parsed.witness_fields.to_witness(parsed.witness_id)
        if parsed.witness_id is not None
        else parsed.witness_fields
    )
    return to_interchange(parsed.content, witness=witness, identity=parsed.identity)


def load_schema() -> dict[str, Any]:
    path = resource_path("schemas", "interchange-v1.schema.json")
    schema: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return schema


@functools.cache
def schema_validator(*, with_vocabulary: bool = False) -> jsonschema.Draft202012Validator:
    """The published schema; optionally with the vocabulary's codes, which it defers to a file."""
    schema = load_schema()
    if with_vocabulary:
        codes = schema["$defs"]["incident"]["properties"]["violation_types"]["items"]
        codes["enum"] = list(VOCABULARY.codes())
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


# --- round trips


def test_a_full_record_parses_to_the_expected_dataclasses() -> None:
    assert parse(FULL_RECORD) == [EXPECTED]


def test_a_full_record_round_trips_through_to_interchange() -> None:
    first = parse(FULL_RECORD)[0]
    again = parse(back_to_interchange(first))[0]
    assert again == first == EXPECTED
    assert back_to_interchange(again) == back_to_interchange(first)


def test_to_interchange_writes_every_key_of_the_format() -> None:
    written = back_to_interchange(EXPECTED)
    assert tuple(written) == RECORD_KEYS
    witness = written["witness"]
    assert isinstance(witness, dict)
    assert set(witness) == set(WITNESS_KEYS)
    assert set(witness["identity"]) == set(IDENTITY_KEYS)
    assert written == FULL_RECORD


def test_to_interchange_leaves_identity_out_unless_asked() -> None:
    content = EXPECTED.content
    assert "witness" not in to_interchange(content)
    witness = EXPECTED.witness_fields.to_witness(WitnessId(WITNESS_ID))
    written = to_interchange(content, witness=witness)
    assert isinstance(written["witness"], dict)
    assert "identity" not in written["witness"]
    assert written["witness"]["id"] == WITNESS_ID
    bare = json.dumps(to_interchange(TestimonyContent(narrative="x"), witness=witness))
    for value in EXPECTED.identity.values():
        assert value not in bare


def test_witness_fields_without_an_id_round_trip() -> None:
    fields = WitnessFields(age_band="20-29", gender=Gender.OTHER)
    written = to_interchange(TestimonyContent(narrative="x"), witness=fields)
    parsed = parse(written)[0]
    assert parsed.witness_id is None
    assert parsed.witness_fields == fields
    assert parsed.identity == Identity()
    assert WitnessFields.of(fields.to_witness(WitnessId(WITNESS_ID))) == fields


def test_storage_round_trip_and_storage_goes_through_the_same_checks() -> None:
    stored = json.loads(json.dumps(content_to_storage(EXPECTED.content)))
    assert "witness" not in stored
    assert content_from_storage(stored) == EXPECTED.content
    assert content_from_storage(stored, vocabulary=VOCABULARY) == EXPECTED.content

    stored["incidents"][0]["date"] = "2025-02-30"
    with pytest.raises(InterchangeError) as caught:
        content_from_storage(stored)
    assert caught.value.problems[0].path == "incidents[0].date"


def test_storage_keeps_a_code_retired_from_the_vocabulary_but_not_a_malformed_one() -> None:
    stored = content_to_storage(TestimonyContent(narrative="x"))
    stored["incidents"] = [{"violation_types": ["retired_old_code"]}]
    assert content_from_storage(stored).incidents[0].violation_types == ("retired_old_code",)
    with pytest.raises(InterchangeError, match="unknown violation type"):
        content_from_storage(stored, vocabulary=VOCABULARY)
    stored["incidents"] = [{"violation_types": ["Not A Code"]}]
    with pytest.raises(InterchangeError, match="must be a violation type code"):
        content_from_storage(stored)


def test_storage_refuses_witness_details_and_non_objects() -> None:
    with pytest.raises(InterchangeError, match="not stored with a testimony"):
        content_from_storage({"narrative": "x", "witness": {"age": 3}})
    with pytest.raises(InterchangeError, match="must be an object"):
        content_from_storage(["narrative"])


def test_parse_object_reads_one_decoded_record() -> None:
    assert parse_object(copy.deepcopy(FULL_RECORD), VOCABULARY) == EXPECTED
    with pytest.raises(InterchangeError):
        parse_object({"interview": {}}, VOCABULARY)


# --- what parsing does to values


def test_texts_are_nfc_normalised_and_nothing_else_is_stripped() -> None:
    decomposed_latin = "Ze\u0301nab  "  # e + combining acute, trailing spaces kept
    decomposed_arabic = "\u0627\u0654\u0645\u064a\u0631\u0629"  # alef + hamza above → أميرة
    record = parse(
        {
            "narrative": f" {decomposed_latin}\n{decomposed_arabic} ",
            "entities": [{"text": decomposed_arabic, "type": "PERSON"}],
            "tags": [decomposed_latin],
        }
    )[0]
    assert record.content.narrative == " Zénab  \n\u0623\u0645\u064a\u0631\u0629 "
    assert record.content.entities[0].text == "\u0623\u0645\u064a\u0631\u0629"
    assert record.content.tags == ("Zénab  ",)
    assert unicodedata.is_normalized("NFC", record.content.narrative)


def test_empty_strings_and_nulls_in_optional_fields_become_none() -> None:
    record = parse(
        {
            "witness": {
                "id": "",
                "identity": {"full_name": "", "phone": None},
                "age": None,
                "gender": "",
                "occupation": "",
            },
            "interview": {"date": "", "place": "", "language": None},
            "consent": {"recorded": None, "date": ""},
            "narrative": "",
            "incidents": [{"date": "", "date_precision": "", "place": "", "perpetrator": None}],
            "tags": None,
            "status": None,
        }
    )[0]
    assert record.witness_id is None
    assert record.witness_fields == WitnessFields()
    assert record.identity.is_empty()
    assert record.content == TestimonyContent(incidents=(Incident(),))


def test_a_minimal_record_gets_the_defaults() -> None:
    record = parse({"narrative": "x"})[0]
    assert record == ParsedRecord(
        None, WitnessFields(), Identity(), TestimonyContent(narrative="x")
    )


def test_tags_and_violation_types_are_deduplicated_keeping_the_first() -> None:
    record = parse(
        {
            "narrative": "x",
            "tags": ["b", "a", "b", "ب", "a"],
            "incidents": [{"violation_types": ["looting", "arson", "looting"]}],
        }
    )[0]
    assert record.content.tags == ("b", "a", "ب")
    assert record.content.incidents[0].violation_types == ("looting", "arson")


@pytest.mark.parametrize(
    ("date", "precision"),
    [
        ("2025-03-07", DatePrecision.DAY),
        ("2025-03", DatePrecision.MONTH),
        ("2025", DatePrecision.YEAR),
    ],
)
def test_a_missing_precision_is_taken_from_the_form_of_the_date(
    date: str, precision: DatePrecision
) -> None:
    incident = parse({"narrative": "x", "incidents": [{"date": date}]})[0].content.incidents[0]
    assert incident == Incident(date=date, date_precision=precision)


@pytest.mark.parametrize("date", ["2025-03-07", "2025-03", "2025"])
def test_approximate_accepts_a_day_a_month_or_a_year(date: str) -> None:
    document = {"narrative": "x", "incidents": [{"date": date, "date_precision": "approximate"}]}
    assert parse(document)[0].content.incidents[0].date == date


def test_an_integral_float_counts_as_a_whole_number() -> None:
    record = parse({"narrative": "x", "witness": {"age": 40.0}})[0]
    assert record.witness_fields.age == 40
    assert isinstance(record.witness_fields.age, int)


def test_a_forgivingly_typed_witness_id_is_made_canonical() -> None:
    typed = WITNESS_ID.lower().replace("-", " ")
    assert parse({"narrative": "x", "witness": {"id": typed}})[0].witness_id == WITNESS_ID


# --- file shapes


def test_one_object_an_array_and_json_lines_give_the_same_records() -> None:
    second = {"narrative": "ثانية", "tags": ["b"]}
    one = parse_file_bytes(encode(FULL_RECORD), VOCABULARY)
    pretty = parse_file_bytes(json.dumps(FULL_RECORD, indent=2).encode(), VOCABULARY)
    array = parse_file_bytes(encode([FULL_RECORD, second]), VOCABULARY)
    lines = parse_file_bytes(
        (encode(FULL_RECORD) + b"\r\n\n   \n" + encode(second) + b"\n"), VOCABULARY
    )
    assert one == pretty == [EXPECTED]
    assert array == lines
    assert array[0] == EXPECTED
    assert array[1].content.narrative == "ثانية"


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    assert parse_file_bytes(b"\xef\xbb\xbf" + encode(FULL_RECORD), VOCABULARY) == [EXPECTED]


def test_records_of_an_array_are_numbered_with_their_lines() -> None:
    data = b'[\n  {"narrative": "a"},\n  {"narrative": "b"},\n\n  {"narrative": 3}\n]'
    error = refuse(data)
    assert error.problems == (FieldProblem(3, 5, "narrative", "must be text"),)


def test_json_lines_with_a_bad_third_line_names_record_3_and_line_3() -> None:
    good = encode({"narrative": "fine"})
    bad_value = encode({"narrative": "x", "witness": {"gender": "q"}})
    error = refuse(b"\n".join([good, good, bad_value, good]))
    assert error.problems == (
        FieldProblem(3, 3, "witness.gender", "unknown gender (expected one of m, f, x)"),
    )
    assert "record 3 (from line 3): witness.gender" in str(error)

    broken = b'{"narrative": "x", "tags": ["a",]}'
    error = refuse(b"\n".join([good, good, broken, good]))
    assert [(p.record, p.line, p.column) for p in error.problems] == [(3, 3, 33)]
    assert "not valid JSON" in error.problems[0].problem


def test_json_lines_report_every_bad_line_and_count_physical_lines() -> None:
    good = encode({"narrative": "fine"})
    data = b"\n".join([good, b"", b'{"narrative": 1}', good, b'{"narrative": "x" ,}', good])
    error = refuse(data)
    assert [(p.record, p.line) for p in error.problems] == [(2, 3), (4, 5)]


# --- refusals: each names the record, line and path, never the value


def problem_at(data: bytes, path: str) -> FieldProblem:
    error = refuse(data)
    matching = [problem for problem in error.problems if problem.path == path]
    assert matching, f"no problem at {path!r}; got {[str(p) for p in error.problems]}"
    return matching[0]


CASES: list[tuple[str, Callable[[], object], str, str]] = [
    # (id, document factory, expected path, expected fragment of the problem)
    (
        "bool age",
        lambda: {"narrative": "x", "witness": {"age": True}},
        "witness.age",
        "whole number",
    ),
    (
        "age 131",
        lambda: {"narrative": "x", "witness": {"age": MAX_AGE + 1}},
        "witness.age",
        "0 to 130",
    ),
    ("negative age", lambda: {"narrative": "x", "witness": {"age": -1}}, "witness.age", "0 to 130"),
    (
        "text age",
        lambda: {"narrative": "x", "witness": {"age": "57"}},
        "witness.age",
        "whole number",
    ),
    ("fraction age", lambda: {"narrative": "x", "witness": {"age": 5.5}}, "witness.age", "whole"),
    (
        "bool victims",
        lambda: {"narrative": "x", "incidents": [{"victims_count": False}]},
        "incidents[0].victims_count",
        "whole number",
    ),
    (
        "negative victims",
        lambda: {"narrative": "x", "incidents": [{"victims_count": -3}]},
        "incidents[0].victims_count",
        "whole number from 0",
    ),
    (
        "too many victims",
        lambda: {"narrative": "x", "incidents": [{"victims_count": MAX_VICTIMS + 1}]},
        "incidents[0].victims_count",
        "whole number",
    ),
    (
        "gender",
        lambda: {"narrative": "x", "witness": {"gender": "male"}},
        "witness.gender",
        "unknown gender",
    ),
    (
        "entity type",
        lambda: {"narrative": "x", "entities": [{"text": "a", "type": "person"}]},
        "entities[0].type",
        "unknown entity type",
    ),
    (
        "entity without type",
        lambda: {"narrative": "x", "entities": [{"text": "a"}]},
        "entities[0].type",
        "missing",
    ),
    (
        "entity without text",
        lambda: {"narrative": "x", "entities": [{"type": "PERSON"}]},
        "entities[0].text",
        "missing",
    ),
    (
        "blank entity",
        lambda: {"narrative": "x", "entities": [{"text": " \u00a0", "type": "PERSON"}]},
        "entities[0].text",
        "must not be empty",
    ),
    (
        "blank variant",
        lambda: {"narrative": "x", "entities": [{"text": "a", "type": "OTHER", "variants": [""]}]},
        "entities[0].variants[0]",
        "must not be empty",
    ),
    ("entity not object", lambda: {"narrative": "x", "entities": ["a"]}, "entities[0]", "object"),
    ("status", lambda: {"narrative": "x", "status": "published"}, "status", "unknown status"),
    (
        "precision",
        lambda: {"narrative": "x", "incidents": [{"date_precision": "week"}]},
        "incidents[0].date_precision",
        "unknown date precision",
    ),
    (
        "unknown violation type",
        lambda: {"narrative": "x", "incidents": [{"violation_types": ["killing", "murder"]}]},
        "incidents[0].violation_types[1]",
        "unknown violation type (see resources/vocabularies/violation_types.json)",
    ),
    (
        "violation type not text",
        lambda: {"narrative": "x", "incidents": [{"violation_types": [7]}]},
        "incidents[0].violation_types[0]",
        "violation type code",
    ),
    (
        "unreal day",
        lambda: {"narrative": "x", "incidents": [{"date": "2025-02-30"}]},
        "incidents[0].date",
        "not a real date",
    ),
    (
        "unreal interview date",
        lambda: {"narrative": "x", "interview": {"date": "2025-13-01"}},
        "interview.date",
        "not a real date",
    ),
    (
        "month for a day",
        lambda: {"narrative": "x", "interview": {"date": "2025-03"}},
        "interview.date",
        "must be a date like 2025-03-07",
    ),
    (
        "arabic digits",
        lambda: {"narrative": "x", "consent": {"date": ARABIC_INDIC_DATE}},
        "consent.date",
        "must be a date like 2025-03-07",
    ),
    (
        "month precision with a day",
        lambda: {
            "narrative": "x",
            "incidents": [{"date": "2025-03-07", "date_precision": "month"}],
        },
        "incidents[0].date",
        "must be a month like 2025-03",
    ),
    (
        "year precision with a month",
        lambda: {"narrative": "x", "incidents": [{"date": "2025-03", "date_precision": "year"}]},
        "incidents[0].date",
        "must be a year like 2025",
    ),
    (
        "day precision with a year",
        lambda: {"narrative": "x", "incidents": [{"date": "2025", "date_precision": "day"}]},
        "incidents[0].date",
        "must be a date like 2025-03-07",
    ),
    (
        "not a date",
        lambda: {"narrative": "x", "incidents": [{"date": "March 2025"}]},
        "incidents[0].date",
        "must be a date like 2025-03-07, a month like 2025-03 or a year like 2025",
    ),
    (
        "month 13",
        lambda: {"narrative": "x", "incidents": [{"date": "2025-13"}]},
        "incidents[0].date",
        "must be",
    ),
    (
        "year zero",
        lambda: {"narrative": "x", "incidents": [{"date": "0000"}]},
        "incidents[0].date",
        "must be",
    ),
    (
        "consent flag",
        lambda: {"narrative": "x", "consent": {"recorded": "yes"}},
        "consent.recorded",
        "must be true or false",
    ),
    (
        "consent flag as number",
        lambda: {"narrative": "x", "consent": {"quote_verbatim": 1}},
        "consent.quote_verbatim",
        "must be true or false",
    ),
    ("no narrative", lambda: {"interview": {}}, "narrative", "missing"),
    ("null narrative", lambda: {"narrative": None}, "narrative", "must be text"),
    (
        "10 MB narrative",
        lambda: {"narrative": "ق" * 10_000_000},
        "narrative",
        "too long (at most 1,000,000 characters)",
    ),
    (
        "long name",
        lambda: {
            "narrative": "x",
            "witness": {"identity": {"full_name": "a" * (MAX_TEXT_CHARS + 1)}},
        },
        "witness.identity.full_name",
        "too long (at most 10,000 characters)",
    ),
    (
        "too many tags",
        lambda: {"narrative": "x", "tags": ["t"] * (MAX_ITEMS + 1)},
        "tags",
        "too many",
    ),
    ("tags not array", lambda: {"narrative": "x", "tags": "a,b"}, "tags", "must be an array"),
    ("blank tag", lambda: {"narrative": "x", "tags": ["a", ""]}, "tags[1]", "must not be empty"),
    ("tag not text", lambda: {"narrative": "x", "tags": [["a"]]}, "tags[0]", "must be text"),
    (
        "witness not object",
        lambda: {"narrative": "x", "witness": "W-1"},
        "witness",
        "must be an object",
    ),
    (
        "identity as text",
        lambda: {"narrative": "x", "witness": {"identity": "A"}},
        "witness.identity",
        "object",
    ),
    (
        "witness id check symbol",
        lambda: {
            "narrative": "x",
            "witness": {"id": WITNESS_ID[:-1] + ("0" if WITNESS_ID[-1] != "0" else "1")},
        },
        "witness.id",
        "not a valid witness ID (the check symbol does not match)",
    ),
    (
        "testimony id for a witness",
        lambda: {"narrative": "x", "witness": {"id": "T" + WITNESS_ID[1:]}},
        "witness.id",
        "must be a witness ID",
    ),
    (
        "language",
        lambda: {"narrative": "x", "interview": {"language": "Arabic (Syria)"}},
        "interview.language",
        "language tag",
    ),
    ("nul", lambda: {"narrative": "a\u0000b"}, "narrative", "NUL"),
    (
        "our key misplaced",
        lambda: {"narrative": "x", "interview": {"narrative": "y"}},
        "interview",
        'unexpected key "narrative"',
    ),
    ("record not object", lambda: ["x"], "", "must be an object"),
]


@pytest.mark.parametrize(
    ("make", "path", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_a_malformed_record_is_refused_with_its_path(
    make: Callable[[], object], path: str, expected: str
) -> None:
    problem = problem_at(encode(make()), path)
    assert expected in problem.problem
    assert problem.record == 1


@pytest.mark.parametrize(
    ("data", "expected", "record", "line"),
    [
        (b"", "the file is empty", 0, None),
        (b" \n\t\r\n", "the file is empty", 0, None),
        (b'{"narrative": "ok\xc3"}', "not valid UTF-8 (at byte offset 17)", 0, None),
        (b'\xef\xbb\xbf{"narrative": "\xff"}', "not valid UTF-8 (at byte offset 18)", 0, None),
        (b"[]", "holds no records", 0, None),
        (b'"narrative"', "must hold a record", 0, None),
        (b"42", "must hold a record", 0, None),
        (b'{"narrative": "x",\n "tags": [}', "not valid JSON", 1, 2),
        (b'{"narrative": "x"} []', "unexpected content after the record", 0, 1),
        (b'[{"narrative": "x"}] {}', "unexpected content after the array", 0, 1),
        (b'[{"narrative": "x"}, ]', "not valid JSON", 2, 1),
        (b'[{"narrative": "x"} {"narrative": "y"}]', "not valid JSON", 1, 1),
        (b'{"narrative": NaN}', "must be text", 1, 1),
        (b'{"narrative": "x", "witness": {"age": NaN}}', "whole number", 1, 1),
        (b'{"narrative": "x", "witness": {"age": Infinity}}', "whole number", 1, 1),
        (b'{"narrative": "x", "witness": {"age": 1e400}}', "whole number", 1, 1),
        (b'{"narrative": "x", "witness": {"age": 1' + b"0" * 5000 + b"}}", "whole number", 1, 1),
        (b'{"narrative": "\\ud800"}', "unpaired surrogate", 1, 1),
        (b'{"narrative": "x", "narrative": "y"}', 'duplicate key "narrative"', 1, 1),
    ],
)
def test_a_malformed_file_is_refused(
    data: bytes, expected: str, record: int, line: int | None
) -> None:
    error = refuse(data)
    assert expected in str(error)
    assert (error.problems[0].record, error.problems[0].line) == (record, line)


def test_a_file_over_64_mib_is_refused_before_decoding() -> None:
    error = refuse(b" " * (MAX_FILE_BYTES + 1))
    assert "too large (at most 64 MiB)" in str(error)
    assert len(error.problems) == 1


@pytest.mark.parametrize("depth", [10**4, 10**5])
@pytest.mark.parametrize(
    "shape",
    [
        "object",
        "array",
        "inside the narrative",
        "inside an unknown key",
        "json lines",
        "unclosed",
        "unclosed objects",
    ],
)
def test_deep_nesting_is_refused_without_recursion_error(depth: int, shape: str) -> None:
    opening, closing = b"[" * depth, b"]" * depth
    data = {
        "object": b'{"tags": ' + opening + closing + b"}",
        "array": opening + closing,
        "inside the narrative": b'[{"narrative": ' + opening + closing + b"}]",
        "inside an unknown key": b'{"narrative": "x", "q": ' + opening + closing + b"}",
        "json lines": b'{"narrative": "x"}\n{"narrative": "x"}\n{"tags": '
        + opening
        + closing
        + b"}",
        "unclosed": b'{"narrative": ' + opening,
        "unclosed objects": b'{"narrative": "x", "a": ' + b'{"a": ' * depth,
    }[shape]
    error = refuse(data)
    assert len(error.problems) == 1
    assert "nested deeper than the format allows" in str(error)
    if shape == "json lines":
        assert (error.problems[0].record, error.problems[0].line) == (3, 3)


def test_nesting_one_level_deeper_than_the_format_is_refused_at_its_position() -> None:
    data = b'{"narrative": "x",\n "incidents": [{"violation_types": [["killing"]]}]}'
    error = refuse(data)
    assert error.problems == (FieldProblem(1, 2, "", error.problems[0].problem, 37),)
    assert "nested deeper" in error.problems[0].problem


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    narrative = '[[[[[[[[{{{{{{ " ]]]]' * 1000
    assert parse({"narrative": narrative})[0].content.narrative == narrative


def test_every_problem_in_a_file_is_listed() -> None:
    document = [
        {"narrative": "x", "witness": {"age": -1, "gender": "q"}, "status": "done"},
        {
            "narrative": 5,
            "tags": [""],
            "incidents": [{"date": "2025-02-30"}, {"victims_count": True}],
        },
    ]
    error = refuse(encode(document))
    assert [(p.record, p.path) for p in error.problems] == [
        (1, "witness.age"),
        (1, "witness.gender"),
        (1, "status"),
        (2, "narrative"),
        (2, "incidents[0].date"),
        (2, "incidents[1].victims_count"),
        (2, "tags[0]"),
    ]
    report = str(error)
    assert report.startswith("the records cannot be read: 7 problems:")
    assert len(report.splitlines()) == 8


def test_problems_stop_at_the_cap_and_say_so() -> None:
    error = refuse(encode([{"narrative": 1}] * (MAX_PROBLEMS + 50)))
    assert len(error.problems) == MAX_PROBLEMS
    assert error.truncated
    assert f"(stopped after the first {MAX_PROBLEMS})" in str(error)


# --- no value in any message


def canary_document() -> dict[str, Any]:
    """Every field wrong, and each wrong value (and unknown key) is a canary."""
    return {
        "witness": {
            "id": CANARY,
            "identity": {"full_name": [CANARY], CANARY: "x", "phone": {"a": CANARY_AR}},
            "age": CANARY,
            "gender": CANARY_AR,
            "occupation": 5,
            CANARY_AR: CANARY,
        },
        "interview": {"date": CANARY, "language": CANARY_AR, "place": False},
        "consent": {"recorded": CANARY, "date": CANARY_AR},
        "narrative": {CANARY: CANARY_AR},
        "entities": [
            {"text": CANARY, "type": CANARY_AR, "variants": [CANARY, 3]},
            CANARY,
            {"text": "", CANARY: 1},
        ],
        "incidents": [
            {
                "date": CANARY,
                "date_precision": CANARY_AR,
                "violation_types": [CANARY, CANARY_AR],
                "victims_count": CANARY,
                "perpetrator": [CANARY],
            },
            {"date": "2025-03-07", "date_precision": "year", CANARY: CANARY},
        ],
        "tags": [CANARY + "\u0000", "", [CANARY]],
        "status": CANARY,
        CANARY: CANARY_AR,
    }


def assert_no_canary(error: InterchangeError) -> None:
    everything = str(error) + repr(error.problems) + repr(error.args)
    for canary in (CANARY, CANARY_AR, "Qx7", "ZAYTOUNAWI", "كناري"):
        assert canary not in everything


def test_problem_messages_never_contain_the_offending_value() -> None:
    error = refuse(encode(canary_document()))
    assert len(error.problems) >= 25
    assert_no_canary(error)
    assert any(
        problem.problem.startswith("unexpected key (key number") for problem in error.problems
    )


@pytest.mark.parametrize(
    "data",
    [
        ('{"narrative": "x", "' + CANARY + '": 1, "' + CANARY + '": 2}').encode(),
        ('{"narrative": "' + CANARY + '"\n{').encode(),
        ('{"narrative": "' + CANARY + "\\q" + '"}').encode(),
        ('{"narrative": "' + CANARY + "\\u12" + '"}').encode(),
        ('{"narrative": "' + CANARY + '\t"}').encode(),
        ('{"narrative": "' + CANARY + '"} ' + CANARY_AR).encode(),
        ("[" + CANARY_AR + "]").encode(),
        ('{"' + CANARY + '": [[[[[[[[' + CANARY_AR).encode(),
        CANARY.encode() + b"\xff",
        (
            '{"narrative": "'
            + CANARY
            + '", "incidents": [{"violation_types": ["'
            + CANARY
            + '"]}]}'
        ).encode(),
    ],
)
def test_file_level_problems_never_contain_content(data: bytes) -> None:
    assert_no_canary(refuse(data))


def test_storage_problems_never_contain_content() -> None:
    with pytest.raises(InterchangeError) as caught:
        content_from_storage({k: v for k, v in canary_document().items() if k != "witness"})
    assert_no_canary(caught.value)


# --- property: every valid record round-trips


def nfc_text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    characters = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
    return st.text(characters, min_size=min_size, max_size=max_size).map(
        lambda text: unicodedata.normalize("NFC", text)
    )


OPTIONAL_TEXT = st.none() | nfc_text(min_size=1).filter(bool)
LABEL = nfc_text(min_size=1, max_size=20).filter(lambda text: text.strip() != "")
DAYS = st.dates(min_value=datetime.date(1, 1, 1)).map(datetime.date.isoformat)
MONTHS = st.builds("{:04d}-{:02d}".format, st.integers(1, 9999), st.integers(1, 12))
YEARS = st.integers(1, 9999).map("{:04d}".format)
DATES_BY_PRECISION = {
    DatePrecision.DAY: DAYS,
    DatePrecision.MONTH: MONTHS,
    DatePrecision.YEAR: YEARS,
    DatePrecision.APPROXIMATE: DAYS | MONTHS | YEARS,
}


@st.composite
def incidents(draw: st.DrawFn) -> Incident:
    precision = draw(st.sampled_from(DatePrecision))
    return Incident(
        date=draw(st.none() | DATES_BY_PRECISION[precision]),
        date_precision=precision,
        place=draw(OPTIONAL_TEXT),
        violation_types=tuple(
            draw(st.lists(st.sampled_from(VOCABULARY.codes()), unique=True, max_size=4))
        ),
        perpetrator=draw(OPTIONAL_TEXT),
        victims_count=draw(st.none() | st.integers(0, MAX_VICTIMS)),
    )


CONTENTS = st.builds(
    TestimonyContent,
    interview=st.builds(
        Interview,
        date=st.none() | DAYS,
        place=OPTIONAL_TEXT,
        interviewer=OPTIONAL_TEXT,
        language=st.none() | st.sampled_from(["ar", "en", "ku", "ar-SY", "kmr-Latn"]),
        interpreter=OPTIONAL_TEXT,
    ),
    consent=st.builds(
        Consent,
        recorded=st.booleans(),
        share_with_editors=st.booleans(),
        publish_anonymised=st.booleans(),
        quote_verbatim=st.booleans(),
        given_on=st.none() | DAYS,
    ),
    narrative=nfc_text(max_size=300),
    incidents=st.lists(incidents(), max_size=3).map(tuple),
    entities=st.lists(
        st.builds(
            Entity,
            text=LABEL,
            type=st.sampled_from(EntityType),
            variants=st.lists(LABEL, max_size=3).map(tuple),
        ),
        max_size=4,
    ).map(tuple),
    tags=st.lists(LABEL, unique=True, max_size=4).map(tuple),
    status=st.sampled_from(Status),
)
RECORDS = st.builds(
    ParsedRecord,
    witness_id=st.none()
    | st.integers(0, 2**40 - 1).map(lambda n: WitnessId(format_id(IdKind.WITNESS, n))),
    witness_fields=st.builds(
        WitnessFields,
        age=st.none() | st.integers(0, MAX_AGE),
        age_band=OPTIONAL_TEXT,
        gender=st.none() | st.sampled_from(Gender),
        occupation=OPTIONAL_TEXT,
        displacement_status=OPTIONAL_TEXT,
    ),
    identity=st.builds(Identity, **{key: OPTIONAL_TEXT for key in IDENTITY_KEYS}),
    content=CONTENTS,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RECORDS)
def test_any_valid_record_round_trips(record: ParsedRecord) -> None:
    written = back_to_interchange(record)
    assert parse(written) == [record]
    assert schema_validator().is_valid(written)
    assert content_from_storage(json.loads(json.dumps(content_to_storage(record.content)))) == (
        record.content
    )


@settings(max_examples=50, deadline=None)
@given(st.lists(RECORDS, min_size=1, max_size=4))
def test_any_valid_records_round_trip_as_array_and_json_lines(records: list[ParsedRecord]) -> None:
    written = [back_to_interchange(record) for record in records]
    as_lines = b"\n".join(encode(item) for item in written)
    assert parse(written) == records
    assert parse_file_bytes(as_lines, VOCABULARY) == records


# --- the published schema agrees with the parser


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_has_exactly_the_keys_of_the_parser() -> None:
    schema = load_schema()
    properties = schema["properties"]
    witness = properties["witness"]["properties"]
    incident = schema["$defs"]["incident"]["properties"]
    assert tuple(properties) == RECORD_KEYS
    assert schema["required"] == ["narrative"]
    assert tuple(witness) == WITNESS_KEYS
    assert tuple(witness["identity"]["properties"]) == IDENTITY_KEYS
    assert tuple(properties["interview"]["properties"]) == INTERVIEW_KEYS
    assert tuple(properties["consent"]["properties"]) == CONSENT_KEYS
    assert tuple(properties["entities"]["items"]["properties"]) == ENTITY_KEYS
    assert tuple(incident) == INCIDENT_KEYS
    assert properties["entities"]["items"]["properties"]["type"]["enum"] == [
        kind.value for kind in EntityType
    ]


def sample(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"narrative": "x"}
    record.update(changes)
    return record


VALID_SAMPLES: list[object] = [
    FULL_RECORD,
    sample(),
    sample(narrative=""),
    sample(witness=None, interview=None, consent=None, entities=None, incidents=None, tags=None),
    sample(witness={"id": WITNESS_ID.lower()}),
    sample(witness={"id": "", "gender": "", "age": None, "identity": None}),
    sample(witness={"age": 0}),
    sample(witness={"age": 130}),
    sample(witness={"age": 57.0}),
    sample(status=""),
    sample(status="reviewed"),
    sample(consent={"recorded": None, "date": ""}),
    sample(interview={"language": "ar-SY", "date": "2024-02-29"}),
    sample(incidents=[{}]),
    sample(incidents=[{"date": "2025"}, {"date": "2025-03"}, {"date": "2025-03-07"}]),
    sample(incidents=[{"date": "2025-03", "date_precision": "approximate"}]),
    sample(incidents=[{"date": None, "date_precision": "month"}]),
    sample(incidents=[{"date_precision": None, "victims_count": 0}]),
    sample(incidents=[{"violation_types": []}]),
    sample(entities=[{"text": "a", "type": "SOCIAL_HANDLE"}]),
    sample(tags=["a", "a"]),
    sample(narrative="ق" * MAX_NARRATIVE_CHARS),
]

INVALID_SAMPLES: list[object] = [
    {},
    [],
    "narrative",
    sample(narrative=None),
    sample(narrative=3),
    sample(narrative="ق" * (MAX_NARRATIVE_CHARS + 1)),
    sample(narrative="a\u0000"),
    sample(extra="x"),
    sample(witness={"name": "x"}),
    sample(witness={"identity": {"first_name": "x"}}),
    sample(witness={"id": "T" + WITNESS_ID[1:]}),
    sample(witness={"id": "W-1"}),
    sample(witness={"age": True}),
    sample(witness={"age": -1}),
    sample(witness={"age": 131}),
    sample(witness={"age": 4.5}),
    sample(witness={"age": "4"}),
    sample(witness={"gender": "M"}),
    sample(witness={"occupation": 3}),
    sample(witness=[]),
    sample(interview={"date": "2025-02-30"}),
    sample(interview={"date": "2025-3-7"}),
    sample(interview={"date": "2025"}),
    sample(interview={"language": "Arabic"}),
    sample(interview={"place": "a" * (MAX_TEXT_CHARS + 1)}),
    sample(consent={"recorded": "true"}),
    sample(consent={"recorded": 1}),
    sample(consent={"signed": True}),
    sample(entities=[{"text": "a"}]),
    sample(entities=[{"type": "PERSON"}]),
    sample(entities=[{"text": "a", "type": "NAME"}]),
    sample(entities=[{"text": "", "type": "PERSON"}]),
    sample(entities=[{"text": "   ", "type": "PERSON"}]),
    sample(entities=[{"text": "a", "type": "PERSON", "variants": [" "]}]),
    sample(entities=[{"text": "a", "type": "PERSON", "variants": "b"}]),
    sample(entities=["a"]),
    sample(entities={}),
    sample(incidents=[{"date": "2025-02-30"}]),
    sample(incidents=[{"date": "2025-13"}]),
    sample(incidents=[{"date": "0000"}]),
    sample(incidents=[{"date": "25"}]),
    sample(incidents=[{"date": "2025-03-07", "date_precision": "month"}]),
    sample(incidents=[{"date": "2025-03", "date_precision": "day"}]),
    sample(incidents=[{"date": "2025-03", "date_precision": "year"}]),
    sample(incidents=[{"date": "2025", "date_precision": "month"}]),
    sample(incidents=[{"date_precision": "decade"}]),
    sample(incidents=[{"violation_types": ["Killing"]}]),
    sample(incidents=[{"violation_types": "killing"}]),
    sample(incidents=[{"victims_count": -1}]),
    sample(incidents=[{"victims_count": True}]),
    sample(incidents=[{"victims_count": MAX_VICTIMS + 1}]),
    sample(incidents=[{"casualties": 3}]),
    sample(incidents=[[]]),
    sample(tags=[""]),
    sample(tags=[1]),
    sample(tags="a"),
    sample(tags=["t"] * (MAX_ITEMS + 1)),
    sample(status="DRAFT"),
    sample(status=0),
]

# What only the parser can refuse: a schema cannot read the vocabulary file, see duplicate
# keys (json has merged them by then), verify a check symbol, or see an unpaired surrogate.
PARSER_ONLY: list[bytes] = [
    encode(sample(incidents=[{"violation_types": ["murder"]}])),
    b'{"narrative": "x", "narrative": "y"}',
    encode(sample(witness={"id": WITNESS_ID[:-1] + ("0" if WITNESS_ID[-1] != "0" else "1")})),
    b'{"narrative": "\\udc80"}',
]


@pytest.mark.parametrize("document", VALID_SAMPLES, ids=range(len(VALID_SAMPLES)))
def test_valid_samples_pass_both_the_parser_and_the_schema(document: object) -> None:
    assert schema_validator().is_valid(document)
    assert len(parse(document)) == 1


@pytest.mark.parametrize("document", INVALID_SAMPLES, ids=range(len(INVALID_SAMPLES)))
def test_invalid_samples_fail_both_the_parser_and_the_schema(document: object) -> None:
    assert not schema_validator().is_valid(document)
    refuse(encode(document))


@pytest.mark.parametrize("data", PARSER_ONLY, ids=range(len(PARSER_ONLY)))
def test_what_only_the_parser_refuses(data: bytes) -> None:
    assert schema_validator().is_valid(json.loads(data))
    refuse(data)


def test_to_interchange_output_is_valid_against_the_schema() -> None:
    assert schema_validator().is_valid(back_to_interchange(EXPECTED))
    assert schema_validator().is_valid(content_to_storage(TestimonyContent()))


def test_problem_str_formats() -> None:
    assert str(FieldProblem(0, None, "", "the file is empty")) == "the file is empty"
    assert (
        str(FieldProblem(2, 7, "incidents[0].date", "must be a date like 2025-03-07"))
        == "record 2 (from line 7): incidents[0].date: must be a date like 2025-03-07"
    )
    assert (
        str(FieldProblem(1, 3, "", "not valid JSON", 9))
        == "record 1, line 3, column 9: not valid JSON"
    )


def test_witness_round_trip_via_witness_dataclass() -> None:
    witness = Witness(id=WitnessId(WITNESS_ID), age=30, gender=Gender.MALE)
    parsed = parse(to_interchange(TestimonyContent(narrative="x"), witness=witness))[0]
    assert parsed.witness_fields.to_witness(parsed.witness_id or WitnessId("")) == witness


# Values that sit on the edges of what the format accepts, for the property below.
EDGE_VALUES = [
    *["", " ", "\t", "a", "\u0000", "ق", "2025", "2025-03", "2025-03-07", "2025-02-30"],
    *["2025-13", "0000", "2025\n", "2025-03-07\n", "m", "f", "x", "M", "PERSON", "person"],
    *["OTHER", "day", "month", "year", "approximate", "draft", "reviewed", "killing"],
    *["looting", "murder", "Killing", "killing\n", WITNESS_ID, "T" + WITNESS_ID[1:], "ar"],
    *["ar-SY", "ar\n", "Arabic", "W-1", 0, 1, 130, 131, -1, MAX_VICTIMS, MAX_VICTIMS + 1],
    *[5.0, 5.5, -0.0, 1e300, True, False, None, [], {}],
]
JSON_SCALARS = (
    st.sampled_from(EDGE_VALUES)
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=8)
    | st.integers(-3, 200)
    | st.floats(allow_nan=False, allow_infinity=False)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from([*RECORD_KEYS, *INCIDENT_KEYS, "q"]), children, max_size=3
        )
    ),
    max_leaves=6,
)


def node_paths(value: object, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += node_paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += node_paths(child, (*prefix, index))
    return found


@st.composite
def mutated_records(draw: st.DrawFn) -> object:
    """FULL_RECORD with one to three parts replaced, deleted, or given an extra key."""
    document: Any = copy.deepcopy(FULL_RECORD)
    for _ in range(draw(st.integers(1, 3))):
        paths = node_paths(document)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(JSON_VALUES)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from([*WITNESS_KEYS, *CONSENT_KEYS, "q"]))] = draw(JSON_VALUES)
    return document


def parser_accepts(document: object) -> bool:
    try:
        parse(document)
    except InterchangeError:
        return False
    return True


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_records())
def test_the_schema_with_the_vocabulary_and_the_parser_agree_on_any_edit(document: object) -> None:
    assert schema_validator(with_vocabulary=True).is_valid(document) == parser_accepts(document)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=300)
    | JSON_VALUES.map(encode)
    | st.lists(JSON_VALUES.map(encode), max_size=4).map(b"\n".join)
    | mutated_records().map(lambda document: encode(document)[: len(encode(document)) // 2])
)
def test_no_input_crashes_the_parser(data: bytes) -> None:
    try:
        parse_file_bytes(data, VOCABULARY)
    except InterchangeError as error:
        assert error.problems


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_no_stored_value_crashes_the_storage_reader(value: object) -> None:
    try:
        content_from_storage(value)
    except InterchangeError as error:
        assert error.problems
