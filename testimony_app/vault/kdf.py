"""Argon2id key derivation for key slots: bounds, calibration, and one derivation at a time.

Parameters read from a key slot file come from disk and are checked against hard bounds
before the KDF runs, so a damaged or hostile file cannot make the app allocate gigabytes or
spin for hours. Derivations are serialised by a process-wide lock: with `cryptography` 50,
two Argon2id derivations running in parallel threads were seen to deadlock, and running them
one after another is what the memory budget wants anyway.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, replace

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from testimony_app.errors import KdfParametersRejected

KEY_LENGTH = 32

# RFC 9106, second recommended option, is the floor: never below it.
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
MIN_LANES = 4
# Ceilings: a slot file asking for more is refused unread.
MAX_MEMORY_KIB = 2 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 16
MAX_WORK_KIB_PASSES = 16 * 1024 * 1024  # memory x iterations, ~ a minute on a slow laptop
MIN_SALT = 16
MAX_SALT = 64
# Calibration never takes more than this much memory, nor more than 1/8 of the machine's RAM.
CALIBRATION_MEMORY_CAP_KIB = 512 * 1024

_derive_lock = threading.Lock()


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = MIN_ITERATIONS
    lanes: int = MIN_LANES

    @classmethod
    def floor(cls) -> KdfParams:
        return cls(salt=os.urandom(MIN_SALT))

    def with_new_salt(self) -> KdfParams:
        return replace(self, salt=os.urandom(MIN_SALT))


def physical_memory_kib() -> int | None:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 1024
    except (ValueError, OSError, AttributeError):
        return None


def check_bounds(params: KdfParams) -> None:
    """Refuse parameters that are weaker than the floor or absurdly expensive."""
    ok = (
        MIN_MEMORY_KIB <= params.memory_kib <= MAX_MEMORY_KIB
        and MIN_ITERATIONS <= params.iterations <= MAX_ITERATIONS
        and MIN_LANES <= params.lanes <= MAX_LANES
        and params.memory_kib * params.iterations <= MAX_WORK_KIB_PASSES
        and MIN_SALT <= len(params.salt) <= MAX_SALT
        and params.memory_kib >= 8 * params.lanes
    )
    if not ok:
        raise KdfParametersRejected()
    ram = physical_memory_kib()
    if ram is not None and params.memory_kib > ram // 2:
        raise KdfParametersRejected("key derivation would need more memory than this machine has")


def derive(secret: bytes, params: KdfParams) -> bytearray:
    """Argon2id(secret) under `params`, checked first. Returns a mutable buffer to wipe."""
    check_bounds(params)
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    with _derive_lock:
        return bytearray(kdf.derive(secret))


def _time_floor_run(memory_kib: int) -> float:
    params = KdfParams(salt=os.urandom(MIN_SALT), memory_kib=memory_kib)
    started = time.perf_counter()
    derive(b"calibration", params)
    return time.perf_counter() - started


def calibrate(target_seconds: float | None) -> KdfParams:
    """Parameters that take about `target_seconds` here; the floor if None or too small.

    Memory is raised first (doubling, the cost that hurts attackers most), up to a cap that
    leaves room on a small laptop; passes then make up the rest of the time budget. The final
    size is timed twice and the faster run kept, because a single timing on a busy laptop is
    noisy, and the number of passes is rounded to the nearest rather than down.
    """
    if not target_seconds or target_seconds <= 0:
        return KdfParams.floor()
    ram = physical_memory_kib()
    memory_cap = CALIBRATION_MEMORY_CAP_KIB
    if ram is not None:
        memory_cap = min(memory_cap, ram // 8)
    memory_kib = MIN_MEMORY_KIB
    elapsed = _time_floor_run(memory_kib)
    while elapsed * 2 <= target_seconds and memory_kib * 2 <= memory_cap:
        memory_kib *= 2
        elapsed = _time_floor_run(memory_kib)
    elapsed = min(elapsed, _time_floor_run(memory_kib))
    iterations = MIN_ITERATIONS
    if 0 < elapsed < target_seconds:
        iterations = round(MIN_ITERATIONS * target_seconds / elapsed)
    ceiling = min(MAX_ITERATIONS, MAX_WORK_KIB_PASSES // memory_kib)
    iterations = max(MIN_ITERATIONS, min(iterations, ceiling))
    params = KdfParams(salt=os.urandom(MIN_SALT), memory_kib=memory_kib, iterations=iterations)
    check_bounds(params)
    return params
