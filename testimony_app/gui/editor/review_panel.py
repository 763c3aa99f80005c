"""Redaction review: the account with what redaction finds highlighted, beside what would leave.

Click a highlighted span to keep it (it is not a name here), click it again to redact it
again; select text and press "Redact selection" to hide something no detector found. Each
decision is saved with the testimony at once and applied to every later export. The preview
is the narrative as the chosen profile would export it, made by the same code as an export.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.records import EntityType, Status
from testimony_app.domain.redaction_marks import MarkDecision, RedactionMark
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.redaction.placeholders import PLACEHOLDER
from testimony_app.redaction.profiles import load_profile, profile_names
from testimony_app.redaction.spans import Kind, Source, Span
from testimony_app.services.redaction import RedactionService, Review

NARRATIVE = "narrative"
PERSON_COLOUR = QColor("#f6c9c9")
PLACE_COLOUR = QColor("#f9dfb5")
PATTERN_COLOUR = QColor("#dcd5f5")
MANUAL_COLOUR = QColor("#fff0a0")
KEPT_COLOUR = QColor("#6b7a86")
PREVIEW_COLOUR = QColor("#e3ecf2")


def _qt_positions(text: str) -> list[int]:
    """For each index of `text` (and its end), the position Qt gives it (UTF-16 units)."""
    positions = [0] * (len(text) + 1)
    position = 0
    for index, char in enumerate(text):
        positions[index] = position
        position += 2 if ord(char) > 0xFFFF else 1
    positions[len(text)] = position
    return positions


class ReviewPanel(QWidget):
    review_marked = Signal()  # "Mark reviewed" pressed: the editor sets the status and saves
    marks_saved = Signal()

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.worker = worker
        self._testimony_id: str | None = None
        self._review: Review | None = None
        self._marks: list[RedactionMark] = []
        self._request = 0
        self._positions: list[int] = [0]

        self.profile_combo = QComboBox(self)
        for name in profile_names():
            self.profile_combo.addItem(self.profile_label(name), name)
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData("editor")))
        self.type_combo = QComboBox(self)
        for entity_type, label in self.type_labels().items():
            self.type_combo.addItem(label, entity_type)
        self.redact_button = QPushButton(self.tr("Redact selection"), self)
        self.redact_button.setToolTip(self.tr("Hide the selected text in every export (Ctrl+R)"))
        self.toggle_button = QPushButton(self.tr("Keep or redact here"), self)
        self.toggle_button.setToolTip(
            self.tr("Keep the highlighted text at the cursor, or redact it again (Ctrl+K)")
        )
        self.reviewed_button = QPushButton(self.tr("Mark reviewed"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Profile"), self))
        top.addWidget(self.profile_combo)
        top.addStretch(1)
        top.addWidget(self.type_combo)
        top.addWidget(self.redact_button)
        top.addWidget(self.toggle_button)
        top.addWidget(self.reviewed_button)

        self.source_view = self._text_view("reviewSource")
        self.source_view.setPlaceholderText(self.tr("The account, with what redaction finds."))
        self.preview_view = self._text_view("reviewPreview")
        self.preview_view.setPlaceholderText(self.tr("What would leave, for this profile."))
        source_box = QWidget(self)
        source_layout = QVBoxLayout(source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(QLabel(self.tr("Account"), source_box))
        source_layout.addWidget(self.source_view, 1)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel(self.tr("Preview of the export"), preview_box))
        preview_layout.addWidget(self.preview_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(source_box)
        splitter.addWidget(preview_box)
        splitter.setChildrenCollapsible(False)

        self.hint_label = QLabel(self.tr("Click a highlighted word to keep it."), self)
        self.hint_label.setObjectName("hintLabel")
        self.hint_label.setWordWrap(True)
        self.summary_label = QLabel("", self)
        self.summary_label.setObjectName("saveState")
        self.summary_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._legend())
        layout.addWidget(self.hint_label)
        layout.addWidget(self.summary_label)

        self.profile_combo.currentIndexChanged.connect(self.on_profile_combo_changed)
        self.redact_button.clicked.connect(self.redact_selection)
        self.toggle_button.clicked.connect(self.toggle_at_cursor)
        self.reviewed_button.clicked.connect(self.on_reviewed_button_clicked)
        self.source_view.cursorPositionChanged.connect(self.on_source_view_cursor_moved)
        self.source_view.viewport().installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+R"), self, self.redact_selection)
        QShortcut(QKeySequence("Ctrl+K"), self, self.toggle_at_cursor)
        self._set_enabled(False)

    def _text_view(self, name: str) -> QTextEdit:
        view = QTextEdit(self)
        view.setObjectName(name)
        view.setReadOnly(True)
        view.setAcceptRichText(False)
        # Selectable, and a cursor the keyboard can move, but not editable.
        view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        view.document().setDefaultTextOption(option)
        return view

    # --- words -------------------------------------------------------------------------------

    def profile_label(self, name: str) -> str:
        labels = {"editor": self.tr("For an editor"), "public": self.tr("For publication")}
        if name in labels:
            return labels[name]
        return load_profile(name).label(self.locale().name())

    def type_labels(self) -> dict[EntityType, str]:
        return {
            EntityType.PERSON: self.tr("as a name"),
            EntityType.LOCATION_PRIVATE: self.tr("as a place"),
            EntityType.OTHER: self.tr("as other"),
        }

    def kind_label(self, kind: Kind) -> str:
        return {
            Kind.PERSON: self.tr("Name"),
            Kind.PLACE: self.tr("Private place"),
            Kind.PHONE: self.tr("Phone number"),
            Kind.EMAIL: self.tr("Email address"),
            Kind.ID: self.tr("ID number"),
            Kind.DATE_OF_BIRTH: self.tr("Date of birth"),
            Kind.PLATE: self.tr("Vehicle plate"),
            Kind.HANDLE: self.tr("Social media account"),
            Kind.URL: self.tr("Web link"),
            Kind.COORDINATES: self.tr("Coordinates"),
            Kind.OTHER: self.tr("Other"),
        }[kind]

    def source_label(self, span: Span) -> str:
        if span.source is Source.MANUAL:
            return self.tr("marked by you")
        if span.source is Source.REGISTERED:
            return self.tr("registered")
        return self.tr("found by its shape")

    def _legend(self) -> QHBoxLayout:
        """Which colour is which: a swatch and a plain word each (no markup to translate)."""
        legend = QHBoxLayout()
        entries = (
            (PERSON_COLOUR, self.tr("names")),
            (PLACE_COLOUR, self.tr("places")),
            (PATTERN_COLOUR, self.tr("numbers, addresses, accounts")),
            (MANUAL_COLOUR, self.tr("your marks")),
        )
        for colour, text in entries:
            swatch = QLabel(self)
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {colour.name()}; border: 1px solid #c8ced3;")
            legend.addWidget(swatch)
            legend.addWidget(QLabel(text, self))
            legend.addSpacing(10)
        kept = QLabel(self.tr("kept"), self)
        kept.setStyleSheet(f"color: {KEPT_COLOUR.name()}; text-decoration: underline;")
        legend.addWidget(kept)
        legend.addStretch(1)
        return legend

    # --- loading -------------------------------------------------------------------------------

    @property
    def review(self) -> Review | None:
        return self._review

    @property
    def profile_name(self) -> str:
        return str(self.profile_combo.currentData() or "editor")

    def set_testimony(self, testimony_id: str | None) -> None:
        self.clear()
        self._testimony_id = testimony_id

    def refresh(self) -> None:
        """Redact the stored testimony again (after a save, a decision, a profile change)."""
        testimony_id = self._testimony_id
        if testimony_id is None:
            return
        profile = self.profile_name
        self._request += 1
        request = self._request

        def job(context: JobContext) -> Review:
            service = RedactionService(context.state.require().records)
            return service.review(testimony_id, profile)  # type: ignore[arg-type]

        self.worker.submit(
            job, lambda review: self._on_review(review, request), self._on_review_failed
        )

    def _on_review(self, review: Review, request: int) -> None:
        if request != self._request or review.testimony.id != self._testimony_id:
            return  # a newer review is on its way, or the testimony changed
        self._review = review
        self._marks = list(review.marks)
        self._set_enabled(True)
        self._show(review)

    def _on_review_failed(self, _error: BaseException) -> None:
        self.summary_label.setText(self.tr("The review could not be made from the vault."))

    def _show(self, review: Review) -> None:
        narrative = review.testimony.content.narrative
        self._positions = _qt_positions(narrative)
        cursor_position = self.source_view.textCursor().position()
        if self.source_view.toPlainText() != narrative:
            self.source_view.setPlainText(narrative)
        cursor = self.source_view.textCursor()
        cursor.setPosition(min(cursor_position, len(self.source_view.toPlainText())))
        self.source_view.setTextCursor(cursor)
        result = review.redacted.fields.get(NARRATIVE)
        selections = []
        if result is not None:
            for span in result.spans:
                selections.append(self._selection(self.source_view, span.start, span.end, span))
            for span in result.kept:
                selections.append(self._selection(self.source_view, span.start, span.end, None))
        self.source_view.setExtraSelections(selections)
        preview = str(review.redacted.record.get("narrative") or "")
        self.preview_view.setPlainText(preview)
        preview_positions = _qt_positions(preview)
        marks = []
        for match in PLACEHOLDER.finditer(preview):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.preview_view.document())
            cursor.setPosition(preview_positions[match.start()])
            cursor.setPosition(preview_positions[match.end()], QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            text_format = QTextCharFormat()
            text_format.setBackground(PREVIEW_COLOUR)
            selection.format = text_format
            marks.append(selection)
        self.preview_view.setExtraSelections(marks)
        self.summary_label.setText(self._summary(review))
        reviewed = review.testimony.content.status is Status.REVIEWED
        self.reviewed_button.setText(self.tr("Reviewed") if reviewed else self.tr("Mark reviewed"))
        self.reviewed_button.setEnabled(not reviewed)

    def _selection(
        self, view: QTextEdit, start: int, end: int, span: Span | None
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(view.document())
        cursor.setPosition(self._positions[start])
        cursor.setPosition(self._positions[end], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        text_format = QTextCharFormat()
        if span is None:  # kept by the reviewer
            text_format.setForeground(KEPT_COLOUR)
            text_format.setFontUnderline(True)
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        elif span.source is Source.MANUAL:
            text_format.setBackground(MANUAL_COLOUR)
        elif span.kind is Kind.PERSON:
            text_format.setBackground(PERSON_COLOUR)
        elif span.kind is Kind.PLACE:
            text_format.setBackground(PLACE_COLOUR)
        else:
            text_format.setBackground(PATTERN_COLOUR)
        selection.format = text_format
        return selection

    def _summary(self, review: Review) -> str:
        report = review.redacted.report
        if not report.total:
            text = self.tr("Nothing is replaced in this testimony.")
        else:
            counts = ", ".join(
                f"{self.kind_label(Kind(kind))} {count}" for kind, count in report.by_kind().items()
            )
            text = (
                self.tr("%1 replaced: %2.").replace("%1", str(report.total)).replace("%2", counts)
            )
        if report.kept_by_reviewer:
            text += " " + self.tr("%1 kept by you.").replace("%1", str(report.kept_by_reviewer))
        return text

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.redact_button, self.toggle_button, self.reviewed_button):
            widget.setEnabled(enabled)
        self.type_combo.setEnabled(enabled)

    # --- decisions -----------------------------------------------------------------------------

    def _index_at(self, qt_position: int) -> int:
        """The narrative index of a Qt cursor position."""
        positions = self._positions
        low, high = 0, len(positions) - 1
        while low < high:  # the first index whose position is >= qt_position
            middle = (low + high) // 2
            if positions[middle] < qt_position:
                low = middle + 1
            else:
                high = middle
        return low

    def _narrative(self) -> str:
        return "" if self._review is None else self._review.testimony.content.narrative

    def toggle_at(self, index: int) -> bool:
        """Keep the span at `index`, or undo the decision there. Whether anything changed."""
        review = self._review
        if review is None:
            return False
        narrative = self._narrative()
        for mark in list(self._marks):
            found = mark.field == NARRATIVE and mark.locate(narrative)
            if found and found[0] <= index < found[1]:
                self._marks.remove(mark)  # undo a keep, or a redaction of one's own
                self._save_marks()
                return True
        result = review.redacted.fields.get(NARRATIVE)
        for span in result.spans if result is not None else ():
            if span.start <= index < span.end and span.source is not Source.MANUAL:
                text = narrative[span.start : span.end]
                self._marks.append(
                    RedactionMark(NARRATIVE, span.start, span.end, text, MarkDecision.KEEP)
                )
                self._save_marks()
                return True
        return False

    def toggle_at_cursor(self) -> None:
        cursor = self.source_view.textCursor()
        self.toggle_at(self._index_at(cursor.selectionStart()))

    def redact_range(self, start: int, end: int, entity_type: EntityType) -> bool:
        narrative = self._narrative()
        while start < end and narrative[start].isspace():
            start += 1
        while end > start and narrative[end - 1].isspace():
            end -= 1
        if self._review is None or start >= end:
            return False
        # A keep decision inside the new redaction no longer holds.
        self._marks = [
            mark
            for mark in self._marks
            if not (
                mark.decision is MarkDecision.KEEP
                and (found := mark.locate(narrative))
                and found[0] < end
                and start < found[1]
            )
        ]
        self._marks.append(
            RedactionMark(
                NARRATIVE, start, end, narrative[start:end], MarkDecision.REDACT, entity_type
            )
        )
        self._save_marks()
        return True

    def redact_selection(self) -> None:
        cursor = self.source_view.textCursor()
        if not cursor.hasSelection():
            self.hint_label.setText(self.tr("Select the words to redact first."))
            return
        start = self._index_at(cursor.selectionStart())
        end = self._index_at(cursor.selectionEnd())
        entity_type = self.type_combo.currentData()
        self.redact_range(
            start, end, entity_type if isinstance(entity_type, EntityType) else EntityType.OTHER
        )

    def _save_marks(self) -> None:
        testimony_id = self._testimony_id
        if testimony_id is None:
            return
        marks = tuple(self._marks)
        profile = self.profile_name
        self._request += 1
        request = self._request
        self._set_enabled(False)

        def job(context: JobContext) -> Review:
            service = RedactionService(context.state.require().records)
            service.set_marks(testimony_id, marks)  # type: ignore[arg-type]
            return service.review(testimony_id, profile)  # type: ignore[arg-type]

        def done(review: Review) -> None:
            self._on_review(review, request)
            self.marks_saved.emit()

        self.worker.submit(job, done, self._on_marks_failed)

    def _on_marks_failed(self, _error: BaseException) -> None:
        self.summary_label.setText(self.tr("The decision could not be saved; nothing changed."))
        self.refresh()

    # --- events ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.source_view.viewport()
            and isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
            and not self.source_view.textCursor().hasSelection()
        ):
            position = self.source_view.cursorForPosition(event.position().toPoint()).position()
            self.toggle_at(self._index_at(position))
        return super().eventFilter(watched, event)

    def on_source_view_cursor_moved(self) -> None:
        review = self._review
        if review is None:
            return
        index = self._index_at(self.source_view.textCursor().position())
        result = review.redacted.fields.get(NARRATIVE)
        if result is None:
            return
        for span in result.spans:
            if span.start <= index < span.end:
                hint = (
                    self.tr("%1, %2. Click to keep it.")
                    if span.source is not Source.MANUAL
                    else self.tr("%1, %2. Click to show it again.")
                )
                self.hint_label.setText(
                    hint.replace("%1", self.kind_label(span.kind)).replace(
                        "%2", self.source_label(span)
                    )
                )
                return
        for span in result.kept:
            if span.start <= index < span.end:
                self.hint_label.setText(self.tr("Kept by you. Click to redact it again."))
                return
        self.hint_label.setText(self.tr("Click a highlighted word to keep it."))

    def on_profile_combo_changed(self, _index: int) -> None:
        self.refresh()

    def on_reviewed_button_clicked(self) -> None:
        self.review_marked.emit()

    def clear(self) -> None:
        """Forget the testimony: both views emptied, no decision or span kept in memory."""
        self._request += 1
        self._testimony_id = None
        self._review = None
        self._marks = []
        self._positions = [0]
        for view in (self.source_view, self.preview_view):
            view.setExtraSelections([])
            view.clear()
            view.document().clearUndoRedoStacks()
        self.summary_label.clear()
        self.hint_label.setText(self.tr("Click a highlighted word to keep it."))
        self._set_enabled(False)
