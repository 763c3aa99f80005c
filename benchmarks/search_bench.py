"""Search benchmark (issue 3): ranked search, search-as-you-type IDs and the whole list.

On the vault loaded by `records_bench` (N synthetic testimonies), three things the app does:

- `RecordService.search(q, limit=200)`: ranked (bm25 among the 2,000 most recently indexed
  matches), then the summaries of the ≤ 200 found;
- `RecordService.search_ids(q)`: every match, unranked, newest first (the GUI's search as you
  type);
- `RecordService.list_testimonies()`: every summary (the GUI's list after unlocking).

The baseline of each is the same SQL on the plaintext twin (plain SQLite: sqlcipher3 opened
without a key, same schema, rows and FTS5 segments): the statements the app sent for that
query are recorded once with a trace callback on the vault's connection (parameters inlined)
and replayed on the twin, every row fetched, nothing else built. The baseline therefore
follows the app's SQL as it changes. A third variant runs the app's own code (`search_index`,
`records_repository`) on the twin, which tells what encryption costs apart from what the
app's Python costs. Every query goes through every variant in turn (interleaved), and the IDs
each returns are checked against the replay's.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from benchmarks.common import (
    Row,
    Section,
    cumulative,
    format_seconds,
    median,
    p95,
    profile,
    spread,
    top_functions,
)
from benchmarks.records_bench import PASSPHRASE, Config, LoadedVault, open_plain
from benchmarks.synthetic import SyntheticTestimonies
from testimony_app.services.records import RecordService
from testimony_app.vault import Vault, records_repository, search_index

GUI_LIMIT = 200
SEARCH_GOAL_SECONDS = 0.050
SEARCH_GOAL_RATIO = 1.5
LISTING = "(every testimony)"

Connection = Any


def query_mix(generator: SyntheticTestimonies) -> list[tuple[str, str]]:
    """(kind, query) pairs: what people type into the search box, in both languages."""
    # Rare words that the loaded records hold (a tiny load may hold fewer than two).
    en_rare = [*generator.rare_in_use["en"], *generator.en_rare][:2]
    ar_rare = [*generator.rare_in_use["ar"], *generator.ar_rare][:2]
    en_place = generator.en_places[7].split(" ", 1)[1]
    ar_place = generator.ar_places[7].split(" ", 1)[1]
    return [
        ("common word", "soldiers"),
        ("common word", "checkpoint"),
        ("common word", "house"),
        ("common word", "torture"),
        ("common word, ar", "الجنود"),
        ("common word, ar", "البيت"),
        ("common word, ar", "التعذيب"),
        ("rarer word", en_rare[0]),
        ("rarer word", en_rare[1]),
        ("rarer word", en_place),
        ("rarer word", "pharmacy"),
        ("rarer word, ar", ar_rare[0]),
        ("rarer word, ar", ar_rare[1]),
        ("rarer word, ar", ar_place),
        ("two words", "soldiers school"),
        ("two words", "burned bakery"),
        ("two words", "forced displacement"),
        ("two words, ar", "قصفوا المدرسة"),
        ("two words, ar", "الاختفاء القسري"),
        ("ar with tashkeel", "المَدْرَسَة"),
        ("ar with tashkeel", "الجُنُودُ"),
        ("ar hamza / tatweel", "الأطفال"),
        ("ar hamza / tatweel", "الاطفال"),
        ("ar hamza / tatweel", "المـــدرسة"),
        ("prefix", "che"),
        ("prefix", "dest"),
        ("prefix", "sho"),
        ("prefix, ar", "قصف"),
        ("prefix, ar", "الم"),
        ("digits", "2024"),
        ("digits", "٢٠٢٤"),
        ("digits", "146"),
        ("digits", "١٤"),
    ]


# --- the baseline: the app's own statements, replayed on plain SQLite --------------------------


def statements_of(connection: Connection, action: Callable[[], object]) -> list[str]:
    """The SQL that `action` sends through `connection`, parameters inlined (a trace).

    Left out: what FTS5 runs by itself on its shadow tables while it answers a MATCH (nested
    statements, traced with a leading "--", and its config reads on 'main'.'…'), since
    replaying the MATCH runs them again.
    """
    sent: list[str] = []
    connection.set_trace_callback(sent.append)
    try:
        action()
    finally:
        connection.set_trace_callback(None)
    return [sql for sql in sent if not sql.startswith("--") and "'main'.'" not in sql]


def _shape(sql: str) -> str:
    """A statement without its literals, shortened: what a detail line can name."""
    text = " ".join(re.sub(r"'(?:[^']|'')*'", "?", sql).split())
    return text if len(text) <= 110 else f"{text[:50]} … {text[-55:]}"


def statement_costs(
    vault_connection: Connection, plain: Connection, traces: list[list[str]]
) -> str:
    """Each traced statement timed on the vault and on plain SQLite: medians, by shape."""
    costs: dict[str, tuple[list[float], list[float]]] = {}
    for statements in traces:
        for side, connection in enumerate((vault_connection, plain)):
            for sql in statements:
                started = time.perf_counter()
                connection.execute(sql).fetchall()
                elapsed = time.perf_counter() - started
                if sql.split()[0].upper() not in ("BEGIN", "ROLLBACK"):
                    costs.setdefault(_shape(sql), ([], []))[side].append(elapsed)
    return "; ".join(
        f"`{shape}` {format_seconds(median(vault))} / {format_seconds(median(bare))}"
        for shape, (vault, bare) in costs.items()
    )


def replay(connection: Connection, statements: list[str]) -> list[str]:
    """Run `statements`, fetching every row; the first column of the last rows returned."""
    last: list[str] = []
    for sql in statements:
        rows = connection.execute(sql).fetchall()
        if rows:
            last = [row[0] for row in rows]
    return last


# --- running the mix -------------------------------------------------------------------------


@dataclass
class _Variant:
    """One way of running a query, with its samples (seconds) and the IDs it found."""

    name: str
    run: Callable[[str], list[str]]
    samples: dict[str, list[float]] = field(default_factory=dict)
    found: dict[str, list[str]] = field(default_factory=dict)

    def all_samples(self) -> list[float]:
        return [value for values in self.samples.values() for value in values]

    def median_of(self, query: str) -> float:
        return median(self.samples[query])


def _run_mix(variants: list[_Variant], queries: list[str], repeats: int) -> None:
    """Every query through every variant in turn, `repeats` times."""
    for variant in variants:  # warm-up (caches, statements), not timed
        variant.run(queries[0])
    for _ in range(repeats):
        for query in queries:
            for variant in variants:
                started = time.perf_counter()
                found = variant.run(query)
                variant.samples.setdefault(query, []).append(time.perf_counter() - started)
                variant.found[query] = found


def _run_each(run: Callable[[str], list[str]], queries: list[str]) -> None:
    for query in queries:
        run(query)


def _goal_line(label: str, value: float, baseline: float) -> str:
    ratio = value / baseline if baseline > 0 else float("inf")
    return (
        f"goals, {label}: p95 < {SEARCH_GOAL_SECONDS * 1000:.0f} ms "
        f"{'met' if value < SEARCH_GOAL_SECONDS else 'MISSED'} ({format_seconds(value)}); "
        f"<= {SEARCH_GOAL_RATIO}x plain FTS5 {'met' if ratio <= SEARCH_GOAL_RATIO else 'MISSED'} "
        f"({ratio:.1f}x)"
    )


def bench_search(loaded: LoadedVault, config: Config) -> Section:
    section = Section("Search")
    mix = query_mix(loaded.generator)
    queries = [query for _kind, query in mix]
    vault = Vault.unlock(loaded.vault_dir, PASSPHRASE)
    plain = open_plain(loaded.plain_path)
    try:
        service = RecordService(vault)
        with vault.reading() as connection:
            vault_connection = connection  # the vault's one connection, for the trace

        def on_plain(step: Callable[[Connection], list[str]]) -> list[str]:
            plain.execute("BEGIN")  # one read transaction, as vault.reading() does
            try:
                return step(plain)
            finally:
                plain.execute("ROLLBACK")

        def app_ranked(query: str) -> list[str]:
            return [summary.id for summary in service.search(query, limit=GUI_LIMIT)]

        def app_ids(query: str) -> list[str]:
            return list(service.search_ids(query))

        def app_list(_query: str) -> list[str]:
            return [summary.id for summary in service.list_testimonies()]

        sql: dict[tuple[str, str], list[str]] = {}
        for kind, app in (("ranked", app_ranked), ("ids", app_ids)):
            for query in queries:
                sql[kind, query] = statements_of(vault_connection, partial(app, query))
        sql["list", LISTING] = statements_of(vault_connection, partial(app_list, LISTING))

        def same_sql(kind: str) -> Callable[[str], list[str]]:
            return lambda query: replay(plain, sql[kind, query])

        ranked = [
            _Variant(f"search(q, limit={GUI_LIMIT}), vault", app_ranked),
            _Variant("same SQL, plain", same_sql("ranked")),
            _Variant(
                "same app code, plain",
                lambda q: on_plain(
                    lambda c: [
                        s.id
                        for s in records_repository.list_summaries(
                            c, search_index.search(c, q, limit=GUI_LIMIT)
                        )
                    ]
                ),
            ),
        ]
        ids = [
            _Variant("search_ids(q), vault", app_ids),
            _Variant("same SQL, plain", same_sql("ids")),
            _Variant(
                "same app code, plain",
                lambda q: on_plain(lambda c: list(search_index.search(c, q))),
            ),
        ]
        listing = [
            _Variant("list_testimonies(), vault", app_list),
            _Variant("same SQL, plain", same_sql("list")),
            _Variant(
                "same app code, plain",
                lambda _q: on_plain(lambda c: [s.id for s in records_repository.list_summaries(c)]),
            ),
        ]
        print(f"    … query mix x{config.search_repeats}, ranked and IDs", flush=True)
        _run_mix([*ranked, *ids], queries, config.search_repeats)
        print(f"    … list_testimonies x{config.list_repeats}", flush=True)
        _run_mix(listing, [LISTING], config.list_repeats)

        profiles: list[str] = []
        for variants, label, kind in (
            (ranked, f"search(q, limit={GUI_LIMIT})", "ranked"),
            (ids, "search_ids(q)", "ids"),
        ):
            value, base = p95(variants[0].all_samples()), p95(variants[1].all_samples())
            if value < SEARCH_GOAL_SECONDS and value <= SEARCH_GOAL_RATIO * base:
                continue
            costs = statement_costs(vault_connection, plain, [sql[kind, q] for q in queries])
            profiles.append(
                f"{label}, each statement alone, median over the {len(queries)} queries, "
                f"vault / plain: {costs}"
            )
            slow = sorted(queries, key=variants[0].median_of, reverse=True)[:5]
            stats = profile(partial(_run_each, variants[0].run, slow))
            total = cumulative(stats, "_run_each") or 1.0
            fts = cumulative(stats, "search", "search_index")
            profiles.append(
                f"profile of {label} on its 5 slowest queries ({', '.join(map(repr, slow))}): "
                f"search_index.search {100 * fts / total:.0f}%, "
                f"list_summaries {100 * cumulative(stats, 'list_summaries') / total:.0f}%; "
                f"own time: {top_functions(stats, 6)}"
            )
    finally:
        vault.close()
        plain.close()

    _report(section, loaded, mix, (ranked, ids, listing), profiles, config)
    return section


def _report(
    section: Section,
    loaded: LoadedVault,
    mix: list[tuple[str, str]],
    groups: tuple[list[_Variant], list[_Variant], list[_Variant]],
    profiles: list[str],
    config: Config,
) -> None:
    ranked, ids, listing = groups
    section.note(
        f"{len(mix)} queries x{config.search_repeats}, every variant in turn; "
        f"{len(loaded.testimony_ids):,} testimonies; ranked among the "
        f"{search_index.RANK_WINDOW:,} most recently indexed matches"
    )
    for variants in groups:
        for variant in variants:
            section.note(f"{variant.name}: {spread(variant.all_samples())}")
    section.note(
        "per query, median ms: search(limit=200) vault / same SQL plain / same code plain | "
        "search_ids vault / same SQL plain / same code plain | matches"
    )
    for kind, query in mix:
        cells = [
            " / ".join(f"{1000 * v.median_of(query):.1f}" for v in group) for group in (ranked, ids)
        ]
        section.note(
            f"  {kind:<18} {query!r:<22} {cells[0]} | {cells[1]} | {len(ids[0].found[query]):,}"
        )
    for group in groups:
        for query, found in group[1].found.items():
            bad = [v.name for v in (group[0], group[2]) if sorted(v.found[query]) != sorted(found)]
            if bad:
                section.note(f"BAD: {query!r}: IDs differ from the replayed SQL's: {bad}")
    if len(listing[0].found[LISTING]) != len(loaded.testimony_ids):
        section.note("BAD: list_testimonies() does not list every testimony")
    for variants, label in ((ranked, f"search(q, limit={GUI_LIMIT})"), (ids, "search_ids(q)")):
        section.note(
            _goal_line(label, p95(variants[0].all_samples()), p95(variants[1].all_samples()))
        )
    for line in profiles:
        section.note(line)

    n = len(mix)
    for variants, name in (
        (ranked, f"search, limit={GUI_LIMIT}"),
        (ids, "search_ids, all matches"),
    ):
        for label, key in (("p50", median), ("p95", p95), ("max", max)):
            section.rows.append(
                Row(
                    f"{name}, {n} queries ({label})",
                    key(variants[0].all_samples()),
                    "same SQL, plain FTS5",
                    key(variants[1].all_samples()),
                )
            )
        section.rows.append(
            Row(
                "  same app code, plain SQLite (p95)",
                p95(variants[2].all_samples()),
                "same SQL, plain FTS5",
                p95(variants[1].all_samples()),
            )
        )
    rows = len(listing[0].found[LISTING])
    for variant, name in (
        (listing[0], f"list_testimonies(), {rows:,} rows (median of {config.list_repeats})"),
        (listing[2], "  same app code, plain SQLite (median)"),
    ):
        section.rows.append(
            Row(
                name,
                median(variant.all_samples()),
                "same SQL, plain",
                median(listing[1].all_samples()),
            )
        )
