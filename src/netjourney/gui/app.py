"""Start the GUI: one instance, the window painted, then the record checked and opened.

The window is painted before anything that needs the record is imported (SQLAlchemy,
the models, the guide's content): those cost more than the whole bare window. The
record is checked for damage and opened right after the first paint, while the page
list and every action wait (gui/opening.py), so a damaged file is still found before
the user can type into it.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from netjourney.core import paths
from netjourney.core.errors import GuideError, RecordError
from netjourney.core.places import is_writable_place, refuse_odd_place
from netjourney.core.print_copies import remove_abandoned_print_copies, remove_own_print_copies
from netjourney.gui.exception_hook import install_exception_hook
from netjourney.gui.main_window import MainWindow, quit_after_first_paint
from netjourney.gui.opening import after_first_paint, show_home_early
from netjourney.gui.single_instance import acquire_single_instance


def run_gui(
    db_flag: str | None,
    exit_after_start: bool = False,
    exit_after_first_paint: bool = False,
    exit_after_home_filled: bool = False,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # the GUI runs nowhere else
    app.setOrganizationName("NETJourney")
    app.setApplicationName("NET Journey")
    app.setDesktopFileName("io.github.netjourney.NETJourney")
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "netjourney.svg")))
    path = paths.resolve_database_path(db_flag)
    try:
        refuse_odd_place(path)
        instance = acquire_single_instance(path)
    except RecordError as error:
        return refuse("NET Journey cannot start", error, interactive=not exit_after_start)
    if instance is None:
        return 0  # the window already open was brought forward
    window = MainWindow(path)
    try:
        install_exception_hook(window.show_problem, paths.log_folder())
        instance.activation_requested.connect(lambda: _bring_forward(window))
        close_on_termination(app, window)
        if exit_after_first_paint:
            # Leaves at the paint, so nothing meant for after it is started (the socket's
            # network module alone is a twentieth of a bare window): what the bench times
            # is the paint, not what follows it.
            quit_after_first_paint(window)
        else:
            after_first_paint(window, window.fill_menus)  # their titles wait greyed until then
            after_first_paint(window, instance.listen)  # a second start until then waits for it
            after_first_paint(
                window,
                lambda: fill_home_then_open(window, path, exit_after_start, exit_after_home_filled),
            )
        window.show()
        return int(app.exec())
    finally:
        if window.is_open:
            window.record.close()  # after a restore, the window holds a reopened record
        remove_own_print_copies()
        instance.release()


def refuse(title: str, error: Exception, *, interactive: bool) -> int:
    print(f"netjourney: {error}", file=sys.stderr)
    if interactive:
        from PySide6.QtWidgets import QMessageBox  # only now: it costs every start's paint

        QMessageBox.critical(None, title, str(error))
    return 1


def fill_home_then_open(
    window: MainWindow, path: Path, exit_after_start: bool, exit_after_home_filled: bool = False
) -> None:
    """Fill Home from a plain read of the record (core/plain_read.py: no SQLAlchemy, no
    guide), let it paint, then open the record for real. Home keeps saying it is opening
    when the plain read cannot be trusted (an older schema, a damaged or busy file)."""
    from datetime import UTC, datetime

    from netjourney.gui.pages.home import quick_home_html

    def open_it() -> None:
        open_record(window, path, exit_after_start or exit_after_home_filled)

    if not exit_after_home_filled:
        QTimer.singleShot(0, open_it)  # first: the record opens whatever the early read meets
    html = quick_home_html(path, datetime.now(UTC))
    if html is None:
        if exit_after_home_filled:
            QTimer.singleShot(0, open_it)  # Home is filled once the record is open
        return
    home = show_home_early(window, html)
    if exit_after_home_filled:
        quit_after_first_paint(home)
    else:
        home.repaint()  # on screen before the full opening keeps the event loop busy


def open_record(window: MainWindow, path: Path, exit_after_start: bool) -> None:
    """Check the record for damage, open it and fill the window; or leave with 1 (or 0
    when the user chose to quit) after saying why."""
    from netjourney.core.guide import load_guide
    from netjourney.core.record import JourneyRecord
    from netjourney.gui.damaged_file import handle_damage_at_start

    remove_abandoned_print_copies()
    interactive = not exit_after_start
    try:
        try:  # a newer version's file or another app's is refused before any damage check
            if not handle_damage_at_start(path, interactive=interactive):
                QApplication.exit(0 if interactive else 1)  # interactive: the user chose to quit
                return
            read_only = path.exists() and not is_writable_place(path)
            record = JourneyRecord.open(path, load_guide(), read_only=read_only)
        except (RecordError, GuideError) as error:
            QApplication.exit(
                refuse("NET Journey cannot open your record", error, interactive=interactive)
            )
            return
    except BaseException:
        QApplication.exit(1)  # the exception hook says what happened
        raise
    window.open_record(record)
    if read_only:
        show_read_only(window)
    if exit_after_start:
        window.back_up_on_close = False  # a scripted start changes nothing worth a copy
        shown = window.stack.currentWidget()  # Home, or the welcome on an empty record
        assert shown is not None  # open_record() showed a page
        quit_after_first_paint(shown)


def show_read_only(window: MainWindow) -> None:
    """Say plainly, for as long as the window is open, that nothing can be saved."""
    window.backups.stop()
    window.back_up_on_close = False
    window.setWindowTitle(f"{window.windowTitle()} (read-only)")
    notice = QLabel(
        "Read-only: this record's disk or folder cannot be written, so changes cannot be "
        "saved. You can read, search, print and export it."
    )
    notice.setAccessibleName("Read-only record")
    window.statusBar().addPermanentWidget(notice)


def close_on_termination(app: QApplication, window: MainWindow) -> None:
    """SIGTERM, SIGINT (logout, shutdown, kill, Ctrl+C) and the session manager's quit
    save pending edits and close the window as its close button does.

    Python runs a signal handler only when it next gets control, which a Qt event loop
    waiting in C never gives it: the signal's wakeup byte on a pipe wakes the loop
    through a QSocketNotifier, and the handler runs as the notifier's slot returns.
    """
    receiver, sender = os.pipe()
    for end in (receiver, sender):
        os.set_blocking(end, False)
    signal.set_wakeup_fd(sender)
    notifier = QSocketNotifier(receiver, QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda: _drain(receiver))

    def close_window(_signal: int, _frame: object) -> None:
        window.close()  # saves pending edits; asks only if one cannot be saved

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, close_window)
    app.commitDataRequest.connect(lambda _manager: window.flush_all())

    def restore_once() -> None:
        # One application can run several windows in turn (the tests do): a connection left
        # behind would close these descriptors' numbers again, after others reuse them.
        app.aboutToQuit.disconnect(restore_once)
        _restore_default_signals(notifier, receiver, sender)

    app.aboutToQuit.connect(restore_once)


def _drain(receiver: int) -> None:
    with suppress(OSError):
        os.read(receiver, 64)


def _restore_default_signals(notifier: QSocketNotifier, *ends: int) -> None:
    notifier.setEnabled(False)
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for end in ends:
        os.close(end)


def _bring_forward(window: QMainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
