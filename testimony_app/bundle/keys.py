"""Keys of bundles: the sender's Ed25519 signing key, editors' age X25519 identities, fingerprints.

A fingerprint is what two people compare aloud over a phone before trusting a key: the first
100 bits of a SHA-256 over the key, in Crockford base32 (no I, L, O, U to mishear), in five
groups of four ("7KQ3 M2XD P9TA 4WQE 1ZRC").
"""

from __future__ import annotations

import datetime
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import IdentityError, RecipientError, x25519

from testimony_app.domain import crockford
from testimony_app.errors import AppError
from testimony_app.vault import fsutil

MAX_IDENTITY_FILE_BYTES = 64 * 1024
_FINGERPRINT_LABEL = b"testimony-app/v1/key-fingerprint\0"
AGE_SECRET_PREFIX = "AGE-SECRET-KEY-1"


class KeyError_(AppError):
    default_message = "the key is not valid"


class InvalidRecipient(KeyError_):
    default_message = "not an age public key (age1…)"


class InvalidIdentityFile(KeyError_):
    default_message = "the file is not an age identity (AGE-SECRET-KEY-1…)"


def fingerprint(public_key: bytes | str) -> str:
    raw = public_key.encode("ascii") if isinstance(public_key, str) else public_key
    digest = hashlib.sha256(_FINGERPRINT_LABEL + raw).digest()
    value = int.from_bytes(digest[:13], "big") >> 4  # 100 bits
    return " ".join(crockford.group(crockford.encode(value, 20), 4).split("-"))


# --- signing (the researcher's vault) ---------------------------------------------------------


def new_signing_key() -> bytes:
    """A new Ed25519 private key, as its 32 raw bytes (kept inside the vault only)."""
    from cryptography.hazmat.primitives import serialization

    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def public_of(private_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return (
        Ed25519PrivateKey.from_private_bytes(private_key)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def sign(private_key: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_key).sign(message)


def signature_valid(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


# --- age (the editors) --------------------------------------------------------------------------


def parse_recipient(text: str) -> x25519.Recipient:
    try:
        return x25519.Recipient.from_str(text.strip())
    except (RecipientError, ValueError):
        raise InvalidRecipient() from None


def write_identity_file(path: Path, *, now: datetime.datetime | None = None) -> str:
    """A new age X25519 identity at `path`, in age-keygen's layout; returns its public key.

    Refuses to replace an existing file: an editor's old key may still open old bundles.
    """
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    identity = x25519.Identity.generate()
    public = str(identity.to_public())
    created = (now or datetime.datetime.now(datetime.UTC)).replace(microsecond=0)
    text = (
        f"# created: {created.isoformat().replace('+00:00', 'Z')}\n"
        f"# public key: {public}\n"
        f"{identity}\n"
    )
    fsutil.atomic_write(path, text.encode("ascii"))
    os.chmod(path, 0o600)
    return public


def read_identity_file(path: Path) -> x25519.Identity:
    """The age identity in a file written by `keygen` or age-keygen (comments allowed)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_IDENTITY_FILE_BYTES + 1)
    except OSError:
        raise InvalidIdentityFile() from None
    if len(data) > MAX_IDENTITY_FILE_BYTES:
        raise InvalidIdentityFile()
    try:
        lines = data.decode("ascii").splitlines()
    except UnicodeDecodeError:
        raise InvalidIdentityFile() from None
    keys = [line.strip() for line in lines if line.strip().startswith(AGE_SECRET_PREFIX)]
    if len(keys) != 1:
        raise InvalidIdentityFile()
    try:
        return x25519.Identity.from_str(keys[0])
    except (IdentityError, ValueError):
        raise InvalidIdentityFile() from None
