"""Work for when the user is idle, put off while they move around the window.

Loading the charts' library takes some 150 ms that nothing can interrupt: run at a fixed
time after start, it landed on whatever the user had just asked for (often the opening
of a note, which then took twice as long). Pages and record editors call `user_moved()`.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer

_waiting: list[IdleWork] = []


class IdleWork(QObject):
    """Runs `work` once, after `quiet_ms` in which the user opened no page or record."""

    def __init__(self, parent: QObject, quiet_ms: int, work: Callable[[], None]) -> None:
        super().__init__(parent)
        self._work = work
        self._timer = QTimer(self, singleShot=True, interval=quiet_ms)
        self._timer.timeout.connect(self._run)
        self._timer.start()
        _waiting.append(self)

    def put_off(self) -> None:
        self._timer.start()  # from the beginning again

    def _run(self) -> None:
        _waiting.remove(self)
        self._work()


def user_moved() -> None:
    """The user opened a page or a record: idle work waits for the next quiet moment."""
    _waiting[:] = [work for work in _waiting if shiboken6.isValid(work)]  # closed windows
    for work in _waiting:
        work.put_off()
