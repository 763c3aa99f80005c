"""Reading a bundle: decrypt → tar → manifest and signature first → every member checked.

One pass, streaming: age decrypts (pyrage), the ustar push parser cuts members, and each
member's bytes go to a `MemberSink` only after its header has been accepted, while its SHA-256
is computed. Nothing counts as verified until the end: the last member's hash, the end of the
archive, the end of the age stream (whose last chunk authenticates the whole). A sink must
therefore hold what it receives provisionally (in memory, in an open transaction, in temporary
files) and keep it only when `read_bundle` returns.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO, NoReturn, Protocol

import pyrage
from pyrage import x25519

from testimony_app.bundle.handoff import Handoff
from testimony_app.bundle.keys import fingerprint, signature_valid
from testimony_app.bundle.manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    SIGNATURE_BYTES,
    SIGNATURE_NAME,
    Manifest,
    ManifestInvalid,
    parse_manifest,
)
from testimony_app.bundle.ustar import MemberInfo, TarPushParser, TarRejected
from testimony_app.errors import AppError


class BundleProblem(enum.Enum):
    NOT_AN_AGE_FILE = "the file is not an encrypted bundle"
    NOT_FOR_THIS_KEY = "the bundle is not addressed to this key, or its header was changed"
    DAMAGED = "the bundle is damaged or was changed after it was made"
    MANIFEST_FIRST = "the bundle does not start with its manifest and signature"
    MANIFEST_INVALID = "the bundle's manifest is not valid"
    SIGNATURE_INVALID = "the bundle's signature does not match its manifest"
    NOT_LISTED_FOR_THIS_KEY = "the signed manifest does not list this key as a recipient"
    UNKNOWN_SENDER = "the bundle comes from a sender who is not trusted yet"
    REPLAYED = "this bundle, or a newer one from the same sender, was opened before"
    UNLISTED_MEMBER = "the bundle holds a file its manifest does not list"
    DUPLICATE_MEMBER = "the bundle holds a file twice"
    MISSING_MEMBER = "a file the manifest lists is missing"
    SIZE_MISMATCH = "a file's size differs from the manifest"
    HASH_MISMATCH = "a file's content differs from the manifest"
    TAR = "the archive inside the bundle is malformed or unsafe"
    CONTENT_INVALID = "a testimony in the bundle is not valid"


class BundleRejected(AppError):
    def __init__(self, problem: BundleProblem, detail: str | None = None) -> None:
        self.problem = problem
        self.detail = detail  # a fixed description from the core (tar problem), never content
        super().__init__(problem.value)


class MemberSink(Protocol):
    """Where verified-so-far member content goes; kept only if the whole bundle verifies."""

    def begin(self, path: str, size: int) -> None: ...
    def write(self, data: bytes) -> None: ...
    def end(self, path: str) -> None: ...


class DiscardSink:
    """For `verify`: the content is hashed by the reader and dropped."""

    def begin(self, path: str, size: int) -> None:
        pass

    def write(self, data: bytes) -> None:
        pass

    def end(self, path: str) -> None:
        pass


ManifestCheck = Callable[[Manifest, str], None]  # (manifest, sender fingerprint); may raise


@dataclass
class _State:
    identity_public: str
    sink: MemberSink
    check: ManifestCheck | None
    progress: Callable[[int], None] | None
    member: MemberInfo | None = None
    index: int = 0  # members seen
    buffer: bytearray = field(default_factory=bytearray)
    manifest_bytes: bytes = b""
    manifest: Manifest | None = None
    hasher: hashlib._Hash | None = None
    seen: set[str] = field(default_factory=set)
    received: int = 0


class _ParserWriter:
    """The file object pyrage decrypts into: it feeds the tar parser.

    The parser, the hashing and the sink (files written, SQLite) run on a thread of their
    own (bundle.handoff), beside pyrage's decryption; what they reject comes back from the
    next `write`, and stays in `error`.
    """

    def __init__(self, state: _State) -> None:
        self.state = state
        self.parser = TarPushParser(self._on_member, self._on_data, self._on_end, self._limit)
        self._handoff = Handoff(self._feed, depth=4, name="bundle-reader")

    # pyrage's side
    def write(self, data: bytes) -> int:
        self._handoff.put(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def close(self, *, abandon: bool = False) -> None:
        self._handoff.close(abandon=abandon)

    @property
    def error(self) -> BaseException | None:
        return self._handoff.error

    def _feed(self, data: bytes) -> None:
        self.parser.feed(data)
        self.state.received += len(data)
        if self.state.progress is not None:
            self.state.progress(self.state.received)

    # the parser's side
    def _limit(self) -> int:
        state = self.state
        if state.index == 0:
            return MAX_MANIFEST_BYTES
        if state.index == 1:
            return SIGNATURE_BYTES
        return 2**63  # the header's size is compared with the manifest in _on_member

    def _on_member(self, info: MemberInfo) -> None:
        state = self.state
        expected = (MANIFEST_NAME, SIGNATURE_NAME)
        if state.index < 2:
            if info.name != expected[state.index]:
                raise BundleRejected(BundleProblem.MANIFEST_FIRST)
        else:
            assert state.manifest is not None
            listed = state.manifest.member(info.name)
            if info.name in state.seen or info.name in expected:
                raise BundleRejected(BundleProblem.DUPLICATE_MEMBER)
            if listed is None:
                raise BundleRejected(BundleProblem.UNLISTED_MEMBER)
            if listed.size != info.size:
                raise BundleRejected(BundleProblem.SIZE_MISMATCH)
            state.seen.add(info.name)
            state.hasher = hashlib.sha256()
            state.sink.begin(info.name, info.size)
        state.member = info

    def _on_data(self, data: bytes) -> None:
        state = self.state
        if state.index < 2:
            state.buffer += data
        else:
            assert state.hasher is not None
            state.hasher.update(data)
            state.sink.write(data)

    def _on_end(self) -> None:
        state = self.state
        info = state.member
        assert info is not None
        if state.index == 0:
            state.manifest_bytes = bytes(state.buffer)
            state.buffer.clear()
        elif state.index == 1:
            self._check_manifest(bytes(state.buffer))
            state.buffer.clear()
        else:
            assert state.manifest is not None and state.hasher is not None
            listed = state.manifest.member(info.name)
            assert listed is not None
            if state.hasher.hexdigest() != listed.sha256:
                raise BundleRejected(BundleProblem.HASH_MISMATCH)
            state.sink.end(info.name)
        state.index += 1
        state.member = None

    def _check_manifest(self, signature: bytes) -> None:
        state = self.state
        try:
            manifest = parse_manifest(state.manifest_bytes)
        except ManifestInvalid as error:
            raise BundleRejected(BundleProblem.MANIFEST_INVALID, error.problem.value) from None
        if len(signature) != SIGNATURE_BYTES or not signature_valid(
            manifest.sender_key, state.manifest_bytes, signature
        ):
            raise BundleRejected(BundleProblem.SIGNATURE_INVALID)
        if state.identity_public not in manifest.recipients:
            # Signed for someone else and re-encrypted to us: not ours to trust.
            raise BundleRejected(BundleProblem.NOT_LISTED_FOR_THIS_KEY)
        manifest = dataclasses.replace(manifest, signature=signature)
        if state.check is not None:
            state.check(manifest, fingerprint(manifest.sender_key))
        state.manifest = manifest


def read_bundle(
    source: BinaryIO,
    identity: x25519.Identity,
    sink: MemberSink,
    *,
    check: ManifestCheck | None = None,
    progress: Callable[[int], None] | None = None,
) -> Manifest:
    """Decrypt and verify a whole bundle, giving its members to `sink`; the verified manifest.

    `check(manifest, fingerprint)` runs once the signature is verified and before any other
    member is read: it decides whether the sender is trusted and the counter new (raising
    BundleRejected otherwise). Any problem raises BundleRejected.
    """
    state = _State(str(identity.to_public()), sink, check, progress)
    writer = _ParserWriter(state)
    try:
        pyrage.decrypt_io(source, writer, [identity])
    except BaseException as error:  # noqa: BLE001 - always raised again, below
        writer.close(abandon=True)
        # What the parser or the sink raised comes first: pyrage only passed it on.
        if writer.error is not None:
            _raise_from_reading(writer.error)
        _raise_from_decrypting(error)
    writer.close()
    if writer.error is not None:
        _raise_from_reading(writer.error)
    try:
        writer.parser.close()
    except TarRejected as error:
        raise BundleRejected(BundleProblem.TAR, error.problem.value) from None
    manifest = state.manifest
    if manifest is None:
        raise BundleRejected(BundleProblem.MANIFEST_FIRST)
    if len(state.seen) != len(manifest.members):
        raise BundleRejected(BundleProblem.MISSING_MEMBER)
    return manifest


def _raise_from_decrypting(error: BaseException) -> NoReturn:
    if isinstance(error, pyrage.DecryptError):
        if "matching keys" in str(error).lower():
            raise BundleRejected(BundleProblem.NOT_FOR_THIS_KEY) from None
        raise BundleRejected(BundleProblem.NOT_AN_AGE_FILE) from None
    if isinstance(error, OSError):
        # age stops at the first chunk that fails to authenticate: tampering or truncation.
        raise BundleRejected(BundleProblem.DAMAGED) from None
    raise error


def _raise_from_reading(error: BaseException) -> NoReturn:
    """The parser's rejection as the bundle's; the sink's own errors (a full disk) as they are."""
    if isinstance(error, TarRejected):
        raise BundleRejected(BundleProblem.TAR, error.problem.value) from None
    raise error
