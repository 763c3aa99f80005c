"""The Arabic interface: the catalogue compiles complete, and no screen is left in English.

The catalogue is compiled here, into tmp_path, so the test does not depend on
`make translations`. The real windows are built over a real vault in Arabic, every string they
show is collected (titles, labels, buttons, group boxes, tabs, combo items, placeholders,
tooltips, table headers and cells, menus, actions, status messages), and what is left after
taking out IDs, numbers, the typed word ERASE, shortcuts and the user's own data must hold no
Latin word. Screenshots of the screens go to tmp_path/screenshots: look at them after changing a
translation (pytest --basetemp=/tmp/tr-test keeps them).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSpinBox,
    QStatusBar,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from testimony_app.domain.records import DatePrecision, Incident
from testimony_app.gui.app_controller import AppController
from testimony_app.gui.editor.attachment_viewer import ViewStatus
from testimony_app.gui.erase.erase_dialog import EraseDialog
from testimony_app.gui.settings.settings_dialog import SettingsDialog
from tests.gui.typing import visible_texts

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "resources" / "translations" / "testimony_ar.ts"
TIMEOUT = 20_000

PASSPHRASE = "calm river stone seven"
WEAK = "abcdefgh"
FAIR = "abcdefghijkl"
NARRATIVE = "دخل المسلحون الحي عند الفجر، وأُحرق المخبز في آخر الشارع."
ATTACHMENT_NAME = "notes.txt"

# Latin text that is meant to stay Latin in the Arabic interface.
KEPT_LATIN = [
    re.compile(r"[WT]-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]"),  # pseudonymous IDs
    re.compile(r"\bERASE\b"),  # the word the erase dialog asks to be typed, on any keyboard
    re.compile(r"\bCtrl\+\w+"),  # keyboard shortcuts
    re.compile(r"\bSHA-256\b"),  # the name of the fingerprint an attachment is checked with
    re.compile(r"\b[0-9a-f]{64}\b"),  # and the fingerprint itself
    re.compile(r"\b(?:text|image|application|audio|video)/[\w.+-]+"),  # a file's media type
    re.compile(r"\bAbu Ayham\b"),  # the Latin spelling in the example of variant spellings
    # Key fingerprints (Crockford letters and digits, in groups of four), whole or begun.
    re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}(?:\s+[0-9A-HJKMNP-TV-Z]{4}){4}\b"),
    re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}…"),
    re.compile(r"\bage1[0-9a-z…]*"),  # age public keys, and the "age1…" a key starts with
    re.compile(r"\bage-keygen\b"),  # the name of age's key tool
    re.compile(r"\b(?:PDF|JPEG|PNG|GIF|MP3|WAV|FLAC)\b"),  # format names in the system's type names
]
WHOLE_STRINGS_KEPT = {"English"}  # the language picker names each language in itself
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
UNFILLED_PLACEHOLDER = re.compile(r"%\d|%n|%L\d|\{\w+\}")
# After Arabic letters, digits are Arabic numbers to the bidi algorithm, and a hyphen does not
# join those: "about 2025-03" in Arabic is drawn with the month left of the year, a day-first
# date. A left-to-right isolate (U+2066 … U+2069) around the number keeps it in order.
LTR_ISOLATE = re.compile("\u2066[^\u2066-\u2069]*\u2069")
REVERSED_NUMBER = re.compile(r"[\u0600-\u06ff][^A-Za-z]*?\d+-\d")


# --- the catalogue ------------------------------------------------------------------------------


def lrelease() -> Path:
    """Qt's lrelease as shipped in the PySide6 wheel (what pyside6-lrelease runs)."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def compile_catalogue(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    qm = out_dir / "testimony_ar.qm"
    result = subprocess.run(
        [str(lrelease()), str(CATALOGUE), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert qm.is_file(), report
    assert re.search(r"\(\d+ finished and 0 unfinished\)", report), report
    assert "warning" not in report.lower(), report
    return qm


def test_catalogue_is_complete_and_keeps_every_placeholder() -> None:
    """Each message translated, every plural form, %1, %n, {expected}… kept, numbers whole."""
    marker = re.compile(r"%\d|%n|\{\w+\}|\bERASE\b|\bCtrl\+\w")
    root = ET.parse(CATALOGUE).getroot()
    assert root.get("language") == "ar"
    problems = []
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") is not None:
                problems.append(f"{name}: {source!r} is {translation.get('type')}")
                continue
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.findall("numerusform")]
                if len(forms) != 6:  # Arabic: zero, one, two, few, many, other
                    problems.append(f"{name}: {source!r} has {len(forms)} plural forms")
            else:
                forms = [translation.text or ""]
            for index, form in enumerate(forms):
                if REVERSED_NUMBER.search(LTR_ISOLATE.sub(" ", form)):
                    problems.append(f"{name}: {form!r} shows a number with a hyphen reversed")
                wanted = sorted(marker.findall(source))
                if message.get("numerus") == "yes" and index in (1, 2):
                    # "one" and "two" say the number in words (دقيقة واحدة, دقيقتان).
                    wanted = [item for item in wanted if item != "%n"]
                if not form.strip():
                    problems.append(f"{name}: {source!r} form {index} is empty")
                elif sorted(marker.findall(form)) != wanted:
                    problems.append(f"{name}: {source!r} -> {form!r} changes the placeholders")
    assert count > 0
    assert not problems, "\n".join(problems)


# --- collecting what the screens show -----------------------------------------------------------


def screen_texts(root: QWidget) -> list[str]:
    """`visible_texts`, plus menus, actions, headers, cell tooltips and status messages."""
    texts = list(visible_texts(root))
    for widget in [root, *root.findChildren(QWidget)]:
        for action in widget.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
            texts.append(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        if isinstance(widget, QToolBar | QDialog | QMainWindow):
            texts.append(widget.windowTitle())
        if isinstance(widget, QSpinBox):
            texts.append(widget.specialValueText())
        if isinstance(widget, QAbstractSpinBox):
            texts.append(widget.text())
        if isinstance(widget, QProgressBar) and widget.isTextVisible():
            texts.append(widget.text())
        if isinstance(widget, QStatusBar):
            texts.append(widget.currentMessage())
        if isinstance(widget, QMessageBox):
            texts += [widget.text(), widget.informativeText()]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            for section in range(widget.count()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(section, widget.orientation(), role)
                    if value:
                        texts.append(str(value))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root_index = model.index(-1, -1)
            try:
                columns = model.columnCount(root_index)
            except TypeError:  # a list model
                columns = 1
            for row in range(model.rowCount(root_index)):
                for column in range(max(columns, 1)):
                    value = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                    if value:
                        texts.append(str(value))
    return [text for text in texts if text]


class Collector:
    """Gathers the strings of every screen as it is shown, and the user data typed into them."""

    def __init__(self, shots: Path) -> None:
        self.texts: dict[str, set[str]] = {}
        self.typed: set[str] = {PASSPHRASE, WEAK, FAIR, NARRATIVE, ATTACHMENT_NAME}
        self.shots = shots
        shots.mkdir(parents=True, exist_ok=True)

    def take(self, screen: str, widget: QWidget) -> None:
        QApplication.processEvents()
        self.texts.setdefault(screen, set()).update(screen_texts(widget))

    def shoot(self, name: str, widget: QWidget) -> None:
        QApplication.processEvents()
        widget.grab().save(str(self.shots / f"{name}.png"))

    def leftovers(self) -> list[str]:
        found = []
        for screen, texts in sorted(self.texts.items()):
            for text in sorted(texts):
                if UNFILLED_PLACEHOLDER.search(text):
                    found.append(f"{screen}: {text!r} (a placeholder was not filled in)")
                    continue
                if REVERSED_NUMBER.search(LTR_ISOLATE.sub(" ", text)):
                    found.append(f"{screen}: {text!r} (a number is drawn back to front)")
                    continue
                if text in WHOLE_STRINGS_KEPT:
                    continue
                rest = text
                for typed in sorted(self.typed, key=len, reverse=True):
                    rest = rest.replace(typed, " ")
                for pattern in KEPT_LATIN:
                    rest = pattern.sub(" ", rest)
                words = LATIN_WORD.findall(rest)
                if words:
                    found.append(f"{screen}: {text!r} (English: {', '.join(words)})")
        return found


# --- the Arabic application ---------------------------------------------------------------------


@pytest.fixture
def arabic(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:  # type: ignore[no-untyped-def]
    """prepare_application("ar") over a catalogue compiled here; English again afterwards."""
    import testimony_app.gui.app as app_module

    qm = compile_catalogue(tmp_path / "translations")
    real_resource_path = app_module.resource_path

    def resource_path(*parts: str) -> Path:
        if parts == ("translations", "testimony_ar.qm"):
            return qm
        return real_resource_path(*parts)

    monkeypatch.setattr(app_module, "resource_path", resource_path)
    direction, locale = qapp.layoutDirection(), QLocale()
    app = app_module.prepare_application("ar")
    try:
        assert len(app._testimony_translators) == 2  # ours and Qt's own (standard buttons)
        yield app
    finally:
        for translator in app._testimony_translators:
            app.removeTranslator(translator)
        app._testimony_translators = []
        app.setLayoutDirection(direction)
        QLocale.setDefault(locale)


@pytest.fixture
def arabic_controller(arabic: QApplication, tmp_path: Path) -> Iterator[AppController]:
    made = AppController(
        tmp_path / "vault", tmp_path / "settings.json", language="ar", kdf_seconds=None
    )
    yield made
    made.worker.shutdown()
    for widget in (made.main_window, made.unlock_dialog, made.create_dialog, made.change_dialog):
        if widget is not None:
            widget.hide()
            widget.deleteLater()
    box = getattr(made, "_erased_box", None)
    if box is not None:
        box.hide()
        box.deleteLater()


def _wait_saved(qtbot: QtBot, controller: AppController) -> None:
    editor = controller.main_window.editor  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not editor.is_dirty and not editor._save_in_flight, timeout=TIMEOUT)


def _strength_states(collector: Collector, screen: str, dialog: QWidget) -> None:
    """Every hint the passphrase fields give: too short, weak, fair, strong, differing."""
    first, second = dialog.passphrase_field, dialog.repeat_field  # type: ignore[attr-defined]
    for one, two in (("", ""), (WEAK, ""), (FAIR, ""), (PASSPHRASE, "x"), (PASSPHRASE, "")):
        first.setText(one)
        second.setText(two)
        collector.take(screen, dialog)
    first.clear()
    second.clear()


def test_every_screen_is_in_arabic(
    qtbot: QtBot, arabic: QApplication, arabic_controller: AppController, tmp_path: Path
) -> None:
    controller = arabic_controller
    collector = Collector(tmp_path / "screenshots")
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft

    # Creating the vault: the passphrase page, then the recovery code page.
    controller.start()
    create = controller.create_dialog
    assert create is not None and create.isVisible()
    assert create.isRightToLeft()
    _strength_states(collector, "create vault", create)
    create.passphrase_field.setText(PASSPHRASE)
    create.repeat_field.setText(PASSPHRASE)
    collector.shoot("create-1-passphrase", create)
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: create.pages.currentIndex() == 1, timeout=TIMEOUT)
    code = create.code_label.text()
    collector.typed.add(code)
    collector.take("create vault: recovery code", create)
    collector.shoot("create-2-recovery-code", create)
    create.written_checkbox.setChecked(True)
    with qtbot.waitSignal(controller.unlocked, timeout=TIMEOUT):
        qtbot.mouseClick(create.continue_button, Qt.MouseButton.LeftButton)

    # The main window with a testimony open and something in every tab.
    window = controller.main_window
    assert window is not None and window.isVisible()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft and window.isRightToLeft()
    window.resize(1280, 800)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.editor.testimony_id is not None, timeout=TIMEOUT)
    collector.take("main window: new testimony", window)
    editor = window.editor
    editor.narrative_edit.setPlainText(NARRATIVE)
    editor.tags_field.setText("الساحل، آذار")
    editor.interview_form.place_field.setText("قاعة مدرسة")
    editor.interview_form.recorded_check.setChecked(True)
    editor.incidents_panel.set_incidents(
        (
            Incident(
                date="2025-03-07",
                place="شارع المطحنة",
                violation_types=("killing", "arson"),
                perpetrator="مسلحون ملثمون",
                victims_count=5,
            ),
            Incident(date="2025-03", date_precision=DatePrecision.APPROXIMATE),
        )
    )
    editor.incidents_panel.changed.emit()
    editor.entities_panel.add_entity("أبو سمير")
    editor.on_content_changed()
    _wait_saved(qtbot, controller)
    notes = tmp_path / ATTACHMENT_NAME
    notes.write_text("ملاحظات من الزيارة", encoding="utf-8")
    with qtbot.waitSignal(editor.attachments_panel.attachment_added, timeout=TIMEOUT):
        editor.attachments_panel.ingest([notes])
    qtbot.waitUntil(lambda: editor.revisions_panel.revision_list.count() > 0, timeout=TIMEOUT)
    editor.revisions_panel.revision_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: editor.revisions_panel.restore_button.isEnabled(), timeout=TIMEOUT)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        collector.take("main window", window)
        collector.shoot(f"main-tab-{index}", window)
    editor.tabs.setCurrentIndex(0)
    collector.shoot("main", window)

    # An attachment opened in the viewer.
    [info] = editor.attachments_panel.attachments()
    viewer = editor.attachments_panel.open_viewer(info)
    qtbot.waitUntil(lambda: viewer.status is ViewStatus.SHOWN, timeout=TIMEOUT)
    collector.take("attachment viewer", viewer)
    collector.shoot("attachment-viewer", viewer)
    viewer.reject()

    # The incident dialog, adding and editing, with each hint under the date.
    incidents = editor.incidents_panel
    editor.tabs.setCurrentWidget(incidents)
    incidents.add_button.click()
    dialog = incidents.dialog
    assert dialog is not None
    for precision in range(dialog.precision_combo.count()):
        dialog.precision_combo.setCurrentIndex(precision)
        for date in ("", "2025-02-30", "2025-13"):
            dialog.date_field.setText(date)
            collector.take("incident dialog", dialog)
    dialog.date_field.setText("2025-02-30")
    collector.shoot("incident-dialog", dialog)
    dialog.reject()
    incidents.select_row(0)
    incidents.edit_button.click()
    assert incidents.dialog is not None
    collector.take("incident dialog: editing", incidents.dialog)
    incidents.dialog.reject()

    # Deleting asks first (answered No).
    def answer_delete() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        collector.take("delete testimony", box)
        collector.shoot("delete-testimony", box)
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(100, answer_delete)
    window.delete_action.trigger()
    assert "delete testimony" in collector.texts

    # The witness register, with a witness's identity shown.
    window.tabs.setCurrentIndex(1)
    register = window.witness_register
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=TIMEOUT)
    register.select_row(0)
    qtbot.waitUntil(lambda: register.selected_witness() is not None, timeout=TIMEOUT)
    register.show_identity_button.click()
    qtbot.waitUntil(lambda: register.hide_identity_button.isVisible(), timeout=TIMEOUT)
    collector.take("witness register", window)
    collector.shoot("witnesses", window)
    register.new_button.click()
    qtbot.waitUntil(lambda: register.model.rowCount() == 2, timeout=TIMEOUT)
    collector.take("witness register: new witness", window)
    window.tabs.setCurrentIndex(0)

    # Settings, changing the passphrase, erasing (each only shown, nothing done).
    settings = SettingsDialog(controller.settings, window)
    settings.show()
    collector.take("settings", settings)
    collector.shoot("settings", settings)
    settings.reject()
    window.change_passphrase_action.trigger()
    change = controller.change_dialog
    assert change is not None
    _strength_states(collector, "change passphrase", change)
    collector.shoot("change-passphrase", change)
    change.reject()
    erase = EraseDialog(window)
    erase.show()
    collector.take("erase", erase)
    collector.shoot("erase", erase)
    erase.reject()

    # Locked: the unlock screen, both ways in, each with its error.
    with qtbot.waitSignal(controller.locked, timeout=TIMEOUT):
        window.lock_action.trigger()
    collector.take("main window: locked", window)
    unlock = controller.unlock_dialog
    assert unlock is not None and unlock.isVisible() and unlock.isRightToLeft()
    collector.take("unlock", unlock)
    collector.shoot("unlock-passphrase", unlock)
    unlock.secret_field.setText("not the passphrase")
    collector.typed.add("not the passphrase")
    unlock.on_unlock_button_clicked()
    qtbot.waitUntil(lambda: unlock.error_label.isVisible(), timeout=TIMEOUT)
    collector.take("unlock: wrong passphrase", unlock)
    collector.shoot("unlock-wrong-passphrase", unlock)
    unlock.switch_button.click()
    assert unlock.recovery_mode
    collector.take("unlock: recovery code", unlock)
    collector.shoot("unlock-recovery-code", unlock)
    unlock.secret_field.setText("AAAAA")
    collector.typed.add("AAAAA")
    unlock.on_unlock_button_clicked()
    qtbot.waitUntil(lambda: unlock.error_label.isVisible(), timeout=TIMEOUT)
    collector.take("unlock: wrong recovery code", unlock)

    # Erasing from the unlock screen, then the message and the create screen again.
    def answer_erase() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, EraseDialog)
        box.confirm_field.setText("ERASE")
        collector.take("erase from unlock", box)
        box.erase_button.click()

    QTimer.singleShot(100, answer_erase)
    with qtbot.waitSignal(controller.erased, timeout=TIMEOUT):
        unlock.erase_button.click()
    qtbot.waitUntil(lambda: controller.create_dialog is not None, timeout=TIMEOUT)
    collector.take("vault erased", controller._erased_box)

    expected_screens = {
        "create vault",
        "create vault: recovery code",
        "main window",
        "attachment viewer",
        "incident dialog",
        "incident dialog: editing",
        "witness register",
        "settings",
        "change passphrase",
        "erase",
        "unlock",
        "unlock: recovery code",
        "vault erased",
    }
    assert expected_screens <= set(collector.texts)
    arabic_letter = re.compile(r"[\u0600-\u06ff]")
    for screen in expected_screens:
        assert any(arabic_letter.search(text) for text in collector.texts[screen]), screen
    leftovers = collector.leftovers()
    assert not leftovers, "English left in the Arabic interface:\n" + "\n".join(leftovers)


# --- the bundle windows in Arabic ----------------------------------------------------------------

ARABIC_RECORD = {
    "witness": {"age": 51, "gender": "m"},
    "interview": {"date": "2025-03-12", "place": "قاعة مدرسة", "language": "ar"},
    "consent": {"recorded": True, "share_with_editors": True},
    "narrative": NARRATIVE,
    "incidents": [
        {
            "date": "2025-03",
            "date_precision": "approximate",
            "place": "شارع المطحنة",
            "violation_types": ["killing", "arson"],
            "perpetrator": "مسلحون ملثمون",
            "victims_count": 5,
        }
    ],
    "tags": ["الساحل"],
    "status": "reviewed",
}
REPORT_NAME = "تقرير.pdf"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _create_vault(qtbot: QtBot, controller: AppController, collector: Collector) -> None:
    controller.start()
    create = controller.create_dialog
    assert create is not None
    create.passphrase_field.setText(PASSPHRASE)
    create.repeat_field.setText(PASSPHRASE)
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: create.pages.currentIndex() == 1, timeout=TIMEOUT)
    collector.typed.add(create.code_label.text())
    create.written_checkbox.setChecked(True)
    with qtbot.waitSignal(controller.unlocked, timeout=TIMEOUT):
        qtbot.mouseClick(create.continue_button, Qt.MouseButton.LeftButton)


def _run(controller: AppController, job):  # type: ignore[no-untyped-def]
    return controller.worker.run_blocking(job)


def test_the_bundle_windows_are_in_arabic(
    qtbot: QtBot, arabic: QApplication, arabic_controller: AppController, tmp_path: Path
) -> None:
    """The export wizard, the keys dialog, the open-bundle window and the imported browser."""
    import io
    import json

    from testimony_app.bundle.keys import write_identity_file
    from testimony_app.bundle.reader import BundleProblem
    from testimony_app.gui.error_messages import describe_bundle_problem, describe_refusal
    from testimony_app.services.export import ExportRequest, ExportService, RefusalReason
    from testimony_app.services.records import RecordService
    from tests.conftest import make_vault

    controller = arabic_controller
    collector = Collector(tmp_path / "screenshots")
    _create_vault(qtbot, controller, collector)
    window = controller.main_window
    assert window is not None
    collector.typed.update({REPORT_NAME, "1.txt", str(tmp_path)})
    records = [
        ARABIC_RECORD,
        {**ARABIC_RECORD, "consent": {"recorded": False}},
        {**ARABIC_RECORD, "status": "complete"},
    ]
    data = json.dumps(records, ensure_ascii=False).encode()
    ids = _run(
        controller,
        lambda c: [i.testimony_id for i in c.state.require().records.import_records(data)],
    )
    _run(
        controller,
        lambda c: c.state.require().records.attach(
            ids[0], io.BytesIO(PDF), file_name=REPORT_NAME, media_type="application/pdf"
        ),
    )
    window.load_all()
    keys = tmp_path / "keys"
    keys.mkdir()
    lina = write_identity_file(keys / "lina.key")
    omar = write_identity_file(keys / "omar.key")
    collector.typed.update({"لينا", "عمر"})

    # The export wizard, page by page.
    window.export_action.trigger()
    wizard = window.bundle_windows.export_wizard
    assert wizard is not None and wizard.isRightToLeft()
    qtbot.waitUntil(lambda: wizard.testimonies_page.model.rowCount() == 3, timeout=TIMEOUT)
    wizard.testimonies_page.model.tick_shown(True)
    collector.take("export: testimonies", wizard)
    collector.shoot("export-1-testimonies", wizard)
    wizard.on_next_button_clicked()
    collector.take("export: profile", wizard)
    collector.shoot("export-2-profile", wizard)
    wizard.on_next_button_clicked()
    form = wizard.recipients_page.add_form
    form.on_add_button_clicked()  # no name: asks for one
    collector.take("export: recipients, no name", wizard)
    form.name_field.setText("لينا")
    form.on_add_button_clicked()  # no key: asks for one
    collector.take("export: recipients, no key", wizard)
    form.key_field.setText("age1notakey")
    form.on_add_button_clicked()
    qtbot.waitUntil(lambda: form.error_label.isVisible() and form.add_button.isEnabled())
    collector.take("export: recipients, bad key", wizard)
    for name, key in (("لينا", lina), ("عمر", omar)):
        form.name_field.setText(name)
        form.key_field.setText(key)
        form.on_add_button_clicked()
        qtbot.waitUntil(
            lambda key=key: key in wizard.recipients_page.ticked_keys(), timeout=TIMEOUT
        )
    collector.take("export: recipients", wizard)
    collector.shoot("export-3-recipients", wizard)
    wizard.on_next_button_clicked()
    review = wizard.review_page
    collector.take("export: review, checking", wizard)
    qtbot.waitUntil(lambda: review.findings is not None, timeout=TIMEOUT)
    assert len(review.cards) == 2  # no consent; an attachment without a cleaner
    collector.take("export: review", wizard)
    collector.shoot("export-4-review", wizard)
    review.leave_out_button.click()
    review.automatic_check.setChecked(True)
    for card in review.cards:
        for check in card.uncleaned_checks.values():
            check.setChecked(True)
    assert review.can_continue()
    collector.take("export: review, ready", wizard)
    collector.shoot("export-4-review-ready", wizard)
    wizard.on_next_button_clicked()
    out = tmp_path / "out.tbundle"
    wizard.destination_page.set_path(out)
    collector.typed.add(str(out))
    collector.typed.update(path.name for path in wizard.destination_page.paths())
    collector.take("export: destination", wizard)
    collector.shoot("export-5-destination", wizard)
    progress = wizard.progress_page  # its states, shown one after another
    progress.show_running(2)
    collector.take("export: progress", wizard)
    progress.show_progress(1500, 2000)
    collector.take("export: progress", wizard)
    progress.show_cancelled()
    collector.take("export: cancelled", wizard)
    wizard.on_next_button_clicked()  # Export
    qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=TIMEOUT)
    collector.typed.update(str(bundle.path) for bundle in wizard.outcome.bundles)
    collector.take("export: done", wizard)
    collector.shoot("export-6-done", wizard)
    [for_lina, _] = wizard.outcome.bundles
    wizard.accept()

    # The keys dialog, and removing a recipient (answered Keep).
    window.keys_action.trigger()
    keys_dialog = window.bundle_windows.keys_dialog
    assert keys_dialog is not None
    qtbot.waitUntil(lambda: keys_dialog.loaded, timeout=TIMEOUT)
    collector.take("keys", keys_dialog)
    collector.shoot("keys", keys_dialog)
    keys_dialog.tabs.setCurrentIndex(1)
    collector.take("keys: senders", keys_dialog)
    keys_dialog.tabs.setCurrentIndex(0)
    keys_dialog.recipient_list.setCurrentItem(keys_dialog.recipient_list.topLevelItem(0))

    def answer_remove() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        collector.take("keys: remove recipient", box)
        box.buttons()[-1].click()

    QTimer.singleShot(100, answer_remove)
    keys_dialog.remove_button.click()
    assert "keys: remove recipient" in collector.texts
    keys_dialog.reject()

    # Opening bundles: one damaged, one from an unknown sender (trusted, imported), browsed.
    with make_vault(tmp_path / "researcher").open() as researcher:
        theirs = RecordService(researcher)
        [theirs_id] = [
            i.testimony_id
            for i in theirs.import_records(json.dumps(ARABIC_RECORD, ensure_ascii=False).encode())
        ]
        theirs.attach(
            theirs_id, io.BytesIO("ملاحظات".encode()), file_name="n.txt", media_type="text/plain"
        )
        [bundle] = ExportService(theirs).export(
            ExportRequest([theirs_id], [lina], tmp_path / "inbox.tbundle")
        )
    damaged = tmp_path / "damaged.tbundle"
    spoilt = bytearray(bundle.path.read_bytes())
    spoilt[len(spoilt) // 2] ^= 1
    damaged.write_bytes(bytes(spoilt))
    collector.typed.update(
        {str(bundle.path), str(damaged), str(keys / "lina.key"), str(for_lina.path)}
    )
    window.open_bundle_action.trigger()
    opener = window.bundle_windows.open_bundle_window
    assert opener is not None
    collector.take("open bundle: empty", opener)
    opener.set_identity_path(keys / "lina.key")
    with qtbot.waitSignal(opener.rejected_bundle, timeout=TIMEOUT):
        opener.set_bundle_path(damaged)
    collector.take("open bundle: rejected", opener)
    collector.shoot("open-bundle-rejected", opener)
    with qtbot.waitSignal(opener.checked, timeout=TIMEOUT):
        opener.set_bundle_path(bundle.path)
    opener.compared_check.setChecked(True)
    opener.sender_name_field.setText("فريق الساحل")
    collector.typed.add("فريق الساحل")
    collector.take("open bundle: verified", opener)
    collector.shoot("open-bundle-verified", opener)
    with qtbot.waitSignal(opener.imported, timeout=TIMEOUT):
        opener.import_button.click()
    collector.take("open bundle: imported", opener)
    collector.shoot("open-bundle-imported", opener)
    opener.browse_button.click()
    browser = window.bundle_windows.imported_browser
    assert browser is not None
    qtbot.waitUntil(lambda: len(browser.testimony_items()) == 1, timeout=TIMEOUT)
    browser.tree.setCurrentItem(browser.testimony_items()[0])
    for index in range(browser.view.tabs.count()):
        browser.view.tabs.setCurrentIndex(index)
        collector.take("imported testimonies", browser)
        collector.shoot(f"imported-{index}", browser)
    file = browser.view.attachment_list.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole + 1)
    viewer = browser.open_viewer(file)
    qtbot.waitUntil(lambda: viewer.shown, timeout=TIMEOUT)
    collector.typed.add("ملاحظات")
    collector.take("imported attachment", viewer)
    viewer.reject()
    with qtbot.waitSignal(opener.checked, timeout=TIMEOUT):
        opener.check()  # the same bundle again: already imported
    collector.take("open bundle: already imported", opener)

    # Every reason a bundle or a testimony can be refused for, as the windows would say it.
    collector.texts["reasons"] = {describe_bundle_problem(p) for p in BundleProblem} | {
        describe_refusal(r) for r in RefusalReason
    }
    arabic_letter = re.compile(r"[\u0600-\u06ff]")
    for screen, texts in collector.texts.items():
        assert any(arabic_letter.search(text) for text in texts), screen
    leftovers = collector.leftovers()
    assert not leftovers, "English left in the Arabic interface:\n" + "\n".join(leftovers)
