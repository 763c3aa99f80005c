"""Key slots: the vault's master key wrapped under a passphrase and under a recovery code.

Two copies are kept (`keyslots` and `keyslots.bak`), each a small JSON document with a format
tag, an epoch that grows with every rewrite, and a SHA-256 checksum over its canonical form.
On reading, the valid copy with the higher epoch wins and the other is repaired after a
successful unlock. Rewrites go to the primary first, then the backup, each atomically; a crash
between the two leaves one copy a step ahead, which then wins, so exactly one generation of
passphrase works at any moment.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from testimony_app.errors import CorruptionReason, VaultCorrupted, VaultNotFound, WrongPassphrase
from testimony_app.vault import fsutil
from testimony_app.vault.kdf import KdfParams, derive
from testimony_app.vault.subkeys import MASTER_KEY_BYTES, wipe

FORMAT = "testimony-keyslots/1"
PRIMARY_NAME = "keyslots"
BACKUP_NAME = "keyslots.bak"
COPY_NAMES = (PRIMARY_NAME, BACKUP_NAME)
MAX_FILE_BYTES = 64 * 1024
NONCE_BYTES = 12
WRAPPED_BYTES = MASTER_KEY_BYTES + 16
CIPHER = "aes-256-gcm"
KDF_NAME = "argon2id"
KDF_VERSION = 19  # Argon2 v1.3
MAX_EPOCH = 2**53


class SlotKind(enum.Enum):
    PASSPHRASE = "passphrase"
    RECOVERY = "recovery"


@dataclass(frozen=True)
class KeySlot:
    kind: SlotKind
    kdf: KdfParams
    nonce: bytes
    wrapped_key: bytes


@dataclass(frozen=True)
class KeySlots:
    vault_id: str
    epoch: int
    slots: tuple[KeySlot, ...]

    def slot(self, kind: SlotKind) -> KeySlot | None:
        return next((slot for slot in self.slots if slot.kind is kind), None)

    def with_slot(self, new_slot: KeySlot) -> KeySlots:
        others = tuple(slot for slot in self.slots if slot.kind is not new_slot.kind)
        ordered = sorted((*others, new_slot), key=lambda slot: list(SlotKind).index(slot.kind))
        return replace(self, slots=tuple(ordered))

    def next_generation(self, *new_slots: KeySlot) -> KeySlots:
        result = replace(self, epoch=self.epoch + 1)
        for slot in new_slots:
            result = result.with_slot(slot)
        return result


class _DamagedCopy(Exception):
    """A slot copy that is missing a piece, malformed, or fails its checksum."""


# --- wrapping ---------------------------------------------------------------------------


def _kdf_json(params: KdfParams) -> dict[str, Any]:
    return {
        "algorithm": KDF_NAME,
        "version": KDF_VERSION,
        "salt": _b64(params.salt),
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
    }


def _associated_data(vault_id: str, kind: SlotKind, params: KdfParams) -> bytes:
    header = {"format": FORMAT, "vault_id": vault_id, "kind": kind.value, "kdf": _kdf_json(params)}
    return _canonical(header)


def wrap(
    master_key: bytes | bytearray,
    *,
    vault_id: str,
    kind: SlotKind,
    secret: bytes,
    params: KdfParams,
) -> KeySlot:
    """Wrap the master key under a key derived from `secret` (passphrase or recovery code)."""
    kek = derive(secret, params)
    try:
        nonce = os.urandom(NONCE_BYTES)
        aad = _associated_data(vault_id, kind, params)
        wrapped = AESGCM(bytes(kek)).encrypt(nonce, bytes(master_key), aad)
    finally:
        wipe(kek)
    return KeySlot(kind=kind, kdf=params, nonce=nonce, wrapped_key=wrapped)


def unwrap(slots: KeySlots, kind: SlotKind, secret: bytes) -> bytearray:
    """The master key, or WrongPassphrase. KDF parameters are bounds-checked first."""
    slot = slots.slot(kind)
    if slot is None:
        raise WrongPassphrase()
    kek = derive(secret, slot.kdf)
    try:
        aad = _associated_data(slots.vault_id, kind, slot.kdf)
        master = bytearray(AESGCM(bytes(kek)).decrypt(slot.nonce, slot.wrapped_key, aad))
    except InvalidTag:
        raise WrongPassphrase() from None
    finally:
        wipe(kek)
    if len(master) != MASTER_KEY_BYTES:
        wipe(master)
        raise WrongPassphrase()
    return master


# --- serialisation ----------------------------------------------------------------------


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _body(slots: KeySlots) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "vault_id": slots.vault_id,
        "epoch": slots.epoch,
        "slots": [
            {
                "kind": slot.kind.value,
                "kdf": _kdf_json(slot.kdf),
                "cipher": CIPHER,
                "nonce": _b64(slot.nonce),
                "wrapped_key": _b64(slot.wrapped_key),
            }
            for slot in slots.slots
        ],
    }


def serialise(slots: KeySlots) -> bytes:
    body = _body(slots)
    body["checksum"] = "sha256:" + hashlib.sha256(_canonical(body)).hexdigest()
    return json.dumps(body, sort_keys=True, indent=1).encode() + b"\n"


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DamagedCopy()
        result[key] = value
    return result


def _field(obj: Any, key: str, kind: type) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise _DamagedCopy()
    value = obj[key]
    if kind is int and isinstance(value, bool):
        raise _DamagedCopy()
    if not isinstance(value, kind):
        raise _DamagedCopy()
    return value


def _exact_keys(obj: dict[str, Any], keys: set[str]) -> None:
    if set(obj) != keys:
        raise _DamagedCopy()


def _decode_b64(text: str, length: int | None = None) -> bytes:
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise _DamagedCopy() from None
    if length is not None and len(data) != length:
        raise _DamagedCopy()
    return data


def _parse_kdf(obj: Any) -> KdfParams:
    if not isinstance(obj, dict):
        raise _DamagedCopy()
    _exact_keys(obj, {"algorithm", "version", "salt", "memory_kib", "iterations", "lanes"})
    if _field(obj, "algorithm", str) != KDF_NAME or _field(obj, "version", int) != KDF_VERSION:
        raise _DamagedCopy()
    # Magnitudes are not judged here: kdf.check_bounds refuses them before deriving.
    return KdfParams(
        salt=_decode_b64(_field(obj, "salt", str)),
        memory_kib=_field(obj, "memory_kib", int),
        iterations=_field(obj, "iterations", int),
        lanes=_field(obj, "lanes", int),
    )


def _parse_slot(obj: Any) -> KeySlot:
    if not isinstance(obj, dict):
        raise _DamagedCopy()
    _exact_keys(obj, {"kind", "kdf", "cipher", "nonce", "wrapped_key"})
    try:
        kind = SlotKind(_field(obj, "kind", str))
    except ValueError:
        raise _DamagedCopy() from None
    if _field(obj, "cipher", str) != CIPHER:
        raise _DamagedCopy()
    return KeySlot(
        kind=kind,
        kdf=_parse_kdf(obj["kdf"]),
        nonce=_decode_b64(_field(obj, "nonce", str), NONCE_BYTES),
        wrapped_key=_decode_b64(_field(obj, "wrapped_key", str), WRAPPED_BYTES),
    )


def parse(data: bytes) -> KeySlots:
    """Parse one copy; raises _DamagedCopy for anything but a well-formed, checksummed file."""
    if len(data) > MAX_FILE_BYTES:
        raise _DamagedCopy()
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_reject_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _DamagedCopy() from None
    if not isinstance(document, dict):
        raise _DamagedCopy()
    _exact_keys(document, {"format", "vault_id", "epoch", "slots", "checksum"})
    checksum = _field(document, "checksum", str)
    body = {key: value for key, value in document.items() if key != "checksum"}
    expected = "sha256:" + hashlib.sha256(_canonical(body)).hexdigest()
    if not hmac.compare_digest(checksum.encode("ascii", "replace"), expected.encode("ascii")):
        raise _DamagedCopy()
    if _field(document, "format", str) != FORMAT:
        raise _DamagedCopy()
    vault_id = _field(document, "vault_id", str)
    if len(vault_id) != 32 or any(c not in "0123456789abcdef" for c in vault_id):
        raise _DamagedCopy()
    epoch = _field(document, "epoch", int)
    if not 0 < epoch < MAX_EPOCH:
        raise _DamagedCopy()
    raw_slots = _field(document, "slots", list)
    slots = tuple(_parse_slot(item) for item in raw_slots)
    kinds = [slot.kind for slot in slots]
    if len(set(kinds)) != len(kinds) or SlotKind.PASSPHRASE not in kinds:
        raise _DamagedCopy()
    return KeySlots(vault_id=vault_id, epoch=epoch, slots=slots)


# --- the two copies on disk -------------------------------------------------------------


@dataclass(frozen=True)
class LoadedSlots:
    slots: KeySlots
    needs_repair: bool


def _read_copy(path: Path) -> KeySlots | None:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        return None
    try:
        return parse(data)
    except _DamagedCopy:
        return None


def temporary_copies(directory: Path) -> list[Path]:
    """Half-written copies left by an interrupted atomic write (they hold wrapped keys too)."""
    return [
        path
        for name in COPY_NAMES
        for path in directory.glob(f".{name}{fsutil.TEMP_MARKER}*")
        if path.is_file() and not path.is_symlink()
    ]


def any_copy_exists(directory: Path) -> bool:
    return any((directory / name).exists() for name in COPY_NAMES)


def load(directory: Path) -> LoadedSlots:
    """The current generation of slots, and whether the other copy must be rewritten."""
    copies = [_read_copy(directory / name) for name in COPY_NAMES]
    valid = [copy for copy in copies if copy is not None]
    if not valid:
        if not any_copy_exists(directory):
            raise VaultNotFound()
        raise VaultCorrupted(CorruptionReason.SLOTS_DAMAGED)
    newest = max(valid, key=lambda copy: copy.epoch)
    same_epoch = [copy for copy in valid if copy.epoch == newest.epoch]
    if any(serialise(copy) != serialise(newest) for copy in same_epoch):
        raise VaultCorrupted(CorruptionReason.SLOTS_CONFLICT)
    needs_repair = len(same_epoch) != len(COPY_NAMES)
    return LoadedSlots(slots=newest, needs_repair=needs_repair)


def store(directory: Path, slots: KeySlots) -> None:
    """Write both copies, primary first; each write is atomic and durable."""
    data = serialise(slots)
    for name in COPY_NAMES:
        fsutil.atomic_write(directory / name, data)
