"""At start: say plainly that the record is damaged, and let the user choose what to do."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from netjourney.core.recovery import DamagedRecord, StartChoice, carry_out, examine_at_start

_BUTTONS = (
    (StartChoice.RESTORE_BACKUP, "Restore this backup", QMessageBox.ButtonRole.AcceptRole),
    (StartChoice.START_NEW, "Start a new record", QMessageBox.ButtonRole.DestructiveRole),
    (StartChoice.QUIT, "Quit", QMessageBox.ButtonRole.RejectRole),
)


class DamagedFileDialog(QMessageBox):
    def __init__(self, damage: DamagedRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Your record is damaged")
        self.setText("NET Journey could not read your record.")
        self.setInformativeText(damage.message().removeprefix(self.text()).strip())
        self.choices: dict[QAbstractButton, StartChoice] = {}
        offered = [b for b in _BUTTONS if damage.backup or b[0] is not StartChoice.RESTORE_BACKUP]
        for choice, label, role in offered:
            button = self.addButton(label, role)
            button.setAccessibleName(label)
            self.choices[button] = choice
            if len(self.choices) == 1:
                self.setDefaultButton(button)

    def choice(self) -> StartChoice:
        return self.choices.get(self.clickedButton(), StartChoice.QUIT)


def ask_what_to_do(damage: DamagedRecord, parent: QWidget | None = None) -> StartChoice:
    dialog = DamagedFileDialog(damage, parent)
    dialog.exec()
    return dialog.choice()


def handle_damage_at_start(record_path: Path, interactive: bool = True) -> bool:
    """Call before opening the record: False when the app should quit instead.

    A damaged record is moved aside first, whatever the answer. Without a user
    to ask (--exit-after-start), the message goes to stderr and the app quits.
    """
    damage = examine_at_start(record_path)
    if damage is None:
        return True
    if not interactive:
        print(f"netjourney: {damage.message()}", file=sys.stderr)
        return False
    return carry_out(damage, ask_what_to_do(damage))
