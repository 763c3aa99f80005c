"""The testimony list model filters and sorts itself, and keeps a saved row in its place."""

from __future__ import annotations

from PySide6.QtCore import Qt

from testimony_app.domain.records import Status
from testimony_app.gui.models.testimony_table_model import COLUMNS, TestimonyTableModel
from testimony_app.vault.records_repository import TestimonySummary


def summary(
    n: int, *, status: Status = Status.DRAFT, language: str = "ar", tags=()
) -> TestimonySummary:  # type: ignore[no-untyped-def]
    return TestimonySummary(
        f"T-{n:04d}-0000-0", "W-0000-0000-0", status, f"2025-03-{n % 28 + 1:02d}", None,
        language, tuple(tags), 1, "2025-01-01T00:00:00Z", f"2025-04-01T00:{n:02d}:00Z",
    )  # fmt: skip


def ids(model: TestimonyTableModel) -> list[str]:
    return [model.summary_at(row).id for row in range(model.rowCount())]


def test_newest_first_then_any_column_either_way(qapp) -> None:  # type: ignore[no-untyped-def]
    model = TestimonyTableModel()
    model.set_rows([summary(n) for n in (3, 1, 2)])
    assert ids(model) == ["T-0003-0000-0", "T-0002-0000-0", "T-0001-0000-0"]
    model.sort(COLUMNS.index("id"), Qt.SortOrder.AscendingOrder)
    assert ids(model) == ["T-0001-0000-0", "T-0002-0000-0", "T-0003-0000-0"]


def test_filters_and_search_hits_combine(qapp) -> None:  # type: ignore[no-untyped-def]
    model = TestimonyTableModel()
    model.set_rows(
        [
            summary(1, status=Status.REVIEWED, tags=("coast",)),
            summary(2, language="en", tags=("coast",)),
            summary(3, status=Status.REVIEWED),
        ]
    )
    model.set_filters(status=Status.REVIEWED, language=None, tag=None)
    assert set(ids(model)) == {"T-0001-0000-0", "T-0003-0000-0"}
    model.set_filters(status=None, language=None, tag="coast")
    assert set(ids(model)) == {"T-0001-0000-0", "T-0002-0000-0"}
    model.set_search_hits(["T-0002-0000-0", "T-0003-0000-0"])
    assert ids(model) == ["T-0002-0000-0"]
    model.set_search_hits(None)
    model.set_filters(status=None, language=None, tag=None)
    assert model.rowCount() == 3


def test_a_saved_testimony_moves_to_where_the_order_wants_it(qapp) -> None:  # type: ignore[no-untyped-def]
    model = TestimonyTableModel()
    model.set_rows([summary(n) for n in range(1, 30)])
    saved = summary(5)._replace(updated_at="2025-05-01T00:00:00Z")
    model.upsert(saved)
    assert model.rowCount() == 29 and ids(model)[0] == saved.id
    model.sort(COLUMNS.index("id"), Qt.SortOrder.AscendingOrder)
    model.upsert(summary(40))
    assert ids(model) == sorted(ids(model))
    model.remove(saved.id)
    assert model.row_of(saved.id) is None and model.rowCount() == 29
