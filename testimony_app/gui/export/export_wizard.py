"""Exporting: choose testimonies, profile, recipients; review the gates; save; write; hand over.

The bundles are written on the vault thread, one recipient at a time, with a progress bar and
a Cancel button that sets the job's cancel event. The core leaves no file for a bundle it did
not finish; with several recipients, the bundles already finished are removed too when a later
one is cancelled or fails, so "nothing written" is true of the whole export.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from testimony_app.bundle.writer import ExportCancelled, WrittenBundle
from testimony_app.domain.ids import TestimonyId
from testimony_app.gui.editor.attachment_viewer import throttled
from testimony_app.gui.error_messages import describe
from testimony_app.gui.export.destination_page import DestinationPage
from testimony_app.gui.export.export_done_page import ExportDonePage
from testimony_app.gui.export.export_progress_page import STEPS_PER_BUNDLE, ExportProgressPage
from testimony_app.gui.export.profile_page import ProfilePage
from testimony_app.gui.export.recipients_page import RecipientsPage
from testimony_app.gui.export.review_page import ReviewPage
from testimony_app.gui.export.testimonies_page import TestimoniesPage
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.media.errors import CleaningCancelled
from testimony_app.services.export import ExportRefused, ExportRequest

TESTIMONIES, PROFILE, RECIPIENTS, REVIEW, DESTINATION, PROGRESS, DONE = range(7)
CHOICE_PAGES = 5  # "Step n of 5" for the pages where the user decides


@dataclass(frozen=True)
class ExportOutcome:
    bundles: list[WrittenBundle]
    fingerprint: str  # the vault's signing key, to read aloud


def export_job(request: ExportRequest, paths: list[Path]) -> Callable[[JobContext], ExportOutcome]:
    """One bundle per recipient; any failure or cancel removes the ones already written."""

    def job(context: JobContext) -> ExportOutcome:
        from testimony_app.services.export import ExportService
        from testimony_app.services.keys import KeyService

        records = context.state.require().records
        service = ExportService(records)
        report = throttled(context.progress)
        count = len(request.recipients)
        written: list[WrittenBundle] = []
        try:
            for index, (recipient, path) in enumerate(zip(request.recipients, paths, strict=True)):
                one = dataclasses.replace(request, recipients=[recipient], out=path)

                def progress(done: int, total: int | None, index: int = index) -> None:
                    # At most 999 per bundle: its last byte is still "bundle n", not n + 1.
                    part = (
                        min(done * STEPS_PER_BUNDLE // total, STEPS_PER_BUNDLE - 1) if total else 0
                    )
                    report(index * STEPS_PER_BUNDLE + part, count * STEPS_PER_BUNDLE)

                written += service.export(one, progress=progress, cancel=context.cancel)
                if context.cancel.is_set():
                    raise ExportCancelled()
        except BaseException:
            for bundle in written:
                with contextlib.suppress(OSError):
                    bundle.path.unlink()
            raise
        return ExportOutcome(written, KeyService(records).signing_identity().fingerprint)

    return job


class ExportWizard(QDialog):
    export_progressed = Signal(int, int)  # (done, total) as the bar shows it
    export_finished = Signal(object)  # ExportOutcome
    export_failed = Signal(object)  # the error (ExportCancelled when cancelled)

    def __init__(
        self,
        worker: DatabaseWorker,
        preselected: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportWizard")
        self.setWindowTitle(self.tr("Export testimonies"))
        self._worker = worker
        self._job_id: int | None = None
        self._back_target = DESTINATION
        self.outcome: ExportOutcome | None = None

        self.step_label = QLabel(self)
        self.step_label.setObjectName("note")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("title")
        self.testimonies_page = TestimoniesPage(worker, self)
        self.profile_page = ProfilePage(self)
        self.recipients_page = RecipientsPage(worker, self)
        self.review_page = ReviewPage(worker, self)
        self.destination_page = DestinationPage(self)
        self.progress_page = ExportProgressPage(self)
        self.done_page = ExportDonePage(self)
        self.pages = QStackedWidget(self)
        for page in (
            self.testimonies_page,
            self.profile_page,
            self.recipients_page,
            self.review_page,
            self.destination_page,
            self.progress_page,
            self.done_page,
        ):
            self.pages.addWidget(page)

        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.back_button = QPushButton(self.tr("Back"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        for button in (self.cancel_button, self.back_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.step_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(900, 640)

        self.cancel_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(self.on_back_button_clicked)
        self.next_button.clicked.connect(self.on_next_button_clicked)
        self.testimonies_page.ticks_changed.connect(self._update_buttons)
        self.testimonies_page.loaded.connect(self._update_buttons)
        self.recipients_page.ticks_changed.connect(self._update_buttons)
        self.review_page.state_changed.connect(self._update_buttons)
        self.review_page.testimony_toggled.connect(self.on_review_page_testimony_toggled)
        self.destination_page.path_changed.connect(self._update_buttons)
        self.progress_page.cancel_requested.connect(self.on_progress_page_cancel_requested)

        self.testimonies_page.load(list(preselected or []))
        self.recipients_page.load()
        self._go(TESTIMONIES)

    # --- moving between pages --------------------------------------------------------------

    def page_titles(self) -> list[str]:
        return [
            self.tr("Testimonies"),
            self.tr("Profile"),
            self.tr("Recipients"),
            self.tr("Review"),
            self.tr("Where to save"),
            self.tr("Exporting"),
            self.tr("Exported"),
        ]

    @property
    def current(self) -> int:
        return self.pages.currentIndex()

    def _go(self, index: int) -> None:
        if index == REVIEW:
            self._start_review()
        if index == DESTINATION:
            keys = self.recipients_page.ticked_keys()
            self.destination_page.set_recipients(keys, self.recipients_page.name_of)
        self.pages.setCurrentIndex(index)
        self.title_label.setText(self.page_titles()[index])
        if index < CHOICE_PAGES:
            self.step_label.setText(
                self.tr("Step %1 of %2")
                .replace("%1", QLocale().toString(index + 1))
                .replace("%2", QLocale().toString(CHOICE_PAGES))
            )
        else:
            self.step_label.setText("")
        focus = {
            TESTIMONIES: self.testimonies_page.table,
            DESTINATION: self.destination_page.choose_button,
        }.get(index)
        if focus is not None:
            focus.setFocus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.current
        running = self._job_id is not None
        self.back_button.setVisible(index not in (TESTIMONIES, DONE) and not running)
        self.next_button.setVisible(index != PROGRESS)
        self.cancel_button.setVisible(index != DONE)
        self.cancel_button.setText(
            self.tr("Close") if index == PROGRESS and not running else self.tr("Cancel")
        )
        if index == DESTINATION:
            self.next_button.setText(self.tr("Export"))
        elif index == DONE:
            self.next_button.setText(self.tr("Close"))
        else:
            self.next_button.setText(self.tr("Next"))
        self.next_button.setEnabled(self._may_continue(index))
        if index == PROGRESS and not running:
            self.back_button.setDefault(True)
        else:
            self.next_button.setDefault(True)

    def _may_continue(self, index: int) -> bool:
        if index == TESTIMONIES:
            return bool(self.testimonies_page.ticked_ids())
        if index == RECIPIENTS:
            return bool(self.recipients_page.ticked_keys())
        if index == REVIEW:
            return self.review_page.can_continue()
        if index == DESTINATION:
            return self.destination_page.path() is not None
        return index != PROGRESS

    def on_next_button_clicked(self) -> None:
        index = self.current
        if not self._may_continue(index):
            return
        if index == DONE:
            self.accept()
        elif index == DESTINATION:
            self.start_export()
        else:
            self._go(index + 1)

    def on_back_button_clicked(self) -> None:
        index = self.current
        if self._job_id is not None or index == TESTIMONIES:
            return
        self._go(self._back_target if index == PROGRESS else index - 1)

    # --- the review ------------------------------------------------------------------------

    def _start_review(self) -> None:
        ids = self.testimonies_page.ticked_ids()
        profile = self.profile_page.profile()
        recipients = len(self.recipients_page.ticked_keys())
        summary = (
            self.tr("Testimonies chosen: %1. Redacted: %2. Recipients: %3.")
            .replace("%1", QLocale().toString(len(ids)))
            .replace("%2", self.profile_page.profile_label(profile))
            .replace("%3", QLocale().toString(recipients))
        )
        self.review_page.start(ids, profile, self._caption, summary)

    def _caption(self, testimony_id: str) -> str:
        summary = self.testimonies_page.model.summary_of(testimony_id)
        if summary is not None and summary.interview_date:
            return (
                self.tr("Send %1 (interview of %2)")
                .replace("%1", testimony_id)
                .replace("%2", "\u2066" + summary.interview_date + "\u2069")
            )
        return self.tr("Send %1").replace("%1", testimony_id)

    def on_review_page_testimony_toggled(self, testimony_id: str, send: bool) -> None:
        self.testimonies_page.set_ticked([testimony_id], send)

    # --- the export ------------------------------------------------------------------------

    def request(self) -> ExportRequest:
        path = self.destination_page.path()
        assert path is not None
        return ExportRequest(
            testimony_ids=[TestimonyId(t) for t in self.testimonies_page.ticked_ids()],
            recipients=self.recipients_page.ticked_keys(),
            out=path,
            profile=self.profile_page.profile(),
            accept_automatic_redaction=self.review_page.accept_automatic_redaction(),
            send_uncleaned=self.review_page.send_uncleaned(),
        )

    def start_export(self) -> None:
        if self._job_id is not None:
            return
        request = self.request()
        paths = self.destination_page.paths()
        self._back_target = DESTINATION
        self.progress_page.show_running(len(paths))
        self._job_id = self._worker.submit(
            export_job(request, paths),
            self._on_export_done,
            self._on_export_failed,
            self._on_export_progressed,
        )
        self._go(PROGRESS)

    def _alive(self) -> bool:
        return bool(shiboken6.isValid(self)) and self.isVisible()

    def _on_export_progressed(self, done: int, total: int | None) -> None:
        if not self._alive() or total is None:
            return
        self.progress_page.show_progress(done, total)
        self.export_progressed.emit(done, total)

    def _on_export_done(self, outcome: ExportOutcome) -> None:
        self._job_id = None
        if not self._alive():
            return
        self.outcome = outcome
        self.done_page.show_result(
            outcome.bundles, outcome.fingerprint, self.recipients_page.name_of
        )
        self._go(DONE)
        self.export_finished.emit(outcome)

    def _on_export_failed(self, error: BaseException) -> None:
        self._job_id = None
        if not self._alive():
            return
        if isinstance(error, ExportCancelled | CleaningCancelled):
            self.progress_page.show_cancelled()
        elif isinstance(error, ExportRefused):
            self._back_target = REVIEW
            self.progress_page.show_failed(
                self.tr("Some testimonies may not go after all. Nothing was written."),
                self.tr("Something changed since the review. Go back to review them again."),
            )
        else:
            self.progress_page.show_failed(
                describe(error), self.tr("Nothing was written. You can go back and try again.")
            )
        self._update_buttons()
        self.export_failed.emit(error)

    def on_progress_page_cancel_requested(self) -> None:
        if self._job_id is not None:
            self._worker.cancel(self._job_id)

    # --- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: a running export is cancelled first."""
        if self._job_id is not None:
            self.progress_page.on_cancel_button_clicked()
            return
        self.clear()
        super().reject()

    def accept(self) -> None:
        self.clear()
        super().accept()

    def close_for_lock(self) -> None:
        """On lock: stop a running export (it leaves no file), forget everything, close."""
        if self._job_id is not None:
            self._worker.cancel(self._job_id)
            self._job_id = None
        self.clear()
        super().reject()

    def clear(self) -> None:
        for page in (
            self.testimonies_page,
            self.profile_page,
            self.recipients_page,
            self.review_page,
            self.destination_page,
            self.progress_page,
            self.done_page,
        ):
            page.clear()
        self.outcome = None
