"""The testimony editor: narrative, interview and consent, incidents, entities, attachments.

Autosave: an edit is saved two seconds after typing pauses, at the latest five seconds after
the first unsaved edit while typing goes on, and whenever the focus moves. A save that loses
a race with another program's save is retried over it: nothing is lost, because every save
keeps the version before it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.records import Status, Testimony, TestimonyContent
from testimony_app.domain.vocabulary import Vocabulary
from testimony_app.gui.editor.attachments_panel import AttachmentsPanel
from testimony_app.gui.editor.entities_panel import EntitiesPanel
from testimony_app.gui.editor.incidents_panel import IncidentsPanel
from testimony_app.gui.editor.interview_form import InterviewForm
from testimony_app.gui.editor.review_panel import ReviewPanel
from testimony_app.gui.editor.revisions_panel import RevisionsPanel
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext

PAUSE_MS = 2000
LONGEST_UNSAVED_SECONDS = 5.0


def split_tags(text: str) -> tuple[str, ...]:
    seen: list[str] = []
    for part in text.replace("،", ",").split(","):
        tag = part.strip()
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


class TestimonyEditor(QWidget):
    """Edits one testimony at a time; saves through the vault worker."""

    __test__ = False
    saved = Signal(object)  # Testimony
    save_failed = Signal(str)

    def __init__(
        self,
        worker: DatabaseWorker,
        vocabulary: Vocabulary,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("testimonyEditor")
        self.worker = worker
        self._testimony: Testimony | None = None
        self._loading = False
        self._dirty_generation = 0
        self._saved_generation = 0
        self._first_unsaved: float | None = None
        self._save_in_flight = False

        self.heading = QLabel("", self)
        self.heading.setObjectName("editorHeading")
        self.status_combo = QComboBox(self)
        for status, label in self.status_labels().items():
            self.status_combo.addItem(label, status)
        self.save_state_label = QLabel("", self)
        self.save_state_label.setObjectName("saveState")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Status"), self))
        top.addWidget(self.status_combo)

        # QTextEdit in plain-text mode rather than QPlainTextEdit: only QTextEdit aligns each
        # paragraph by its own direction (a wrapped Arabic line stays right-aligned).
        self.narrative_edit = QTextEdit(self)
        self.narrative_edit.setAcceptRichText(False)
        self.narrative_edit.setObjectName("narrativeEdit")
        self.narrative_edit.setPlaceholderText(self.tr("What the witness said, in their words."))
        # Each paragraph takes its direction from its first strong letter: Arabic right to
        # left and right-aligned, English left to right, in either interface language.
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.narrative_edit.document().setDefaultTextOption(option)
        self.tags_field = QLineEdit(self)
        self.tags_field.setPlaceholderText(self.tr("Tags, separated by commas"))
        narrative_page = QWidget(self)
        narrative_layout = QVBoxLayout(narrative_page)
        narrative_layout.addWidget(self.narrative_edit, 1)
        narrative_layout.addWidget(self.tags_field)

        self.interview_form = InterviewForm(self)
        self.incidents_panel = IncidentsPanel(vocabulary, language, self)
        self.entities_panel = EntitiesPanel(self)
        self.attachments_panel = AttachmentsPanel(worker, self)
        self.revisions_panel = RevisionsPanel(worker, self)
        self.review_panel = ReviewPanel(worker, self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(narrative_page, self.tr("Account"))
        self.tabs.addTab(self.interview_form, self.tr("Interview and consent"))
        self.tabs.addTab(self.incidents_panel, self.tr("Incidents"))
        self.tabs.addTab(self.entities_panel, self.tr("Sensitive names"))
        self.tabs.addTab(self.attachments_panel, self.tr("Attachments"))
        self.tabs.addTab(self.review_panel, self.tr("Redaction review"))
        self.tabs.addTab(self.revisions_panel, self.tr("Versions"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.save_state_label)

        self.pause_timer = QTimer(self)
        self.pause_timer.setSingleShot(True)
        self.pause_timer.setInterval(PAUSE_MS)
        self.pause_timer.timeout.connect(self.save_now)

        self.narrative_edit.textChanged.connect(self.on_content_changed)
        self.tags_field.textEdited.connect(self.on_content_changed)
        self.status_combo.currentIndexChanged.connect(self.on_content_changed)
        for panel in (self.interview_form, self.incidents_panel, self.entities_panel):
            panel.changed.connect(self.on_content_changed)
        self.revisions_panel.restore_requested.connect(self.on_revisions_panel_restore_requested)
        self.review_panel.review_marked.connect(self.on_review_panel_review_marked)
        self.tabs.currentChanged.connect(self.on_tabs_current_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_application_focus_changed)
        self.setEnabled(False)

    def status_labels(self) -> dict[Status, str]:
        return {
            Status.DRAFT: self.tr("Draft"),
            Status.COMPLETE: self.tr("Complete"),
            Status.REVIEWED: self.tr("Reviewed"),
        }

    # --- loading and reading the widgets -------------------------------------------------

    @property
    def testimony_id(self) -> str | None:
        return None if self._testimony is None else self._testimony.id

    @property
    def is_dirty(self) -> bool:
        return self._dirty_generation != self._saved_generation

    def load(self, testimony: Testimony) -> None:
        self._testimony = testimony
        self._loading = True
        try:
            self._show_content(testimony.content)
            self.heading.setText(
                self.tr("Testimony %1 · witness %2")
                .replace("%1", testimony.id)
                .replace("%2", testimony.witness_id)
            )
        finally:
            self._loading = False
        self._dirty_generation = self._saved_generation = 0
        self._first_unsaved = None
        self.attachments_panel.set_testimony(testimony.id)
        self.revisions_panel.set_testimony(testimony.id)
        self.review_panel.set_testimony(testimony.id)
        if self.tabs.currentWidget() is self.review_panel:
            self.review_panel.refresh()
        self.save_state_label.setText(self.tr("All changes saved."))
        self.setEnabled(True)

    def _show_content(self, content: TestimonyContent) -> None:
        self.narrative_edit.setPlainText(content.narrative)
        self.tags_field.setText(", ".join(content.tags))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(content.status)))
        self.interview_form.set_values(content.interview, content.consent)
        self.incidents_panel.set_incidents(content.incidents)
        self.entities_panel.set_entities(content.entities)

    def content(self) -> TestimonyContent:
        status = self.status_combo.currentData()
        return TestimonyContent(
            interview=self.interview_form.interview(),
            consent=self.interview_form.consent(),
            narrative=self.narrative_edit.toPlainText(),
            incidents=self.incidents_panel.incidents(),
            entities=self.entities_panel.entities(),
            tags=split_tags(self.tags_field.text()),
            status=status if isinstance(status, Status) else Status.DRAFT,
        )

    # --- autosave ------------------------------------------------------------------------

    def on_content_changed(self, *_: object) -> None:
        if self._loading or self._testimony is None:
            return
        self._dirty_generation += 1
        now = time.monotonic()
        if self._first_unsaved is None:
            self._first_unsaved = now
        self.save_state_label.setText(self.tr("Unsaved changes…"))
        if now - self._first_unsaved >= LONGEST_UNSAVED_SECONDS:
            self.save_now()
        else:
            self.pause_timer.start()

    def on_application_focus_changed(self, *_: object) -> None:
        if self.is_dirty:
            self.save_now()

    def save_now(self, *, overwrite: bool = False) -> None:
        """Save if there is anything unsaved (one save at a time; edits meanwhile follow)."""
        self.pause_timer.stop()
        if self._testimony is None or not self.is_dirty or self._save_in_flight:
            return
        testimony_id = self._testimony.id
        expected = None if overwrite else self._testimony.revision
        content = self.content()
        generation = self._dirty_generation
        self._save_in_flight = True
        self.save_state_label.setText(self.tr("Saving…"))

        def job(context: JobContext) -> Testimony:
            return context.state.require().records.save_testimony(
                testimony_id,
                content,
                expected_revision=expected,
            )

        self.worker.submit(
            job,
            lambda saved: self._on_saved(saved, generation),
            lambda error: self._on_save_error(error, generation),
        )

    def _on_saved(self, testimony: Testimony, generation: int) -> None:
        self._save_in_flight = False
        if self._testimony is None or testimony.id != self._testimony.id:
            return
        self._testimony = testimony
        self._saved_generation = max(self._saved_generation, generation)
        if self.is_dirty:
            self.save_now()
        else:
            self._first_unsaved = None
            self.save_state_label.setText(self.tr("All changes saved."))
        self.revisions_panel.refresh()
        if self.tabs.currentWidget() is self.review_panel:
            self.review_panel.refresh()
        self.saved.emit(testimony)

    def _on_save_error(self, error: BaseException, generation: int) -> None:
        from testimony_app.domain.interchange import InterchangeError
        from testimony_app.services.records import EditConflict

        self._save_in_flight = False
        if isinstance(error, EditConflict):
            # Someone else saved meanwhile: their version stays in the history; save ours over.
            self.save_now(overwrite=True)
            return
        if isinstance(error, InterchangeError):
            fields = ", ".join(sorted({problem.path for problem in error.problems}))
            message = self.tr("Not saved: check these fields: %1").replace("%1", fields)
        else:
            message = self.tr("Not saved: the vault could not store the change.")
        self.save_state_label.setText(message)
        self.save_failed.emit(message)

    def on_revisions_panel_restore_requested(self, content: TestimonyContent) -> None:
        self._loading = True
        try:
            self._show_content(content)
        finally:
            self._loading = False
        self._loading = False
        self.on_content_changed()
        self.save_now()

    # --- redaction review -----------------------------------------------------------------

    def on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.review_panel and self._testimony is not None:
            # The review redacts what is stored: save what was typed, then look (again).
            self.save_now()
            self.review_panel.refresh()

    def on_review_panel_review_marked(self) -> None:
        if self._testimony is None:
            return
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(Status.REVIEWED)))
        self.save_now()

    # --- entities from the narrative ------------------------------------------------------

    def register_selection(self) -> None:
        """Ctrl+E: register the selected narrative text as a sensitive name."""
        text = self.narrative_edit.textCursor().selectedText().replace("\u2029", " ").strip()
        if not text or self._testimony is None:
            return
        self.entities_panel.add_entity(text)
        self.tabs.setCurrentWidget(self.entities_panel)

    # --- lock ----------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the testimony: every field emptied, nothing left in any widget."""
        self.pause_timer.stop()
        self._testimony = None
        self._loading = True
        try:
            self.narrative_edit.clear()
            self.narrative_edit.document().clearUndoRedoStacks()
            self.tags_field.clear()
            self.heading.clear()
            self.interview_form.clear()
            self.incidents_panel.clear()
            self.entities_panel.clear()
            self.attachments_panel.clear()
            self.revisions_panel.clear()
            self.review_panel.clear()
        finally:
            self._loading = False
        self._dirty_generation = self._saved_generation = 0
        self._first_unsaved = None
        self._save_in_flight = False
        self.save_state_label.clear()
        self.setEnabled(False)
