"""Opening a bundle: check it completely, show who made it, trust a new sender, import it.

Checking and importing run on the vault thread and read the bundle from start to end; the
core imports in one transaction that commits only after the last byte verified, so a bundle
rejected for any reason leaves nothing in the vault. A new sender is trusted only after the
user says they compared the signing-key fingerprint aloud with the sender and gave a name.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.gui.bidi_text import isolated
from testimony_app.gui.bundles.bundle_jobs import CheckedBundle, check_job, import_job
from testimony_app.gui.bundles.trust_sender_box import TrustSenderBox
from testimony_app.gui.error_messages import describe
from testimony_app.gui.file_dialogs import pick_bundle_file, pick_identity_file
from testimony_app.gui.keys.fingerprint_label import FingerprintLabel
from testimony_app.gui.status_text import align_leading, set_status
from testimony_app.gui.workers.database_worker import DatabaseWorker
from testimony_app.services.bundles import OpenedBundle, OpeningCancelled


class OpenBundleWindow(QDialog):
    checked = Signal(object)  # CheckedBundle
    imported = Signal(object)  # OpenedBundle
    rejected_bundle = Signal(object)  # the error
    browse_requested = Signal()

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openBundleWindow")
        self.setWindowTitle(self.tr("Open a bundle"))
        self._worker = worker
        self._generation = 0
        self._job_id: int | None = None
        self._cancel_asked = False
        self.bundle_path: Path | None = None
        self.identity_path: Path | None = None
        self.checked_bundle: CheckedBundle | None = None
        self.state = "empty"  # checking, verified, rejected, importing, imported

        intro = QLabel(
            self.tr(
                "Choose a bundle you received and your identity file (your secret key). The "
                "bundle is checked from start to end before anything is imported."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.bundle_field = self._path_field(self.tr("No bundle chosen"), self.tr("Bundle"))
        self.identity_field = self._path_field(
            self.tr("No identity file chosen"), self.tr("Your identity file")
        )
        self.choose_bundle_button = QPushButton(self.tr("Choose…"), self)
        self.choose_identity_button = QPushButton(self.tr("Choose…"), self)
        form = QFormLayout()
        form.addRow(self.tr("Bundle"), self._row(self.bundle_field, self.choose_bundle_button))
        form.addRow(
            self.tr("Your identity file"),
            self._row(self.identity_field, self.choose_identity_button),
        )

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(12)
        self.cancel_import_button = QPushButton(self.tr("Cancel the import"), self)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_import_button)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("bundleStatus")
        self.status_label.setWordWrap(True)
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("bundleReason")
        self.reason_label.setWordWrap(True)

        self.details_box = QGroupBox(self.tr("What the bundle says"), self)
        self.sender_label = QLabel(self.details_box)
        self.sender_label.setWordWrap(True)
        align_leading(self.sender_label)
        self.fingerprint_label = FingerprintLabel(self.details_box)
        self.fingerprint_label.setObjectName("senderFingerprint")
        self.made_label = QLabel(self.details_box)
        self.profile_label = QLabel(self.details_box)
        self.contents_label = QLabel(self.details_box)
        for label in (self.made_label, self.profile_label, self.contents_label):
            align_leading(label)
        details = QFormLayout(self.details_box)
        details.addRow(self.tr("From"), self.sender_label)
        details.addRow(self.tr("Signing-key fingerprint"), self.fingerprint_label)
        details.addRow(self.tr("Made on"), self.made_label)
        details.addRow(self.tr("Redacted for"), self.profile_label)
        details.addRow(self.tr("Contents"), self.contents_label)

        self.trust_box = TrustSenderBox(self)
        self.compared_check = self.trust_box.compared_check
        self.sender_name_field = self.trust_box.sender_name_field

        self.browse_button = QPushButton(self.tr("Show imported testimonies"), self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (
            self.choose_bundle_button,
            self.choose_identity_button,
            self.cancel_import_button,
            self.browse_button,
            self.close_button,
        ):
            button.setAutoDefault(False)
        self.import_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.browse_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(10)
        title = QLabel(self.tr("Open a bundle"), self)
        title.setObjectName("title")
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(progress_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.details_box)
        layout.addWidget(self.trust_box)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(760, 640)

        self.choose_bundle_button.clicked.connect(self.on_choose_bundle_button_clicked)
        self.choose_identity_button.clicked.connect(self.on_choose_identity_button_clicked)
        self.cancel_import_button.clicked.connect(self.on_cancel_import_button_clicked)
        self.trust_box.changed.connect(self._update)
        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.browse_button.clicked.connect(self.browse_requested)
        self.close_button.clicked.connect(self.reject)
        self._show_state("empty")

    def _path_field(self, placeholder: str, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setReadOnly(True)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(name)
        return field

    def _row(self, field: QLineEdit, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(field, 1)
        row.addWidget(button)
        return row

    # --- choosing the files ----------------------------------------------------------------

    def on_choose_bundle_button_clicked(self) -> None:
        chosen = pick_bundle_file(self)
        if chosen is not None:
            self.set_bundle_path(chosen)

    def on_choose_identity_button_clicked(self) -> None:
        chosen = pick_identity_file(self)
        if chosen is not None:
            self.set_identity_path(chosen)

    def set_bundle_path(self, path: Path) -> None:
        self.bundle_path = path
        self.bundle_field.setText(str(path))
        self.check()

    def set_identity_path(self, path: Path) -> None:
        self.identity_path = path
        self.identity_field.setText(str(path))
        self.check()

    # --- checking --------------------------------------------------------------------------

    def check(self) -> None:
        """Verify the chosen bundle with the chosen identity (both needed), on the vault thread."""
        if self.bundle_path is None or self.identity_path is None or self._job_id is not None:
            self._update()
            return
        self._generation += 1
        generation = self._generation
        self.checked_bundle = None
        self._show_state("checking")
        self._job_id = self._worker.submit(
            check_job(self.bundle_path, self.identity_path),
            lambda result: self._on_checked(generation, result),
            lambda error: self._on_rejected(generation, error),
            lambda done, total: self._on_progressed(generation, done, total),
        )

    def _current(self, generation: int) -> bool:
        return bool(shiboken6.isValid(self)) and generation == self._generation

    def _on_progressed(self, generation: int, done: int, total: int | None) -> None:
        if self._current(generation) and total:
            self.progress_bar.setValue(min(1000, done * 1000 // total))

    def _on_checked(self, generation: int, result: CheckedBundle) -> None:
        if not self._current(generation):
            return
        self._job_id = None
        self.checked_bundle = result
        self._show_details(result.opened)
        self._show_state("verified")
        self.checked.emit(result)

    def _on_rejected(self, generation: int, error: BaseException) -> None:
        if not self._current(generation):
            return
        self._job_id = None
        from testimony_app.bundle.reader import BundleRejected

        cancelled = self._cancel_asked and isinstance(error, OpeningCancelled)
        self._cancel_asked = False
        was_importing = self.state == "importing"
        self._show_state("rejected")
        if cancelled:
            self.status_label.setText(self.tr("Import cancelled. Nothing was imported."))
            self.reason_label.clear()
        elif isinstance(error, BundleRejected):
            self.status_label.setText(
                self.tr("This bundle was not imported.")
                if was_importing
                else self.tr("This bundle was not accepted.")
            )
            self.reason_label.setText(describe(error) + " " + self.tr("Nothing was imported."))
        else:
            self.status_label.setText(self.tr("The bundle could not be opened."))
            self.reason_label.setText(describe(error) + " " + self.tr("Nothing was imported."))
        self.rejected_bundle.emit(error)

    def _show_details(self, opened: OpenedBundle) -> None:
        manifest = opened.manifest
        if opened.sender_name:
            self.sender_label.setText(
                self.tr("%1 (a trusted sender)").replace("%1", isolated(opened.sender_name))
            )
        else:
            self.sender_label.setText(self.tr("A sender you have not trusted yet"))
        self.fingerprint_label.set_fingerprint(opened.sender_fingerprint)
        self.made_label.setText("\u2066" + manifest.created + "\u2069")
        profiles = {"editor": self.tr("an editor"), "public": self.tr("publication")}
        self.profile_label.setText(profiles.get(manifest.profile, manifest.profile))
        self.contents_label.setText(
            self.tr("Testimonies: %1. Attachments: %2.")
            .replace("%1", QLocale().toString(opened.testimonies))
            .replace("%2", QLocale().toString(opened.attachments))
        )

    # --- states ----------------------------------------------------------------------------

    def _show_state(self, state: str) -> None:
        self.state = state
        busy = state in ("checking", "importing")
        self.progress_bar.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)
        self.cancel_import_button.setVisible(state == "importing")
        self.cancel_import_button.setEnabled(True)
        self.choose_bundle_button.setEnabled(not busy)
        self.choose_identity_button.setEnabled(not busy)
        shows_details = state in ("verified", "importing", "imported")
        self.details_box.setVisible(shows_details)
        result = self.checked_bundle
        unknown = result is not None and result.opened.sender_name is None
        self.trust_box.setVisible(unknown and state in ("verified", "importing"))
        self.trust_box.setEnabled(state == "verified")
        self.reason_label.clear()
        status = {
            "empty": self.tr("Choose the bundle and your identity file to check it."),
            "checking": self.tr("Checking the bundle…"),
            "importing": self.tr("Importing…"),
            "rejected": "",
        }
        if state == "verified" and result is not None:
            if result.already_imported:
                status["verified"] = self.tr("This bundle is intact, and it is already imported.")
            elif unknown:
                status["verified"] = self.tr(
                    "The bundle is intact and signed, by a sender you have not trusted yet."
                )
            else:
                status["verified"] = self.tr("The bundle is intact and signed by a trusted sender.")
        if state == "imported" and result is not None:
            status["imported"] = self.tr(
                "Imported, and kept encrypted in your vault. Testimonies: %1."
            ).replace("%1", QLocale().toString(result.opened.testimonies))
        emphasis = {"rejected": "failed", "imported": "ready", "verified": "ready"}
        set_status(self.status_label, status.get(state, ""), emphasis.get(state, ""))
        self._update()

    def _update(self, *_: object) -> None:
        result = self.checked_bundle
        unknown = result is not None and result.opened.sender_name is None
        self.import_button.setText(self.tr("Trust and import") if unknown else self.tr("Import"))
        ready = (
            self.state == "verified"
            and result is not None
            and not result.already_imported
            and (not unknown or self.trust_box.is_ready())
        )
        self.import_button.setEnabled(ready)
        if self.state == "imported":
            self.browse_button.setDefault(True)

    # --- importing -------------------------------------------------------------------------

    def on_import_button_clicked(self) -> None:
        result = self.checked_bundle
        if not self.import_button.isEnabled() or result is None:
            return
        assert self.bundle_path is not None and self.identity_path is not None
        trust = None
        if result.opened.sender_name is None:
            # The fingerprint the user compared aloud: the core checks it matches the bundle.
            trust = self.trust_box.trust(self.fingerprint_label.fingerprint())
        self._generation += 1
        generation = self._generation
        self._show_state("importing")
        self._job_id = self._worker.submit(
            import_job(self.bundle_path, self.identity_path, trust),
            lambda opened: self._on_imported(generation, opened),
            lambda error: self._on_rejected(generation, error),
            lambda done, total: self._on_progressed(generation, done, total),
        )

    def on_cancel_import_button_clicked(self) -> None:
        if self._job_id is not None and self.state == "importing":
            self._cancel_asked = True
            self._worker.cancel(self._job_id)
            self.cancel_import_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling…"))

    def _on_imported(self, generation: int, opened: OpenedBundle) -> None:
        if not self._current(generation):
            return
        self._job_id = None
        self.checked_bundle = CheckedBundle(opened, already_imported=True)
        self._show_details(opened)
        self._show_state("imported")
        self.imported.emit(opened)

    # --- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        if self._job_id is not None and self.state == "importing":
            self.on_cancel_import_button_clicked()
            return
        self.clear()
        super().reject()

    def close_for_lock(self) -> None:
        if self._job_id is not None:
            self._worker.cancel(self._job_id)
        self.clear()
        super().reject()

    def clear(self) -> None:
        self._generation += 1
        self._job_id = None
        self.checked_bundle = None
        self.bundle_path = self.identity_path = None
        self.bundle_field.clear()
        self.identity_field.clear()
        self.trust_box.clear()
        self.fingerprint_label.clear()
        for label in (self.sender_label, self.made_label, self.profile_label, self.contents_label):
            label.clear()
        self._show_state("empty")
