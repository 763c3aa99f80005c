"""Fixtures for the record use cases: a real vault with a RecordService over it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from testimony_app.services.records import RecordService
from testimony_app.vault import Vault


@pytest.fixture
def records(vault: Vault) -> Iterator[RecordService]:
    yield RecordService(vault)
