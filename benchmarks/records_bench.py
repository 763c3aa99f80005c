"""Records benchmarks (issue 3): bulk import, saving with revision and audit, search, attachments.

A vault is filled with N synthetic testimonies (benchmarks/synthetic.py) through
`RecordService.import_records`. Its plaintext twin, made with `sqlcipher_export` right after
the load, has the same schema, rows and FTS5 segments without encryption: saves and searches
are timed on both, interleaved, so each ratio is the vault against plain SQLite (the SQLite
inside sqlcipher3, opened without a key; stdlib sqlite3 is too old for `contentless_delete`)
doing the same statements in the same run. Attachments are measured in subprocesses, so
that their peak memory is their own. Where a goal is missed, the section says which part of
the time goes where (profiles and timed pieces). All data is synthetic.
"""

from __future__ import annotations

import cProfile
import dataclasses
import hashlib
import json
import os
import pstats
import random
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import sqlcipher3

from benchmarks.common import Row, Section, format_seconds, median, p95, timed
from benchmarks.synthetic import SyntheticTestimonies
from testimony_app.domain.ids import TestimonyId, WitnessId
from testimony_app.domain.records import Status, TestimonyContent
from testimony_app.domain.vocabulary import Vocabulary
from testimony_app.services.records import RecordService
from testimony_app.vault import Vault, audit_log, records_repository, search_index
from testimony_app.vault.audit_log import AuditAction
from testimony_app.vault.database import DB_NAME
from testimony_app.vault.records_repository import TestimonySummary
from tests.helpers import raw_data_key

PASSPHRASE = "benchmark passphrase 7"  # synthetic
SEED = 20250307
GUI_LIMIT = 200
SEARCH_GOAL_SECONDS = 0.050
SEARCH_GOAL_RATIO = 1.5
ATTACHMENT_GOAL_MB_S = 100.0
MB = 1_000_000
MIB = 1024 * 1024

Connection = Any


@dataclass(frozen=True)
class Config:
    records: int = 100_000
    batch: int = 1000
    saves: int = 500
    search_repeats: int = 3  # of the query mix with limit=200 (the GUI list)
    unlimited_repeats: int = 1  # of the query mix without a limit (slow with many matches)
    attachment_mib: int = 256
    attachment_rounds: int = 3

    @classmethod
    def quick(cls) -> Config:
        return cls(
            records=5000, saves=200, search_repeats=3, unlimited_repeats=3, attachment_mib=64
        )


@dataclass
class LoadedVault:
    """What the bulk load leaves for the later sections."""

    vault_dir: Path
    plain_path: Path
    testimony_ids: list[TestimonyId]
    generator: SyntheticTestimonies
    notes: dict[str, str] = field(default_factory=dict)

    def is_arabic(self, index: int) -> bool:
        return index % 2 == 1  # the generator alternates English and Arabic


def _mb_s(size: int, seconds: float) -> float:
    return size / MB / seconds if seconds > 0 else float("inf")


def _file_bytes(*paths: Path) -> int:
    return sum(path.stat().st_size for path in paths if path.exists())


def _db_files(directory: Path, name: str = DB_NAME) -> list[Path]:
    return [directory / name, directory / f"{name}-wal"]


def _open_plain(path: Path) -> Connection:
    """The plaintext twin, with the vault's connection settings (WAL, synchronous=FULL, …)."""
    connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise RuntimeError("the baseline database is not in WAL mode")
    for pragma in (
        "synchronous = FULL",
        "temp_store = MEMORY",
        "foreign_keys = ON",
        "trusted_schema = OFF",
        "secure_delete = ON",
    ):
        connection.execute(f"PRAGMA {pragma}")
    return connection


# --- profiles --------------------------------------------------------------------------------


def _profile(action: Callable[[], object]) -> pstats.Stats:
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        action()
    finally:
        profiler.disable()
    return pstats.Stats(profiler)


def _entries(stats: pstats.Stats) -> dict[tuple[str, int, str], Any]:
    return stats.stats  # type: ignore[attr-defined]


def _cumulative(stats: pstats.Stats, function: str, file_hint: str = "") -> float:
    """Cumulative seconds of every profiled function named `function` in a matching file."""
    return sum(
        value[3]
        for (file_name, _line, name), value in _entries(stats).items()
        if name == function and file_hint in file_name
    )


def _callee_from(stats: pstats.Stats, callee: str, caller: str) -> float:
    """Seconds spent in `callee` (e.g. "execute") when called directly from `caller`."""
    total = 0.0
    for (_file, _line, name), value in _entries(stats).items():
        if callee not in name:
            continue
        for (_cfile, _cline, caller_name), caller_value in value[4].items():
            if caller_name == caller:
                total += caller_value[3]
    return total


# --- a. bulk load ----------------------------------------------------------------------------


def _batches(generator: SyntheticTestimonies, total: int, size: int) -> Iterator[bytes]:
    done = 0
    while done < total:
        count = min(size, total - done)
        yield json.dumps(list(generator.records(count)), ensure_ascii=False).encode("utf-8")
        done += count


def _export_plaintext(vault_dir: Path, target: Path) -> float:
    """Copy the closed vault's database to an unencrypted file; returns the seconds taken."""
    data_key = raw_data_key(vault_dir, PASSPHRASE)
    started = time.perf_counter()
    connection = sqlcipher3.connect(str(vault_dir / DB_NAME), isolation_level=None)
    try:
        connection.execute("PRAGMA key = \"x'" + data_key.hex() + "'\"")
        connection.execute("PRAGMA cipher_compatibility = 4")
        connection.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(target),))
        connection.execute("SELECT sqlcipher_export('plaintext')").fetchall()
        connection.execute("DETACH DATABASE plaintext")
    finally:
        connection.close()
    plain = _open_plain(target)
    plain.close()
    return time.perf_counter() - started


def bench_bulk_load(work: Path, config: Config) -> tuple[Section, LoadedVault]:
    section = Section("Bulk import")
    vault_dir = work / "records-vault"
    generator = SyntheticTestimonies(SEED)
    gen_probe = SyntheticTestimonies(SEED + 1)
    probe_count = min(config.records, 20_000)
    gen_seconds = timed(lambda: sum(1 for _ in gen_probe.records(probe_count)))
    section.note(
        f"synthetic generator: {probe_count:,} records in {gen_seconds:.2f} s "
        f"({probe_count / gen_seconds:,.0f} records/s; not part of the import figures)"
    )

    vault, _code = Vault.create(vault_dir, PASSPHRASE, kdf_seconds=None)
    ids: list[TestimonyId] = []
    batch_seconds: list[float] = []
    payload = 0
    try:
        service = RecordService(vault)
        for data in _batches(generator, config.records, config.batch):
            payload += len(data)
            started = time.perf_counter()
            imported = service.import_records(data)
            batch_seconds.append(time.perf_counter() - started)
            ids.extend(item.testimony_id for item in imported)
            if len(batch_seconds) % 10 == 0:
                print(
                    f"    … {len(ids):,} imported, last batch {batch_seconds[-1]:.2f} s",
                    flush=True,
                )
        with vault.reading() as connection:
            counts = {
                table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("testimonies", "witnesses", "witness_identities", "audit_log")
            }
        db_live = _file_bytes(*_db_files(vault_dir))
    finally:
        vault.close()
    db_closed = _file_bytes(*_db_files(vault_dir))
    total = sum(batch_seconds)
    rate = len(ids) / total
    batch = min(config.batch, len(ids))
    head = batch_seconds[: max(1, len(batch_seconds) // 10)]
    tail = batch_seconds[-max(1, len(batch_seconds) // 10) :]
    section.note(
        f"imported {len(ids):,} testimonies ({payload / MB:,.0f} MB of interchange JSON) in "
        f"{len(batch_seconds)} import_records calls of {config.batch}: {total:.1f} s, "
        f"{rate:,.0f} records/s, {payload / MB / total:.1f} MB/s of JSON"
    )
    section.note(
        f"per call of {batch}: median {format_seconds(median(batch_seconds))}, "
        f"first tenth {format_seconds(median(head))}, last tenth {format_seconds(median(tail))} "
        f"(median), slowest {format_seconds(max(batch_seconds))}"
    )
    section.note("rows: " + ", ".join(f"{table} {count:,}" for table, count in counts.items()))
    section.note(
        f"vault size: {db_live / 2**20:,.0f} MiB with the WAL while open, "
        f"{db_closed / 2**20:,.0f} MiB after close ({db_closed / len(ids) / 1024:.1f} KiB "
        f"per testimony)"
    )
    plain_path = work / "records-plain.db"
    export_seconds = _export_plaintext(vault_dir, plain_path)
    plain_size = _file_bytes(*_db_files(work, plain_path.name))
    section.note(
        f"plaintext twin for the baselines (sqlcipher_export): {plain_size / 2**20:,.0f} MiB, "
        f"made in {export_seconds:.1f} s"
    )
    section.rows.append(Row(f"import_records, {len(ids):,} records (total)", total))
    section.rows.append(
        Row(
            f"  per call of {batch} records (median; {rate:,.0f} records/s)",
            median(batch_seconds),
        )
    )
    loaded = LoadedVault(vault_dir, plain_path, ids, generator)
    loaded.notes["vault_mib"] = f"{db_closed / 2**20:,.0f}"
    return section, loaded


# --- b. save with revision and audit ---------------------------------------------------------


def _labels(vocabulary: Vocabulary, content: TestimonyContent) -> list[str]:
    return [
        vocabulary.label(code, lang)
        for incident in content.incidents
        for code in incident.violation_types
        for lang in ("en", "ar")
    ]


@dataclass(frozen=True)
class _PlainEdit:
    """A save prepared for the baseline: the new stored JSON and index text, made beforehand."""

    testimony_id: TestimonyId
    content: TestimonyContent
    content_json: str
    index_text: str
    content_hash: str


def _plain_save(connection: Connection, edit: _PlainEdit, at: str) -> None:
    """What save_testimony does in SQL, on the plaintext twin, in one durable transaction."""
    content = edit.content
    connection.execute("BEGIN IMMEDIATE")
    try:
        row = connection.execute(
            "SELECT revision, content, updated_at FROM testimonies WHERE id = ?",
            (edit.testimony_id,),
        ).fetchone()
        revision, old_json, old_updated = int(row[0]), row[1], row[2]
        connection.execute(
            "INSERT INTO testimony_revisions (testimony_id, revision, saved_at, content) "
            "VALUES (?, ?, ?, ?)",
            (edit.testimony_id, revision, old_updated, old_json),
        )
        connection.execute(
            "UPDATE testimonies SET revision = ?, status = ?, interview_date = ?, "
            "interview_place = ?, language = ?, content = ?, updated_at = ? WHERE id = ?",
            (
                revision + 1,
                content.status.value,
                content.interview.date,
                content.interview.place,
                content.interview.language,
                edit.content_json,
                at,
                edit.testimony_id,
            ),
        )
        connection.execute(
            "DELETE FROM testimony_tags WHERE testimony_id = ?", (edit.testimony_id,)
        )
        connection.executemany(
            "INSERT OR IGNORE INTO testimony_tags (testimony_id, tag) VALUES (?, ?)",
            [(edit.testimony_id, tag) for tag in content.tags],
        )
        search_index.put(connection, edit.testimony_id, edit.index_text)
        last = connection.execute(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        seq = int(last[0]) + 1
        action = AuditAction.TESTIMONY_EDITED.value
        digest = audit_log.entry_hash(
            seq, at, action, edit.testimony_id, edit.content_hash, last[1]
        )
        connection.execute(
            "INSERT INTO audit_log (seq, at, action, subject, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (seq, at, action, edit.testimony_id, edit.content_hash, last[1], digest),
        )
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def bench_saves(loaded: LoadedVault, config: Config) -> Section:
    section = Section("Save with revision and audit entry")
    rng = random.Random(SEED + 2)
    picks = [rng.randrange(len(loaded.testimony_ids)) for _ in range(config.saves + 60)]
    vault = Vault.unlock(loaded.vault_dir, PASSPHRASE)
    plain = _open_plain(loaded.plain_path)
    try:
        service = RecordService(vault)
        vocabulary = service.vocabulary

        def prepare(index: int) -> _PlainEdit:
            testimony_id = loaded.testimony_ids[index]
            current = service.get_testimony(testimony_id)
            narrative = loaded.generator.narrative(arabic=loaded.is_arabic(index))
            content = dataclasses.replace(current.content, narrative=narrative)
            return _PlainEdit(
                testimony_id,
                content,
                records_repository.content_json(content),
                search_index.document_text(content, _labels(vocabulary, content)),
                records_repository.content_hash(content),
            )

        at = audit_log.now_utc()
        warmup = 10
        for index in picks[:warmup]:  # warm-up, not counted
            edit = prepare(index)
            service.save_testimony(edit.testimony_id, edit.content)
            _plain_save(plain, edit, at)
        vault_runs: list[float] = []
        plain_runs: list[float] = []
        for index in picks[warmup : warmup + config.saves]:
            edit = prepare(index)
            vault_runs.append(
                timed(partial(service.save_testimony, edit.testimony_id, edit.content))
            )
            plain_runs.append(timed(partial(_plain_save, plain, edit, at)))

        # Where a save's time goes: a profile of 50 more saves (not part of the figures).
        edits = [prepare(index) for index in picks[warmup + config.saves :]]

        def save_all() -> None:
            for edit in edits:
                service.save_testimony(edit.testimony_id, edit.content)

        stats = _profile(save_all)
        for edit in edits:  # the plaintext twin must keep the same content for the searches
            _plain_save(plain, edit, at)
        total = _cumulative(stats, "save_testimony")
        parts = {
            "validated() of the new content": _cumulative(stats, "validated"),
            "get_testimony (read + parse + check stored JSON)": _cumulative(
                stats, "get_testimony", "records_repository"
            ),
            "update_testimony (revision + update + tags)": _cumulative(stats, "update_testimony"),
            "_searchable_text (normalise)": _cumulative(stats, "_searchable_text"),
            "search_index.put (FTS5 delete + insert)": _cumulative(stats, "put", "search_index"),
            "audit_log.append": _cumulative(stats, "append", "audit_log"),
            "BEGIN + COMMIT (WAL write, encryption, fsync)": _callee_from(
                stats, "execute", "transaction"
            ),
        }
        with vault.reading() as connection:
            revisions = connection.execute("SELECT count(*) FROM testimony_revisions").fetchone()
        plain_revisions = plain.execute("SELECT count(*) FROM testimony_revisions").fetchone()
    finally:
        vault.close()
        plain.close()

    section.note(
        f"{config.saves} saves of a new ~2 KB narrative on random testimonies of "
        f"{len(loaded.testimony_ids):,}; revisions stored: vault {revisions[0]}, "
        f"plain {plain_revisions[0]}"
    )
    section.note(
        f"vault save_testimony: median {format_seconds(median(vault_runs))}, "
        f"p95 {format_seconds(p95(vault_runs))}, max {format_seconds(max(vault_runs))}"
    )
    section.note(
        f"plain SQL equivalent (same statements, WAL + FULL, secure_delete): median "
        f"{format_seconds(median(plain_runs))}, p95 {format_seconds(p95(plain_runs))}, "
        f"max {format_seconds(max(plain_runs))}"
    )
    section.note(
        f"profile of {len(edits)} more saves (cProfile inflates Python time): "
        + "; ".join(
            f"{name} {100 * seconds / total:.0f}%" for name, seconds in parts.items() if total
        )
    )
    section.rows.append(
        Row(
            f"save_testimony + revision + audit (median of {config.saves})",
            median(vault_runs),
            "same SQL, plain SQLite",
            median(plain_runs),
        )
    )
    section.rows.append(
        Row(
            f"save_testimony + revision + audit (p95 of {config.saves})",
            p95(vault_runs),
            "same SQL, plain SQLite",
            p95(plain_runs),
        )
    )
    return section


# --- c. search -------------------------------------------------------------------------------


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


def _summaries_for(connection: Connection, ids: list[TestimonyId]) -> list[TestimonySummary]:
    """A sketch of the suggested fix: summaries of the found IDs only, in their order.

    Not app code: it only shows what `list_summaries(connection, found)` would cost if it read
    the rows it returns instead of every testimony.
    """
    if not ids:
        return []
    wanted = json.dumps(ids)
    tags: dict[str, list[str]] = {}
    for testimony_id, tag in connection.execute(
        "SELECT testimony_id, tag FROM testimony_tags WHERE testimony_id IN "
        "(SELECT value FROM json_each(?)) ORDER BY testimony_id, tag",
        (wanted,),
    ):
        tags.setdefault(testimony_id, []).append(tag)
    rows = connection.execute(
        "SELECT id, witness_id, status, interview_date, interview_place, language, revision, "
        "created_at, updated_at FROM testimonies WHERE id IN (SELECT value FROM json_each(?))",
        (wanted,),
    )
    found = {
        row[0]: TestimonySummary(
            id=TestimonyId(row[0]),
            witness_id=WitnessId(row[1]),
            status=Status(row[2]),
            interview_date=row[3],
            interview_place=row[4],
            language=row[5],
            tags=tuple(tags.get(row[0], ())),
            revision=int(row[6]),
            created_at=row[7],
            updated_at=row[8],
        )
        for row in rows
    }
    return [found[item] for item in ids if item in found]


def _search_newest_first(
    connection: Connection, query: str, limit: int | None
) -> list[TestimonyId]:
    """A sketch of the other suggested change: the same MATCH, newest first instead of by rank.

    FTS5 walks the matches in rowid order and stops at the limit, where ORDER BY rank has to
    score every match (bm25 reads each one's document size) before it can sort.
    """
    expression = search_index.match_expression(query)
    if expression is None:
        return []
    sql = (
        "SELECT d.testimony_id FROM (SELECT rowid FROM search_index WHERE search_index MATCH ? "
        "ORDER BY rowid DESC LIMIT ?) AS f JOIN search_documents AS d ON d.rowid = f.rowid "
        "ORDER BY f.rowid DESC"
    )
    rows = connection.execute(sql, (expression, -1 if limit is None else limit))
    return [TestimonyId(row[0]) for row in rows]


@dataclass
class _Variant:
    """One way of running the query mix, with its samples (seconds) per query."""

    name: str
    run: Callable[[str], int]
    samples: dict[str, list[float]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def all_samples(self) -> list[float]:
        return [value for values in self.samples.values() for value in values]


def _run_mix(variants: list[_Variant], queries: list[str], repeats: int) -> None:
    """Every query through every variant in turn, `repeats` times; match counts on the way."""
    for variant in variants:  # warm-up (caches, statements), not timed
        variant.run(queries[0])
    for _ in range(repeats):
        for query in queries:
            for variant in variants:
                started = time.perf_counter()
                count = variant.run(query)
                variant.samples.setdefault(query, []).append(time.perf_counter() - started)
                variant.counts[query] = count


def _spread(samples: list[float]) -> str:
    return (
        f"p50 {format_seconds(median(samples))}, p95 {format_seconds(p95(samples))}, "
        f"max {format_seconds(max(samples))}"
    )


def bench_search(loaded: LoadedVault, config: Config) -> Section:
    section = Section("Search")
    mix = query_mix(loaded.generator)
    queries = [query for _kind, query in mix]
    vault = Vault.unlock(loaded.vault_dir, PASSPHRASE)
    plain = _open_plain(loaded.plain_path)
    try:
        service = RecordService(vault)

        def app(limit: int | None) -> Callable[[str], int]:
            return lambda query: len(service.search(query, limit=limit))

        Step = Callable[[Connection, str, int | None], int]

        def fts(connection: Connection, query: str, limit: int | None) -> int:
            return len(search_index.search(connection, query, limit=limit))

        def app_code(connection: Connection, query: str, limit: int | None) -> int:
            # The body of RecordService.search, for running it on the plaintext twin.
            found = search_index.search(connection, query, limit=limit)
            return len(records_repository.list_summaries(connection, found))

        def sketch(connection: Connection, query: str, limit: int | None) -> int:
            found = search_index.search(connection, query, limit=limit)
            return len(_summaries_for(connection, found))

        def newest(connection: Connection, query: str, limit: int | None) -> int:
            found = _search_newest_first(connection, query, limit)
            return len(_summaries_for(connection, found))

        def on_vault(step: Step, limit: int | None) -> Callable[[str], int]:
            def run(query: str) -> int:
                with vault.reading() as connection:
                    return step(connection, query, limit)

            return run

        def on_plain(step: Step, limit: int | None) -> Callable[[str], int]:
            def run(query: str) -> int:
                plain.execute("BEGIN")
                try:
                    return step(plain, query, limit)
                finally:
                    plain.execute("ROLLBACK")

            return run

        results: dict[str, dict[str, _Variant]] = {}
        for limit_name, limit, repeats in (
            (f"limit={GUI_LIMIT}", GUI_LIMIT, config.search_repeats),
            ("no limit", None, config.unlimited_repeats),
        ):
            print(f"    … query mix, {limit_name}, x{repeats}", flush=True)
            variants = {
                "app": _Variant("RecordService.search, vault", app(limit)),
                "app_plain": _Variant("same code, plain", on_plain(app_code, limit)),
                "fts_vault": _Variant("FTS5 query alone, vault", on_vault(fts, limit)),
                "fts_plain": _Variant("FTS5 query alone, plain", on_plain(fts, limit)),
                "fixed": _Variant("sketch: summaries of found IDs, vault", on_vault(sketch, limit)),
                "fixed_plain": _Variant("same sketch, plain", on_plain(sketch, limit)),
            }
            if limit is not None:
                variants["newest"] = _Variant(
                    "sketch, newest first instead of by rank, vault", on_vault(newest, limit)
                )
                variants["newest_plain"] = _Variant(
                    "same newest-first sketch, plain", on_plain(newest, limit)
                )
            _run_mix(list(variants.values()), queries, repeats)
            results[limit_name] = variants

        print("    … profile and pieces", flush=True)
        slow = sorted(
            queries,
            key=lambda q: median(results[f"limit={GUI_LIMIT}"]["app"].samples[q]),
            reverse=True,
        )[:5]
        stats = _profile(lambda: [service.search(q, limit=GUI_LIMIT) for q in slow])
        search_total = _cumulative(stats, "search", "services")
        fts_part = _cumulative(stats, "search", "search_index")
        summaries_part = _cumulative(stats, "list_summaries")
        summary_objects = _cumulative(stats, "__init__", "<string>")

        def summary_sql(connection: Connection) -> None:
            connection.execute(
                "SELECT testimony_id, tag FROM testimony_tags ORDER BY testimony_id, tag"
            ).fetchall()
            connection.execute(
                "SELECT id, witness_id, status, interview_date, interview_place, language, "
                "revision, created_at, updated_at FROM testimonies ORDER BY updated_at DESC, id"
            ).fetchall()

        def summary_sql_vault() -> None:
            with vault.reading() as connection:
                summary_sql(connection)

        summary_sql_vault()
        summary_sql(plain)
        sql_vault = [timed(summary_sql_vault) for _ in range(3)]
        sql_plain = [timed(lambda: summary_sql(plain)) for _ in range(3)]

        # Decryption: the same FTS5 queries with a page cache big enough to keep every page
        # decrypted in memory (after a first pass), against plain SQLite with the same cache.
        with vault.reading() as connection:
            connection.execute("PRAGMA cache_size = -2000000")
        plain.execute("PRAGMA cache_size = -2000000")
        big_cache = {
            "fts_vault": _Variant("FTS5, vault, 2 GB cache", on_vault(fts, GUI_LIMIT)),
            "fts_plain": _Variant("FTS5, plain, 2 GB cache", on_plain(fts, GUI_LIMIT)),
        }
        _run_mix(list(big_cache.values()), queries, 1)
        with vault.reading() as connection:
            connection.execute("PRAGMA cache_size = -2000")
            page_size = connection.execute("PRAGMA page_size").fetchone()[0]
            page_count = connection.execute("PRAGMA page_count").fetchone()[0]
            fts_bytes = connection.execute(
                "SELECT sum(length(block)) FROM search_index_data"
            ).fetchone()[0]
            content_bytes = connection.execute(
                "SELECT sum(length(CAST(content AS BLOB))) FROM testimonies"
            ).fetchone()[0]
    finally:
        vault.close()
        plain.close()

    limited = results[f"limit={GUI_LIMIT}"]
    unlimited = results["no limit"]
    section.note(
        f"{len(queries)} queries, each through every variant in turn: "
        f"x{config.search_repeats} with limit={GUI_LIMIT}, x{config.unlimited_repeats} without; "
        f"{len(loaded.testimony_ids):,} testimonies; database {page_count:,} pages of "
        f"{page_size} B; FTS5 segments {fts_bytes / 2**20:,.0f} MiB; stored content JSON "
        f"{content_bytes / 2**20:,.0f} MiB"
    )
    for limit_name, variants in results.items():
        for variant in variants.values():
            section.note(f"{limit_name}: {variant.name}: {_spread(variant.all_samples())}")
    names = (
        "app",
        "app_plain",
        "fts_vault",
        "fts_plain",
        "fixed",
        "fixed_plain",
        "newest",
        "newest_plain",
    )
    section.note(
        f"per query, median ms with limit={GUI_LIMIT} (app / same code on plain / FTS5 vault / "
        f"FTS5 plain / sketch vault / sketch plain / newest-first vault / newest-first plain) | "
        f"no limit (app / FTS5 plain) | matches:"
    )
    for kind, query in mix:
        cells = " / ".join(f"{1000 * median(limited[name].samples[query]):.1f}" for name in names)
        section.note(
            f"  {kind:<18} {query!r:<22} {cells} | "
            f"{1000 * median(unlimited['app'].samples[query]):.1f} / "
            f"{1000 * median(unlimited['fts_plain'].samples[query]):.1f} | "
            f"{unlimited['fts_plain'].counts[query]:,}"
        )
        reference = unlimited["fts_plain"].counts[query]
        mismatch = {
            f"{limit_name} {name}": variant.counts[query]
            for limit_name, variants in results.items()
            for name, variant in variants.items()
            if variant.counts[query]
            != (reference if limit_name == "no limit" else min(reference, GUI_LIMIT))
        }
        if mismatch:
            section.note(f"    BAD: match counts differ from {reference}: {mismatch}")

    def p95_of(name: str) -> float:
        return p95(limited[name].all_samples())

    for label, name in (
        ("RecordService.search", "app"),
        ("the sketch", "fixed"),
        ("the newest-first sketch", "newest"),
    ):
        value = p95_of(name)
        ratio = value / p95_of("fts_plain")
        section.note(
            f"goals, {label} with limit={GUI_LIMIT}: p95 < {SEARCH_GOAL_SECONDS * 1000:.0f} ms "
            f"{'met' if value < SEARCH_GOAL_SECONDS else 'MISSED'} ({format_seconds(value)}); "
            f"within {SEARCH_GOAL_RATIO}x of plain FTS5 "
            f"{'met' if ratio <= SEARCH_GOAL_RATIO else 'MISSED'} ({ratio:.1f}x; against the same "
            f"code on plain SQLite: {value / p95_of(name + '_plain'):.1f}x)"
        )
    section.note(
        f"profile of RecordService.search(limit={GUI_LIMIT}) on the 5 slowest queries "
        f"({format_seconds(search_total)} under cProfile): FTS5 query "
        f"{100 * fts_part / search_total:.0f}%, list_summaries "
        f"{100 * summaries_part / search_total:.0f}% (of which TestimonySummary "
        f"dataclass __init__ {100 * summary_objects / search_total:.0f}%)"
    )
    section.note(
        f"list_summaries' two SELECTs alone (all tags, all {len(loaded.testimony_ids):,} "
        f"testimony rows sorted), whatever the query: vault {format_seconds(median(sql_vault))}, "
        f"plain {format_seconds(median(sql_plain))}"
    )
    section.note(
        f"FTS5 alone with a 2 GB page cache (pages decrypted once, then reused): vault "
        f"{_spread(big_cache['fts_vault'].all_samples())}; plain "
        f"{_spread(big_cache['fts_plain'].all_samples())}"
    )
    fts_name = "FTS5 query, plain SQLite"
    for limit_name, variants in results.items():
        for label, key in (("p50", median), ("p95", p95), ("max", max)):
            section.rows.append(
                Row(
                    f"search, {limit_name}, {len(queries)} queries ({label})",
                    key(variants["app"].all_samples()),
                    fts_name,
                    key(variants["fts_plain"].all_samples()),
                )
            )
        pieces: list[tuple[str, str, str, str]] = [
            ("  same search code, plain SQLite (p95)", "app_plain", fts_name, "fts_plain"),
            ("  FTS5 query alone, vault (p95)", "fts_vault", fts_name, "fts_plain"),
            ("  sketch: summaries of found IDs (p95)", "fixed", fts_name, "fts_plain"),
            (
                "  sketch: summaries of found IDs (p95)",
                "fixed",
                "same sketch, plain",
                "fixed_plain",
            ),
        ]
        if "newest" in variants:
            pieces += [
                ("  sketch, newest first (p95)", "newest", fts_name, "fts_plain"),
                ("  sketch, newest first (p95)", "newest", "same, plain", "newest_plain"),
            ]
        for name, measured, baseline_name, baseline in pieces:
            section.rows.append(
                Row(
                    name,
                    p95(variants[measured].all_samples()),
                    baseline_name,
                    p95(variants[baseline].all_samples()),
                )
            )
    return section


# --- d. attachments --------------------------------------------------------------------------


def _status_kib(field_name: str) -> int | None:
    """A memory figure from /proc/self/status (Linux), in KiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Reset this process's peak RSS to its current RSS (Linux 4.0+); False if not possible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def _memory() -> dict[str, int | None]:
    return {
        "ru_maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_kib": _status_kib("VmRSS"),
        "hwm_kib": _status_kib("VmHWM"),
    }


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _child_vault(directory: Path, source: Path) -> dict[str, Any]:
    vault, _code = Vault.create(directory / "vault", PASSPHRASE, kdf_seconds=None)
    try:
        service = RecordService(vault)
        witness = service.create_witness()
        testimony = service.create_testimony(
            witness.id, TestimonyContent(narrative="synthetic holder of a synthetic attachment")
        )
        reset = _reset_peak()
        before = _memory()
        with open(source, "rb") as handle:
            started = time.perf_counter()
            cpu = time.process_time()
            info = service.attach(
                testimony.id, handle, file_name="synthetic.bin", media_type="video/mp4"
            )
            write_seconds = time.perf_counter() - started
            write_cpu = time.process_time() - cpu
        after_write = _memory()
        size = 0
        started = time.perf_counter()
        cpu = time.process_time()
        for chunk in service.read_attachment(info.id):
            size += len(chunk)
        read_seconds = time.perf_counter() - started
        read_cpu = time.process_time() - cpu
        after_read = _memory()
    finally:
        vault.close()
    return {
        "write_seconds": write_seconds,
        "read_seconds": read_seconds,
        "write_cpu": write_cpu,
        "read_cpu": read_cpu,
        "size": info.size,
        "read_size": size,
        "reset": reset,
        "before": before,
        "after_write": after_write,
        "after_read": after_read,
        "vault_bytes": _file_bytes(*_db_files(directory / "vault")),
    }


def _child_vault_profile(directory: Path, source: Path) -> dict[str, Any]:
    """Where attach and read_attachment spend their time (cProfile; not part of the figures)."""
    vault, _code = Vault.create(directory / "vault", PASSPHRASE, kdf_seconds=None)
    try:
        service = RecordService(vault)
        witness = service.create_witness()
        testimony = service.create_testimony(
            witness.id, TestimonyContent(narrative="synthetic holder of a synthetic attachment")
        )
        holder: list[int] = []

        def run_attach() -> None:
            with open(source, "rb") as handle:
                info = service.attach(
                    testimony.id, handle, file_name="synthetic.bin", media_type="video/mp4"
                )
            holder.append(info.id)

        write = _profile(run_attach)
        read = _profile(lambda: sum(len(chunk) for chunk in service.read_attachment(holder[0])))
    finally:
        vault.close()
    return {
        "write_total": _cumulative(write, "attach", "services"),
        "write_inserts": _callee_from(write, "execute", "ingest"),
        "write_commit": _callee_from(write, "execute", "transaction"),
        "write_hash": _callee_from(write, "update", "ingest"),
        "write_source": _callee_from(write, "read", "ingest"),
        "read_total": _cumulative(read, "read_chunks"),
        "read_selects": _callee_from(read, "execute", "read_chunks")
        + _callee_from(read, "fetchone", "read_chunks"),
        "read_hash": _callee_from(read, "update", "read_chunks"),
    }


def _child_file(directory: Path, source: Path) -> dict[str, Any]:
    target = directory / "plain-copy.bin"
    reset = _reset_peak()
    before = _memory()
    started = time.perf_counter()
    cpu = time.process_time()
    with open(source, "rb") as handle, open(target, "wb") as out:
        while chunk := handle.read(MIB):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    _fsync_dir(directory)
    write_seconds = time.perf_counter() - started
    write_cpu = time.process_time() - cpu
    after_write = _memory()
    size = 0
    started = time.perf_counter()
    cpu = time.process_time()
    with open(target, "rb") as handle:
        while chunk := handle.read(MIB):
            size += len(chunk)
    read_seconds = time.perf_counter() - started
    read_cpu = time.process_time() - cpu
    digest = hashlib.sha256()
    started = time.perf_counter()
    cpu = time.process_time()
    with open(target, "rb") as handle:
        while chunk := handle.read(MIB):
            digest.update(chunk)
    hashed_read_seconds = time.perf_counter() - started
    after_read = _memory()
    return {
        "write_seconds": write_seconds,
        "read_seconds": read_seconds,
        "write_cpu": write_cpu,
        "read_cpu": read_cpu,
        "hashed_read_seconds": hashed_read_seconds,
        "size": size,
        "read_size": size,
        "reset": reset,
        "before": before,
        "after_write": after_write,
        "after_read": after_read,
    }


def _child_sqlite(directory: Path, source: Path) -> dict[str, Any]:
    """The attachment store's statements on plain SQLite (sqlcipher3 without a key)."""
    connection = _open_plain(directory / "plain-chunks.db")
    connection.execute(
        "CREATE TABLE attachment_chunks (attachment_id INTEGER NOT NULL, seq INTEGER NOT NULL, "
        "data BLOB NOT NULL, PRIMARY KEY (attachment_id, seq)) STRICT"
    )
    reset = _reset_peak()
    before = _memory()
    digest = hashlib.sha256()
    started = time.perf_counter()
    cpu = time.process_time()
    connection.execute("BEGIN IMMEDIATE")
    with open(source, "rb") as handle:
        seq = 0
        while chunk := handle.read(MIB):
            digest.update(chunk)
            connection.execute(
                "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (1, ?, ?)",
                (seq, chunk),
            )
            seq += 1
    connection.execute("COMMIT")
    write_seconds = time.perf_counter() - started
    write_cpu = time.process_time() - cpu
    after_write = _memory()
    size = 0
    digest = hashlib.sha256()
    started = time.perf_counter()
    cpu = time.process_time()
    seq = 0
    while True:
        connection.execute("BEGIN")
        row = connection.execute(
            "SELECT data FROM attachment_chunks WHERE attachment_id = 1 AND seq = ?", (seq,)
        ).fetchone()
        connection.execute("ROLLBACK")
        if row is None:
            break
        digest.update(row[0])
        size += len(row[0])
        seq += 1
    read_seconds = time.perf_counter() - started
    read_cpu = time.process_time() - cpu
    after_read = _memory()
    connection.close()
    return {
        "write_seconds": write_seconds,
        "read_seconds": read_seconds,
        "write_cpu": write_cpu,
        "read_cpu": read_cpu,
        "size": size,
        "read_size": size,
        "reset": reset,
        "before": before,
        "after_write": after_write,
        "after_read": after_read,
    }


_CHILDREN = {
    "vault": _child_vault,
    "file": _child_file,
    "sqlite": _child_sqlite,
    "vault-profile": _child_vault_profile,
}


# Linux carries a process's peak RSS across exec from the process that spawned it, so a child
# of this (large) process would start with our peak as its ru_maxrss. A tiny launcher in
# between gives the measuring process a fresh, small starting point.
_LAUNCHER = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"


def _run_child(kind: str, directory: Path, source: Path) -> dict[str, Any]:
    directory.mkdir()
    repo_root = Path(__file__).resolve().parent.parent
    child = [sys.executable, "-m", "benchmarks.records_bench", "attachment-child", kind]
    completed = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *child, str(directory), str(source)],
        cwd=repo_root,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def _peak_growth_mib(results: list[dict[str, Any]], stage: str) -> str:
    """The largest peak-RSS growth over the rounds, by VmHWM and by ru_maxrss."""
    hwm = [
        (result[stage]["hwm_kib"] - result["before"]["rss_kib"]) / 1024
        for result in results
        if result["reset"]
        and result[stage]["hwm_kib"] is not None
        and result["before"]["rss_kib"] is not None
    ]
    maxrss = [
        (result[stage]["ru_maxrss_kib"] - result["before"]["ru_maxrss_kib"]) / 1024
        for result in results
    ]
    parts = [f"peak RSS +{max(hwm):.1f} MiB"] if hwm else []
    parts.append(f"ru_maxrss +{max(maxrss):.1f} MiB")
    return ", ".join(parts)


def bench_attachments(work: Path, config: Config) -> Section:
    section = Section("Attachments")
    size = config.attachment_mib * MIB
    source = work / "attachment-source.bin"
    started = time.perf_counter()
    with open(source, "wb") as out:
        for _ in range(config.attachment_mib):
            out.write(os.urandom(MIB))
        out.flush()
        os.fsync(out.fileno())
    section.note(
        f"source: {config.attachment_mib} MiB of random bytes written in "
        f"{time.perf_counter() - started:.1f} s (in the page cache for every reader)"
    )
    kinds = ("vault", "file", "sqlite")
    results: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    for round_number in range(config.attachment_rounds):
        for kind in kinds:
            directory = work / f"attach-{kind}"
            if directory.exists():
                shutil.rmtree(directory)
            os.sync()  # the previous child's writeback must not slow this one down
            result = _run_child(kind, directory, source)
            if result["size"] != size or result["read_size"] != size:
                section.note(f"BAD: {kind} sizes {result['size']} / {result['read_size']}")
            results[kind].append(result)
        print(f"    … round {round_number + 1}/{config.attachment_rounds} done", flush=True)

    profile_dir = work / "attach-vault-profile"
    shutil.rmtree(work / "attach-vault")
    os.sync()
    profile = _run_child("vault-profile", profile_dir, source)
    shutil.rmtree(profile_dir)

    def seconds(kind: str, key: str) -> float:
        return median([result[key] for result in results[kind]])

    def spread(kind: str, key: str) -> str:
        rates = sorted(_mb_s(size, result[key]) for result in results[kind])
        return (
            f"{_mb_s(size, seconds(kind, key)):,.0f} MB/s ({', '.join(f'{r:,.0f}' for r in rates)})"
        )

    v_in, v_out = seconds("vault", "write_seconds"), seconds("vault", "read_seconds")
    f_in, f_out = seconds("file", "write_seconds"), seconds("file", "read_seconds")
    s_in, s_out = seconds("sqlite", "write_seconds"), seconds("sqlite", "read_seconds")
    section.note(
        f"medians of {config.attachment_rounds} rounds (each round: vault, file, SQLite, each in "
        f"a fresh process after os.sync(); the rates of every round in brackets)"
    )
    section.note(
        f"vault: attach {spread('vault', 'write_seconds')}, read_attachment "
        f"{spread('vault', 'read_seconds')}; vault.db afterwards "
        f"{results['vault'][-1]['vault_bytes'] / 2**20:,.0f} MiB"
    )
    section.note(
        f"plain file: copy + fsync {spread('file', 'write_seconds')}, read "
        f"{spread('file', 'read_seconds')}, read + SHA-256 {spread('file', 'hashed_read_seconds')}"
    )
    section.note(
        f"same chunk statements on plain SQLite (1 MiB rows, one transaction, WAL + FULL, "
        f"SHA-256 both ways): write {spread('sqlite', 'write_seconds')}, read "
        f"{spread('sqlite', 'read_seconds')}"
    )
    for kind in kinds:
        section.note(
            f"CPU time / wall time, {kind}: write "
            f"{seconds(kind, 'write_cpu') / seconds(kind, 'write_seconds'):.0%}, read "
            f"{seconds(kind, 'read_cpu') / seconds(kind, 'read_seconds'):.0%} (medians)"
        )

    def share(part: str, whole: str) -> str:
        return f"{100 * profile[part] / profile[whole]:.0f}%" if profile[whole] else "n/a"

    section.note(
        f"profile of one more vault round (cProfile): attach {profile['write_total']:.2f} s = "
        f"chunk INSERTs (SQLCipher encrypting and writing pages to the WAL as the cache "
        f"spills) {share('write_inserts', 'write_total')}, COMMIT (last pages, fsync, "
        f"checkpoint into vault.db, fsync) {share('write_commit', 'write_total')}, SHA-256 "
        f"{share('write_hash', 'write_total')}, reading the source "
        f"{share('write_source', 'write_total')}; read_attachment "
        f"{profile['read_total']:.2f} s = chunk SELECTs (page reads, decryption, HMAC "
        f"check) {share('read_selects', 'read_total')}, SHA-256 "
        f"{share('read_hash', 'read_total')}"
    )
    for kind in kinds:
        section.note(
            f"memory, {kind} child (starts at "
            f"{(results[kind][0]['before']['rss_kib'] or 0) / 1024:.0f} MiB RSS): while writing "
            f"{_peak_growth_mib(results[kind], 'after_write')}; while reading "
            f"{_peak_growth_mib(results[kind], 'after_read')} (largest of the rounds)"
        )
    section.note(
        "(peak RSS = VmHWM of /proc/self/status; it and ru_maxrss are reset to the current RSS "
        "through /proc/self/clear_refs just before the measurement, which keeps the 64 MiB "
        "Argon2id of creating the vault out of the vault child's figure. Each child starts "
        "through a small launcher, as Linux hands a spawned process its parent's peak RSS.)"
    )
    verdict = [
        f"{name} {'met' if _mb_s(size, value) >= ATTACHMENT_GOAL_MB_S else 'MISSED'}"
        for name, value in (("ingest", v_in), ("read", v_out))
    ]
    section.note(f"goal >= {ATTACHMENT_GOAL_MB_S:.0f} MB/s each way: {', '.join(verdict)}")
    mib = config.attachment_mib
    rounds = config.attachment_rounds
    section.rows.extend(
        [
            Row(
                f"attach {mib} MiB, {_mb_s(size, v_in):,.0f} MB/s (median of {rounds})",
                v_in,
                "plain file copy + fsync",
                f_in,
            ),
            Row("  same chunk statements, plain SQLite", s_in, "plain file copy + fsync", f_in),
            Row(
                f"read_attachment {mib} MiB, {_mb_s(size, v_out):,.0f} MB/s (median of {rounds})",
                v_out,
                "plain file read (cached)",
                f_out,
            ),
            Row("  same chunk statements, plain SQLite", s_out, "plain file read (cached)", f_out),
        ]
    )
    return section


def _child_main(argv: list[str]) -> int:
    if len(argv) != 4 or argv[0] != "attachment-child" or argv[1] not in _CHILDREN:
        print(
            f"usage: records_bench attachment-child {'|'.join(_CHILDREN)} DIR SOURCE",
            file=sys.stderr,
        )
        return 2
    print(json.dumps(_CHILDREN[argv[1]](Path(argv[2]), Path(argv[3]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(_child_main(sys.argv[1:]))
