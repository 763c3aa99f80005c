"""Scores the redaction engine on the labelled corpus in tests/data/redaction/.

Every label is checked against the spans the engine replaced (positions in the original text):
a "redact" label is caught when each of its letters and digits is inside a replaced span (an
Arabic clitic prefix such as و or بال may stay outside: "و[شخص-١]"); a "keep" label is kept
when no replaced span touches it. Independently of the labels, the output is normalised the
same way as the input and searched for every registered name part in any clitic form: a part
may occur there only as often as the corpus marks it as something to keep (الله كريم,
"amal", الهلال الأحمر).

Run `python -m tests.redaction.corpus_scorer` to print the table (docs/redaction.md).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from testimony_app.domain.normalise import normalise
from testimony_app.domain.records import (
    DatePrecision,
    Entity,
    EntityType,
    Identity,
    Incident,
    TestimonyContent,
)
from testimony_app.redaction.engine import FieldResult, Redactor
from testimony_app.redaction.lexicon import load_lexicon
from testimony_app.redaction.placeholders import PLACEHOLDER
from testimony_app.redaction.profiles import load_profile
from testimony_app.redaction.registered import IDENTITY_KINDS
from testimony_app.redaction.spans import Kind
from testimony_app.redaction.tokens import TokenisedText, clitic_candidates

CORPUS_DIR = Path(__file__).resolve().parents[1] / "data" / "redaction"
CORPUS_FILES = ("corpus_en.jsonl", "corpus_ar.jsonl")
PATTERN_KINDS = ("phone", "email", "id_number", "handle", "url", "coordinates")
OTHER_PATTERN_KINDS = ("date_of_birth", "vehicle_plate")
PUBLIC_KINDS = ("public_place", "public_org")
LEXICON = load_lexicon()


@dataclass
class Tally:
    total: int = 0
    hit: int = 0  # caught (redact labels) or kept (keep labels)

    @property
    def rate(self) -> float:
        return self.hit / self.total if self.total else 1.0


@dataclass
class Score:
    by_kind: dict[tuple[str, str], Tally] = field(default_factory=dict)  # (language, kind)
    by_form: dict[tuple[str, str], Tally] = field(default_factory=dict)  # registered forms
    misses: list[str] = field(default_factory=list)  # "id: kind form" of what went wrong
    output_leaks: list[str] = field(default_factory=list)
    testimonies: Counter[str] = field(default_factory=Counter)

    def tally(self, language: str, kind: str) -> Tally:
        return self.by_kind.setdefault((language, kind), Tally())

    def combined(self, kinds: tuple[str, ...], language: str | None = None) -> Tally:
        total = Tally()
        for (lang, kind), tally in self.by_kind.items():
            if kind in kinds and (language is None or lang == language):
                total.total += tally.total
                total.hit += tally.hit
        return total


def load_corpus(directory: Path = CORPUS_DIR) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for name in CORPUS_FILES:
        path = directory / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                records.extend(json.loads(line) for line in handle if line.strip())
    return records


def content_of(record: dict[str, object]) -> tuple[TestimonyContent, Identity]:
    entities = tuple(
        Entity(e["text"], EntityType(e["type"]), tuple(e.get("variants") or ()))
        for e in record.get("entities") or ()  # type: ignore[union-attr]
    )
    incidents = tuple(
        Incident(
            date=i.get("date"),
            date_precision=DatePrecision(i.get("date_precision") or "day"),
            place=i.get("place"),
            violation_types=tuple(i.get("violation_types") or ()),
            perpetrator=i.get("perpetrator"),
            victims_count=i.get("victims_count"),
        )
        for i in record.get("incidents") or ()  # type: ignore[union-attr]
    )
    identity_fields = record.get("identity") or {}
    identity = Identity(**{k: identity_fields.get(k) for k in IDENTITY_KINDS})  # type: ignore[union-attr]
    content = TestimonyContent(
        narrative=str(record["narrative"]), entities=entities, incidents=incidents
    )
    return content, identity


def _covered(result: FieldResult | None, length: int) -> list[bool]:
    covered = [False] * length
    for span in result.spans if result is not None else ():
        for index in range(span.start, min(span.end, length)):
            covered[index] = True
    return covered


def _caught(text: str, covered: list[bool], start: int, end: int) -> bool:
    missing = [i for i in range(start, end) if text[i].isalnum() and not covered[i]]
    if not missing:
        return True
    # An Arabic clitic prefix may stay outside the placeholder: و[شخص-١], بال[مكان-١].
    run = missing[-1] - start + 1
    if missing != list(range(start, start + run)) or run >= end - start:
        return False
    return normalise(text[start : start + run]) in LEXICON.arabic_prefixes


def _field_text(content: TestimonyContent, name: str) -> str:
    if name == "narrative":
        return content.narrative
    if name.startswith("incidents["):
        number = int(name[len("incidents[") : name.index("]")])
        attribute = name.rsplit(".", 1)[1]
        return str(getattr(content.incidents[number], attribute) or "")
    raise ValueError(name)


def registered_parts(content: TestimonyContent, identity: Identity) -> set[str]:
    """Normalised words of every registered name, place and identity detail."""
    parts: set[str] = set()
    named = [
        e
        for e in content.entities
        if e.type in (EntityType.PERSON, EntityType.LOCATION_PRIVATE, EntityType.OTHER)
    ]
    values = [e.text for e in named] + [v for e in named for v in e.variants]
    for name, kind in IDENTITY_KINDS.items():
        value = getattr(identity, name)
        if value and kind in (Kind.PERSON, Kind.PLACE):
            values.append(value)
    for value in values:
        for token in TokenisedText(value).tokens:
            word = token.text
            if (
                len(word) >= 3
                and not LEXICON.not_a_name_part(word)
                and word not in LEXICON.place_generic_words
                and word not in LEXICON.compound_heads
                and not word.isdigit()
            ):
                parts.add(word)
    return parts


def _words(text: str) -> Iterator[str]:
    for token in TokenisedText(PLACEHOLDER.sub(" ", text)).tokens:
        stems = {stem for _, stem in clitic_candidates(token, LEXICON.arabic_prefixes)}
        yield from stems


def score(records: list[dict[str, object]], profile: str = "editor") -> Score:
    result = Score()
    redactor = Redactor(load_profile(profile))
    for record in records:
        language = str(record["language"])
        result.testimonies[language] += 1
        content, identity = content_of(record)
        redacted = redactor.redact_testimony(content, identity=identity)
        common_counts: Counter[str] = Counter()
        for label in record["labels"]:  # type: ignore[union-attr]
            field_name = label.get("field", "narrative")
            text = _field_text(content, field_name)
            start, end = label["start"], label["end"]
            assert text[start:end] == label["text"], (record["id"], label)
            covered = _covered(redacted.fields.get(field_name), len(text))
            kind = label["kind"]
            tally = result.tally(language, kind)
            tally.total += 1
            if label["expect"] == "redact":
                ok = _caught(text, covered, start, end)
                if kind == "registered":
                    form = result.by_form.setdefault((language, label.get("form", "?")), Tally())
                    form.total += 1
                    form.hit += ok
            else:
                ok = not any(covered[start:end])
                if ok:  # a registered word may stay where the corpus says it is not the name
                    common_counts.update(
                        w for w in _words(label["text"]) if w in registered_parts(content, identity)
                    )
            tally.hit += ok
            if not ok:
                result.misses.append(
                    f"{record['id']}: {kind} {label.get('form', '')} {label['expect']} "
                    f"{label['text']!r} in {text[max(0, start - 30) : end + 30]!r}"
                )
        # Independent of the labels: registered words left in the normalised output.
        parts = registered_parts(content, identity)
        outputs = [str(redacted.record["narrative"])]
        outputs += [
            str(incident[key] or "")
            for incident in redacted.record["incidents"]  # type: ignore[union-attr]
            for key in ("place", "perpetrator")
        ]
        left = Counter(w for output in outputs for w in _words(output) if w in parts)
        for word, count in left.items():
            if count > common_counts[word]:
                result.output_leaks.append(
                    f"{record['id']}: {word!r} x{count - common_counts[word]}"
                )
    return result


def table(result: Score) -> str:
    languages = sorted({language for language, _ in result.by_kind})
    lines = [
        f"Testimonies: {', '.join(f'{lang} {result.testimonies[lang]}' for lang in languages)}",
        "",
        "| label kind | expected | " + " | ".join(languages) + " | all |",
        "|---|---|" + "---:|" * (len(languages) + 1),
    ]
    kinds = sorted({kind for _, kind in result.by_kind})
    keep_kinds = {"public_place", "public_org", "common_word", "event_date", "number"}

    def cell(tally: Tally) -> str:
        return f"{tally.hit}/{tally.total} ({100 * tally.rate:.1f}%)" if tally.total else "–"

    for kind in kinds:
        cells = [cell(result.by_kind.get((lang, kind), Tally())) for lang in languages]
        expected = "kept" if kind in keep_kinds else "redacted"
        lines.append(
            f"| {kind} | {expected} | "
            + " | ".join(cells)
            + f" | {cell(result.combined((kind,)))} |"
        )
    lines += [
        "",
        "| registered form | " + " | ".join(languages) + " |",
        "|---|" + "---:|" * len(languages),
    ]
    for form in sorted({form for _, form in result.by_form}):
        cells = [cell(result.by_form.get((lang, form), Tally())) for lang in languages]
        lines.append(f"| {form} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"Registered words left in the normalised output beyond their common-word uses: "
        f"{len(result.output_leaks)}",
        f"Pattern recall (phone, email, ID, handle, URL, coordinates): "
        f"{cell(result.combined(PATTERN_KINDS))}",
        f"Public places and organisations removed: "
        f"{result.combined(PUBLIC_KINDS).total - result.combined(PUBLIC_KINDS).hit} of "
        f"{result.combined(PUBLIC_KINDS).total}",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    outcome = score(load_corpus())
    print(table(outcome))
    for miss in outcome.misses:
        print("miss:", miss)
    for leak in outcome.output_leaks:
        print("output leak:", leak)
