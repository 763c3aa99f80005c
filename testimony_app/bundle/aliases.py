"""Per-recipient aliases: the IDs an editor sees, stable for them, unlinkable between editors.

alias = the ID format filled from HMAC-SHA256(pseudonym secret, recipient ‖ ID): one editor
gets the same alias for a witness in every bundle; two editors get unrelated ones and cannot
join their bundles on IDs; without the secret (inside the vault) no alias leads back.
"""

from __future__ import annotations

import hashlib
import hmac

from testimony_app.domain.ids import RANDOM_BITS, IdKind, format_id, is_speakable

_LABEL = b"testimony-app/v1/alias\0"


def alias_for(secret: bytes, recipient: str, real_id: str, attempt: int = 0) -> str:
    """The alias of `real_id` for `recipient`; `attempt` > 0 gives others, for collisions."""
    kind = IdKind(real_id[0])
    while True:
        message = _LABEL + recipient.encode("ascii") + b"\0" + real_id.encode("ascii")
        message += b"\0" + str(attempt).encode("ascii")
        digest = hmac.new(secret, message, hashlib.sha256).digest()
        value = int.from_bytes(digest[:8], "big") >> (64 - RANDOM_BITS)
        if is_speakable(value):
            return format_id(kind, value)
        attempt += 1
