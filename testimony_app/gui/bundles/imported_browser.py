"""Imported testimonies, read-only, grouped by sender and then by bundle.

The list of bundles comes first; a bundle's testimonies are read from the vault when it is
opened in the tree (the newest one at once). Pictures and text attachments open inside the
app; nothing is handed to another program.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.bundle.keys import fingerprint
from testimony_app.domain.vocabulary import Vocabulary, load_violation_types
from testimony_app.gui.bidi_text import isolated
from testimony_app.gui.bundles.imported_attachment_viewer import (
    ImportedAttachmentViewer,
    ImportedFile,
)
from testimony_app.gui.bundles.imported_testimony_view import ImportedTestimonyView
from testimony_app.gui.editor.attachment_viewer import format_time
from testimony_app.gui.error_messages import describe
from testimony_app.gui.keys.fingerprint_label import spaced
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext
from testimony_app.vault.bundle_repository import ReceivedBundle

KindRole = Qt.ItemDataRole.UserRole + 1
BundleRole = Qt.ItemDataRole.UserRole + 2
AliasRole = Qt.ItemDataRole.UserRole + 3
SENDER, BUNDLE, TESTIMONY, PENDING = "sender", "bundle", "testimony", "pending"


def received_job(context: JobContext) -> list[ReceivedBundle]:
    from testimony_app.services.bundles import BundleService

    return BundleService(context.state.require().records).received()


class ImportedBrowser(QDialog):
    bundle_loaded = Signal(str)  # bundle ID, once its testimonies are in the tree

    def __init__(
        self,
        worker: DatabaseWorker,
        vocabulary: Vocabulary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importedBrowser")
        self.setWindowTitle(self.tr("Imported testimonies"))
        self._worker = worker
        self._generation = 0
        self._records: dict[tuple[str, str], dict[str, Any]] = {}
        self._requested: set[str] = set()
        self._viewers: list[ImportedAttachmentViewer] = []
        self.loaded = False

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("importedTree")
        self.tree.setAccessibleName(self.tr("Senders, bundles and testimonies"))
        self.tree.setHeaderLabels([self.tr("From whom, which bundle")])
        self.tree.setUniformRowHeights(True)
        self.empty_label = QLabel(self.tr("Nothing imported yet."), self)
        self.empty_label.setObjectName("note")
        self.empty_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.view = ImportedTestimonyView(vocabulary or load_violation_types(), self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.error_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 620])
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        self.resize(1060, 680)

        self.tree.itemExpanded.connect(self.on_tree_item_expanded)
        self.tree.currentItemChanged.connect(self.on_tree_current_item_changed)
        self.view.file_activated.connect(self.on_view_file_activated)
        self.close_button.clicked.connect(self.reject)
        self.reload()

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self._records.clear()
        self._requested.clear()
        self.view.clear()
        self._worker.submit(
            received_job,
            lambda bundles: self._on_received(generation, bundles),
            lambda error: self._on_failed(generation, error),
        )

    def _current(self, generation: int) -> bool:
        return bool(shiboken6.isValid(self)) and generation == self._generation

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if self._current(generation):
            self.error_label.setText(describe(error))
            self.error_label.show()

    def _on_received(self, generation: int, bundles: list[ReceivedBundle]) -> None:
        if not self._current(generation):
            return
        self.tree.clear()
        senders: dict[bytes, QTreeWidgetItem] = {}
        first_bundle: QTreeWidgetItem | None = None
        for bundle in bundles:  # newest first
            sender = senders.get(bundle.sender_key)
            if sender is None:
                sender = QTreeWidgetItem([self._sender_text(bundle)])
                sender.setData(0, KindRole, SENDER)
                sender.setToolTip(0, spaced(fingerprint(bundle.sender_key)))
                self.tree.addTopLevelItem(sender)
                senders[bundle.sender_key] = sender
            item = QTreeWidgetItem([self._bundle_text(bundle)])
            item.setData(0, KindRole, BUNDLE)
            item.setData(0, BundleRole, bundle.bundle_id)
            item.setToolTip(
                0,
                self.tr("Imported %1. Testimonies: %2.")
                .replace("%1", format_time(bundle.imported_at))
                .replace("%2", QLocale().toString(bundle.testimonies)),
            )
            placeholder = QTreeWidgetItem([self.tr("Reading…")])
            placeholder.setData(0, KindRole, PENDING)
            item.addChild(placeholder)
            sender.addChild(item)
            sender.setExpanded(True)
            first_bundle = first_bundle or item
        self.empty_label.setVisible(not bundles)
        self.loaded = True
        if first_bundle is not None:
            first_bundle.setExpanded(True)  # loads its testimonies

    def _sender_text(self, bundle: ReceivedBundle) -> str:
        name = bundle.sender_name or self.tr("A sender no longer trusted")
        return (
            self.tr("%1 — key %2")
            .replace("%1", isolated(name))
            .replace("%2", "\u2066" + fingerprint(bundle.sender_key).split()[0] + "…\u2069")
        )

    def _bundle_text(self, bundle: ReceivedBundle) -> str:
        profile = {"editor": self.tr("for an editor"), "public": self.tr("for publication")}
        return (
            self.tr("Bundle of %1, %2")
            .replace("%1", "\u2066" + bundle.created + "\u2069")
            .replace("%2", profile.get(bundle.profile, bundle.profile))
        )

    def on_tree_item_expanded(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KindRole) == BUNDLE:
            self._load_bundle(item)

    def _load_bundle(self, item: QTreeWidgetItem) -> None:
        bundle_id = str(item.data(0, BundleRole))
        if bundle_id in self._requested:
            return
        self._requested.add(bundle_id)
        generation = self._generation

        def job(context: JobContext) -> list[tuple[str, dict[str, Any]]]:
            from testimony_app.services.bundles import BundleService

            return BundleService(context.state.require().records).imported_records(bundle_id)

        self._worker.submit(
            job,
            lambda records: self._on_bundle_loaded(generation, item, bundle_id, records),
            lambda error: self._on_failed(generation, error),
        )

    def _on_bundle_loaded(
        self,
        generation: int,
        item: QTreeWidgetItem,
        bundle_id: str,
        records: list[tuple[str, dict[str, Any]]],
    ) -> None:
        if not self._current(generation):
            return
        item.takeChildren()
        for alias, record in records:
            self._records[(bundle_id, alias)] = record
            interview = record.get("interview") if isinstance(record.get("interview"), dict) else {}
            date = (interview or {}).get("date")
            text = (
                self.tr("%1, interview of %2")
                .replace("%1", alias)
                .replace("%2", "\u2066" + str(date) + "\u2069")
                if date
                else alias
            )
            child = QTreeWidgetItem([text])
            child.setData(0, KindRole, TESTIMONY)
            child.setData(0, BundleRole, bundle_id)
            child.setData(0, AliasRole, alias)
            item.addChild(child)
        self.bundle_loaded.emit(bundle_id)

    def testimony_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        senders = [self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount())]
        for sender in filter(None, senders):
            for bundle in filter(None, map(sender.child, range(sender.childCount()))):
                for child in filter(None, map(bundle.child, range(bundle.childCount()))):
                    if child.data(0, KindRole) == TESTIMONY:
                        found.append(child)
        return found

    def on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if current is None or current.data(0, KindRole) != TESTIMONY:
            if current is not None and current.data(0, KindRole) == BUNDLE:
                current.setExpanded(True)
            return
        key = (str(current.data(0, BundleRole)), str(current.data(0, AliasRole)))
        record = self._records.get(key)
        if record is not None:
            self.view.show_record(key[0], key[1], record)

    # --- attachments -----------------------------------------------------------------------

    def on_view_file_activated(self, file: ImportedFile) -> None:
        self.open_viewer(file)

    def open_viewer(self, file: ImportedFile) -> ImportedAttachmentViewer:
        viewer = ImportedAttachmentViewer(self._worker, file, self)
        self._viewers.append(viewer)
        viewer.finished.connect(lambda _result, viewer=viewer: self._forget_viewer(viewer))
        viewer.open()
        return viewer

    def _forget_viewer(self, viewer: ImportedAttachmentViewer) -> None:
        if viewer in self._viewers:
            self._viewers.remove(viewer)
        viewer.deleteLater()

    # --- closing ---------------------------------------------------------------------------

    def clear(self) -> None:
        self._generation += 1
        for viewer in list(self._viewers):
            viewer.reject()
        self.tree.clear()
        self._records.clear()
        self._requested.clear()
        self.view.clear()
        self.error_label.clear()
        self.loaded = False

    def done(self, result: int) -> None:
        self.clear()
        super().done(result)
