"""Records benchmarks (issue 3): bulk import and saving with revision and audit.

A vault is filled with N synthetic testimonies (benchmarks/synthetic.py) through
`RecordService.import_records`. Its plaintext twin, made with `sqlcipher_export` right after
the load, has the same schema, rows and FTS5 segments without encryption: saves (here) and
searches (`search_bench.py`) are timed on both, interleaved, so each ratio is the vault against
plain SQLite (the SQLite inside sqlcipher3, opened without a key; stdlib sqlite3 is too old for
`contentless_delete`) doing the same statements in the same run. The loaded vault is reused by
the search and GUI benchmarks; attachments are in `attachment_bench.py`. All data is synthetic.
"""

from __future__ import annotations

import dataclasses
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import sqlcipher3

from benchmarks.common import (
    Row,
    Section,
    callee_from,
    cumulative,
    format_seconds,
    median,
    p95,
    profile,
    timed,
)
from benchmarks.synthetic import SyntheticTestimonies
from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.records import TestimonyContent
from testimony_app.domain.vocabulary import Vocabulary
from testimony_app.services.records import RecordService
from testimony_app.vault import Vault, audit_log, records_repository, search_index
from testimony_app.vault.audit_log import AuditAction
from testimony_app.vault.database import DB_NAME
from tests.helpers import raw_data_key

PASSPHRASE = "benchmark passphrase 7"  # synthetic
SEED = 20250307
MB = 1_000_000
MIB = 1024 * 1024

Connection = Any


@dataclass(frozen=True)
class Config:
    records: int = 100_000
    batch: int = 1000
    saves: int = 500
    search_repeats: int = 5  # of the query mix, each search variant
    list_repeats: int = 5  # of list_testimonies()
    attachment_mib: int = 256
    attachment_rounds: int = 3

    @classmethod
    def quick(cls) -> Config:
        return cls(records=5000, saves=200, attachment_mib=64)


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


def mb_s(size: int, seconds: float) -> float:
    return size / MB / seconds if seconds > 0 else float("inf")


def file_bytes(*paths: Path) -> int:
    return sum(path.stat().st_size for path in paths if path.exists())


def db_files(directory: Path, name: str = DB_NAME) -> list[Path]:
    return [directory / name, directory / f"{name}-wal"]


def open_plain(path: Path) -> Connection:
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
    plain = open_plain(target)
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
        db_live = file_bytes(*db_files(vault_dir))
    finally:
        vault.close()
    db_closed = file_bytes(*db_files(vault_dir))
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
    plain_size = file_bytes(*db_files(work, plain_path.name))
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
    tag_list: str | None


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
            "interview_place = ?, language = ?, content = ?, updated_at = ?, tag_list = ? "
            "WHERE id = ?",
            (
                revision + 1,
                content.status.value,
                content.interview.date,
                content.interview.place,
                content.interview.language,
                edit.content_json,
                at,
                edit.tag_list,
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
    plain = open_plain(loaded.plain_path)
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
                records_repository.tag_list_of(content.tags),
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

        stats = profile(save_all)
        for edit in edits:  # the plaintext twin must keep the same content for the searches
            _plain_save(plain, edit, at)
        total = cumulative(stats, "save_testimony")
        parts = {
            "validated() of the new content": cumulative(stats, "validated"),
            "get_testimony (read + parse + check stored JSON)": cumulative(
                stats, "get_testimony", "records_repository"
            ),
            "update_testimony (revision + update + tags)": cumulative(stats, "update_testimony"),
            "_searchable_text (normalise)": cumulative(stats, "_searchable_text"),
            "search_index.put (FTS5 delete + insert)": cumulative(stats, "put", "search_index"),
            "audit_log.append": cumulative(stats, "append", "audit_log"),
            "BEGIN + COMMIT (WAL write, encryption, fsync)": callee_from(
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
