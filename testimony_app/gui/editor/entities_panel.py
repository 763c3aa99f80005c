"""The sensitive entities of a testimony (names, private places, numbers) that redaction removes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.normalise import normalise
from testimony_app.domain.records import Entity, EntityType
from testimony_app.gui.bidi_text import plain_text, show_text

TEXT, TYPE, VARIANTS, REMOVE = range(4)
_VARIANT_SEPARATORS = str.maketrans({"،": ","})  # the Arabic comma, as an Arabic keyboard types


def match_key(text: str) -> str:
    """The form two registrations are compared in: search's normal form, spaces collapsed."""
    return " ".join(normalise(text).split())


def parse_variants(text: str, entity_text: str = "") -> tuple[str, ...]:
    """Comma-separated spellings (Latin or Arabic comma), without blanks or repeats."""
    seen = {match_key(entity_text)} if entity_text else set()
    variants = []
    for part in text.translate(_VARIANT_SEPARATORS).split(","):
        variant = part.strip()
        key = match_key(variant)
        if key and key not in seen:
            seen.add(key)
            variants.append(variant)
    return tuple(variants)


class _EntitiesDelegate(QStyledItemDelegate):
    """Edits a cell's plain text (no isolate around it) and says what the variants expect."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if index.column() == VARIANTS and isinstance(editor, QLineEdit):
            editor.setPlaceholderText(self.tr("Other spellings, separated by commas"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(plain_text(str(index.data() or "")))
        else:
            super().setEditorData(editor, index)


class EntitiesPanel(QWidget):
    """A table of registered entities: text, type, other spellings, and a Remove button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitiesPanel")
        self._entities: list[Entity] = []
        self._loading = False  # cells are being filled by code, not edited by the user

        self.new_entity_field = QLineEdit(self)
        self.new_entity_field.setObjectName("newEntityField")
        self.new_entity_field.setPlaceholderText(
            self.tr("A name, private place or number that must not be published")
        )
        self.add_button = QPushButton(self.tr("Register"), self)

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("entitiesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Text"), self.tr("Type"), self.tr("Variants"), ""]
        )
        variants_header = self.table.horizontalHeaderItem(VARIANTS)
        if variants_header is not None:
            variants_header.setToolTip(
                self.tr("Other ways it is written, separated by commas: Abu Ayham, أبو أيهم")
            )
        self.table.setItemDelegate(_EntitiesDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VARIANTS, QHeaderView.ResizeMode.Stretch)
        # Fitting to contents ignores the widgets in cells: size the columns for them.
        combo, button = self._type_combo_for(EntityType.PERSON), self._remove_button()
        row_height = 0
        for column, widget in ((TYPE, combo), (REMOVE, button)):
            widget.ensurePolished()
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, widget.sizeHint().width() + 6)
            row_height = max(row_height, widget.sizeHint().height() + 6)
            widget.deleteLater()
        self.table.verticalHeader().setDefaultSectionSize(row_height)

        self.empty_label = QLabel(
            self.tr(
                "Nothing registered yet. Select a name or place in the narrative and register "
                "it, or type it above: redaction removes every registered entity."
            ),
            self,
        )
        self.empty_label.setObjectName("note")
        self.empty_label.setWordWrap(True)

        entry = QHBoxLayout()
        entry.addWidget(self.new_entity_field, 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.new_entity_field.returnPressed.connect(self.on_add_button_clicked)
        self.table.itemChanged.connect(self.on_table_item_changed)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.on_table_delete_pressed)
        self._update_empty()

    # -- API

    def set_entities(self, entities: Iterable[Entity]) -> None:
        """Show these entities (a testimony just opened); not an edit, so no `changed`."""
        self._entities = []
        self.table.setRowCount(0)
        for entity in entities:
            self._append(entity)
        self._update_empty()

    def entities(self) -> tuple[Entity, ...]:
        return tuple(self._entities)

    def clear(self) -> None:
        """Forget everything shown, what was being typed included (the vault is locking)."""
        self.new_entity_field.clear()
        self.set_entities(())

    def add_entity(self, text: str, type: EntityType = EntityType.PERSON) -> int | None:
        """Register `text` and focus its type; returns its row, or None for blank text.

        Text already registered (as itself or as a variant, compared in search's normal form,
        so with or without tashkeel) is not added twice: its row is selected instead.
        """
        text = text.strip()
        if not text:
            return None
        row = self.row_of(text)
        if row is not None:
            self.select_row(row)
            return row
        row = self._append(Entity(text=text, type=type))
        self._update_empty()
        self.select_row(row)
        self.type_combo(row).setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return row

    def row_of(self, text: str, *, skip: int | None = None) -> int | None:
        """The row whose text or variants match `text` as search would, if any."""
        key = match_key(text)
        for row, entity in enumerate(self._entities):
            if row != skip and key in {match_key(item) for item in (entity.text, *entity.variants)}:
                return row
        return None

    def select_row(self, row: int) -> None:
        self.table.setCurrentCell(row, TEXT)  # not selectRow: see IncidentsPanel.select_row
        self.table.scrollTo(self.table.model().index(row, TEXT))

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def type_combo(self, row: int) -> QComboBox:
        combo = self.table.cellWidget(row, TYPE)
        assert isinstance(combo, QComboBox)
        return combo

    def remove_button(self, row: int) -> QPushButton:
        button = self.table.cellWidget(row, REMOVE)
        assert isinstance(button, QPushButton)
        return button

    def type_labels(self) -> dict[EntityType, str]:
        return {
            EntityType.PERSON: self.tr("Person"),
            EntityType.LOCATION_PRIVATE: self.tr("Private place"),
            EntityType.PHONE: self.tr("Phone"),
            EntityType.EMAIL: self.tr("Email"),
            EntityType.ID_NUMBER: self.tr("ID number"),
            EntityType.DATE_OF_BIRTH: self.tr("Date of birth"),
            EntityType.VEHICLE_PLATE: self.tr("Vehicle plate"),
            EntityType.SOCIAL_HANDLE: self.tr("Social media handle"),
            EntityType.OTHER: self.tr("Other"),
        }

    # -- slots

    def on_add_button_clicked(self) -> None:
        text = self.new_entity_field.text()
        if self.add_entity(text) is not None:
            self.new_entity_field.clear()

    def on_type_combo_changed(self, _index: int) -> None:
        row = self._row_of_widget(self.sender(), TYPE)
        if row is None:
            return
        kind = self.type_combo(row).currentData()
        entity = self._entities[row]
        if isinstance(kind, EntityType) and kind is not entity.type:
            self._entities[row] = Entity(text=entity.text, type=kind, variants=entity.variants)
            self.changed.emit()

    def on_remove_button_clicked(self) -> None:
        row = self._row_of_widget(self.sender(), REMOVE)
        if row is not None:
            self._remove(row)

    def on_table_delete_pressed(self) -> None:
        row = self.current_row()
        if row is not None:
            self._remove(row)

    def on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row, entity = item.row(), self._entities[item.row()]
        if item.column() == TEXT:
            text = plain_text(item.text()).strip()
            duplicate = self.row_of(text, skip=row) if text else None
            if not text or duplicate is not None:
                # A blank text would register nothing; a duplicate is already registered.
                self._set_cell(row, TEXT, entity.text)
                if duplicate is not None:
                    # Once the editor has closed: moving the current cell while the view
                    # is still committing the edit would be undone by it.
                    QTimer.singleShot(0, self, lambda: self.select_row(duplicate))
                return
            updated = Entity(text=text, type=entity.type, variants=entity.variants)
            self._set_cell(row, TEXT, text)
        elif item.column() == VARIANTS:
            variants = parse_variants(plain_text(item.text()), entity.text)
            updated = Entity(text=entity.text, type=entity.type, variants=variants)
            self._set_cell(row, VARIANTS, ", ".join(variants))
        else:
            return
        if updated != entity:
            self._entities[row] = updated
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Scrolling the table over a type combo must scroll, not change an entity's type.
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QComboBox)
            and not watched.hasFocus()
        ):
            QApplication.sendEvent(self.table.viewport(), event)
            return True
        return super().eventFilter(watched, event)

    # -- helpers

    def _append(self, entity: Entity) -> int:
        row = len(self._entities)
        self._entities.append(entity)
        self._loading = True
        try:
            self.table.insertRow(row)
            self.table.setItem(row, TEXT, self._item(entity.text))
            self.table.setItem(row, VARIANTS, self._item(", ".join(entity.variants)))
            combo = self._type_combo_for(entity.type)
            combo.currentIndexChanged.connect(self.on_type_combo_changed)
            self.table.setCellWidget(row, TYPE, combo)
            button = self._remove_button()
            button.clicked.connect(self.on_remove_button_clicked)
            self.table.setCellWidget(row, REMOVE, button)
        finally:
            self._loading = False
        return row

    def _type_combo_for(self, kind: EntityType) -> QComboBox:
        combo = QComboBox(self.table)
        combo.setObjectName("entityTypeCombo")
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        combo.installEventFilter(self)
        for each, label in self.type_labels().items():
            combo.addItem(label, each)
        combo.setCurrentIndex(combo.findData(kind))
        combo.hide()  # until a cell holds it
        return combo

    def _remove_button(self) -> QPushButton:
        button = QPushButton(self.tr("Remove"), self.table)
        button.setObjectName("removeEntityButton")
        button.hide()
        return button

    def _item(self, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem()
        show_text(item, text)
        return item

    def _set_cell(self, row: int, column: int, text: str) -> None:
        self._loading = True
        try:
            item = self.table.item(row, column)
            if item is not None:
                show_text(item, text)
        finally:
            self._loading = False

    def _remove(self, row: int) -> None:
        del self._entities[row]
        self.table.removeRow(row)
        self._update_empty()
        if self._entities:
            self.select_row(min(row, len(self._entities) - 1))
        self.changed.emit()

    def _row_of_widget(self, widget: object, column: int) -> int | None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, column) is widget:
                return row
        return None

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self._entities)
