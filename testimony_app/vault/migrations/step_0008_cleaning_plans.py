"""Step 8: the cleaning plan of each measured attachment (see testimony_app.media.plan).

`plan` is NULL where no plan was written down (measured before this step: the next export
measures the file again and keeps one), '' where the cleaning has none (a picture, encoded
anew), and otherwise the plan's compact JSON: ranges of the original and a few new bytes.
"""

from typing import Any

VERSION = 8

STATEMENTS = ("ALTER TABLE attachment_cleaned ADD COLUMN plan TEXT",)


def apply(connection: Any) -> None:
    for statement in STATEMENTS:
        connection.execute(statement)
