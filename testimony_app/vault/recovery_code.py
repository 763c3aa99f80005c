"""Recovery codes: 120 random bits shown once at creation, typed back in an emergency.

Printed as 25 Crockford base32 symbols (24 of data and a check symbol) in groups of five, so a
typo is reported as a typo rather than as a wrong code.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from testimony_app.domain import crockford
from testimony_app.errors import InvalidRecoveryCode

CODE_BITS = 120
DATA_SYMBOLS = CODE_BITS // 5
GROUP_SIZE = 5


@dataclass(frozen=True)
class RecoveryCode:
    """The secret behind a recovery slot. `str()` gives the grouped form to show once."""

    value: bytes

    @classmethod
    def generate(cls) -> RecoveryCode:
        # Like IDs, never end in one of Crockford's * ~ $ = check symbols: read aloud, typed.
        while True:
            value = secrets.token_bytes(CODE_BITS // 8)
            if crockford.check_symbol(int.from_bytes(value, "big")).isalnum():
                return cls(value)

    @classmethod
    def parse(cls, text: str) -> RecoveryCode:
        try:
            number = crockford.decode_checked(text, DATA_SYMBOLS)
        except crockford.InvalidCode as error:
            raise InvalidRecoveryCode() from error
        return cls(number.to_bytes(CODE_BITS // 8, "big"))

    def __str__(self) -> str:
        number = int.from_bytes(self.value, "big")
        symbols = crockford.encode(number, DATA_SYMBOLS) + crockford.check_symbol(number)
        return crockford.group(symbols, GROUP_SIZE)

    def __repr__(self) -> str:
        return "RecoveryCode(<hidden>)"
