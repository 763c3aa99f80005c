"""One thread owns the vault: widgets submit jobs and get results back as signals.

SQLCipher connections, Argon2id derivations and attachment streams all run on this thread,
so the window never freezes and no widget ever touches the database. A job is a function of
a `JobContext`; its result (or its exception) comes back on the GUI thread through the
callbacks given to `submit`.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from testimony_app.services.records import RecordService
from testimony_app.vault import Vault


@dataclass
class Session:
    """What the worker thread holds while the vault is unlocked."""

    vault: Vault
    records: RecordService


@dataclass
class WorkerState:
    session: Session | None = None

    def require(self) -> Session:
        if self.session is None:
            from testimony_app.errors import VaultLocked

            raise VaultLocked()
        return self.session

    def close(self) -> None:
        if self.session is not None:
            self.session.vault.close()
            self.session = None


@dataclass
class JobContext:
    state: WorkerState
    progress: Callable[[int, int | None], None]
    cancel: threading.Event = field(default_factory=threading.Event)


Job = Callable[[JobContext], Any]


class _Worker(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, object, object)

    def __init__(self) -> None:
        super().__init__()
        self.state = WorkerState()
        self.cancels: dict[int, threading.Event] = {}

    @Slot(int, object)
    def run(self, job_id: int, job: Job) -> None:
        cancel = self.cancels.get(job_id) or threading.Event()
        context = JobContext(
            self.state, lambda done, total: self.progressed.emit(job_id, done, total), cancel
        )
        try:
            result = job(context)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the GUI
            self.failed.emit(job_id, error)
        else:
            self.finished.emit(job_id, result)
        finally:
            self.cancels.pop(job_id, None)


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int | None], None] | None


class DatabaseWorker(QObject):
    """The GUI-side handle: `submit(job, on_done, on_error)`; callbacks run on the GUI thread."""

    _submitted = Signal(int, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._thread = QThread()
        self._thread.setObjectName("vault")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submitted.connect(self._worker.run)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.failed.connect(self._on_worker_failed)
        self._worker.progressed.connect(self._on_worker_progressed)
        self._thread.start()

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> int:
        job_id = next(self._ids)
        self._pending[job_id] = _Pending(on_done, on_error, on_progress)
        self._worker.cancels[job_id] = threading.Event()
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._submitted.emit(job_id, job)
        return job_id

    def cancel(self, job_id: int) -> None:
        event = self._worker.cancels.get(job_id)
        if event is not None:
            event.set()

    def forget_callbacks(self) -> None:
        """Drop every pending callback (on lock): late results must not refill a cleared view."""
        for pending in self._pending.values():
            pending.on_done = None
            pending.on_progress = None

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _pop(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        return pending

    @Slot(int, object)
    def _on_worker_finished(self, job_id: int, result: object) -> None:
        pending = self._pop(job_id)
        if pending is not None and pending.on_done is not None:
            pending.on_done(result)

    @Slot(int, object)
    def _on_worker_failed(self, job_id: int, error: BaseException) -> None:
        pending = self._pop(job_id)
        if pending is not None and pending.on_error is not None:
            pending.on_error(error)

    @Slot(int, object, object)
    def _on_worker_progressed(self, job_id: int, done: int, total: int | None) -> None:
        pending = self._pending.get(job_id)
        if pending is not None and pending.on_progress is not None:
            pending.on_progress(done, total)

    def run_blocking(self, job: Job, timeout_ms: int = 30_000) -> Any:
        """Run a job and wait for it (quitting: lock before exit). Not for normal use."""
        done = threading.Event()
        box: dict[str, Any] = {}

        def wrapped(context: JobContext) -> None:
            try:
                box["result"] = job(context)
            except BaseException as error:  # noqa: BLE001
                box["error"] = error
            finally:
                done.set()

        self.submit(wrapped)
        done.wait(timeout_ms / 1000)
        if "error" in box:
            raise box["error"]
        return box.get("result")

    def shutdown(self) -> None:
        """Lock the vault on the worker thread, then stop the thread."""
        if self._thread.isRunning():
            try:
                self.run_blocking(lambda context: context.state.close())
            finally:
                self._thread.quit()
                self._thread.wait(30_000)
