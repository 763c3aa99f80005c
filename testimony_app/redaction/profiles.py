"""Redaction profiles (resources/redaction/profiles/*.json): which fields leave, and how.

A profile is data so that a team can add its own: a rule for every field of a testimony
record plus the detector settings. A field without a rule is dropped (fail closed); an unknown
field or rule is an error, so a typo in a profile cannot quietly let a field through.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from testimony_app.domain.records import Consent
from testimony_app.errors import AppError
from testimony_app.redaction.data_files import DataFileProblem, DataFileUnreadable, read_json
from testimony_app.redaction.patterns import Detector
from testimony_app.resources_path import resource_path

PROFILE_FORMAT = "testimony-redaction-profile/1"
MAX_PROFILE_BYTES = 256 * 1024
PROFILE_NAME = re.compile(r"[a-z][a-z0-9_-]{0,39}")

TEXT_RULES = frozenset({"redact", "drop"})
PLACE_RULES = frozenset({"redact", "district", "drop"})
DATE_RULES = frozenset({"keep", "month", "year", "drop"})
VALUE_RULES = frozenset({"keep", "drop"})
AGE_RULES = frozenset({"keep", "band10", "drop"})

FIELD_RULES: dict[str, frozenset[str]] = {
    "narrative": TEXT_RULES,
    "tags": TEXT_RULES,
    "status": VALUE_RULES,
    "interview.date": DATE_RULES,
    "interview.place": PLACE_RULES,
    "interview.interviewer": TEXT_RULES,
    "interview.interpreter": TEXT_RULES,
    "interview.language": VALUE_RULES,
    "consent": VALUE_RULES,
    "consent.date": DATE_RULES,
    "incidents": VALUE_RULES,
    "incidents.date": DATE_RULES,
    "incidents.place": PLACE_RULES,
    "incidents.perpetrator": TEXT_RULES,
    "incidents.violation_types": VALUE_RULES,
    "incidents.victims_count": VALUE_RULES,
    "witness.age": AGE_RULES,
    "witness.age_band": VALUE_RULES,
    "witness.gender": VALUE_RULES,
    "witness.occupation": TEXT_RULES,
    "witness.displacement_status": TEXT_RULES,
}
NARRATIVE_PLACE_RULES = frozenset({"keep", "district"})
NARRATIVE_DATE_RULES = frozenset({"keep", "month"})
CONSENT_FLAGS = ("recorded", "share_with_editors", "publish_anonymised", "quote_verbatim")
_KEYS = frozenset(
    {
        "format",
        "name",
        "labels",
        "description",
        "consent_required",
        "fields",
        "detectors",
        "narrative_places",
        "narrative_dates",
    }
)


class ProfileError(AppError):
    default_message = "the redaction profile is not valid"


class ProfileNotFound(ProfileError):
    default_message = "no redaction profile of this name"


@dataclass(frozen=True)
class Profile:
    name: str
    labels: dict[str, str]
    consent_required: tuple[str, ...]
    fields: dict[str, str]
    patterns: frozenset[Detector]
    registered: bool
    manual: bool
    narrative_places: str
    narrative_dates: str

    def rule(self, field: str) -> str:
        return self.fields.get(field, "drop")

    def label(self, language: str) -> str:
        return self.labels.get(language.split("-")[0], self.labels.get("en", self.name))

    def consent_gaps(self, consent: Consent) -> tuple[str, ...]:
        """The consent flags this profile needs that `consent` does not give."""
        return tuple(flag for flag in self.consent_required if not getattr(consent, flag))


def _fail(problem: str) -> ProfileError:
    # Profiles are team-written settings, not testimony: their keys may be named.
    return ProfileError(f"the redaction profile is not valid: {problem}")


def parse_profile(data: object) -> Profile:
    if not isinstance(data, dict) or data.get("format") != PROFILE_FORMAT:
        raise _fail(f"format must be {PROFILE_FORMAT}")
    unknown = set(data) - _KEYS
    if unknown:
        raise _fail(f"unknown keys {sorted(unknown)}")
    name = data.get("name")
    if not isinstance(name, str) or not PROFILE_NAME.fullmatch(name):
        raise _fail("name must be a short lower-case word")
    labels = data.get("labels", {})
    if not isinstance(labels, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in labels.items()
    ):
        raise _fail("labels must map languages to names")
    consent = data.get("consent_required", [])
    if not isinstance(consent, list) or not all(flag in CONSENT_FLAGS for flag in consent):
        raise _fail(f"consent_required may list only {list(CONSENT_FLAGS)}")
    fields = data.get("fields")
    if not isinstance(fields, dict):
        raise _fail("fields must be an object")
    for field, rule in fields.items():
        if field not in FIELD_RULES:
            raise _fail(f"unknown field {field!r}")
        if rule not in FIELD_RULES[field]:
            raise _fail(f"field {field!r} takes one of {sorted(FIELD_RULES[field])}")
    detectors = data.get("detectors")
    if not isinstance(detectors, dict) or set(detectors) - {"registered", "manual", "patterns"}:
        raise _fail("detectors must give registered, manual and patterns")
    if detectors.get("registered") is not True:
        # Registered names and identity details are the promise to the witness.
        raise _fail("the registered detector cannot be turned off")
    patterns = detectors.get("patterns", [])
    known = {detector.value: detector for detector in Detector}
    if not isinstance(patterns, list) or not all(item in known for item in patterns):
        raise _fail(f"patterns may list only {sorted(known)}")
    places = data.get("narrative_places", "keep")
    dates = data.get("narrative_dates", "keep")
    if places not in NARRATIVE_PLACE_RULES or dates not in NARRATIVE_DATE_RULES:
        raise _fail("narrative_places is keep or district; narrative_dates is keep or month")
    return Profile(
        name=name,
        labels=dict(labels),
        consent_required=tuple(consent),
        fields=dict(fields),
        patterns=frozenset(known[item] for item in patterns),
        registered=True,
        manual=bool(detectors.get("manual", True)),
        narrative_places=places,
        narrative_dates=dates,
    )


def profiles_dir() -> Path:
    return resource_path("redaction", "profiles")


def profile_names(directory: Path | None = None) -> list[str]:
    folder = directory or profiles_dir()
    return sorted(path.stem for path in folder.glob("*.json") if PROFILE_NAME.fullmatch(path.stem))


def load_profile(name: str, directory: Path | None = None) -> Profile:
    if not PROFILE_NAME.fullmatch(name):
        raise ProfileNotFound()
    return _load(str((directory or profiles_dir()) / f"{name}.json"), name)


@functools.lru_cache(maxsize=16)
def _load(path: str, name: str) -> Profile:
    try:
        data = read_json(path, MAX_PROFILE_BYTES)
    except DataFileUnreadable as error:
        if error.problem is DataFileProblem.MISSING:
            raise ProfileNotFound() from None
        raise _fail(f"the file {error.problem.value}") from None
    profile = parse_profile(data)
    if profile.name != name:
        raise _fail("the name inside differs from the file name")
    return profile
