"""Step 4: the search index again, with a prefix index for three-letter prefixes.

Typing "الم" or "bak" asks FTS5 for every term starting so; without a prefix index that walks
a large part of the term list (75 ms over 100,000 testimonies), with it a few milliseconds.
The table is recreated empty and the search index is marked stale: the record service
rebuilds it with the current normaliser at the next unlock (a migration step imports no
model code, so it cannot normalise text itself).
"""

from typing import Any

VERSION = 4


def apply(connection: Any) -> None:
    connection.execute("DROP TABLE search_index")
    connection.execute(
        """CREATE VIRTUAL TABLE search_index USING fts5 (
            body, content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
        )"""
    )
    connection.execute("DELETE FROM search_documents")
    connection.execute("DELETE FROM vault_meta WHERE key = 'search_normaliser_version'")
