"""A long recording goes into a bundle and out again in bounded memory: the stages of the writer
and the reader hand pieces to each other through bounded queues, whatever the file's size.
The default suite sends 48 MiB; the slow one (`-m slow`) 400 MiB."""

from __future__ import annotations

import io
import threading
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

from testimony_app.bundle.keys import read_identity_file, write_identity_file
from testimony_app.domain.records import Status
from testimony_app.services.bundles import BundleService
from testimony_app.services.export import ExportRequest, ExportService
from testimony_app.services.records import RecordService
from tests.media import builders as b
from tests.media.test_streaming import GeneratedMp3
from tests.services.sample_records import as_bytes, full_record

MIB = 1024 * 1024
PEAK_LIMIT = 32 * MIB  # Python allocations at the peak, whatever the recording's size


def _frames_for(mib: int) -> int:
    eight = sum(len(frame) for frame in b.mp3_frames(8))
    return mib * MIB // eight * 8


def _peak_of(work: object) -> int:
    tracemalloc.start()
    try:
        work()  # type: ignore[operator]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def _round_trip(tmp_path: Path, records: RecordService, mib: int) -> None:
    testimony_id = records.import_records(as_bytes(full_record()))[0].testimony_id
    testimony = records.get_testimony(testimony_id)
    records.save_testimony(testimony_id, replace(testimony.content, status=Status.REVIEWED))
    frames = _frames_for(mib)
    records.attach(
        testimony_id,
        io.BufferedReader(GeneratedMp3(frames)),
        file_name="interview.mp3",
        media_type="audio/mpeg",
    )
    key = tmp_path / "editor.key"
    public = write_identity_file(key)
    out = tmp_path / "long.tbundle"
    written: list[object] = []

    def export() -> None:
        written.extend(ExportService(records).export(ExportRequest([testimony_id], [public], out)))

    export_peak = _peak_of(export)
    assert out.stat().st_size > mib * MIB  # the whole recording is in it
    opened: list[object] = []

    def verify() -> None:
        opened.append(BundleService(records).verify(out, read_identity_file(key)))

    verify_peak = _peak_of(verify)
    [bundle] = opened
    sizes = [m.size for m in bundle.manifest.members if m.path.endswith(".mp3")]  # type: ignore[attr-defined]
    assert sizes == [sum(len(f) for f in b.mp3_frames(8)) * frames // 8]
    assert export_peak < PEAK_LIMIT, f"export peak {export_peak / MIB:.1f} MiB"
    assert verify_peak < PEAK_LIMIT, f"verify peak {verify_peak / MIB:.1f} MiB"
    assert not [t for t in threading.enumerate() if t.name.startswith("bundle-")]


def test_a_long_recording_goes_through_a_bundle_in_bounded_memory(
    tmp_path: Path, records: RecordService
) -> None:
    _round_trip(tmp_path, records, 48)


@pytest.mark.slow
def test_a_400_mib_recording_goes_through_a_bundle_in_bounded_memory(
    tmp_path: Path, records: RecordService
) -> None:
    _round_trip(tmp_path, records, 400)
