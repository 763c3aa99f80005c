"""Step 3: a covering index for testimony lists, so listing never reads the narratives.

The summary columns that come after `content` in the row would otherwise make SQLite walk
every narrative's overflow pages (and decrypt them) to list 100,000 testimonies.
"""

from typing import Any

VERSION = 3


def apply(connection: Any) -> None:
    connection.execute(
        "CREATE INDEX testimony_summaries ON testimonies (updated_at DESC, id, witness_id, "
        "status, interview_date, interview_place, language, revision, created_at)"
    )
