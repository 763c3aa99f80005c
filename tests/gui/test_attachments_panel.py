"""Attachments in the editor: added by button or drop, streamed with Cancel, viewed in the app.

A real vault in tmp_path, opened on the worker's own thread as the app does. Every name and
every byte here is synthetic.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.records import AttachmentInfo, TestimonyContent
from testimony_app.gui.bidi_text import display_name
from testimony_app.gui.editor import attachment_viewer
from testimony_app.gui.editor.attachment_viewer import AttachmentViewer, ViewKind, ViewStatus
from testimony_app.gui.editor.attachments_panel import AttachmentsPanel
from testimony_app.gui.file_dialogs import PrivateFileDialog
from testimony_app.gui.workers.database_worker import DatabaseWorker, JobContext, Session
from testimony_app.resources_path import resource_path
from testimony_app.services.records import RecordService
from testimony_app.vault import Vault
from tests.conftest import MadeVault

NOTES = "Fictional interview notes.\nملاحظات مقابلة خيالية.\nLine three, with a comma\n"  # noqa: RUF001
FOLDER_NAME = "Wadi_Zaytun_Fictional_Interviews"  # stands in for a folder that names a place


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def worker(qtbot: QtBot, made_vault: MadeVault) -> Iterator[DatabaseWorker]:
    """A DatabaseWorker whose thread opened the vault itself, as the unlock controller does."""
    worker = DatabaseWorker()

    def open_session(context: JobContext) -> None:
        vault = Vault.unlock(made_vault.path, made_vault.passphrase)
        context.state.session = Session(vault, RecordService(vault))

    worker.run_blocking(open_session)
    yield worker
    worker.shutdown()


@pytest.fixture
def testimony_id(worker: DatabaseWorker) -> str:
    def create(context: JobContext) -> str:
        records = context.state.require().records
        witness = records.create_witness()
        content = TestimonyContent(narrative="A fictional account for tests.")
        return str(records.create_testimony(witness.id, content).id)

    return str(worker.run_blocking(create))


@pytest.fixture
def panel(qtbot: QtBot, worker: DatabaseWorker, testimony_id: str) -> AttachmentsPanel:
    panel = AttachmentsPanel(worker)
    qtbot.addWidget(panel)
    # The app's own style sheet, so screenshots look as they will in the app.
    panel.setStyleSheet(resource_path("styles", "app.qss").read_text(encoding="utf-8"))
    panel.resize(640, 320)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_testimony(testimony_id)
    return panel


def stored(worker: DatabaseWorker, testimony_id: str) -> list[AttachmentInfo]:
    return list(
        worker.run_blocking(
            lambda c: c.state.require().records.attachments(TestimonyId(testimony_id))
        )
    )


def table_rows(worker: DatabaseWorker) -> tuple[int, int]:
    def count(context: JobContext) -> tuple[int, int]:
        with context.state.require().vault.reading() as connection:
            files = connection.execute("SELECT count(*) FROM attachments").fetchone()[0]
            chunks = connection.execute("SELECT count(*) FROM attachment_chunks").fetchone()[0]
        return int(files), int(chunks)

    files, chunks = worker.run_blocking(count)
    return files, chunks


def screenshot(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()  # let a pending re-layout happen first
    widget.grab().save(str(path))


def write_picture(path: Path, width: int = 240, height: int = 150) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#dfe8ee"))
    painter = QPainter(image)
    painter.fillRect(20, 20, width // 2, height // 2, QColor("#1f3b4d"))
    painter.setPen(QColor("#c0392b"))
    painter.drawEllipse(width // 2, height // 3, width // 3, height // 2)
    painter.end()
    assert image.save(str(path))


def add(qtbot: QtBot, panel: AttachmentsPanel, path: Path) -> AttachmentInfo:
    with qtbot.waitSignal(panel.attachment_added, timeout=10_000) as blocker:
        panel.ingest([path])
    return blocker.args[0]


def open_viewer(qtbot: QtBot, panel: AttachmentsPanel, row: int) -> AttachmentViewer:
    item = panel.attachment_list.topLevelItem(row)
    assert item is not None
    panel.attachment_list.setCurrentItem(item)
    panel.attachment_list.itemActivated.emit(item, 0)  # what a double-click or Enter sends
    viewer = panel._viewers[-1]
    qtbot.waitExposed(viewer)
    qtbot.waitUntil(lambda: viewer.status is not ViewStatus.LOADING, timeout=10_000)
    return viewer


# --- adding and viewing ------------------------------------------------------------------------


def test_a_text_file_and_a_picture_are_listed_and_shown_inside_the_app(
    qtbot: QtBot, panel: AttachmentsPanel, worker: DatabaseWorker, testimony_id: str, tmp_path: Path
) -> None:
    notes = tmp_path / "interview_notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    picture = tmp_path / "sketch_of_the_street.png"
    write_picture(picture)

    first = add(qtbot, panel, notes)
    second = add(qtbot, panel, picture)

    assert (first.file_name, first.media_type, first.size) == (
        "interview_notes.txt",
        "text/plain",
        len(NOTES.encode()),
    )
    assert second.media_type == "image/png"
    assert second.sha256 == hashlib.sha256(picture.read_bytes()).hexdigest()
    assert stored(worker, testimony_id) == [first, second]
    items = [panel.attachment_list.topLevelItem(row) for row in range(2)]
    rows = [[item.text(column) for column in range(3)] for item in items if item is not None]
    assert rows[0][:2] == ["interview_notes.txt", "plain text document"]
    assert rows[0][2].endswith("bytes")
    assert rows[1][:2] == ["sketch_of_the_street.png", "PNG image"]
    assert panel.ingests_running == 0
    screenshot(panel, tmp_path / "panel.png")
    panel.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    screenshot(panel, tmp_path / "panel_rtl.png")
    panel.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    text_viewer = open_viewer(qtbot, panel, 0)
    assert text_viewer.kind is ViewKind.TEXT
    assert text_viewer.status is ViewStatus.SHOWN
    assert text_viewer.text_view.toPlainText() == NOTES
    assert text_viewer.text_view.isReadOnly()
    screenshot(text_viewer, tmp_path / "viewer_text.png")
    text_viewer.reject()
    assert text_viewer.text_view.toPlainText() == ""  # closing drops the text

    picture_viewer = open_viewer(qtbot, panel, 1)
    assert picture_viewer.kind is ViewKind.IMAGE
    assert picture_viewer.status is ViewStatus.SHOWN
    assert picture_viewer.picture_view.image().size().toTuple() == (240, 150)
    screenshot(picture_viewer, tmp_path / "viewer_picture.png")
    picture_viewer.reject()
    assert picture_viewer.picture_view.image().isNull()  # and the picture
    assert panel._viewers == []


def test_a_file_dropped_on_the_panel_is_added_and_folders_are_ignored(
    qtbot: QtBot, panel: AttachmentsPanel, worker: DatabaseWorker, testimony_id: str, tmp_path: Path
) -> None:
    dropped = tmp_path / "statement_fictional.md"
    dropped.write_text("# A fictional statement\n", encoding="utf-8")
    folder = tmp_path / FOLDER_NAME
    folder.mkdir()
    data = QMimeData()
    data.setUrls(
        [
            QUrl.fromLocalFile(str(dropped)),
            QUrl.fromLocalFile(str(folder)),
            QUrl("https://example.org/not-a-local-file.txt"),
        ]
    )
    point = QPointF(panel.width() / 2, panel.height() / 2)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons = Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier

    enter = QDragEnterEvent(point.toPoint(), actions, data, buttons, none)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    assert enter.dropAction() == Qt.DropAction.CopyAction  # never a move

    drop = QDropEvent(point, actions, data, buttons, none)
    with qtbot.waitSignal(panel.attachment_added, timeout=10_000) as blocker:
        QApplication.sendEvent(panel, drop)
    assert drop.isAccepted()
    assert drop.dropAction() == Qt.DropAction.CopyAction
    assert blocker.args[0].file_name == "statement_fictional.md"
    qtbot.waitUntil(lambda: panel.ingests_running == 0)
    assert [info.file_name for info in stored(worker, testimony_id)] == ["statement_fictional.md"]


def test_nothing_can_be_dropped_without_a_testimony(
    qtbot: QtBot, worker: DatabaseWorker, tmp_path: Path
) -> None:
    panel = AttachmentsPanel(worker)
    qtbot.addWidget(panel)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.txt"))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()
    assert not panel.add_button.isEnabled()
    assert panel.ingest([tmp_path / "a.txt"]) == []


def test_cancelling_a_big_file_stores_nothing(
    qtbot: QtBot, panel: AttachmentsPanel, worker: DatabaseWorker, testimony_id: str, tmp_path: Path
) -> None:
    big = tmp_path / "long_recording.wav"
    with open(big, "wb") as handle:
        block = hashlib.sha256(b"fictional").digest() * 32768  # 1 MiB
        for _ in range(64):
            handle.write(block)
    failures: list[str] = []
    panel.failed.connect(failures.append)
    added: list[AttachmentInfo] = []
    panel.attachment_added.connect(added.append)

    panel.ingest([big])
    [row] = panel._ingests
    qtbot.waitUntil(lambda: row.progress_bar.value() > 0, timeout=10_000)
    screenshot(panel, tmp_path / "panel_ingesting.png")
    qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
    assert row.progress_bar.format() == "Cancelling…"
    qtbot.waitUntil(lambda: panel.ingests_running == 0, timeout=20_000)

    assert added == [] and failures == []  # a cancel is not a failure
    assert stored(worker, testimony_id) == []
    assert table_rows(worker) == (0, 0)
    assert panel.attachment_list.topLevelItemCount() == 0


def test_clear_cancels_running_ingests_and_forgets_the_list(
    qtbot: QtBot, panel: AttachmentsPanel, worker: DatabaseWorker, testimony_id: str, tmp_path: Path
) -> None:
    first = tmp_path / "first.txt"
    first.write_text("fictional", encoding="utf-8")
    add(qtbot, panel, first)
    viewer = open_viewer(qtbot, panel, 0)
    big = tmp_path / "big.bin"
    big.write_bytes(b"\x5a" * (16 * 1024 * 1024))
    panel.ingest([big, big])
    assert panel.ingests_running == 2

    panel.clear()

    assert viewer.status is ViewStatus.CLOSED and not viewer.isVisible()
    assert viewer.text_view.toPlainText() == ""
    assert panel.ingests_running == 0
    assert panel.attachment_list.topLevelItemCount() == 0
    assert panel.testimony_id is None
    assert not panel.add_button.isEnabled()
    assert [info.file_name for info in stored(worker, testimony_id)] == ["first.txt"]


def test_results_arriving_after_the_panel_is_gone_are_dropped(
    qtbot: QtBot, worker: DatabaseWorker, testimony_id: str, tmp_path: Path
) -> None:
    panel = AttachmentsPanel(worker)
    panel.set_testimony(testimony_id)
    big = tmp_path / "big.bin"
    big.write_bytes(b"\x5a" * (8 * 1024 * 1024))
    panel.ingest([big])
    shiboken6.delete(panel)  # the editor closed while the file was going in
    qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)  # no error from a late callback
    assert [info.file_name for info in stored(worker, testimony_id)] == ["big.bin"]


def test_failures_are_told_without_the_file_name(
    qtbot: QtBot, panel: AttachmentsPanel, tmp_path: Path
) -> None:
    missing = tmp_path / FOLDER_NAME / "statement_of_Rami_fictional.txt"
    with qtbot.waitSignal(panel.failed, timeout=10_000) as blocker:
        panel.ingest([missing])
    message = blocker.args[0]
    assert "no longer there" in message
    assert "Rami" not in message and FOLDER_NAME not in message and str(tmp_path) not in message

    folder = tmp_path / "Another_Fictional_Folder"
    folder.mkdir()
    with qtbot.waitSignal(panel.failed, timeout=10_000) as blocker:
        panel.ingest([folder])
    assert blocker.args[0] == "Only files can be attached, not folders or devices."

    pipe = tmp_path / "a_pipe"  # opening it must not hang the vault thread
    os.mkfifo(pipe)
    with qtbot.waitSignal(panel.failed, timeout=10_000) as blocker:
        panel.ingest([pipe])
    assert blocker.args[0] == "Only files can be attached, not folders or devices."
    qtbot.waitUntil(lambda: panel.ingests_running == 0)


# --- what the viewer will not show --------------------------------------------------------------


def test_a_kind_the_app_cannot_show_is_described_not_opened(
    qtbot: QtBot, panel: AttachmentsPanel, tmp_path: Path
) -> None:
    document = tmp_path / "scanned_form.pdf"
    document.write_bytes(b"%PDF-1.4\n% a fictional, broken document\n")
    info = add(qtbot, panel, document)
    viewer = open_viewer(qtbot, panel, 0)
    assert viewer.kind is ViewKind.OTHER
    assert viewer.status is ViewStatus.NOT_SHOWN
    assert "cannot be shown inside the app" in viewer.message_label.text()
    assert viewer.sha256_label.text() == info.sha256
    screenshot(viewer, tmp_path / "viewer_other.png")
    viewer.reject()


def test_a_file_that_no_longer_matches_its_hash_is_not_shown(
    qtbot: QtBot, panel: AttachmentsPanel, worker: DatabaseWorker, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    info = add(qtbot, panel, notes)

    def damage(context: JobContext) -> None:
        with context.state.require().vault.transaction() as connection:
            connection.execute(
                "UPDATE attachment_chunks SET data = ? WHERE attachment_id = ?",
                (b"tampered" + NOTES.encode()[8:], info.id),
            )

    worker.run_blocking(damage)
    viewer = open_viewer(qtbot, panel, 0)
    assert viewer.status is ViewStatus.CORRUPTED
    assert "does not match" in viewer.message_label.text()
    assert viewer.text_view.toPlainText() == ""
    screenshot(viewer, tmp_path / "viewer_corrupted.png")
    viewer.reject()


def test_a_picture_name_does_not_choose_the_decoder(
    qtbot: QtBot, panel: AttachmentsPanel, tmp_path: Path
) -> None:
    disguised = tmp_path / "map.png"
    disguised.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    add(qtbot, panel, disguised)
    viewer = open_viewer(qtbot, panel, 0)
    assert viewer.kind is ViewKind.IMAGE
    assert viewer.status is ViewStatus.UNREADABLE
    assert viewer.picture_view.image().isNull()
    viewer.reject()


def test_a_picture_too_large_to_hold_is_not_read(
    qtbot: QtBot, panel: AttachmentsPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = tmp_path / "photo.png"
    write_picture(picture)
    add(qtbot, panel, picture)
    monkeypatch.setattr(attachment_viewer, "IMAGE_LIMIT", 100)
    viewer = open_viewer(qtbot, panel, 0)
    assert viewer.status is ViewStatus.TOO_LARGE
    assert "too large" in viewer.message_label.text()
    viewer.reject()


def test_names_that_could_disguise_a_file_are_shown_defused() -> None:
    # U+202E turns "gpj.exe" around to read "exe.jpg"; a newline could hide the rest.
    assert display_name("invoice\u202egpj.exe") == "invoice\ufffdgpj.exe"
    assert display_name("first\nsecond.txt") == "first\ufffdsecond.txt"
    assert display_name("صورة البيت.jpg") == "صورة البيت.jpg"
    long = display_name("a" * 300 + ".png")
    assert len(long) <= 120 and long.endswith("aaa.png") and "…" in long


# --- the file chooser --------------------------------------------------------------------------


@pytest.fixture
def home_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """HOME and Qt's user settings inside tmp_path while the test runs, not the real ones.

    Setting XDG_CONFIG_HOME is not enough in a process that used QSettings before: Qt reads
    it once and keeps the path.
    """
    home = tmp_path / "chooser_home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    scope = QSettings.Scope.UserScope
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    before = {kind: Path(QSettings(kind, scope, "QtProject").fileName()).parent for kind in formats}
    for kind in formats:
        QSettings.setPath(kind, scope, str(home / ".config"))
    yield home
    for kind, folder in before.items():
        QSettings.setPath(kind, scope, str(folder))


def test_the_choosers_are_qt_own_dialogs_starting_at_home(qtbot: QtBot, home_in_tmp: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    attaching = PrivateFileDialog.for_attaching(parent)
    saving = PrivateFileDialog.for_saving(parent, "bundle.age")
    try:
        for dialog in (attaching, saving):
            assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
            assert Path(dialog.directory().absolutePath()) == home_in_tmp
            assert dialog.history() in ([], [str(home_in_tmp)])
        assert attaching.testOption(QFileDialog.Option.ReadOnly)
        assert attaching.fileMode() == QFileDialog.FileMode.ExistingFiles
        assert saving.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    finally:
        for dialog in (attaching, saving):  # they write QtProject.conf as they go
            shiboken6.delete(dialog)


CHOOSER_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
    from testimony_app.gui.file_dialogs import (
        PrivateFileDialog, pick_files_to_attach, pick_save_path,
    )

    app = QApplication([])
    how, visited = sys.argv[1], sys.argv[2]
    parent = QWidget()

    def choose(name):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, lambda: choose(name))
            return
        dialog.setDirectory(visited)
        dialog.selectFile(name)
        dialog.accept()

    if how == "picked":
        QTimer.singleShot(0, lambda: choose("notes.txt"))
        print(pick_files_to_attach(parent)[0])
    elif how == "saved":
        QTimer.singleShot(0, lambda: choose("bundle.age"))
        print(pick_save_path(parent, "bundle.age"))
    else:
        if how == "plain":
            dialog = QFileDialog(parent)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        else:
            dialog = PrivateFileDialog.for_attaching(parent)
        dialog.show()
        app.processEvents()
        dialog.setDirectory(visited)
        app.processEvents()
        assert Path(dialog.directory().absolutePath()) == Path(visited)
        if how == "parent destroyed while open":
            parent.deleteLater()
        else:
            dialog.close()
            dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    """
)


def run_chooser(tmp_path: Path, how: str) -> tuple[Path, str, str]:
    """Run the chooser in a fresh process with its own HOME: (folder visited, what it printed,
    what Qt left in QtProject.conf)."""
    home = tmp_path / how.replace(" ", "_")
    visited = home / "Interviews" / FOLDER_NAME
    visited.mkdir(parents=True)
    (visited / "notes.txt").write_text("fictional", encoding="utf-8")
    environment = dict(os.environ)
    environment.update(
        HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), QT_QPA_PLATFORM="offscreen"
    )
    done = subprocess.run(
        [sys.executable, "-c", CHOOSER_SCRIPT, how, str(visited)],
        env=environment,
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    written = home / ".config" / "QtProject.conf"
    assert written.is_file()  # Qt did write its settings: the checks on them mean something
    return visited, done.stdout.strip(), written.read_text(encoding="utf-8", errors="replace")


def test_the_check_sees_the_folder_a_plain_qt_dialog_remembers(tmp_path: Path) -> None:
    _, _, settings = run_chooser(tmp_path, "plain")
    assert FOLDER_NAME in settings


@pytest.mark.parametrize("how", ["closed", "parent destroyed while open"])
def test_the_chooser_leaves_no_folder_name_in_qt_settings(tmp_path: Path, how: str) -> None:
    _, _, settings = run_chooser(tmp_path, how)
    assert FOLDER_NAME not in settings
    assert "Interviews" not in settings


@pytest.mark.parametrize(("how", "name"), [("picked", "notes.txt"), ("saved", "bundle.age")])
def test_a_chosen_path_comes_back_whole_and_its_folder_is_forgotten(
    tmp_path: Path, how: str, name: str
) -> None:
    visited, printed, settings = run_chooser(tmp_path, how)
    assert Path(printed) == visited / name
    assert FOLDER_NAME not in settings
