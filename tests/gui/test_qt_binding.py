"""The Qt binding itself: calls and signals must not leak or steal references.

PySide6 6.12.0 on Python 3.11 drops one reference to None for every call of a method that
returns nothing and one to True for every `emit()`; after about a thousand the interpreter
aborts ("deallocating True or False"). pyproject.toml keeps that release out; this test fails
if such a binding is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    happened = Signal()


def test_void_calls_and_emits_keep_reference_counts(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        label.setText("x")
        label.setEnabled(True)
        emitter.happened.emit()
    # A little slack for unrelated objects created meanwhile; the bug loses hundreds.
    assert sys.getrefcount(None) - none_before > -20
    assert sys.getrefcount(True) - true_before > -20
