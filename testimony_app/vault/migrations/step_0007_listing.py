"""Step 7: what the two lists read at unlock, each in one index scan.

Testimonies: `testimony_tags` stays the record of which testimony carries which tag;
`tag_list` repeats them in the testimony's row as a JSON array, sorted and without duplicates
as SQLite orders them (NULL for none), and the covering index `testimony_summaries` is made
anew with it, so a list of 100,000 needs no look-up of every testimony's tags.

Witnesses: a covering index of the columns the register shows, in ID order. The table's rows
are in insertion order, so listing by ID through the primary key's index fetched every row
from a page of its own (and decrypted it).
"""

from typing import Any

VERSION = 7

STATEMENTS = (
    "ALTER TABLE testimonies ADD COLUMN tag_list TEXT",
    """UPDATE testimonies SET tag_list = (
        SELECT json_group_array(tag ORDER BY tag) FROM testimony_tags
        WHERE testimony_id = testimonies.id
    ) WHERE id IN (SELECT testimony_id FROM testimony_tags)""",
    "DROP INDEX testimony_summaries",
    """CREATE INDEX testimony_summaries ON testimonies (updated_at DESC, id, witness_id, status,
        interview_date, interview_place, language, revision, created_at, tag_list)""",
    """CREATE INDEX witnesses_listed ON witnesses (id, age, age_band, gender, occupation,
        displacement_status)""",
)


def apply(connection: Any) -> None:
    for statement in STATEMENTS:
        connection.execute(statement)
