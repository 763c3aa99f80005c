"""The windows of the bundle exchange, opened from the main window's menu and closed on lock.

One of each at a time: asking again brings the open one forward. Locking (and erasing,
quitting) closes them all: running exports and imports are cancelled (they leave nothing
behind), and every field, list and viewer is emptied before the windows are deleted.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from testimony_app.gui.bundles.imported_browser import ImportedBrowser
from testimony_app.gui.bundles.open_bundle_window import OpenBundleWindow
from testimony_app.gui.editor.testimony_editor import TestimonyEditor
from testimony_app.gui.export.export_wizard import ExportWizard
from testimony_app.gui.keys.keys_dialog import KeysDialog
from testimony_app.gui.workers.database_worker import DatabaseWorker


class BundleWindows(QObject):
    def __init__(
        self, worker: DatabaseWorker, editor: TestimonyEditor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._editor = editor
        self._parent = parent
        self.export_wizard: ExportWizard | None = None
        self.open_bundle_window: OpenBundleWindow | None = None
        self.imported_browser: ImportedBrowser | None = None
        self.keys_dialog: KeysDialog | None = None

    # --- the main window's actions -----------------------------------------------------------

    def on_export_action_triggered(self) -> None:
        self._editor.save_now()  # what is being typed goes out too: jobs run in order
        self.open_export(self._editor.testimony_id)

    def on_open_bundle_action_triggered(self) -> None:
        self.open_bundle()

    def on_keys_action_triggered(self) -> None:
        self.open_keys()

    # --- the windows -----------------------------------------------------------------------

    @staticmethod
    def _bring_forward(window: QDialog | None) -> bool:
        if window is not None and shiboken6.isValid(window) and window.isVisible():
            window.raise_()
            window.activateWindow()
            return True
        return False

    def _forget_when_finished(self, window: QDialog, attribute: str) -> None:
        def forget(_result: int) -> None:
            if getattr(self, attribute) is window:
                setattr(self, attribute, None)
            window.deleteLater()

        window.finished.connect(forget)

    def open_export(self, current_testimony: str | None) -> ExportWizard:
        if self.export_wizard is not None and self._bring_forward(self.export_wizard):
            return self.export_wizard
        preselected = [current_testimony] if current_testimony else []
        wizard = ExportWizard(self._worker, preselected, self._parent)
        self.export_wizard = wizard
        self._forget_when_finished(wizard, "export_wizard")
        wizard.show()
        return wizard

    def open_bundle(self) -> OpenBundleWindow:
        if self.open_bundle_window is not None and self._bring_forward(self.open_bundle_window):
            return self.open_bundle_window
        window = OpenBundleWindow(self._worker, self._parent)
        self.open_bundle_window = window
        self._forget_when_finished(window, "open_bundle_window")
        window.browse_requested.connect(self.open_imported)
        window.imported.connect(self.on_open_bundle_window_imported)
        window.show()
        return window

    def on_open_bundle_window_imported(self, _opened: object) -> None:
        if self.imported_browser is not None and shiboken6.isValid(self.imported_browser):
            self.imported_browser.reload()

    def open_imported(self) -> ImportedBrowser:
        if self.imported_browser is not None and self._bring_forward(self.imported_browser):
            self.imported_browser.reload()
            return self.imported_browser
        browser = ImportedBrowser(self._worker, None, self._parent)
        self.imported_browser = browser
        self._forget_when_finished(browser, "imported_browser")
        browser.show()
        return browser

    def open_keys(self) -> KeysDialog:
        if self.keys_dialog is not None and self._bring_forward(self.keys_dialog):
            return self.keys_dialog
        dialog = KeysDialog(self._worker, self._parent)
        self.keys_dialog = dialog
        self._forget_when_finished(dialog, "keys_dialog")
        dialog.show()
        return dialog

    def close_all(self) -> None:
        """On lock: stop what runs, empty every widget, close and delete the windows."""
        wizard, window = self.export_wizard, self.open_bundle_window
        if wizard is not None and shiboken6.isValid(wizard):
            wizard.close_for_lock()
        if window is not None and shiboken6.isValid(window):
            window.close_for_lock()
        for other in (self.imported_browser, self.keys_dialog):
            if other is not None and shiboken6.isValid(other):
                other.reject()  # their done() empties them
        self.export_wizard = self.open_bundle_window = None
        self.imported_browser = self.keys_dialog = None
