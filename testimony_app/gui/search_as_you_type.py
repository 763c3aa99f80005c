"""Search as you type over a vault: a pause after each keystroke, the search on the vault
thread, and only the answer to the newest query kept."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit

from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext

SEARCH_PAUSE_MS = 150


class SearchAsYouType(QObject):
    """Drives `field`: `on_hits(ids)` with the matching testimony IDs, `on_hits(None)` when the
    field is emptied. `run` is what the pause ends in (the owner's own method, so that it can
    be observed); it calls `search()`."""

    def __init__(
        self,
        field: QLineEdit,
        worker: DatabaseWorker,
        on_hits: Callable[[list[str] | None], None],
        run: Callable[[], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._field = field
        self._worker = worker
        self._on_hits = on_hits
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self.timer.timeout.connect(run)
        field.textChanged.connect(self.on_field_text_changed)

    def on_field_text_changed(self, text: str) -> None:
        if not text.strip():
            self.forget()
            self._on_hits(None)
            return
        self.timer.start()

    def search(self) -> None:
        query = self._field.text()
        self._generation += 1
        generation = self._generation

        def job(context: JobContext) -> list[str]:
            return list(context.state.require().records.search_ids(query))

        self._worker.submit(job, lambda ids: self._on_done(generation, ids))

    def _on_done(self, generation: int, ids: list[str]) -> None:
        # A newer keystroke supersedes this answer; a closed window takes none.
        if shiboken6.isValid(self) and generation == self._generation:
            self._on_hits(ids)

    def forget(self) -> None:
        """Drop the pending pause and any answer still on its way."""
        self._generation += 1
        self.timer.stop()
