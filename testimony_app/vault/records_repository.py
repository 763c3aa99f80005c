"""Persisting witnesses, identities, testimonies and their revisions.

Functions take a connection inside the caller's transaction; the services layer decides the
transaction boundaries and writes the audit entries. Identity details are read only by
`get_identity`, which nothing else in this module calls.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any, NamedTuple

from testimony_app.domain import interchange
from testimony_app.domain.ids import TestimonyId, WitnessId
from testimony_app.domain.records import (
    Gender,
    Identity,
    Revision,
    Status,
    Testimony,
    TestimonyContent,
    Witness,
)

Connection = Any

IDENTITY_COLUMNS = (
    "full_name",
    "nickname",
    "phone",
    "home_village",
    "neighbourhood",
    "national_id",
    "email",
)


class TestimonySummary(NamedTuple):
    """What a list of testimonies shows: no narrative, no identity.

    A NamedTuple, not a dataclass: a list of 100,000 of them is built at every unlock, and a
    tuple is made in half the time of a frozen dataclass.
    """

    id: TestimonyId
    witness_id: WitnessId
    status: Status
    interview_date: str | None
    interview_place: str | None
    language: str | None
    tags: tuple[str, ...]
    revision: int
    created_at: str
    updated_at: str


TestimonySummary.__test__ = False  # type: ignore[attr-defined]  # not a pytest test class


def content_json(content: TestimonyContent) -> str:
    return json.dumps(interchange.content_to_storage(content), ensure_ascii=False, sort_keys=True)


def content_hash(content: TestimonyContent) -> str:
    """SHA-256 of the stored form: what the audit log records instead of the content."""
    return hashlib.sha256(content_json(content).encode("utf-8")).hexdigest()


def _content_from_json(text: str) -> TestimonyContent:
    return interchange.content_from_storage(json.loads(text))


@contextlib.contextmanager
def _no_collection_pauses() -> Iterator[None]:
    """Build a long list without the cyclic garbage collector stepping in.

    A list of 100,000 records is 100,000 new objects the collector tracks: its young passes
    run every 700 of them and its full ones walk every object the app holds (in the GUI
    benchmark up to a third of listing the witnesses, a tenth of the testimonies; see
    docs/performance.md). Nothing built here can form a cycle, reference counting still frees
    everything as before, and the collector is on again (if it was on) before the list is
    returned. The switch is process-wide: only around such a loop, never around code that
    waits or calls out.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- witnesses and identities ------------------------------------------------------------


def insert_witness(connection: Connection, witness: Witness, at: str) -> None:
    connection.execute(
        "INSERT INTO witnesses (id, age, age_band, gender, occupation, displacement_status, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (*_witness_values(witness), at, at),
    )


def update_witness(connection: Connection, witness: Witness, at: str) -> bool:
    cursor = connection.execute(
        "UPDATE witnesses SET age = ?, age_band = ?, gender = ?, occupation = ?, "
        "displacement_status = ?, updated_at = ? WHERE id = ?",
        (*_witness_values(witness)[1:], at, witness.id),
    )
    return bool(cursor.rowcount)


def _witness_values(witness: Witness) -> tuple[Any, ...]:
    gender = witness.gender.value if witness.gender else None
    return (
        witness.id,
        witness.age,
        witness.age_band,
        gender,
        witness.occupation,
        witness.displacement_status,
    )


_GENDER: dict[str | None, Gender | None] = {gender.value: gender for gender in Gender}
_GENDER[None] = _GENDER[""] = None


def _witness_from_row(row: tuple[Any, ...]) -> Witness:
    return Witness(
        id=WitnessId(row[0]),
        age=row[1],
        age_band=row[2],
        gender=_GENDER[row[3]],
        occupation=row[4],
        displacement_status=row[5],
    )


_WITNESS_SELECT = "SELECT id, age, age_band, gender, occupation, displacement_status FROM witnesses"


def get_witness(connection: Connection, witness_id: WitnessId) -> Witness | None:
    row = connection.execute(_WITNESS_SELECT + " WHERE id = ?", (witness_id,)).fetchone()
    return None if row is None else _witness_from_row(row)


def list_witnesses(connection: Connection) -> list[Witness]:
    # The register lists every witness at once: one scan of the covering index (schema step
    # 7), a dict look-up for the gender instead of Gender(…), no call per row but the class's.
    gender = _GENDER
    rows = connection.execute(
        "SELECT id, age, age_band, gender, occupation, displacement_status "
        "FROM witnesses INDEXED BY witnesses_listed ORDER BY id"
    )
    with _no_collection_pauses():
        return [
            Witness(witness_id, age, age_band, gender[code], occupation, displacement)
            for witness_id, age, age_band, code, occupation, displacement in rows
        ]


def set_identity(connection: Connection, witness_id: WitnessId, identity: Identity) -> None:
    if identity.is_empty():
        connection.execute("DELETE FROM witness_identities WHERE witness_id = ?", (witness_id,))
        return
    values = [getattr(identity, column) for column in IDENTITY_COLUMNS]
    connection.execute(
        f"INSERT OR REPLACE INTO witness_identities (witness_id, {', '.join(IDENTITY_COLUMNS)}) "
        f"VALUES (?, {', '.join('?' for _ in IDENTITY_COLUMNS)})",
        (witness_id, *values),
    )


def get_identity(connection: Connection, witness_id: WitnessId) -> Identity:
    """The identity details: the one explicit way to read them."""
    row = connection.execute(
        f"SELECT {', '.join(IDENTITY_COLUMNS)} FROM witness_identities WHERE witness_id = ?",
        (witness_id,),
    ).fetchone()
    if row is None:
        return Identity()
    return Identity(**dict(zip(IDENTITY_COLUMNS, row, strict=True)))


# --- testimonies and revisions -----------------------------------------------------------


def insert_testimony(connection: Connection, testimony: Testimony) -> None:
    content = testimony.content
    connection.execute(
        "INSERT INTO testimonies (id, witness_id, revision, status, interview_date, "
        "interview_place, language, content, created_at, updated_at, tag_list) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            testimony.id,
            testimony.witness_id,
            testimony.revision,
            content.status.value,
            content.interview.date,
            content.interview.place,
            content.interview.language,
            content_json(content),
            testimony.created_at,
            testimony.updated_at,
            tag_list_of(content.tags),
        ),
    )
    _set_tags(connection, testimony.id, content.tags)


def update_testimony(
    connection: Connection, current: Testimony, content: TestimonyContent, at: str
) -> Testimony:
    """Save new content; the version it replaces becomes a revision, kept unchanged."""
    connection.execute(
        "INSERT INTO testimony_revisions (testimony_id, revision, saved_at, content) "
        "VALUES (?, ?, ?, ?)",
        (current.id, current.revision, current.updated_at, content_json(current.content)),
    )
    updated = Testimony(
        id=current.id,
        witness_id=current.witness_id,
        content=content,
        revision=current.revision + 1,
        created_at=current.created_at,
        updated_at=at,
    )
    connection.execute(
        "UPDATE testimonies SET revision = ?, status = ?, interview_date = ?, "
        "interview_place = ?, language = ?, content = ?, updated_at = ?, tag_list = ? "
        "WHERE id = ?",
        (
            updated.revision,
            content.status.value,
            content.interview.date,
            content.interview.place,
            content.interview.language,
            content_json(content),
            at,
            tag_list_of(content.tags),
            current.id,
        ),
    )
    _set_tags(connection, current.id, content.tags)
    return updated


def _set_tags(connection: Connection, testimony_id: TestimonyId, tags: tuple[str, ...]) -> None:
    connection.execute("DELETE FROM testimony_tags WHERE testimony_id = ?", (testimony_id,))
    connection.executemany(
        "INSERT OR IGNORE INTO testimony_tags (testimony_id, tag) VALUES (?, ?)",
        [(testimony_id, tag) for tag in tags],
    )


def get_testimony(connection: Connection, testimony_id: TestimonyId) -> Testimony | None:
    row = connection.execute(
        "SELECT id, witness_id, revision, content, created_at, updated_at FROM testimonies "
        "WHERE id = ?",
        (testimony_id,),
    ).fetchone()
    if row is None:
        return None
    return Testimony(
        id=TestimonyId(row[0]),
        witness_id=WitnessId(row[1]),
        revision=int(row[2]),
        content=_content_from_json(row[3]),
        created_at=row[4],
        updated_at=row[5],
    )


# In TestimonySummary's order; `tag_list` (the tags as a JSON array, NULL for none) is the
# copy of `testimony_tags` that schema step 7 keeps in each row and in `testimony_summaries`.
_SUMMARY_COLUMNS = (
    "id, witness_id, status, interview_date, interview_place, language, tag_list, revision, "
    "created_at, updated_at"
)


def tag_list_of(tags: tuple[str, ...]) -> str | None:
    """What `tag_list` holds: the tags as `testimony_tags` orders them, without duplicates."""
    if not tags:
        return None
    return json.dumps(sorted(set(tags)), ensure_ascii=False, separators=(",", ":"))


_STATUS = {status.value: status for status in Status}


class _TagLists(dict[str | None, tuple[str, ...]]):
    """`tag_list` → tags, decoded once per distinct list: a vault has few of them, so a list of
    100,000 summaries shares a few hundred tuples and one string per tag."""

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[str, str] = {}

    def __missing__(self, key: str | None) -> tuple[str, ...]:
        names = self._names
        tags = () if key is None else tuple(names.setdefault(tag, tag) for tag in json.loads(key))
        self[key] = tags
        return tags


_new_summary = partial(tuple.__new__, TestimonySummary)  # the tuple as it is, no __new__ call


def _summaries(rows: Iterable[tuple[Any, ...]]) -> list[TestimonySummary]:
    status, tags, new = _STATUS, _TagLists(), _new_summary
    with _no_collection_pauses():
        return [
            new((t_id, w_id, status[code], date, place, lang, tags[tag_list], rev, made, updated))
            for t_id, w_id, code, date, place, lang, tag_list, rev, made, updated in rows
        ]


def list_summaries(
    connection: Connection,
    testimony_ids: list[TestimonyId] | None = None,
    *,
    newest: int | None = None,
) -> list[TestimonySummary]:
    """Summaries of all testimonies (or the `newest` few), newest first; or of the given IDs
    in that order.

    All or the newest: one scan of the covering index `testimony_summaries` (tags included,
    schema step 7), never the content or `testimony_tags`.
    """
    if testimony_ids is None:
        limit = "" if newest is None else f" LIMIT {int(newest)}"
        return _summaries(
            connection.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM testimonies INDEXED BY testimony_summaries "
                "ORDER BY updated_at DESC, id" + limit
            )
        )
    # By primary key: the summary index starts with updated_at, useless for a lookup.
    summaries = _summaries(
        connection.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM testimonies "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(testimony_ids)),),
        )
    )
    by_id = {summary.id: summary for summary in summaries}
    return [by_id[item] for item in testimony_ids if item in by_id]


def all_contents(connection: Connection) -> list[tuple[TestimonyId, TestimonyContent]]:
    """Every testimony's current content (for rebuilding the search index)."""
    rows = connection.execute("SELECT id, content FROM testimonies").fetchall()
    return [(TestimonyId(row[0]), _content_from_json(row[1])) for row in rows]


def list_revisions(connection: Connection, testimony_id: TestimonyId) -> list[tuple[int, str]]:
    """(revision number, saved at) of every earlier version, oldest first."""
    return [
        (int(row[0]), str(row[1]))
        for row in connection.execute(
            "SELECT revision, saved_at FROM testimony_revisions WHERE testimony_id = ? "
            "ORDER BY revision",
            (testimony_id,),
        )
    ]


def get_revision(
    connection: Connection, testimony_id: TestimonyId, revision: int
) -> Revision | None:
    row = connection.execute(
        "SELECT saved_at, content FROM testimony_revisions WHERE testimony_id = ? AND revision = ?",
        (testimony_id, revision),
    ).fetchone()
    if row is None:
        return None
    return Revision(
        testimony_id=testimony_id,
        revision=revision,
        saved_at=row[0],
        content=_content_from_json(row[1]),
    )


def delete_testimony(connection: Connection, testimony_id: TestimonyId) -> bool:
    """Remove a testimony with its revisions, tags and attachments (cascading)."""
    cursor = connection.execute("DELETE FROM testimonies WHERE id = ?", (testimony_id,))
    return bool(cursor.rowcount)


def witness_has_testimonies(connection: Connection, witness_id: WitnessId) -> bool:
    row = connection.execute(
        "SELECT 1 FROM testimonies WHERE witness_id = ? LIMIT 1", (witness_id,)
    ).fetchone()
    return row is not None
