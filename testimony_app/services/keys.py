"""Keys and the address book: the vault's signing key, editors to send to, senders to trust."""

from __future__ import annotations

from dataclasses import dataclass

from testimony_app.bundle import keys
from testimony_app.errors import AppError
from testimony_app.services.records import RecordService
from testimony_app.vault import audit_log, bundle_repository
from testimony_app.vault.audit_log import AuditAction
from testimony_app.vault.bundle_repository import Recipient, TrustedSender

MAX_NAME_CHARS = 200


class NameInvalid(AppError):
    default_message = "a name is needed (at most 200 characters)"


class SenderNotFound(AppError):
    default_message = "no trusted sender with this fingerprint"


@dataclass(frozen=True)
class SigningIdentity:
    public_key: bytes
    fingerprint: str


def _checked_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > MAX_NAME_CHARS:
        raise NameInvalid()
    return cleaned


class KeyService:
    def __init__(self, records: RecordService) -> None:
        self.records = records
        self.vault = records.vault

    def signing_identity(self) -> SigningIdentity:
        """The vault's signing key (made on first use), as a public key and a fingerprint."""
        with self.vault.transaction() as connection:
            private = bundle_repository.secret(
                connection, bundle_repository.SIGNING_KEY, self.records.clock()
            )
        public = keys.public_of(private)
        return SigningIdentity(public, keys.fingerprint(public))

    # --- recipients (researchers send to editors) ------------------------------------------

    def add_recipient(self, name: str, age_key: str) -> Recipient:
        parsed = str(keys.parse_recipient(age_key))
        at = self.records.clock()
        recipient = Recipient(parsed, _checked_name(name), at)
        with self.vault.transaction() as connection:
            bundle_repository.add_recipient(connection, recipient)
            audit_log.append(
                connection, AuditAction.RECIPIENT_ADDED, None, keys.fingerprint(parsed), at=at
            )
        return recipient

    def remove_recipient(self, age_key: str) -> bool:
        with self.vault.transaction() as connection:
            return bundle_repository.remove_recipient(connection, age_key.strip())

    def recipients(self) -> list[Recipient]:
        with self.vault.reading() as connection:
            return bundle_repository.list_recipients(connection)

    # --- senders (editors trust researchers) -----------------------------------------------

    def trust_sender(self, name: str, signing_key: bytes) -> TrustedSender:
        if len(signing_key) != 32:
            raise keys.KeyError_()
        at = self.records.clock()
        sender = TrustedSender(signing_key, _checked_name(name), at)
        with self.vault.transaction() as connection:
            bundle_repository.trust_sender(connection, sender)
            audit_log.append(
                connection, AuditAction.SENDER_TRUSTED, None, keys.fingerprint(signing_key), at=at
            )
        return sender

    def senders(self) -> list[TrustedSender]:
        with self.vault.reading() as connection:
            return bundle_repository.list_senders(connection)
