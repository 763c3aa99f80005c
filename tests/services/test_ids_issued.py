"""IDs issued through the vault are unique: a collision of the random part is drawn again."""

from __future__ import annotations

import random

from testimony_app.domain.ids import IdKind, is_speakable, parse_id, random_part
from testimony_app.vault import Vault, id_registry

MILLION = 1_000_000


def test_a_million_ids_through_the_vault_are_unique(vault: Vault) -> None:
    # A seeded 40-bit source, so the run is repeatable; this seed's sequence really repeats
    # one 40-bit value within a million IDs, as about every other such run does.
    source = random.Random(4)
    drawn: list[int] = []

    def draw(bits: int) -> int:
        value = source.getrandbits(bits)
        drawn.append(value)
        return value

    with vault.transaction() as connection:
        issued = [id_registry.issue(connection, IdKind.WITNESS, draw=draw) for _ in range(MILLION)]
    assert len(set(issued)) == MILLION
    assert len({random_part(item) for item in issued}) == MILLION
    speakable = [value for value in drawn if is_speakable(value)]
    collisions = len(speakable) - len(set(speakable))
    assert collisions == 1  # the repeat was caught and drawn again
    assert len(speakable) == MILLION + collisions
    assert all(item[-1].isalnum() for item in issued)  # never * ~ $ =
    for item in issued[:1000]:
        assert parse_id(item, IdKind.WITNESS) == item
    with vault.reading() as connection:
        stored = connection.execute("SELECT count(*) FROM issued_ids").fetchone()[0]
    assert stored == MILLION


def test_a_collision_is_detected_and_drawn_again(vault: Vault) -> None:
    values = iter([7, 7, 7, 8])
    with vault.transaction() as connection:
        first = id_registry.issue(connection, IdKind.TESTIMONY, draw=lambda bits: next(values))
        second = id_registry.issue(connection, IdKind.WITNESS, draw=lambda bits: next(values))
    assert random_part(first) == 7
    assert random_part(second) == 8  # 7 was taken, across kinds too


def test_a_source_that_only_repeats_gives_up(vault: Vault) -> None:
    import pytest

    with vault.transaction() as connection:
        id_registry.issue(connection, IdKind.WITNESS, draw=lambda bits: 1)
        with pytest.raises(id_registry.IdSpaceExhausted):
            id_registry.issue(connection, IdKind.WITNESS, draw=lambda bits: 1)
