"""The manifest of a bundle (`manifest.json`): who sent it, to whom, and every member's hash.

It is written as canonical JSON (sorted keys, no spaces, ASCII) and signed byte for byte; a
reader checks the signature over the bytes it received, then parses them with the limits of
untrusted input (size, depth, duplicate keys) and a strict shape: unknown keys, a path outside
the bundle's layout, a size over its limit or a repeated member are all refusals.
"""

from __future__ import annotations

import base64
import binascii
import enum
import json
import re
from dataclasses import dataclass, field

from testimony_app.bundle.ustar import SAFE_NAME
from testimony_app.domain.json_input import Problems, TooManyProblems, duplicate_keys, read_values
from testimony_app.errors import AppError

FORMAT = "testimony-bundle/1"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
SIGNATURE_BYTES = 64
MAX_MANIFEST_BYTES = 8 * 1024 * 1024
MAX_MEMBERS = 100_000
MAX_TESTIMONY_BYTES = 16 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 4 * 1024**3
MAX_REPORT_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024**3
_KEYS = frozenset(
    {"format", "bundle_id", "created", "profile", "sender", "recipients", "counter", "members"}
)
_MEMBER_KEYS = frozenset({"path", "size", "sha256"})
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BUNDLE_ID = re.compile(r"[0-9A-Z]{26}")
_PROFILE = re.compile(r"[a-z][a-z0-9_-]{0,39}")
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
TESTIMONY_PATH = re.compile(r"testimonies/T-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]\.json")
ATTACHMENT_PATH = re.compile(
    r"attachments/T-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]/[0-9]{1,6}\.[a-z0-9]{1,8}"
)
FIXED_MEMBERS = {"report.html": MAX_REPORT_BYTES, "redaction-log.json": MAX_REPORT_BYTES}


class ManifestProblem(enum.Enum):
    NOT_JSON = "the manifest is not valid JSON"
    SHAPE = "the manifest does not have the expected fields"
    FORMAT = "the bundle is of an unknown format or version"
    MEMBER = "the manifest lists a member outside the bundle layout"
    DUPLICATE = "the manifest lists a member twice"
    TOO_LARGE = "the manifest declares a member or a total over the limits"


class ManifestInvalid(AppError):
    def __init__(self, problem: ManifestProblem) -> None:
        self.problem = problem
        super().__init__(problem.value)


@dataclass(frozen=True)
class Member:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    created: str  # the day, yyyy-mm-dd: no time of day
    profile: str
    sender_key: bytes  # Ed25519 public key, 32 bytes
    recipients: tuple[str, ...]  # age public keys
    counter: int
    members: tuple[Member, ...]
    # As received, when read: the exact signed bytes and their signature.
    raw: bytes = field(default=b"", repr=False, compare=False)
    signature: bytes = field(default=b"", repr=False, compare=False)

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "bundle_id": self.bundle_id,
            "created": self.created,
            "profile": self.profile,
            "sender": base64.b64encode(self.sender_key).decode("ascii"),
            "recipients": list(self.recipients),
            "counter": self.counter,
            "members": [{"path": m.path, "size": m.size, "sha256": m.sha256} for m in self.members],
        }
        return json.dumps(
            document, sort_keys=True, separators=(",", ":"), ensure_ascii=True
        ).encode("ascii")

    def member(self, path: str) -> Member | None:
        return self._by_path().get(path)

    def _by_path(self) -> dict[str, Member]:
        found: dict[str, Member] | None = self.__dict__.get("_index")
        if found is None:  # built once: a bundle may list 100,000 members
            found = {member.path: member for member in self.members}
            object.__setattr__(self, "_index", found)
        return found


def member_limit(path: str) -> int | None:
    """The largest size a member at `path` may have, or None if the path is not allowed."""
    if not SAFE_NAME.fullmatch(path):
        return None
    if path in FIXED_MEMBERS:
        return FIXED_MEMBERS[path]
    if TESTIMONY_PATH.fullmatch(path):
        return MAX_TESTIMONY_BYTES
    if ATTACHMENT_PATH.fullmatch(path):
        return MAX_ATTACHMENT_BYTES
    return None


def _fail(problem: ManifestProblem) -> ManifestInvalid:
    return ManifestInvalid(problem)


def parse_manifest(data: bytes) -> Manifest:
    if len(data) > MAX_MANIFEST_BYTES or not data.startswith(b"{"):
        raise _fail(ManifestProblem.NOT_JSON)
    problems = Problems(1)
    try:
        values = list(
            read_values(data, problems, max_bytes=MAX_MANIFEST_BYTES, max_records=1, record_depth=3)
        )
    except TooManyProblems:
        raise _fail(ManifestProblem.NOT_JSON) from None
    if problems.items or len(values) != 1 or not isinstance(values[0][2], dict):
        raise _fail(ManifestProblem.NOT_JSON)
    document = values[0][2]
    if duplicate_keys(document) or set(document) != _KEYS:
        raise _fail(ManifestProblem.SHAPE)
    if document["format"] != FORMAT:
        raise _fail(ManifestProblem.FORMAT)
    bundle_id, created, profile = document["bundle_id"], document["created"], document["profile"]
    counter, sender, recipients = document["counter"], document["sender"], document["recipients"]
    if not (
        isinstance(bundle_id, str)
        and _BUNDLE_ID.fullmatch(bundle_id)
        and isinstance(created, str)
        and _DAY.fullmatch(created)
        and isinstance(profile, str)
        and _PROFILE.fullmatch(profile)
        and isinstance(counter, int)
        and not isinstance(counter, bool)
        and 1 <= counter < 2**53
        and isinstance(sender, str)
        and isinstance(recipients, list)
        and 1 <= len(recipients) <= 100
        and all(isinstance(r, str) and _RECIPIENT.fullmatch(r) for r in recipients)
    ):
        raise _fail(ManifestProblem.SHAPE)
    try:
        sender_key = base64.b64decode(sender, validate=True)
    except (binascii.Error, ValueError):
        raise _fail(ManifestProblem.SHAPE) from None
    if len(sender_key) != 32:
        raise _fail(ManifestProblem.SHAPE)
    members = document["members"]
    if not isinstance(members, list) or len(members) > MAX_MEMBERS:
        raise _fail(ManifestProblem.SHAPE)
    parsed: list[Member] = []
    seen: set[str] = set()
    total = 0
    for item in members:
        if not isinstance(item, dict) or duplicate_keys(item) or set(item) != _MEMBER_KEYS:
            raise _fail(ManifestProblem.SHAPE)
        path, size, digest = item["path"], item["size"], item["sha256"]
        if not (isinstance(path, str) and isinstance(digest, str) and _SHA256.fullmatch(digest)):
            raise _fail(ManifestProblem.SHAPE)
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise _fail(ManifestProblem.SHAPE)
        limit = member_limit(path)
        if limit is None or path in (MANIFEST_NAME, SIGNATURE_NAME):
            raise _fail(ManifestProblem.MEMBER)
        if path in seen:
            raise _fail(ManifestProblem.DUPLICATE)
        if size > limit:
            raise _fail(ManifestProblem.TOO_LARGE)
        total += size
        if total > MAX_TOTAL_BYTES:
            raise _fail(ManifestProblem.TOO_LARGE)
        seen.add(path)
        parsed.append(Member(path, size, digest))
    return Manifest(
        bundle_id=bundle_id,
        created=created,
        profile=profile,
        sender_key=sender_key,
        recipients=tuple(recipients),
        counter=counter,
        members=tuple(parsed),
        raw=data,
    )
