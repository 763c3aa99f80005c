"""Full-text search over testimonies, Arabic-aware in both directions.

The indexed text and the query go through the same `normalise` (tashkeel and tatweel removed,
alef forms, ta marbuta and alef maqsura unified, Eastern digits made ASCII, Latin case and
accents folded) before FTS5 sees them. The index is contentless: it keeps tokens, not text,
and identity details are never put into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.normalise import normalise
from testimony_app.domain.records import TestimonyContent

Connection = Any

# What FTS5's unicode61 tokenizer treats as a token: runs of letters, marks and digits.
_TOKEN = re.compile(r"[^\W_]+")
MAX_QUERY_TOKENS = 16


def document_text(content: TestimonyContent, violation_labels: Iterable[str] = ()) -> str:
    """The searchable text of a testimony: narrative, places, tags and incidents."""
    parts = [content.narrative, content.interview.place or ""]
    parts.extend(content.tags)
    for incident in content.incidents:
        parts.extend([incident.place or "", incident.perpetrator or ""])
        parts.extend(incident.violation_types)
    parts.extend(violation_labels)
    return normalise("\n".join(part for part in parts if part))


MIN_PREFIX_CHARS = 3


def match_expression(query: str) -> str | None:
    """An FTS5 expression: all query words required; None if there are none.

    Words of three letters or more match as prefixes ("bak" finds "bakery"); shorter ones
    only as whole words, because "a" or "ال" as a prefix matches most of the index and would
    make every keystroke slow, and the index keeps ready-made prefixes of three letters.
    """
    tokens = _TOKEN.findall(normalise(query))[:MAX_QUERY_TOKENS]
    if not tokens:
        return None
    return " ".join(
        f'"{token}"*' if len(token) >= MIN_PREFIX_CHARS else f'"{token}"' for token in tokens
    )


def put(connection: Connection, testimony_id: TestimonyId, text: str) -> None:
    """Index (or re-index) one testimony's text inside the caller's transaction."""
    row = connection.execute(
        "SELECT rowid FROM search_documents WHERE testimony_id = ?", (testimony_id,)
    ).fetchone()
    if row is None:
        cursor = connection.execute(
            "INSERT INTO search_documents (testimony_id) VALUES (?)", (testimony_id,)
        )
        rowid = int(cursor.lastrowid)
    else:
        rowid = int(row[0])
        connection.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))
    connection.execute("INSERT INTO search_index (rowid, body) VALUES (?, ?)", (rowid, text))


def remove(connection: Connection, testimony_id: TestimonyId) -> None:
    row = connection.execute(
        "SELECT rowid FROM search_documents WHERE testimony_id = ?", (testimony_id,)
    ).fetchone()
    if row is not None:
        connection.execute("DELETE FROM search_index WHERE rowid = ?", (row[0],))
        connection.execute("DELETE FROM search_documents WHERE rowid = ?", (row[0],))


RANK_WINDOW = 2000


def search(connection: Connection, query: str, *, limit: int | None = None) -> list[TestimonyId]:
    """IDs of the testimonies matching every word of `query`.

    With a `limit`: best matches first, ranked (bm25) among the 2,000 most recently indexed
    matches — ranking every match of a common word across 100,000 testimonies would take
    hundreds of milliseconds. Without: every match, most recently indexed first, unranked
    (what a filtered list needs).
    """
    expression = match_expression(query)
    if expression is None:
        return []
    if limit is None:
        sql = (
            "SELECT d.testimony_id FROM search_index JOIN search_documents AS d "
            "ON d.rowid = search_index.rowid WHERE search_index MATCH ? "
            "ORDER BY search_index.rowid DESC"
        )
        return [TestimonyId(row[0]) for row in connection.execute(sql, (expression,))]
    sql = (
        "SELECT d.testimony_id FROM ("
        "  SELECT rowid, rank FROM search_index WHERE search_index MATCH ? "
        "  ORDER BY rowid DESC LIMIT ?"
        ") AS hits JOIN search_documents AS d ON d.rowid = hits.rowid "
        "ORDER BY hits.rank LIMIT ?"
    )
    rows = connection.execute(sql, (expression, max(limit, RANK_WINDOW), limit))
    return [TestimonyId(row[0]) for row in rows]
