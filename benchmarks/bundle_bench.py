"""Bundle benchmark (issue 6): export and open, against `tar | age` and `age -d | tar x` on the
same files, in the same run.

A researcher's vault gets 1,000 synthetic testimonies (benchmarks/synthetic.py, consent to share,
marked reviewed) and attachments of about 1 GiB in all: interview recordings, MP3 with ID3 tags
around valid MPEG frames (the bulk of what researchers attach); a second, smaller set of
photos (JPEG, 12 megapixels, with EXIF) is measured apart, because a photo is decoded and
encoded anew and that has its own price. The attachments are stored through the app
(`RecordService.attach`), which also measures their cleaned form.

(a) Export: `ExportService.export` of all 1,000 testimonies to one editor, in a fresh child
process, so that its peak RSS (`ru_maxrss`) is the export's alone; the clock runs inside the
child around the call. Baseline: the same files as they are in the bundle (extracted from it
once, with the reference tools) turned into a bundle by `tar -c -C DIR . | age -r KEY -o F`.
(b) Verify and open: `BundleService.verify` (decrypt, check, keep nothing), `extract` (the
files into a folder) and `import_bundle` (into the editor's vault, one transaction), each in a
fresh child process; baseline `age -d -i KEY F | tar -x -C DIR`. Runs are interleaved with their
baselines. Where a ratio is below the goal (0.8x), cProfile shows where the time goes.

Standalone: `.venv/bin/python -m benchmarks.bundle_bench [--quick] [--mib N]`.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Row, Section, median, profile, render_table, top_functions
from benchmarks.synthetic import SyntheticTestimonies

PASSPHRASE = "bundle benchmark passphrase"
MIB = 1024 * 1024
GOAL_RATIO = 0.8
RSS_GOAL_MB = 200


# --- synthetic attachments -----------------------------------------------------------------------


def _mp3(size: int, rng: random.Random) -> bytes:
    """An MP3 of about `size` bytes: an ID3v2 tag, MPEG-1 Layer III frames, an ID3v1 tag."""
    header = bytes([0xFF, 0xFB, 0x90, 0x64])  # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding
    frame_size = 144 * 128000 // 44100  # 417 bytes
    body = rng.randbytes(frame_size - 4)
    count = max(1, size // frame_size)
    frames = (header + body) * count
    tag_body = b"TPE1" + (20).to_bytes(4, "big") + b"\0\0" + b"\x03" + b"Fictional Artist 01"
    id3 = b"ID3\x04\x00\x00" + bytes([0, 0, 0, len(tag_body) + 64]) + tag_body + b"\0" * 64
    return id3 + frames + b"TAG" + b"\0" * 125


def _jpeg(rng: random.Random) -> bytes:
    from PIL import Image

    image = Image.effect_noise((4000, 3000), 40).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "Fictional Camera Co"
    exif[0x0132] = "2025:03:07 10:00:00"
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def build_vault(work: Path, total_mib: int, photos: int, seed: int = 6) -> tuple[Path, list[str]]:
    from testimony_app.domain.records import Status
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault

    vault_dir = work / "researcher"
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf_seconds=None)
    records = RecordService(vault)
    generator = SyntheticTestimonies(seed)
    batch = []
    for record in generator.records(1000):
        record["consent"] = {"recorded": True, "share_with_editors": True}
        record["status"] = Status.REVIEWED.value
        batch.append(record)
    ids = [item.testimony_id for item in records.import_records(json.dumps(batch).encode())]
    rng = random.Random(seed)
    recordings = 64
    for number in range(recordings):
        data = _mp3(total_mib * MIB // recordings, rng)
        records.attach(
            ids[number * 7], io.BytesIO(data), file_name=f"rec{number}.mp3", media_type="audio/mpeg"
        )
    photo_ids = []
    for number in range(photos):
        data = _jpeg(rng)
        records.attach(
            ids[number * 3 + 1],
            io.BytesIO(data),
            file_name=f"p{number}.jpg",
            media_type="image/jpeg",
        )
        photo_ids.append(ids[number * 3 + 1])
    vault.close()
    return vault_dir, ids


# --- the child processes -------------------------------------------------------------------------


def _child(args: list[str]) -> dict[str, float]:
    """Run this module's `child` entry in a fresh process; its timing and peak RSS."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bundle_bench", "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def child_main(argv: list[str]) -> int:
    from testimony_app.bundle.keys import read_identity_file
    from testimony_app.services.bundles import BundleService
    from testimony_app.services.export import ExportRequest, ExportService
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault

    action, vault_dir, *rest = argv
    vault = Vault.unlock(Path(vault_dir), PASSPHRASE)
    records = RecordService(vault)
    # Unlocking ran Argon2id with 64 MiB: forget that peak, so what is reported is the work's.
    _reset_peak_rss()
    started = time.perf_counter()
    if action == "export":
        recipient, out, ids_file = rest
        ids = json.loads(Path(ids_file).read_text())
        request = ExportRequest(ids, [recipient], Path(out))
        ExportService(records).export(request)
    else:
        bundle, key = rest[0], read_identity_file(Path(rest[1]))
        service = BundleService(records)
        if action == "verify":
            service.verify(Path(bundle), key)
        elif action == "extract":
            service.extract(Path(bundle), key, Path(rest[2]))
        else:
            service.import_bundle(Path(bundle), key, trust=(rest[2], "bench"))
    seconds = time.perf_counter() - started
    vault.close()
    rss_mb = _peak_rss_mb()
    print(json.dumps({"seconds": seconds, "rss_mb": rss_mb}))
    return 0


def _reset_peak_rss() -> None:
    """Linux: writing 5 to clear_refs resets the peak resident set size (VmHWM)."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        pass


def _peak_rss_mb() -> float:
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _export_phases(vault_dir: Path, ids: list[str]) -> str:
    """The stages of an export (and of an import) timed one by one, in this process.

    The export overlaps them on four threads (vault, hashing and tar, pyrage, output file);
    alone, each shows what it costs and which one the others wait for.
    """
    import hashlib

    import pyrage

    from testimony_app.media import plan as media_plan
    from testimony_app.redaction.engine import Redactor
    from testimony_app.redaction.profiles import load_profile
    from testimony_app.services import attachment_cleaning
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault, attachment_store, bundle_repository, records_repository

    with Vault.unlock(vault_dir, PASSPHRASE) as vault:
        records = RecordService(vault)
        testimonies = [records.get_testimony(i) for i in ids]
        attachments = [a for i in ids for a in records.attachments(i)]
        with vault.reading() as connection:
            plans = []
            for info in attachments:
                known = bundle_repository.cleaned_digest(
                    connection, info.id, attachment_cleaning.CLEANER_VERSION
                )
                assert known is not None and known.plan
                plans.append(media_plan.decode(known.plan))
        started = time.perf_counter()
        redactor = Redactor(load_profile("editor"))
        for testimony in testimonies:
            with vault.reading() as connection:
                identity = records_repository.get_identity(connection, testimony.witness_id)
            redactor.redact_testimony(testimony.content, identity=identity)
        redaction = time.perf_counter() - started
        started = time.perf_counter()
        for info in attachments:
            for _ in attachment_store.read_chunks(vault, info.id, check_hash=False):
                pass
        reading = time.perf_counter() - started
        started = time.perf_counter()
        for info, plan in zip(attachments, plans, strict=True):
            assert plan is not None
            chunks = attachment_store.read_chunks(vault, info.id, check_hash=False)
            for _ in media_plan.follow(chunks, plan):
                pass
        following = time.perf_counter() - started
        cleaned_bytes = sum(a.size for a in attachments)
    data = bytes(cleaned_bytes)
    started = time.perf_counter()
    hashlib.sha256(data).hexdigest()
    hashing = time.perf_counter() - started
    recipient = pyrage.x25519.Identity.generate().to_public()
    started = time.perf_counter()
    pyrage.encrypt_io(io.BytesIO(data), io.BytesIO(), [recipient])
    encrypting = time.perf_counter() - started
    # The import's own cost: the same bytes written as chunks into a new vault, one transaction.
    with tempfile.TemporaryDirectory() as scratch:
        target, _ = Vault.create(Path(scratch) / "v", PASSPHRASE, kdf_seconds=None)
        chunk = data[: attachment_store.CHUNK_SIZE]
        started = time.perf_counter()
        with target.transaction() as connection:
            connection.execute("CREATE TABLE scratch (seq INTEGER PRIMARY KEY, data BLOB)")
            for seq in range(len(data) // len(chunk)):
                connection.execute("INSERT INTO scratch VALUES (?, ?)", (seq, chunk))
        writing = time.perf_counter() - started
        target.close()
    return (
        f"redaction of the testimonies {redaction:.2f} s; reading the attachments from the "
        f"vault (SQLCipher) {reading:.2f} s, and cut by their cleaning plans on the way "
        f"{following:.2f} s; one SHA-256 pass {hashing:.2f} s; age encryption of as "
        f"many bytes in memory (pyrage) {encrypting:.2f} s. For the import: SQLCipher "
        f"writing as many bytes in one transaction {writing:.2f} s"
    )


def _shell(command: str) -> float:
    started = time.perf_counter()
    subprocess.run(["bash", "-o", "pipefail", "-c", command], check=True)
    return time.perf_counter() - started


# --- the benchmark -----------------------------------------------------------------------------


def bench_bundles(work: Path, total_mib: int, runs: int, photos: int) -> Section:
    from testimony_app.bundle.keys import write_identity_file
    from testimony_app.services.keys import KeyService
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault

    section = Section("Bundles")
    if shutil.which("age") is None:
        section.note("Debian's age is not installed: skipped (make test installs it in CI)")
        return section
    started = time.perf_counter()
    vault_dir, ids = build_vault(work, total_mib, photos)
    section.note(
        f"vault: 1,000 testimonies, 64 recordings of {total_mib // 64} MiB (MP3, ID3 tags), "
        f"{photos} photos of 12 Mpx (JPEG with EXIF); "
        f"built in {time.perf_counter() - started:.1f} s"
    )
    key = work / "editor.key"
    public = write_identity_file(key)
    recording_ids = [i for n, i in enumerate(ids) if n % 7 == 0][:64]
    photo_ids = [ids[n * 3 + 1] for n in range(photos)]
    audio_ids = sorted(set(ids) - set(photo_ids))
    ids_file = work / "ids.json"
    ids_file.write_text(json.dumps(audio_ids))
    with Vault.unlock(vault_dir, PASSPHRASE) as vault:
        fingerprint = KeyService(RecordService(vault)).signing_identity().fingerprint
    bundle = work / "out.tbundle"

    # The same files as in the bundle, for the baselines.
    _child(["export", str(vault_dir), public, str(bundle), str(ids_file)])
    plain = work / "plain"
    plain.mkdir()
    _shell(f"age -d -i {key} {bundle} | tar -x -C {plain}")
    size = sum(p.stat().st_size for p in plain.rglob("*") if p.is_file())
    section.note(
        f"bundle: {len(recording_ids)} recordings and {len(audio_ids)} testimonies, "
        f"{size / MIB:.0f} MiB of files, {bundle.stat().st_size / MIB:.0f} MiB encrypted"
    )

    export_times, export_rss, tar_age = [], [], []
    verify_times, extract_times, import_times, rss_open, age_tar = [], [], [], [], []
    for run in range(runs):
        bundle.unlink(missing_ok=True)
        result = _child(["export", str(vault_dir), public, str(bundle), str(ids_file)])
        export_times.append(result["seconds"])
        export_rss.append(result["rss_mb"])
        tar_age.append(_shell(f"tar -c -C {plain} . | age -r {public} -o {work / 'base.age'}"))
        result = _child(["verify", str(vault_dir), str(bundle), str(key)])
        verify_times.append(result["seconds"])
        rss_open.append(result["rss_mb"])
        target = work / f"extract{run}"
        result = _child(["extract", str(vault_dir), str(bundle), str(key), str(target)])
        extract_times.append(result["seconds"])
        base_target = work / f"base{run}"
        base_target.mkdir()
        age_tar.append(_shell(f"age -d -i {key} {bundle} | tar -x -C {base_target}"))
        editor = work / f"editor{run}"
        editor_vault, _ = Vault.create(editor, PASSPHRASE, kdf_seconds=None)
        editor_vault.close()
        result = _child(["import", str(editor), str(bundle), str(key), fingerprint])
        import_times.append(result["seconds"])
        rss_open.append(result["rss_mb"])
        shutil.rmtree(target)
        shutil.rmtree(base_target)
        shutil.rmtree(editor)
    mib = size / MIB
    section.rows += [
        Row(
            f"export {mib:.0f} MiB, 1,000 testimonies",
            median(export_times),
            "tar -c | age -r, same files",
            median(tar_age),
        ),
        Row("verify (keep nothing)", median(verify_times), "age -d | tar -x", median(age_tar)),
        Row("extract into a folder", median(extract_times), "age -d | tar -x", median(age_tar)),
        Row(
            "import into the editor's vault",
            median(import_times),
            "age -d | tar -x",
            median(age_tar),
        ),
    ]
    for name, times, base in (
        ("export", export_times, tar_age),
        ("verify", verify_times, age_tar),
        ("extract", extract_times, age_tar),
        ("import", import_times, age_tar),
    ):
        ratio = median(base) / median(times)
        verdict = "met" if ratio >= GOAL_RATIO else "MISSED"
        section.note(
            f"{name}: {mib / median(times):.0f} MiB/s against {mib / median(base):.0f} MiB/s, "
            f"throughput ratio {ratio:.2f} (goal {GOAL_RATIO}): {verdict}"
        )
    section.note(
        f"peak RSS: export {max(export_rss):.0f} MB, verify/import {max(rss_open):.0f} MB "
        f"(goal under {RSS_GOAL_MB} MB for the export)"
    )

    section.note(
        "export phases, each alone on the same data: " + _export_phases(vault_dir, audio_ids)
    )
    # Where the export's time goes, in this process.
    if median(tar_age) / median(export_times) < GOAL_RATIO:
        from testimony_app.services.export import ExportRequest, ExportService

        with Vault.unlock(vault_dir, PASSPHRASE) as vault:
            records = RecordService(vault)
            out = work / "profiled.tbundle"
            stats = profile(
                lambda: ExportService(records).export(ExportRequest(audio_ids, [public], out))
            )
        section.note("export profile (own time): " + top_functions(stats, 8))

    if photo_ids:
        photo_file = work / "photos.json"
        photo_file.write_text(json.dumps(photo_ids))
        # Measured once since ingest: the photos' cleaned form is known, one pass again.
        result = _child(
            ["export", str(vault_dir), public, str(work / "photos.tbundle"), str(photo_file)]
        )
        section.note(
            f"photos: {len(photo_ids)} JPEGs of 12 Mpx exported in {result['seconds']:.2f} s "
            f"({result['seconds'] / len(photo_ids) * 1000:.0f} ms each: decoded, turned upright "
            f"and encoded anew without metadata), peak RSS {result['rss_mb']:.0f} MB"
        )
    return section


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="64 MiB, one run, 2 photos")
    parser.add_argument("--mib", type=int, default=None, help="MiB of recordings (default 1024)")
    parser.add_argument("--work-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    total = args.mib or (64 if args.quick else 1024)
    with tempfile.TemporaryDirectory(prefix="bundle-bench-", dir=args.work_dir) as temp:
        section = bench_bundles(Path(temp), total, 1 if args.quick else 3, 2 if args.quick else 8)
    print()
    print(render_table(section.rows))
    return 0


if __name__ == "__main__":
    os.umask(0o077)
    raise SystemExit(main())
