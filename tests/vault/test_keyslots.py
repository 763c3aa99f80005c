"""The key slot file format: checksummed, strict, two copies, the newer generation wins."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from testimony_app.errors import CorruptionReason, VaultCorrupted, VaultNotFound, WrongPassphrase
from testimony_app.vault import keyslots
from testimony_app.vault.kdf import KdfParams
from testimony_app.vault.keyslots import KeySlots, SlotKind

MASTER = os.urandom(32)
VAULT_ID = "0123456789abcdef0123456789abcdef"


def make_slots(epoch: int = 1, secret: bytes = b"passphrase") -> KeySlots:
    slot = keyslots.wrap(
        MASTER, vault_id=VAULT_ID, kind=SlotKind.PASSPHRASE, secret=secret, params=KdfParams.floor()
    )
    return KeySlots(vault_id=VAULT_ID, epoch=epoch, slots=(slot,))


def rewrite(data: bytes, change: object) -> bytes:
    """Apply `change` to the parsed document and recompute a valid checksum."""
    document = json.loads(data)
    change(document)  # type: ignore[operator]
    document.pop("checksum")
    body = keyslots._canonical(document)
    import hashlib

    document["checksum"] = "sha256:" + hashlib.sha256(body).hexdigest()
    return json.dumps(document).encode()


def test_round_trip_and_unwrap() -> None:
    slots = make_slots()
    parsed = keyslots.parse(keyslots.serialise(slots))
    assert parsed == slots
    assert bytes(keyslots.unwrap(parsed, SlotKind.PASSPHRASE, b"passphrase")) == MASTER
    with pytest.raises(WrongPassphrase):
        keyslots.unwrap(parsed, SlotKind.PASSPHRASE, b"Passphrase")
    with pytest.raises(WrongPassphrase):
        keyslots.unwrap(parsed, SlotKind.RECOVERY, b"passphrase")


def test_any_flipped_byte_is_detected() -> None:
    data = bytearray(keyslots.serialise(make_slots()))
    for index in range(0, len(data), 7):
        damaged = bytearray(data)
        damaged[index] ^= 0x01
        with pytest.raises(keyslots._DamagedCopy):
            keyslots.parse(bytes(damaged))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(extra=1),
        lambda d: d.update(epoch="1"),
        lambda d: d.update(epoch=True),
        lambda d: d.update(epoch=0),
        lambda d: d.update(format="testimony-keyslots/9"),
        lambda d: d.update(vault_id="../../etc"),
        lambda d: d.update(slots=[]),
        lambda d: d["slots"][0].update(cipher="none"),
        lambda d: d["slots"][0].update(nonce="AAAA"),
        lambda d: d["slots"][0]["kdf"].update(algorithm="pbkdf2"),
        lambda d: d["slots"].append(d["slots"][0]),
    ],
)
def test_malformed_documents_are_damaged_even_with_a_valid_checksum(change: object) -> None:
    data = rewrite(keyslots.serialise(make_slots()), change)
    with pytest.raises(keyslots._DamagedCopy):
        keyslots.parse(data)


def test_duplicate_keys_and_garbage_are_damaged() -> None:
    for data in [b'{"epoch": 1, "epoch": 2}', b"\xff\xfe", b"[]", b"{" * 100_000, b"x" * 70_000]:
        with pytest.raises(keyslots._DamagedCopy):
            keyslots.parse(data)


def test_binding_a_slot_to_another_vault_fails_the_unwrap() -> None:
    data = rewrite(keyslots.serialise(make_slots()), lambda d: d.update(vault_id="f" * 32))
    with pytest.raises(WrongPassphrase):
        keyslots.unwrap(keyslots.parse(data), SlotKind.PASSPHRASE, b"passphrase")


def test_load_prefers_the_newer_generation_and_asks_for_repair(tmp_path: Path) -> None:
    (tmp_path / "keyslots").write_bytes(keyslots.serialise(make_slots(epoch=2)))
    (tmp_path / "keyslots.bak").write_bytes(keyslots.serialise(make_slots(epoch=1)))
    loaded = keyslots.load(tmp_path)
    assert loaded.slots.epoch == 2 and loaded.needs_repair
    keyslots.store(tmp_path, loaded.slots)
    assert not keyslots.load(tmp_path).needs_repair


def test_load_refuses_two_different_copies_of_one_generation(tmp_path: Path) -> None:
    (tmp_path / "keyslots").write_bytes(keyslots.serialise(make_slots(epoch=3)))
    (tmp_path / "keyslots.bak").write_bytes(keyslots.serialise(make_slots(epoch=3)))
    with pytest.raises(VaultCorrupted) as caught:
        keyslots.load(tmp_path)
    assert caught.value.reason is CorruptionReason.SLOTS_CONFLICT


def test_load_without_any_copy_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        keyslots.load(tmp_path)
