# ruff: noqa: RUF001 - Arabic syllables and text are the point here
"""Redaction benchmark (issue 5): 1,000 testimonies of about 2 KB with 10 registered entities each.

The clock runs over `Redactor.redact_testimony` for every testimony with one placeholder book
(one export), editor profile, all detectors on: what an export of 1,000 testimonies spends on
redaction. The goal is under 5 s. Baselines in the same run, on the same texts: `normalise()`
of every narrative (one pass of the normaliser the engine starts with), and a naive redactor
that replaces the 10 registered strings with one compiled alternation per testimony (exact
text only: no clitics, no name parts, no patterns). Phases: tokenising, registered matching,
pattern detectors (phone numbers through `phonenumbers` apart), measured on the same texts.
All names are synthetic. Standalone: `.venv/bin/python -m benchmarks.redaction_bench [--quick]`.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, Section, median, profile, render_table, timed, top_functions
from testimony_app.domain.normalise import normalise
from testimony_app.domain.records import Entity, EntityType, Identity, TestimonyContent
from testimony_app.redaction.engine import Redactor
from testimony_app.redaction.lexicon import load_lexicon
from testimony_app.redaction.patterns import PatternDetectors
from testimony_app.redaction.profiles import load_profile
from testimony_app.redaction.registered import RegisteredMatcher, registrations_of
from testimony_app.redaction.tokens import TokenisedText

GOAL_SECONDS = 5.0
TARGET_BYTES = 2048
ENTITIES = 10

_SYLLABLES_LATIN = ["ra", "mi", "sa", "der", "kha", "lou", "na", "bil", "ha", "dou", "far", "zin"]
_SYLLABLES_ARABIC = ["را", "مي", "سا", "در", "خا", "لو", "نا", "بل", "ها", "دو", "فر", "زي"]
_FILLER_EN = (
    "The soldiers came through the olive groves before dawn and went from house to house. "
    "We hid in the cellar with the children while they searched the rooms and took the gold. "
    "In the morning the street was full of smoke and the bakery had been burned. "
)
_FILLER_AR = (
    "دخل الجنود من بين كروم الزيتون قبل الفجر وفتشوا البيوت بيتاً بيتاً. "
    "اختبأنا في القبو مع الأطفال بينما أخذوا الذهب من الغرف. "
    "في الصباح كان الشارع مليئاً بالدخان وقد أُحرق الفرن. "
)


def _name(rng: random.Random, arabic: bool) -> str:
    syllables = _SYLLABLES_ARABIC if arabic else _SYLLABLES_LATIN
    words = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))) for _ in range(2)]
    return " ".join(words) if arabic else " ".join(word.title() for word in words)


def synthetic_testimonies(count: int, seed: int = 5) -> list[TestimonyContent]:
    """`count` narratives of about 2 KB, half English, half Arabic, 10 entities each."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        arabic = number % 2 == 1
        entities = tuple(
            Entity(
                _name(rng, arabic),
                EntityType.PERSON if index < 7 else EntityType.LOCATION_PRIVATE,
            )
            for index in range(ENTITIES)
        )
        filler = _FILLER_AR if arabic else _FILLER_EN
        parts: list[str] = []
        while len("".join(parts).encode("utf-8")) < TARGET_BYTES:
            entity = rng.choice(entities)
            first = entity.text.split()[0]
            mention = rng.choice(
                [entity.text, first, ("و" if arabic else "Abu ") + first, entity.text.upper()]
            )
            parts.append(filler[: rng.randint(60, len(filler))])
            parts.append(f" {mention} ")
            if rng.random() < 0.15:
                parts.append(rng.choice(["0933 123 456", "+90 532 123 45 67", "34.7265, 36.7096"]))
        made.append(TestimonyContent(narrative="".join(parts), entities=entities))
    return made


def _naive(contents: list[TestimonyContent]) -> None:
    for content in contents:
        pattern = re.compile("|".join(re.escape(e.text) for e in content.entities))
        pattern.sub("[X]", content.narrative)


def bench_redaction(count: int, runs: int) -> Section:
    section = Section("Redaction")
    contents = synthetic_testimonies(count)
    size = sum(len(c.narrative.encode("utf-8")) for c in contents)
    section.note(
        f"{count:,} testimonies, {size / count / 1024:.2f} KiB of UTF-8 each on average, "
        f"{ENTITIES} registered entities each, half in Arabic"
    )
    profile_ = load_profile("editor")
    lexicon = load_lexicon()
    identity = Identity(full_name="Samir Nasser", phone="0944 000 111")

    def redact_all() -> None:
        redactor = Redactor(profile_)
        for content in contents:
            redactor.redact_testimony(content, identity=identity)

    engine, normaliser, naive = [], [], []
    for _ in range(runs):  # interleaved, so that noise hits all three alike
        engine.append(timed(redact_all))
        normaliser.append(timed(lambda: [normalise(c.narrative) for c in contents]))
        naive.append(timed(lambda: _naive(contents)))
    value = median(engine)
    section.rows += [
        Row(
            f"redact {count:,} x 2 KB, 10 entities (median of {runs})",
            value,
            "normalise() of the same texts",
            median(normaliser),
        ),
        Row(
            f"redact {count:,} x 2 KB, 10 entities (median of {runs})",
            value,
            "naive regex of the 10 strings",
            median(naive),
        ),
    ]
    goal = "met" if value < GOAL_SECONDS else "MISSED"
    section.note(f"goal under {GOAL_SECONDS:g} s for 1,000: {goal} ({value:.3f} s)")

    texts = [TokenisedText(c.narrative) for c in contents]
    tokenise = timed(lambda: [TokenisedText(c.narrative) for c in contents])
    matchers = [
        RegisteredMatcher(registrations_of(c.entities, identity), lexicon) for c in contents
    ]
    compile_ = timed(
        lambda: [
            RegisteredMatcher(registrations_of(c.entities, identity), lexicon) for c in contents
        ]
    )
    registered = timed(lambda: [m.find(t) for m, t in zip(matchers, texts, strict=True)])
    from testimony_app.redaction.patterns import Detector

    phones = PatternDetectors([Detector.PHONE])
    others = PatternDetectors([d for d in Detector if d is not Detector.PHONE])
    phone_time = timed(lambda: [phones.find(t) for t in texts])
    other_time = timed(lambda: [others.find(t) for t in texts])
    section.note(
        f"phases over the same texts: tokenise {tokenise:.3f} s, compile registrations "
        f"{compile_:.3f} s, registered matching {registered:.3f} s, phone numbers "
        f"{phone_time:.3f} s, other patterns {other_time:.3f} s"
    )
    section.note("profile: " + top_functions(profile(redact_all), 6))
    return section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 testimonies, one run")
    args = parser.parse_args(argv)
    count, runs = (200, 1) if args.quick else (1000, 3)
    section = bench_redaction(count, runs)
    print()
    print(render_table(section.rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
