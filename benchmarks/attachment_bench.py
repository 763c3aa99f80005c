"""Attachment benchmark (issue 3): `attach` and `read_attachment` of a large file, MB/s and memory.

Each measurement runs in a fresh process (a small launcher in between, see `_LAUNCHER`), so
that its peak memory is its own: the vault, a plain file copy with fsync, and the attachment
store's statements on plain SQLite (sqlcipher3 without a key), interleaved round by round.
All data is random bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Row, Section, callee_from, cumulative, median, profile
from benchmarks.records_bench import (
    MIB,
    PASSPHRASE,
    Config,
    db_files,
    file_bytes,
    mb_s,
    open_plain,
)
from testimony_app.domain.records import TestimonyContent
from testimony_app.services.records import RecordService
from testimony_app.vault import Vault

ATTACHMENT_GOAL_MB_S = 100.0


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
        "vault_bytes": file_bytes(*db_files(directory / "vault")),
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

        write = profile(run_attach)
        read = profile(lambda: sum(len(chunk) for chunk in service.read_attachment(holder[0])))
    finally:
        vault.close()
    return {
        "write_total": cumulative(write, "attach", "services"),
        "write_inserts": callee_from(write, "execute", "ingest"),
        "write_commit": callee_from(write, "execute", "transaction"),
        "write_hash": callee_from(write, "update", "ingest"),
        "write_source": callee_from(write, "read", "ingest"),
        "read_total": cumulative(read, "read_chunks"),
        "read_selects": callee_from(read, "execute", "read_chunks")
        + callee_from(read, "fetchone", "read_chunks"),
        "read_hash": callee_from(read, "update", "read_chunks"),
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
    connection = open_plain(directory / "plain-chunks.db")
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
    child = [sys.executable, "-m", "benchmarks.attachment_bench", "attachment-child", kind]
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
    breakdown = _run_child("vault-profile", profile_dir, source)
    shutil.rmtree(profile_dir)

    def seconds(kind: str, key: str) -> float:
        return median([result[key] for result in results[kind]])

    def spread(kind: str, key: str) -> str:
        rates = sorted(mb_s(size, result[key]) for result in results[kind])
        return (
            f"{mb_s(size, seconds(kind, key)):,.0f} MB/s ({', '.join(f'{r:,.0f}' for r in rates)})"
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
        return f"{100 * breakdown[part] / breakdown[whole]:.0f}%" if breakdown[whole] else "n/a"

    section.note(
        f"profile of one more vault round (cProfile): attach {breakdown['write_total']:.2f} s = "
        f"chunk INSERTs (SQLCipher encrypting and writing pages to the WAL as the cache "
        f"spills) {share('write_inserts', 'write_total')}, COMMIT (last pages, fsync, "
        f"checkpoint into vault.db, fsync) {share('write_commit', 'write_total')}, SHA-256 "
        f"{share('write_hash', 'write_total')}, reading the source "
        f"{share('write_source', 'write_total')}; read_attachment "
        f"{breakdown['read_total']:.2f} s = chunk SELECTs (page reads, decryption, HMAC "
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
        f"{name} {'met' if mb_s(size, value) >= ATTACHMENT_GOAL_MB_S else 'MISSED'}"
        for name, value in (("ingest", v_in), ("read", v_out))
    ]
    section.note(f"goal >= {ATTACHMENT_GOAL_MB_S:.0f} MB/s each way: {', '.join(verdict)}")
    mib = config.attachment_mib
    rounds = config.attachment_rounds
    section.rows.extend(
        [
            Row(
                f"attach {mib} MiB, {mb_s(size, v_in):,.0f} MB/s (median of {rounds})",
                v_in,
                "plain file copy + fsync",
                f_in,
            ),
            Row("  same chunk statements, plain SQLite", s_in, "plain file copy + fsync", f_in),
            Row(
                f"read_attachment {mib} MiB, {mb_s(size, v_out):,.0f} MB/s (median of {rounds})",
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
            f"usage: attachment_bench attachment-child {'|'.join(_CHILDREN)} DIR SOURCE",
            file=sys.stderr,
        )
        return 2
    print(json.dumps(_CHILDREN[argv[1]](Path(argv[2]), Path(argv[3]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(_child_main(sys.argv[1:]))
