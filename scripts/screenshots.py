"""Renders the main screens in English and Arabic into docs/screenshots/ (make screenshots).

Runs offscreen over a throwaway vault filled with synthetic, fictional records, drives the real
windows, and saves what `QWidget.grab()` shows. Look at the PNGs after every GUI change.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

PASSPHRASE = "screenshot passphrase of the day"
RECORD = {
    "witness": {"age": 46, "gender": "f", "occupation": "teacher"},
    "interview": {
        "date": "2025-03-12",
        "place": "a school hall in Tell Warda",
        "interviewer": "R-7",
        "language": "ar",
    },
    "consent": {"recorded": True, "share_with_editors": True, "date": "2025-03-12"},
    "narrative": (
        "دخل المسلحون الحي عند الفجر، وانتقلوا من بيت إلى بيت. قُتل جارنا أبو سمير أمام باب "
        "بيته، وأُحرق المخبز في آخر الشارع. هربنا مع الأطفال إلى الجبل ومشينا حتى المساء، "
        "واتصلنا بأخيه على ٠٩٣٣ ١٢٣ ٤٥٦ من تلبيسة.\n"
        "The gunmen entered the neighbourhood at dawn and went from house to house. "
        "Abu Samir, our neighbour, was shot at his gate; the bakery at the end of the street "
        "was burned. We said Allah karim and walked to Talbiseh."
    ),
    "incidents": [
        {
            "date": "2025-03-07",
            "date_precision": "day",
            "place": "al-Qusour, the mill street",
            "violation_types": ["killing", "arson"],
            "perpetrator": "armed men in mixed uniforms",
            "victims_count": 5,
        }
    ],
    "entities": [{"text": "أبو سمير", "type": "PERSON", "variants": ["Abu Samir"]}],
    "tags": ["coast", "march-2025"],
    "status": "complete",
}
MORE = [
    {
        "interview": {"date": "2025-03-13", "language": "en"},
        "narrative": "We reached the coast road at night.",
        "tags": ["coast"],
    },
    {
        "interview": {"date": "2025-03-15", "language": "ar"},
        "narrative": "نزحنا إلى القرية المجاورة.",
        "status": "reviewed",
    },
]


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, timeout_ms: int = 20_000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not condition():
        settle(50)
        waited += 50
        if waited > timeout_ms:
            raise TimeoutError("the window did not get there in time")


def save(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"wrote {path.name}")


def shoot(language: str, out: Path, work: Path) -> None:
    import json

    from testimony_app.gui.app import prepare_application
    from testimony_app.gui.app_controller import AppController
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault

    vault_dir = work / f"vault-{language}"
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf_seconds=None)
    records = RecordService(vault)
    [first] = records.import_records(json.dumps([RECORD, *MORE], ensure_ascii=False).encode())[:1]
    vault.close()

    app = prepare_application(language)
    controller = AppController(vault_dir, work / f"settings-{language}.json", language=language)
    controller.start()
    dialog = controller.unlock_dialog
    assert dialog is not None
    dialog.resize(520, 260)
    save(dialog, out / f"unlock-{language}.png")
    dialog.secret_field.setText(PASSPHRASE)
    dialog.on_unlock_button_clicked()
    wait_until(lambda: controller.is_unlocked)
    window = controller.main_window
    assert window is not None
    window.resize(1280, 800)
    wait_until(lambda: window.list_panel.model.rowCount() == 3)
    window.list_panel.select(first.testimony_id)
    wait_until(lambda: window.editor.testimony_id == first.testimony_id)
    save(window, out / f"main-{language}.png")
    for index, name in ((1, "interview"), (2, "incidents"), (3, "entities")):
        window.editor.tabs.setCurrentIndex(index)
        save(window.editor, out / f"editor-{name}-{language}.png")
    review = window.editor.review_panel
    window.editor.tabs.setCurrentWidget(review)
    wait_until(lambda: review.review is not None)
    save(window.editor, out / f"editor-review-{language}.png")
    window.editor.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(1)
    wait_until(lambda: window.witness_register.model.rowCount() == 3)
    save(window, out / f"witnesses-{language}.png")
    window.tabs.setCurrentIndex(0)
    shoot_bundles(language, out, work, controller)
    controller.quit()
    for translator in getattr(app, "_testimony_translators", []):
        app.removeTranslator(translator)
    QCoreApplication.processEvents()


def shoot_bundles(language: str, out: Path, work: Path, controller) -> None:  # type: ignore[no-untyped-def]
    """The export wizard, the keys dialog, the open-bundle window and the imported browser."""
    import json

    from testimony_app.bundle.keys import write_identity_file
    from testimony_app.services.export import ExportRequest, ExportService
    from testimony_app.services.records import RecordService
    from testimony_app.vault import Vault

    window = controller.main_window
    # Two editors in the address book.
    keys = work / f"keys-{language}"
    keys.mkdir()
    editors = [
        ("Lina, editor", write_identity_file(keys / "lina.key")),
        ("عمر، محرر", write_identity_file(keys / "omar.key")),
    ]

    def add_editors(context) -> None:  # type: ignore[no-untyped-def]
        from testimony_app.services.keys import KeyService

        for name, key in editors:
            KeyService(context.state.require().records).add_recipient(name, key)

    controller.worker.run_blocking(add_editors)

    # The export wizard: every testimony ticked, so the review has refusals to show.
    window.bundle_windows.on_export_action_triggered()
    wizard = window.bundle_windows.export_wizard
    wait_until(lambda: wizard.testimonies_page.is_loaded)
    wizard.testimonies_page.model.tick_shown(True)
    save(wizard, out / f"export-1-testimonies-{language}.png")
    wizard.on_next_button_clicked()
    save(wizard, out / f"export-2-profile-{language}.png")
    wizard.on_next_button_clicked()
    wait_until(lambda: wizard.recipients_page.recipient_list.topLevelItemCount() == 2)
    for _name, key in editors:
        wizard.recipients_page.set_ticked(key, True)
    save(wizard, out / f"export-3-recipients-{language}.png")
    wizard.on_next_button_clicked()
    wait_until(lambda: wizard.review_page.findings is not None)
    save(wizard, out / f"export-4-review-{language}.png")
    wizard.review_page.leave_out_button.click()
    wizard.review_page.automatic_check.setChecked(True)
    save(wizard, out / f"export-4-review-ready-{language}.png")
    wizard.on_next_button_clicked()
    wizard.destination_page.set_path(work / f"coast-{language}.tbundle")
    save(wizard, out / f"export-5-destination-{language}.png")
    wizard.on_next_button_clicked()
    wait_until(lambda: wizard.outcome is not None)
    save(wizard, out / f"export-6-done-{language}.png")
    wizard.accept()

    # The keys dialog.
    window.bundle_windows.on_keys_action_triggered()
    keys_dialog = window.bundle_windows.keys_dialog
    wait_until(lambda: keys_dialog.loaded)
    save(keys_dialog, out / f"keys-{language}.png")
    keys_dialog.reject()

    # A bundle from another researcher to this vault's owner, as an editor: open, trust, import.
    vault, _ = Vault.create(work / f"researcher-{language}", PASSPHRASE, kdf_seconds=None)
    records = RecordService(vault)
    [imported] = records.import_records(json.dumps(RECORD, ensure_ascii=False).encode())
    [bundle] = ExportService(records).export(
        ExportRequest(
            [imported.testimony_id],
            [editors[0][1]],
            work / f"from-the-field-{language}.tbundle",
            accept_automatic_redaction=True,
        )
    )
    vault.close()
    damaged = work / f"damaged-{language}.tbundle"
    data = bytearray(bundle.path.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    window.bundle_windows.on_open_bundle_action_triggered()
    opener = window.bundle_windows.open_bundle_window
    opener.set_identity_path(keys / "lina.key")
    opener.set_bundle_path(damaged)
    wait_until(lambda: opener.state == "rejected")
    save(opener, out / f"open-bundle-rejected-{language}.png")
    opener.set_bundle_path(bundle.path)
    wait_until(lambda: opener.state == "verified")
    opener.compared_check.setChecked(True)
    opener.sender_name_field.setText("Coast team" if language == "en" else "فريق الساحل")
    save(opener, out / f"open-bundle-verified-{language}.png")
    opener.on_import_button_clicked()
    wait_until(lambda: opener.state == "imported")
    save(opener, out / f"open-bundle-imported-{language}.png")
    opener.browse_button.click()
    browser = window.bundle_windows.imported_browser
    wait_until(lambda: len(browser.testimony_items()) == 1)
    browser.tree.setCurrentItem(browser.testimony_items()[0])
    save(browser, out / f"imported-{language}.png")
    browser.view.tabs.setCurrentIndex(1)
    save(browser, out / f"imported-incidents-{language}.png")
    browser.reject()
    opener.reject()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as work:
        for language in ("en", "ar"):
            shoot(language, args.out, Path(work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
