"""Choosing files without leaving a trace: no recent-files entry, no remembered folders.

Native dialogs (GTK, the desktop portal, KDE) add every file chosen to the desktop's
recent-files list (`~/.local/share/recently-used.xbel`), so we always use Qt's own dialog.
Qt's dialog has a trace of its own: when it is destroyed it writes its folder history, the
last folder visited and its sidebar places into `QSettings(UserScope, "QtProject")`
(`~/.config/QtProject.conf` on Linux, the registry on Windows). Folder names can name an
interview's place or person, so `PrivateFileDialog.forget_places()` points all three back at
the home folder before the dialog can be destroyed. Every file chooser in the app goes
through this module; a `QFileDialog.getOpenFileName` elsewhere would bring the trace back.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QDir, QUrl, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


class PrivateFileDialog(QFileDialog):
    """Qt's widget-based file dialog, starting in the home folder and forgetting where it went.

    `forget_places()` runs when the dialog is done (accepted or not; after `chosen_paths`
    is taken, as the chosen names are relative to the folder shown), in the pick functions'
    `finally`, and when its parent is destroyed while it is still open: Qt emits `destroyed`
    before it deletes the children, so the history is clean before this dialog's destructor
    writes it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        # What an earlier Qt program (or an earlier version of this app) left in
        # QtProject.conf is not offered again either.
        self.chosen_paths: list[Path] = []
        self.forget_places()
        if parent is not None:
            parent.destroyed.connect(self.forget_places)

    @Slot()
    def forget_places(self) -> None:
        home = QDir.homePath()
        self.setDirectory(home)
        self.setHistory([])
        self.setSidebarUrls([QUrl("file:"), QUrl.fromLocalFile(home)])

    def done(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.chosen_paths = [Path(name) for name in self.selectedFiles()]
        super().done(result)
        self.forget_places()

    @classmethod
    def _for_opening(
        cls,
        parent: QWidget | None,
        title: str,
        accept: str,
        *,
        many: bool = False,
        filters: tuple[str, ...] = (),
    ) -> PrivateFileDialog:
        """A chooser of existing files: read-only (no renaming, deleting or new folders)."""
        dialog = cls(parent)
        dialog.setWindowTitle(title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(
            QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile
        )
        dialog.setOption(QFileDialog.Option.ReadOnly, True)
        if filters:
            dialog.setNameFilters(list(filters))
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, accept)
        return dialog

    @classmethod
    def for_attaching(cls, parent: QWidget | None = None) -> PrivateFileDialog:
        return cls._for_opening(
            parent,
            QCoreApplication.translate("PrivateFileDialog", "Choose files to attach"),
            QCoreApplication.translate("PrivateFileDialog", "Attach"),
            many=True,
        )

    @classmethod
    def for_importing(cls, parent: QWidget | None = None) -> PrivateFileDialog:
        return cls._for_opening(
            parent,
            QCoreApplication.translate("PrivateFileDialog", "Choose a records file to import"),
            QCoreApplication.translate("PrivateFileDialog", "Import"),
            filters=(
                QCoreApplication.translate(
                    "PrivateFileDialog", "Records (*.json *.jsonl *.ndjson)"
                ),
                QCoreApplication.translate("PrivateFileDialog", "All files (*)"),
            ),
        )

    @classmethod
    def for_saving_bundle(cls, parent: QWidget | None, suggested_name: str) -> PrivateFileDialog:
        dialog = cls.for_saving(parent, suggested_name)
        dialog.setWindowTitle(QCoreApplication.translate("PrivateFileDialog", "Save the bundle as"))
        dialog.setNameFilters(
            [QCoreApplication.translate("PrivateFileDialog", "Bundles (*.tbundle)")]
        )
        dialog.setDefaultSuffix("tbundle")
        dialog.setLabelText(
            QFileDialog.DialogLabel.Accept, QCoreApplication.translate("PrivateFileDialog", "Save")
        )
        dialog.selectFile(suggested_name)
        return dialog

    @classmethod
    def for_opening_bundle(cls, parent: QWidget | None = None) -> PrivateFileDialog:
        return cls._for_opening(
            parent,
            QCoreApplication.translate("PrivateFileDialog", "Choose a bundle to open"),
            QCoreApplication.translate("PrivateFileDialog", "Open"),
            filters=(
                QCoreApplication.translate("PrivateFileDialog", "Bundles (*.tbundle)"),
                QCoreApplication.translate("PrivateFileDialog", "All files (*)"),
            ),
        )

    @classmethod
    def for_identity(cls, parent: QWidget | None = None) -> PrivateFileDialog:
        """The editor's secret key file: any name (age-keygen's files have no fixed suffix)."""
        return cls._for_opening(
            parent,
            QCoreApplication.translate("PrivateFileDialog", "Choose your identity file"),
            QCoreApplication.translate("PrivateFileDialog", "Use"),
        )

    @classmethod
    def for_saving(cls, parent: QWidget | None, suggested_name: str) -> PrivateFileDialog:
        dialog = cls(parent)
        dialog.setWindowTitle(QCoreApplication.translate("PrivateFileDialog", "Save as"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(suggested_name)
        return dialog


def _dispose(dialog: PrivateFileDialog) -> None:
    # The dialog is gone already if its parent was destroyed while it was open; it forgot
    # its places then.
    if shiboken6.isValid(dialog):
        dialog.forget_places()
        dialog.deleteLater()


def pick_files_to_attach(parent: QWidget | None) -> list[Path]:
    """Ask for one or more existing files; an empty list if the user cancels."""
    dialog = PrivateFileDialog.for_attaching(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not shiboken6.isValid(dialog):
            return []
        return list(dialog.chosen_paths)
    finally:
        _dispose(dialog)


def pick_records_file(parent: QWidget | None) -> Path | None:
    """Ask for one interchange records file; None if the user cancels."""
    return _pick_one(PrivateFileDialog.for_importing(parent))


def pick_save_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to save a file (Qt asks before overwriting); None if the user cancels."""
    return _pick_one(PrivateFileDialog.for_saving(parent, suggested_name))


def _pick_one(dialog: PrivateFileDialog) -> Path | None:
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not shiboken6.isValid(dialog):
            return None
        return dialog.chosen_paths[0] if dialog.chosen_paths else None
    finally:
        _dispose(dialog)


def pick_bundle_save_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Where to write a bundle (.tbundle added if left out); None if the user cancels."""
    return _pick_one(PrivateFileDialog.for_saving_bundle(parent, suggested_name))


def pick_bundle_file(parent: QWidget | None) -> Path | None:
    """A bundle to open; None if the user cancels."""
    return _pick_one(PrivateFileDialog.for_opening_bundle(parent))


def pick_identity_file(parent: QWidget | None) -> Path | None:
    """The editor's age identity file; None if the user cancels."""
    return _pick_one(PrivateFileDialog.for_identity(parent))
