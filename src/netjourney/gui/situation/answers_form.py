"""The answers as labelled combo boxes, each starting at "Not known yet"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from netjourney.core.situation import ANSWERS, UNKNOWN, Answer, Situation
from netjourney.gui.situation.path_view import WrappingLabel


class AnswersForm(QWidget):
    """Emits answer_changed(name, value) when the user picks a choice ("unknown": not known)."""

    answer_changed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        for answer in ANSWERS:  # made inside the form: moved in later, each paid twice
            label = WrappingLabel(answer.question, self)
            combo = self._combo(answer)
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo)
            layout.addSpacing(8)
            self.combos[answer.name] = combo
        layout.addStretch(1)

    def _combo(self, answer: Answer) -> QComboBox:
        combo = QComboBox(self)
        # The pane may be narrow at large text: the box shrinks, its list shows every word.
        # The length first: with the policy set, each of the two would size the box again.
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setAccessibleName(answer.question)
        combo.addItem(answer.label(None), UNKNOWN)
        for choice in answer.choices:
            combo.addItem(choice.label, choice.value)
        combo.currentIndexChanged.connect(
            lambda _index: self.answer_changed.emit(answer.name, combo.currentData())
        )
        return combo

    def show_situation(self, situation: Situation) -> None:
        """Set every combo to the stored answer without reporting it as a change."""
        for name, value in situation.answers().items():
            combo = self.combos[name]
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value or UNKNOWN))
            combo.blockSignals(False)
