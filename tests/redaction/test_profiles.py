"""Profiles are data a team can extend; a wrong profile is refused, a missing rule drops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testimony_app.domain.records import Consent, Gender, TestimonyContent, Witness
from testimony_app.redaction.engine import Redactor
from testimony_app.redaction.gazetteer import GazetteerError, parse_gazetteer
from testimony_app.redaction.lexicon import LexiconError, parse_lexicon
from testimony_app.redaction.profiles import (
    ProfileError,
    ProfileNotFound,
    load_profile,
    parse_profile,
    profile_names,
    profiles_dir,
)


def shipped(name: str) -> dict[str, object]:
    return json.loads((profiles_dir() / f"{name}.json").read_text(encoding="utf-8"))


def test_the_shipped_profiles_load() -> None:
    assert profile_names() == ["editor", "public"]
    editor, public = load_profile("editor"), load_profile("public")
    assert editor.rule("witness.age") == "keep" and public.rule("witness.age") == "band10"
    assert public.consent_required == ("recorded", "share_with_editors", "publish_anonymised")
    assert editor.consent_gaps(Consent(recorded=True)) == ("share_with_editors",)
    assert public.consent_gaps(Consent(True, True, True)) == ()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"fields": {"narrative": "keep"}}, "narrative"),
        ({"fields": {"witness.identity": "keep"}}, "unknown field"),
        (
            {"detectors": {"registered": False, "manual": True, "patterns": []}},
            "cannot be turned off",
        ),
        ({"detectors": {"registered": True, "patterns": ["telepathy"]}}, "patterns"),
        ({"consent_required": ["maybe"]}, "consent_required"),
        ({"name": "Editor!"}, "name"),
        ({"format": "other/1"}, "format"),
        ({"surprise": 1}, "unknown keys"),
    ],
)
def test_a_wrong_profile_is_refused_saying_what(change: dict[str, object], problem: str) -> None:
    data = shipped("editor") | change
    with pytest.raises(ProfileError, match=problem):
        parse_profile(data)


def test_a_field_without_a_rule_is_dropped() -> None:
    data = shipped("editor")
    fields = dict(data["fields"])  # type: ignore[call-overload]
    del fields["witness.occupation"]
    data["fields"] = fields
    profile = parse_profile(data)
    witness = Witness(id="W-0000-0000-0", occupation="baker", gender=Gender.FEMALE)  # type: ignore[arg-type]
    out = Redactor(profile).redact_testimony(TestimonyContent(narrative="x"), witness=witness)
    assert out.record["witness"]["occupation"] is None  # type: ignore[index]
    assert out.record["witness"]["gender"] == "f"  # type: ignore[index]
    assert "witness.occupation" in out.report.fields_dropped


def test_a_team_profile_from_its_own_folder(tmp_path: Path) -> None:
    data = shipped("public") | {"name": "court"}
    (tmp_path / "court.json").write_text(json.dumps(data), encoding="utf-8")
    assert load_profile("court", tmp_path).name == "court"
    (tmp_path / "other.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError, match="differs"):
        load_profile("other", tmp_path)
    with pytest.raises(ProfileNotFound):
        load_profile("missing", tmp_path)
    with pytest.raises(ProfileNotFound):
        load_profile("../editor", tmp_path)


def test_wrong_word_lists_and_place_lists_are_refused() -> None:
    with pytest.raises(LexiconError):
        parse_lexicon({"format": "testimony-redaction-lexicon/1", "honorifics": "Hajj"})
    with pytest.raises(GazetteerError):
        parse_gazetteer({"format": "testimony-gazetteer/1", "districts": {}, "places": [{}]})
