"""The app's life: create or unlock, work, lock (by hand or when idle), erase, quit.

Locking saves what is being typed, clears every model, editor and field, empties the clipboard
if the app owns it, closes the database on the vault thread, and shows the unlock screen.
Quitting locks first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from testimony_app.domain.vocabulary import Vocabulary, load_violation_types
from testimony_app.gui.erase.erase_dialog import EraseDialog
from testimony_app.gui.error_messages import describe
from testimony_app.gui.lock.idle_watcher import IdleWatcher
from testimony_app.gui.main.main_window import MainWindow
from testimony_app.gui.settings import settings_store
from testimony_app.gui.settings.settings_dialog import SettingsDialog
from testimony_app.gui.unlock.change_passphrase_dialog import ChangePassphraseDialog
from testimony_app.gui.unlock.create_vault_dialog import CreateVaultDialog
from testimony_app.gui.unlock.unlock_dialog import UnlockDialog
from testimony_app.gui.workers.database_worker import (
    DatabaseWorker,
    JobContext,
    Session,
    WorkerState,
)
from testimony_app.services.keys import KeyService
from testimony_app.services.records import RecordService
from testimony_app.vault import Vault, erase, has_vault
from testimony_app.vault.erase import EraseReport


def _open_session(state: WorkerState, vault: Vault) -> None:
    state.close()
    try:
        state.session = Session(vault=vault, records=RecordService(vault))
    except BaseException:
        vault.close()
        raise


class AppController(QObject):
    unlocked = Signal()
    locked = Signal()
    erased = Signal()

    def __init__(
        self,
        vault_dir: Path,
        settings_path: Path,
        *,
        language: str | None = None,
        kdf_seconds: float | None = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_dir = vault_dir
        self.settings_path = settings_path
        self.settings = settings_store.load(settings_path)
        self.language = language or self.settings.language
        self.kdf_seconds = kdf_seconds
        self.vocabulary: Vocabulary = load_violation_types()
        self.worker = DatabaseWorker(self)
        self.main_window: MainWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.create_dialog: CreateVaultDialog | None = None
        self.change_dialog: ChangePassphraseDialog | None = None
        self.is_unlocked = False
        self.idle_watcher = IdleWatcher(self.settings.auto_lock_minutes * 60_000, self)
        self.idle_watcher.idle_timed_out.connect(self.lock)

    # --- start ---------------------------------------------------------------------------

    def start(self) -> None:
        if self.vault_dir.is_dir() and has_vault(self.vault_dir):
            self.show_unlock()
        else:
            self.show_create()

    def show_create(self) -> None:
        dialog = CreateVaultDialog()
        self.create_dialog = dialog
        dialog.create_requested.connect(self.on_create_dialog_create_requested)
        dialog.finished_with_code.connect(self.on_create_dialog_finished_with_code)
        dialog.rejected.connect(self.on_start_dialog_rejected)
        dialog.show()

    def on_create_dialog_create_requested(self, passphrase: str) -> None:
        vault_dir, kdf_seconds = self.vault_dir, self.kdf_seconds

        def job(context: JobContext) -> str:
            vault, code = Vault.create(vault_dir, passphrase, kdf_seconds=kdf_seconds)
            _open_session(context.state, vault)
            # The key that signs this vault's bundles, made with the vault (its fingerprint is
            # in Bundles > Keys and recipients, to read aloud to editors).
            KeyService(context.state.require().records).signing_identity()
            return str(code)

        dialog = self.create_dialog
        assert dialog is not None
        self.worker.submit(
            job, dialog.show_recovery_code, lambda error: dialog.show_error(describe(error))
        )

    def on_create_dialog_finished_with_code(self) -> None:
        dialog, self.create_dialog = self.create_dialog, None
        if dialog is not None:
            dialog.rejected.disconnect(self.on_start_dialog_rejected)
            dialog.deleteLater()
        self.show_main()

    def show_unlock(self) -> None:
        if self.unlock_dialog is None:
            self.unlock_dialog = UnlockDialog()
            self.unlock_dialog.unlock_requested.connect(self.on_unlock_dialog_unlock_requested)
            self.unlock_dialog.recovery_requested.connect(self.on_unlock_dialog_recovery_requested)
            self.unlock_dialog.erase_requested.connect(self.erase_vault)
            self.unlock_dialog.rejected.connect(self.on_start_dialog_rejected)
        self.unlock_dialog.reset()
        self.unlock_dialog.show()
        self.unlock_dialog.raise_()
        self.unlock_dialog.activateWindow()

    def on_unlock_dialog_unlock_requested(self, passphrase: str) -> None:
        vault_dir = self.vault_dir

        def job(context: JobContext) -> None:
            _open_session(context.state, Vault.unlock(vault_dir, passphrase))

        self.worker.submit(job, lambda _: self._after_unlock(), self._on_unlock_failed)

    def on_unlock_dialog_recovery_requested(self, code: str) -> None:
        vault_dir = self.vault_dir

        def job(context: JobContext) -> None:
            _open_session(context.state, Vault.unlock_with_recovery_code(vault_dir, code))

        self.worker.submit(job, lambda _: self._after_recovery(), self._on_unlock_failed)

    def _on_unlock_failed(self, error: BaseException) -> None:
        if self.unlock_dialog is not None:
            self.unlock_dialog.show_error(describe(error))

    def _after_unlock(self) -> None:
        if self.unlock_dialog is not None:
            self.unlock_dialog.reset()
            self.unlock_dialog.hide()
        self.show_main()

    def _after_recovery(self) -> None:
        self._after_unlock()
        if self.main_window is not None:
            self.main_window.show_message(
                self.tr("Opened with the recovery code. Set a new passphrase from the Vault menu.")
            )

    def on_start_dialog_rejected(self) -> None:
        if not self.is_unlocked:
            self.quit()

    # --- working -------------------------------------------------------------------------

    def show_main(self) -> None:
        if self.main_window is None:
            window = MainWindow(self.worker, self.vocabulary, self.language)
            window.lock_requested.connect(self.lock)
            window.erase_requested.connect(self.erase_vault)
            window.settings_requested.connect(self.open_settings)
            window.change_passphrase_requested.connect(self.change_passphrase)
            window.quit_requested.connect(self.quit)
            if self.settings.window_geometry:
                window.restoreGeometry(
                    QByteArray.fromBase64(self.settings.window_geometry.encode())
                )
            self.main_window = window
        self.is_unlocked = True
        self.main_window.lock_state_label.setText(self.tr("Vault unlocked"))
        self.main_window.load_all()
        self.main_window.show()
        self.idle_watcher.start()
        self.unlocked.emit()

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.main_window)
        self.change_dialog = dialog

        def requested(passphrase: str) -> None:
            def job(context: JobContext) -> None:
                context.state.require().vault.change_passphrase(passphrase)

            self.worker.submit(
                job,
                lambda _: self._after_passphrase_change(dialog),
                lambda error: dialog.show_error(describe(error)),
            )

        dialog.change_requested.connect(requested)
        dialog.open()

    def _after_passphrase_change(self, dialog: ChangePassphraseDialog) -> None:
        dialog.done_changing()
        if self.main_window is not None:
            self.main_window.show_message(self.tr("Passphrase changed."))

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.main_window)
        if dialog.exec():
            self.settings = dialog.chosen(self.settings)
            self._save_settings()
            self.idle_watcher.set_timeout(self.settings.auto_lock_minutes * 60_000)

    def _save_settings(self) -> None:
        if self.main_window is not None:
            geometry = bytes(self.main_window.saveGeometry().toBase64().data()).decode("ascii")
            self.settings.window_geometry = geometry
        settings_store.save(self.settings_path, self.settings)

    # --- lock, erase, quit ---------------------------------------------------------------

    def _wipe_screens(self) -> None:
        if self.main_window is not None:
            self.main_window.clear()
            self.main_window.lock_state_label.setText(self.tr("Vault locked"))
        clipboard = QGuiApplication.clipboard()
        if clipboard.ownsClipboard() or clipboard.ownsSelection():
            clipboard.clear()
            clipboard.clear(clipboard.Mode.Selection)

    def lock(self) -> None:
        """Save what is being typed, then forget everything and close the vault."""
        if not self.is_unlocked:
            return
        self.is_unlocked = False
        self.idle_watcher.stop()
        if self.main_window is not None:
            self.main_window.editor.save_now()  # queued before the close below
        self.worker.forget_callbacks()
        self._wipe_screens()
        self.worker.submit(lambda context: context.state.close())
        if self.main_window is not None:
            self.main_window.hide()
        self.locked.emit()
        self.show_unlock()

    def erase_vault(self) -> None:
        parent = self.main_window if self.is_unlocked else self.unlock_dialog
        dialog = EraseDialog(parent)
        if not dialog.exec():
            return
        self.is_unlocked = False
        self.idle_watcher.stop()
        self.worker.forget_callbacks()
        self._wipe_screens()
        vault_dir = self.vault_dir

        def job(context: JobContext) -> EraseReport:
            context.state.close()
            return erase(vault_dir)

        self.worker.submit(job, self._after_erase, self._after_erase_failed)

    def _after_erase(self, report: EraseReport) -> None:
        if self.main_window is not None:
            self.main_window.hide()
        if self.unlock_dialog is not None:
            self.unlock_dialog.hide()
        self.erased.emit()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Vault erased"), "")
        box.setText(
            self.tr("The vault was erased; its keys were destroyed in %1 seconds.").replace(
                "%1", f"{report.keys_destroyed_after:.3f}"
            )
        )
        box.setInformativeText(self.tr("You can now create a new, empty vault."))
        box.setObjectName("erasedMessage")
        box.setModal(False)
        box.show()
        self._erased_box = box
        self.show_create()

    def _after_erase_failed(self, error: BaseException) -> None:
        QMessageBox.warning(None, self.tr("Erase failed"), describe(error))
        self.show_unlock()

    def quit(self) -> None:
        if self.main_window is not None:
            self.main_window.editor.save_now()
            self._save_settings()
        self.is_unlocked = False
        self.idle_watcher.stop()
        self._wipe_screens()
        self.worker.shutdown()  # closes the vault on its own thread first
        if self.main_window is not None:
            self.main_window.allow_close()
            self.main_window.close()
        for dialog in (self.unlock_dialog, self.create_dialog):
            if dialog is not None:
                dialog.hide()
        app = QApplication.instance()
        if app is not None:
            app.quit()
