"""One imported testimony, read-only: what the bundle holds of it, as the editor reads it.

The record is the redacted interchange shape the core verified on import; nothing here can be
edited or saved. Each value is shown in its own direction (an Arabic place in an English
window, a date in an Arabic one).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.vocabulary import Vocabulary
from testimony_app.gui.bidi_text import display_name, isolated
from testimony_app.gui.bundles.imported_attachment_viewer import ImportedFile
from testimony_app.gui.editor.attachment_viewer import describe_type, format_size
from testimony_app.gui.editor.attachments_panel import IsolatingDelegate
from testimony_app.gui.language_names import language_name
from testimony_app.gui.status_text import align_leading

FileRole = Qt.ItemDataRole.UserRole + 1


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _tree(parent: QWidget, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setColumnCount(len(headers))
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setItemDelegate(IsolatingDelegate(tree))
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return tree


class ImportedTestimonyView(QWidget):
    file_activated = Signal(object)  # ImportedFile

    def __init__(self, vocabulary: Vocabulary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importedTestimonyView")
        self._vocabulary = vocabulary
        self._bundle_id = ""
        self.heading_label = QLabel(self)
        self.heading_label.setObjectName("editorHeading")
        self.read_only_label = QLabel(self.tr("Read only: as the bundle brought it."), self)
        self.read_only_label.setObjectName("note")
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
        for key, caption in (
            ("interview", self.tr("Interview")),
            ("witness", self.tr("Witness")),
            ("consent", self.tr("Consent")),
            ("status", self.tr("Status")),
            ("tags", self.tr("Tags")),
        ):
            label = QLabel(self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            align_leading(label)
            form.addRow(caption, label)
            self.fields[key] = label

        self.narrative_view = QTextEdit(self)
        self.narrative_view.setObjectName("importedNarrative")
        self.narrative_view.setReadOnly(True)
        self.narrative_view.setAcceptRichText(False)
        self.narrative_view.setUndoRedoEnabled(False)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.narrative_view.document().setDefaultTextOption(option)
        self.incident_list = _tree(
            self,
            [
                self.tr("Date"),
                self.tr("Place"),
                self.tr("What happened"),
                self.tr("By whom"),
                self.tr("Victims"),
            ],
        )
        self.incident_list.setObjectName("importedIncidents")
        self.incident_list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        attachments_page = QWidget(self)
        self.attachment_list = _tree(
            attachments_page, [self.tr("File"), self.tr("Type"), self.tr("Size")]
        )
        self.attachment_list.setObjectName("importedAttachments")
        self.view_button = QPushButton(self.tr("View"), attachments_page)
        self.view_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.view_button)
        attachments_layout = QVBoxLayout(attachments_page)
        attachments_layout.setContentsMargins(0, 0, 0, 0)
        attachments_layout.addWidget(self.attachment_list, 1)
        attachments_layout.addLayout(buttons)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.narrative_view, self.tr("Account"))
        self.tabs.addTab(self.incident_list, self.tr("Incidents"))
        self.tabs.addTab(attachments_page, self.tr("Attachments"))
        self.empty_label = QLabel(self.tr("Choose a testimony on the left to read it."), self)
        self.empty_label.setObjectName("note")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.content = QWidget(self)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.heading_label)
        content_layout.addWidget(self.read_only_label)
        content_layout.addLayout(form)
        content_layout.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.empty_label, 1)
        self.attachment_list.itemSelectionChanged.connect(self.on_attachment_list_selection_changed)
        self.attachment_list.itemActivated.connect(self.on_attachment_list_item_activated)
        self.view_button.clicked.connect(self.on_view_button_clicked)
        self.clear()

    # --- showing ---------------------------------------------------------------------------

    def _language(self) -> str:
        return QLocale().name().split("_", 1)[0]

    def show_record(self, bundle_id: str, alias: str, record: dict[str, Any]) -> None:
        self._bundle_id = bundle_id
        witness = record.get("witness") if isinstance(record.get("witness"), dict) else {}
        assert isinstance(witness, dict)
        self.heading_label.setText(
            self.tr("Testimony %1 · witness %2")
            .replace("%1", alias)
            .replace("%2", _text(witness.get("id")) or "—")
        )
        self.fields["interview"].setText(self._interview(record.get("interview")))
        self.fields["witness"].setText(self._witness(witness))
        self.fields["consent"].setText(self._consent(record.get("consent")))
        self.fields["status"].setText(self._status(record.get("status")))
        tags = record.get("tags") if isinstance(record.get("tags"), list) else []
        self.fields["tags"].setText(", ".join(isolated(_text(tag)) for tag in tags or []))
        self.narrative_view.setPlainText(_text(record.get("narrative")))
        self._show_incidents(record.get("incidents"))
        self._show_attachments(record.get("attachments"))
        self.tabs.setCurrentIndex(0)
        self.content.show()
        self.empty_label.hide()

    def _interview(self, interview: object) -> str:
        if not isinstance(interview, dict):
            return ""
        parts = []
        if interview.get("date"):
            parts.append("\u2066" + _text(interview["date"]) + "\u2069")
        if interview.get("place"):
            parts.append(isolated(_text(interview["place"])))
        if interview.get("language"):
            parts.append(language_name(_text(interview["language"])))
        return " · ".join(parts)

    def _witness(self, witness: dict[str, Any]) -> str:
        parts = []
        if witness.get("age") is not None:
            parts.append(self.tr("age %1").replace("%1", _text(witness["age"])))
        elif witness.get("age_band"):
            parts.append(self.tr("age %1").replace("%1", "\u2066" + witness["age_band"] + "\u2069"))
        genders = {"m": self.tr("man"), "f": self.tr("woman"), "x": self.tr("other gender")}
        if witness.get("gender") in genders:
            parts.append(genders[witness["gender"]])
        for key in ("occupation", "displacement_status"):
            if witness.get(key):
                parts.append(isolated(_text(witness[key])))
        return " · ".join(parts)

    def _consent(self, consent: object) -> str:
        if not isinstance(consent, dict) or not consent.get("recorded"):
            return self.tr("not recorded")
        parts = [self.tr("recorded")]
        if consent.get("share_with_editors"):
            parts.append(self.tr("shared with editors"))
        if consent.get("publish_anonymised"):
            parts.append(self.tr("may be published anonymised"))
        if consent.get("quote_verbatim"):
            parts.append(self.tr("may be quoted word for word"))
        return " · ".join(parts)

    def _status(self, status: object) -> str:
        return {
            "draft": self.tr("Draft"),
            "complete": self.tr("Complete"),
            "reviewed": self.tr("Reviewed"),
        }.get(_text(status), _text(status))

    def _show_incidents(self, incidents: object) -> None:
        self.incident_list.clear()
        for incident in incidents if isinstance(incidents, list) else []:
            if not isinstance(incident, dict):
                continue
            date = _text(incident.get("date"))
            if incident.get("date_precision") == "approximate" and date:
                date = self.tr("about %1").replace("%1", "\u2066" + date + "\u2069")
            kinds = incident.get("violation_types") or []
            what = self.tr(", ").join(
                self._vocabulary.label(_text(code), self._language()) for code in kinds
            )
            count = incident.get("victims_count")
            self.incident_list.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        date,
                        _text(incident.get("place")),
                        what,
                        _text(incident.get("perpetrator")),
                        "" if count is None else QLocale().toString(int(count)),
                    ]
                )
            )

    def _show_attachments(self, attachments: object) -> None:
        self.attachment_list.clear()
        for entry in attachments if isinstance(attachments, list) else []:
            if not isinstance(entry, dict):
                continue
            file = ImportedFile(
                self._bundle_id,
                _text(entry.get("path")),
                _text(entry.get("media_type")),
                int(entry.get("size") or 0),
                _text(entry.get("sha256")),
            )
            item = QTreeWidgetItem(
                [display_name(file.name), describe_type(file.media_type), format_size(file.size)]
            )
            item.setData(0, FileRole, file)
            item.setToolTip(1, file.media_type)
            self.attachment_list.addTopLevelItem(item)
        self.view_button.setEnabled(False)

    # --- attachments -----------------------------------------------------------------------

    def on_attachment_list_selection_changed(self) -> None:
        self.view_button.setEnabled(bool(self.attachment_list.selectedItems()))

    def on_attachment_list_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.file_activated.emit(item.data(0, FileRole))

    def on_view_button_clicked(self) -> None:
        selected = self.attachment_list.selectedItems()
        if selected:
            self.file_activated.emit(selected[0].data(0, FileRole))

    def clear(self) -> None:
        self._bundle_id = ""
        self.heading_label.clear()
        for label in self.fields.values():
            label.clear()
        self.narrative_view.clear()
        self.incident_list.clear()
        self.attachment_list.clear()
        self.content.hide()
        self.empty_label.show()
