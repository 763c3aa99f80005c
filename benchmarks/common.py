"""Shared benchmark helpers: timing, statistics, the machine, and the result table.

Benchmarks print numbers and ratios against a baseline measured in the same run; nothing here
asserts a wall-clock time.
"""

from __future__ import annotations

import cProfile
import math
import os
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def timed(action: Callable[[], object]) -> float:
    """Seconds taken by one call of `action`."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median(samples: Sequence[float]) -> float:
    return float(statistics.median(samples))


def p95(samples: Sequence[float]) -> float:
    """95th percentile by nearest rank (an observed sample, never an interpolation)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def format_seconds(seconds: float) -> str:
    if seconds >= 1.0:
        return f"{seconds:.3f} s"
    if seconds >= 0.001:
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds * 1_000_000:.0f} us"


def format_ratio(value: float, baseline: float) -> str:
    if baseline <= 0:
        return "n/a"
    return f"{value / baseline:.1f}x"


def spread(samples: Sequence[float]) -> str:
    """p50 / p95 / max of some timings, for a detail line."""
    return (
        f"p50 {format_seconds(median(samples))}, p95 {format_seconds(p95(samples))}, "
        f"max {format_seconds(max(samples))}"
    )


# --- profiles --------------------------------------------------------------------------------


def profile(action: Callable[[], object]) -> pstats.Stats:
    """cProfile of one call of `action` (not part of any figure: cProfile inflates Python)."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        action()
    finally:
        profiler.disable()
    return pstats.Stats(profiler)


def _entries(stats: pstats.Stats) -> dict[tuple[str, int, str], Any]:
    return stats.stats  # type: ignore[attr-defined]


def cumulative(stats: pstats.Stats, function: str, file_hint: str = "") -> float:
    """Cumulative seconds of every profiled function named `function` in a matching file."""
    return sum(
        value[3]
        for (file_name, _line, name), value in _entries(stats).items()
        if name == function and file_hint in file_name
    )


def callee_from(stats: pstats.Stats, callee: str, caller: str) -> float:
    """Seconds spent in `callee` (e.g. "execute") when called directly from `caller`."""
    total = 0.0
    for (_file, _line, name), value in _entries(stats).items():
        if callee not in name:
            continue
        for (_cfile, _cline, caller_name), caller_value in value[4].items():
            if caller_name == caller:
                total += caller_value[3]
    return total


def top_functions(stats: pstats.Stats, count: int = 8) -> str:
    """The functions with the most own time, as "name (file) share" for a detail line."""
    entries = _entries(stats)
    total = sum(value[2] for value in entries.values()) or 1.0
    ranked = sorted(entries.items(), key=lambda item: item[1][2], reverse=True)[:count]
    parts = []
    for (file_name, line, name), value in ranked:
        where = Path(file_name).name if file_name != "~" else "builtin"
        where = f"{where}:{line}" if line else where
        parts.append(f"{name} ({where}) {100 * value[2] / total:.0f}%")
    return ", ".join(parts)


@dataclass(frozen=True)
class Row:
    """One line of the final table: a measurement and the baseline it is compared with."""

    name: str
    seconds: float
    baseline_name: str = ""
    baseline_seconds: float | None = None


@dataclass
class Section:
    """What one benchmark produced: table rows and free-form detail lines."""

    title: str
    rows: list[Row] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def note(self, line: str) -> None:
        """Record a detail line and print it at once, so long runs show progress."""
        self.details.append(line)
        print(f"  {line}", flush=True)


def render_table(rows: Sequence[Row]) -> str:
    header = ("Measurement", "Value", "Baseline (same run)", "Baseline", "Ratio")
    lines = [
        (
            row.name,
            format_seconds(row.seconds),
            row.baseline_name or "-",
            "-" if row.baseline_seconds is None else format_seconds(row.baseline_seconds),
            "-"
            if row.baseline_seconds is None
            else format_ratio(row.seconds, row.baseline_seconds),
        )
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]
    right = {1, 3, 4}

    def fmt(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([fmt(header), rule, *(fmt(cells) for cells in lines)])


# --- the machine ---------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> str:
    try:
        return f"{os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.1f} GiB"
    except (ValueError, OSError, AttributeError):
        return "unknown"


def _filesystem_of(path: Path) -> str:
    """Filesystem type of the mount holding `path` (Linux only; 'unknown' elsewhere)."""
    try:
        with open("/proc/mounts", encoding="utf-8") as handle:
            mounts = [line.split()[1:3] for line in handle if len(line.split()) >= 3]
    except OSError:
        return "unknown"
    resolved = str(path.resolve())
    best, kind = "", "unknown"
    for mount_point, fs_type in mounts:
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, kind = mount_point, fs_type
    return kind


def machine_info(work_dir: Path) -> list[tuple[str, str]]:
    import sqlite3

    import cryptography
    import sqlcipher3
    from cryptography.hazmat.backends.openssl import backend

    probe = sqlcipher3.connect(":memory:")
    try:
        cipher_version = probe.execute("PRAGMA cipher_version").fetchone()[0]
        sqlcipher_sqlite = probe.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        probe.close()
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    cpus = str(os.cpu_count()) + ("" if affinity is None else f" (usable: {affinity})")
    return [
        ("CPU", _cpu_model()),
        ("nproc", cpus),
        ("RAM", _ram_gib()),
        ("OS", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", sys.version.split()[0] + f" ({platform.python_implementation()})"),
        ("SQLCipher", f"{cipher_version} (SQLite {sqlcipher_sqlite})"),
        ("stdlib sqlite3", f"SQLite {sqlite3.sqlite_version}"),
        ("cryptography", f"{cryptography.__version__} ({backend.openssl_version_text()})"),
        ("work dir filesystem", _filesystem_of(work_dir)),
    ]
