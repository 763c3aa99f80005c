"""KDF parameters: the floor holds, absurd values are refused before Argon2id runs."""

from __future__ import annotations

import os

import pytest

from testimony_app.errors import KdfParametersRejected
from testimony_app.vault import kdf
from testimony_app.vault.kdf import KdfParams

SALT = os.urandom(16)


@pytest.fixture
def argon2_must_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("Argon2id ran on parameters that should have been refused")

    monkeypatch.setattr(kdf, "Argon2id", refuse)


@pytest.mark.parametrize(
    "params",
    [
        KdfParams(SALT, memory_kib=4 * 1024 * 1024),  # 4 GiB
        KdfParams(SALT, iterations=1000),
        KdfParams(SALT, memory_kib=32 * 1024),  # below the 64 MiB floor
        KdfParams(SALT, iterations=2),
        KdfParams(SALT, lanes=1),
        KdfParams(SALT, lanes=64),
        KdfParams(b"short", memory_kib=64 * 1024),
        KdfParams(os.urandom(65)),
        KdfParams(SALT, memory_kib=2 * 1024 * 1024, iterations=64),  # total work too high
    ],
    ids=["4GiB", "t1000", "m-below-floor", "t-below-floor", "p1", "p64", "salt5", "salt65", "work"],
)
def test_out_of_bounds_parameters_are_refused_before_deriving(
    params: KdfParams, argon2_must_not_run: None
) -> None:
    with pytest.raises(KdfParametersRejected):
        kdf.derive(b"secret", params)


def test_floor_derives_a_32_byte_key_deterministically() -> None:
    params = KdfParams(SALT)
    first = kdf.derive(b"secret", params)
    assert len(first) == 32
    assert first == kdf.derive(b"secret", params)
    assert first != kdf.derive(b"Secret", params)


def test_calibration_never_goes_below_the_floor() -> None:
    floor = kdf.calibrate(None)
    assert (floor.memory_kib, floor.iterations, floor.lanes) == (64 * 1024, 3, 4)
    tuned = kdf.calibrate(0.3)
    kdf.check_bounds(tuned)
    assert tuned.memory_kib >= kdf.MIN_MEMORY_KIB
    assert tuned.iterations >= kdf.MIN_ITERATIONS
    assert tuned.lanes >= kdf.MIN_LANES
    assert tuned.memory_kib <= kdf.CALIBRATION_MEMORY_CAP_KIB


def test_parallel_derivations_finish() -> None:
    # Two threads deriving at once deadlocked inside cryptography 50; the module lock
    # serialises them. A hang here would hit the test timeout rather than pass.
    import threading

    results: list[bytearray] = []
    threads = [
        threading.Thread(target=lambda: results.append(kdf.derive(b"x", KdfParams(SALT))))
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 3 and all(result == results[0] for result in results)
