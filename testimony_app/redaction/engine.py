"""The redaction pipeline: detectors → the reviewer's marks → placeholders, field by field.

`Redactor` holds one export's placeholder book, so the same person is [PERSON-1] in every
testimony it redacts. `redact_testimony` gives the record that may leave the vault (the
interchange shape, never the identity, never the registered entities), the spans it replaced
(for the review panel) and a report that counts what was replaced without saying what.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from testimony_app.domain.interchange import to_interchange
from testimony_app.domain.records import (
    DatePrecision,
    Identity,
    Incident,
    TestimonyContent,
    Witness,
)
from testimony_app.domain.redaction_marks import MarkDecision, RedactionMark
from testimony_app.redaction import dates
from testimony_app.redaction.gazetteer import Gazetteer, load_gazetteer
from testimony_app.redaction.lexicon import Lexicon, load_lexicon
from testimony_app.redaction.patterns import PatternDetectors
from testimony_app.redaction.placeholders import PLACEHOLDER, PlaceholderBook, mostly_arabic
from testimony_app.redaction.profiles import Profile
from testimony_app.redaction.registered import (
    CompileCache,
    RegisteredMatcher,
    registrations_of,
    thing_key,
)
from testimony_app.redaction.report import RedactionReport
from testimony_app.redaction.spans import KIND_OF_ENTITY_TYPE, Kind, Source, Span, resolve_overlaps
from testimony_app.redaction.tokens import TokenisedText

_TextField = Callable[[str, str, str | None], str | None]
_DateField = Callable[[str, str | None], str | None]
_ValueField = Callable[[str, object], object]

_DIRECTION_CONTEXT = 40  # how far to look for the script of a span made of digits only


def _letter_script(char: str) -> bool | None:
    """True for an Arabic letter, False for another letter, None for anything else."""
    if "\u0600" <= char <= "\u08ff" or "\ufb50" <= char <= "\ufeff":
        return char.isalpha() or None
    return False if char.isalpha() else None


def arabic_at(value: str, start: int, end: int) -> bool:
    """Whether the placeholder for value[start:end] should be Arabic.

    The span's own letters decide ("أبو سامر" in an English sentence is Arabic); a span of
    digits and signs (a phone number) takes the script of the nearest letter before it on its
    line, else after it, so "Call [PHONE-1]" and "على [هاتف-١]" each read in their line.
    """
    if any(_letter_script(char) is not None for char in value[start:end]):
        return mostly_arabic(value[start:end])
    line_start = value.rfind("\n", 0, start) + 1
    for char in reversed(value[max(line_start, start - _DIRECTION_CONTEXT) : start]):
        script = _letter_script(char)
        if script is not None:
            return script
    line_end = value.find("\n", end)
    line_end = len(value) if line_end < 0 else line_end
    for char in value[end : min(line_end, end + _DIRECTION_CONTEXT)]:
        script = _letter_script(char)
        if script is not None:
            return script
    return mostly_arabic(value)


@dataclass(frozen=True)
class Rewrite:
    """A coarsening that is not a redaction: a town shown as its district, a day as its month."""

    start: int
    end: int
    text: str
    what: str  # "place" or "date", for the report


@dataclass(frozen=True)
class FieldResult:
    field: str
    original: str
    spans: tuple[Span, ...]  # replaced by placeholders
    kept: tuple[Span, ...]  # detected, but the reviewer said keep
    rewrites: tuple[Rewrite, ...]
    text: str  # what leaves

    def __repr__(self) -> str:
        return f"FieldResult({self.field}, {len(self.spans)} spans, <text hidden>)"


@dataclass(frozen=True)
class RedactedTestimony:
    record: dict[str, object]  # interchange shape: no witness ID, no identity, no entities
    report: RedactionReport
    fields: dict[str, FieldResult] = field(repr=False)


def _band10(age: int) -> str:
    low = age // 10 * 10
    return f"{low}-{low + 9}"


class Redactor:
    """Redacts testimonies for one profile, with placeholders consistent across all of them."""

    def __init__(
        self,
        profile: Profile,
        *,
        book: PlaceholderBook | None = None,
        lexicon: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.profile = profile
        self.book = book or PlaceholderBook()
        self.lexicon = lexicon or load_lexicon()
        self.gazetteer = gazetteer or load_gazetteer()
        self.patterns = PatternDetectors(profile.patterns)
        # Registered texts compiled once for all the testimonies of this export (a witness's
        # name and phone come back in each of theirs); it goes with the Redactor.
        self._compiled = CompileCache()

    def matcher(self, content: TestimonyContent, identity: Identity | None) -> RegisteredMatcher:
        registrations = registrations_of(content.entities, identity)
        return RegisteredMatcher(registrations, self.lexicon, self._compiled)

    # --- one text ------------------------------------------------------------------------

    def detect(
        self, value: str, matcher: RegisteredMatcher, text: TokenisedText | None = None
    ) -> list[Span]:
        """Every span the detectors find in `value`, overlapping, before the reviewer's marks.

        `text` is `value` already tokenised, if the caller has it.
        """
        if text is None:
            text = TokenisedText(value)
        found = matcher.find(text) + self.patterns.find(text)
        protected = [match.span() for match in PLACEHOLDER.finditer(value)]
        if protected:  # placeholders of an earlier pass are left alone
            found = [
                span
                for span in found
                if not any(start <= span.start and span.end <= end for start, end in protected)
            ]
        return found

    def redact_text(
        self,
        field_name: str,
        value: str,
        matcher: RegisteredMatcher,
        marks: Sequence[RedactionMark] = (),
        *,
        coarsen: bool = False,
    ) -> FieldResult:
        text = TokenisedText(value)  # normalised and cut once, for detection and coarsening
        detected = self.detect(value, matcher, text)
        manual: list[Span] = []
        keep_regions: list[tuple[int, int]] = []
        if self.profile.manual:
            for mark in marks:
                if mark.field != field_name:
                    continue
                found = mark.locate(value)
                if found is None:
                    continue
                if mark.decision is MarkDecision.KEEP:
                    keep_regions.append(found)
                else:
                    kind = KIND_OF_ENTITY_TYPE[mark.type]
                    key = thing_key(kind, mark.text)
                    manual.append(Span(*found, kind, Source.MANUAL, "manual", key))
        kept = [
            span
            for span in detected
            if any(start <= span.start and span.end <= end for start, end in keep_regions)
        ]
        spans = resolve_overlaps([span for span in detected if span not in kept] + manual)
        rewrites = self._coarsenings(text, spans) if coarsen else []
        return FieldResult(
            field_name,
            value,
            tuple(spans),
            tuple(kept),
            tuple(rewrites),
            self._render(value, spans, rewrites),
        )

    def _coarsenings(self, text: TokenisedText, spans: Sequence[Span]) -> list[Rewrite]:
        value = text.original
        rewrites: list[Rewrite] = []
        if self.profile.narrative_places == "district":
            for mention in self.gazetteer.mentions(text, self.lexicon.arabic_prefixes):
                arabic = mostly_arabic(value[mention.start : mention.end])
                label = mention.district.label(arabic=arabic)
                if _compact_equal(value[mention.start : mention.end], label):
                    continue
                rewrites.append(Rewrite(mention.start, mention.end, f"[{label}]", "place"))
        if self.profile.narrative_dates == "month":
            for start, end, month in dates.full_dates(value, (text.normalised, text.offsets)):
                rewrites.append(Rewrite(start, end, month, "date"))
        return [
            rewrite
            for rewrite in rewrites
            if not any(span.start < rewrite.end and rewrite.start < span.end for span in spans)
        ]

    def _render(self, value: str, spans: Sequence[Span], rewrites: Sequence[Rewrite]) -> str:
        pieces: list[tuple[int, int, str]] = []
        for span in spans:
            pieces.append(
                (
                    span.start,
                    span.end,
                    self.book.placeholder(
                        span.kind, span.key, arabic=arabic_at(value, span.start, span.end)
                    ),
                )
            )
        taken = [(rewrite.start, rewrite.end, rewrite.text) for rewrite in rewrites]
        taken.sort()
        last_end = -1
        for start, end, text in taken:  # rewrites never overlap spans; keep them apart too
            if start >= last_end:
                pieces.append((start, end, text))
                last_end = end
        out = []
        position = 0
        for start, end, text in sorted(pieces):
            out.append(value[position:start])
            out.append(text)
            position = end
        out.append(value[position:])
        return "".join(out)

    # --- a whole testimony ---------------------------------------------------------------

    def redact_testimony(
        self,
        content: TestimonyContent,
        *,
        witness: Witness | None = None,
        identity: Identity | None = None,
        marks: Sequence[RedactionMark] = (),
    ) -> RedactedTestimony:
        """The record that may leave the vault under this profile.

        `identity` is used only to find the witness in the text; it never appears in the result.
        """
        matcher = self.matcher(content, identity)
        results: dict[str, FieldResult] = {}
        dropped: list[str] = []
        coarsened: Counter[str] = Counter()
        rule = self.profile.rule

        def text_field(name: str, rule_name: str, value: str | None) -> str | None:
            if value in (None, ""):
                return value
            assert value is not None
            if rule(rule_name) == "drop":
                dropped.append(rule_name)
                return None
            result = self.redact_text(
                name, value, matcher, marks, coarsen=name == "narrative" and self._coarsens()
            )
            if rule(rule_name) == "district":
                result = self._district(result, matcher)
                coarsened["place"] += 1
            results[name] = result
            return result.text

        def date_field(rule_name: str, value: str | None) -> str | None:
            if not value:
                return value
            how = rule(rule_name)
            if how == "drop":
                dropped.append(rule_name)
                return None
            if how in ("month", "year"):
                shorter = value[:7] if how == "month" else value[:4]
                if shorter != value:
                    coarsened["date"] += 1
                return shorter
            return value

        def value_field(rule_name: str, value: object) -> object:
            if value is None or rule(rule_name) == "keep":
                return value
            dropped.append(rule_name)
            return None

        record: dict[str, object] = {}
        record["witness"] = self._witness(witness, text_field, dropped, coarsened)
        interview = content.interview
        record["interview"] = {
            "date": date_field("interview.date", interview.date),
            "place": text_field("interview.place", "interview.place", interview.place),
            "interviewer": text_field(
                "interview.interviewer", "interview.interviewer", interview.interviewer
            ),
            "language": value_field("interview.language", interview.language),
            "interpreter": text_field(
                "interview.interpreter", "interview.interpreter", interview.interpreter
            ),
        }
        base = to_interchange(content)
        if rule("consent") == "keep":
            consent = dict(base["consent"])  # type: ignore[call-overload]
            consent["date"] = date_field("consent.date", content.consent.given_on)
            record["consent"] = consent
        else:
            dropped.append("consent")
        record["narrative"] = text_field("narrative", "narrative", content.narrative) or ""
        record["entities"] = []
        if rule("incidents") == "keep":
            record["incidents"] = [
                self._incident(number, incident, text_field, date_field, value_field, coarsened)
                for number, incident in enumerate(content.incidents)
            ]
        else:
            dropped.append("incidents")
            record["incidents"] = []
        tags = []
        for number, tag in enumerate(content.tags):
            redacted = text_field(f"tags[{number}]", "tags", tag)
            if redacted and redacted not in tags:
                tags.append(redacted)
        record["tags"] = tags
        record["status"] = value_field("status", content.status.value)
        report = RedactionReport.of(results.values(), dropped, coarsened)
        return RedactedTestimony(record, report, results)

    def _coarsens(self) -> bool:
        return (
            self.profile.narrative_places == "district" or self.profile.narrative_dates == "month"
        )

    def _district(self, result: FieldResult, matcher: RegisteredMatcher) -> FieldResult:
        """A place field shown as its district; an unknown place hidden whole (fail closed)."""
        if result.spans:
            place_text = None
        else:
            district = self.gazetteer.district_of(result.original)
            if district is None:
                mentions = self.gazetteer.mentions(
                    TokenisedText(result.original), self.lexicon.arabic_prefixes
                )
                district = mentions[0].district if mentions else None
            place_text = (
                None if district is None else district.label(arabic=mostly_arabic(result.original))
            )
        if place_text is None:
            key = thing_key(Kind.PLACE, result.original)
            whole = Span(0, len(result.original), Kind.PLACE, Source.PATTERN, "profile.place", key)
            return FieldResult(
                result.field,
                result.original,
                (whole,),
                result.kept,
                (),
                self._render(result.original, [whole], []),
            )
        return FieldResult(
            result.field,
            result.original,
            (),
            result.kept,
            (Rewrite(0, len(result.original), place_text, "place"),),
            place_text,
        )

    def _witness(
        self,
        witness: Witness | None,
        text_field: _TextField,
        dropped: list[str],
        coarsened: Counter[str],
    ) -> dict[str, object]:
        if witness is None:
            return {}
        rule = self.profile.rule
        age: int | None = witness.age
        age_band = witness.age_band
        if age is not None:
            if rule("witness.age") == "drop":
                dropped.append("witness.age")
                age = None
            elif rule("witness.age") == "band10":
                age_band = _band10(age)
                age = None
                coarsened["age"] += 1
        if age_band is witness.age_band and age_band and rule("witness.age_band") != "keep":
            dropped.append("witness.age_band")
            age_band = None
        gender = witness.gender.value if witness.gender else None
        if gender is not None and rule("witness.gender") != "keep":
            dropped.append("witness.gender")
            gender = None
        return {
            "age": age,
            "age_band": age_band,
            "gender": gender,
            "occupation": text_field(
                "witness.occupation", "witness.occupation", witness.occupation
            ),
            "displacement_status": text_field(
                "witness.displacement_status",
                "witness.displacement_status",
                witness.displacement_status,
            ),
        }

    def _incident(
        self,
        number: int,
        incident: Incident,
        text_field: _TextField,
        date_field: _DateField,
        value_field: _ValueField,
        coarsened: Counter[str],
    ) -> dict[str, object]:
        date = date_field("incidents.date", incident.date)
        precision = incident.date_precision
        if (
            date
            and incident.date
            and date != incident.date
            and precision is not DatePrecision.APPROXIMATE
        ):
            precision = DatePrecision.MONTH if len(date) == 7 else DatePrecision.YEAR
        types = value_field("incidents.violation_types", list(incident.violation_types))
        return {
            "date": date,
            "date_precision": precision.value,
            "place": text_field(f"incidents[{number}].place", "incidents.place", incident.place),
            "violation_types": types or [],
            "perpetrator": text_field(
                f"incidents[{number}].perpetrator", "incidents.perpetrator", incident.perpetrator
            ),
            "victims_count": value_field("incidents.victims_count", incident.victims_count),
        }


def _compact_equal(one: str, other: str) -> bool:
    pattern = re.compile(r"[^\w]+")
    return pattern.sub("", one.casefold()) == pattern.sub("", other.casefold())
