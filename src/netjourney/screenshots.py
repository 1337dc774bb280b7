"""Pictures of the window, to look at after every change: `python -m netjourney.screenshots OUTDIR`.

Starts the window on the sample journey (`netjourney demo`) under Qt's offscreen
platform and writes a PNG of every page, the first-run welcome (on an empty record),
search and the export dialog, at 100% and 200% text, in light and dark colours:
OUTDIR/light-100-home.png, OUTDIR/dark-200-search.png, ...

Everything it needs (the records, the settings) lives in a temporary folder that is
removed at the end: your own record and settings are never read or changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

WINDOW_SIZE = (1024, 768)  # the smallest window the text-first lists are made for
TEXT_SIZES = {"100": 0, "200": 10}  # name -> text size steps (10 steps of 10%: twice the size)
SEARCH_WORDS = "scan"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0].startswith("-"):
        print("usage: python -m netjourney.screenshots OUTDIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is first imported
    written = take_all(out)
    print(f"Wrote {len(written)} screenshots to {out}")
    return 0


def take_all(out: Path) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from netjourney.core.guide import load_guide
    from netjourney.core.record import JourneyRecord
    from netjourney.demo.small import fill_demo
    from netjourney.gui.theme import Scheme, install_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("NETJourney-screenshots")
    app.setApplicationName("NET Journey")
    written: list[Path] = []
    # A file the closing window writes late must not fail the run at the very end.
    with tempfile.TemporaryDirectory(
        prefix="netjourney-screenshots-", ignore_cleanup_errors=True
    ) as temporary:
        folder = Path(temporary)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        guide = load_guide()
        demo = JourneyRecord.open(folder / "demo.sqlite", guide)
        empty = JourneyRecord.open(folder / "empty.sqlite", guide)
        try:
            fill_demo(demo, datetime.now(UTC))
            theme = install_theme()
            for scheme in (Scheme.LIGHT, Scheme.DARK):
                theme.choose(scheme)
                for size_name, steps in TEXT_SIZES.items():
                    QSettings().setValue("text_size_steps", steps)
                    prefix = f"{scheme.value}-{size_name}"
                    written += _shoot_window(demo, out, prefix)
                    written += _shoot_welcome(empty, out, prefix)
        finally:
            demo.close()
            empty.close()
    return written


@contextmanager
def _window(record: object) -> Iterator[object]:
    from netjourney.gui.main_window import MainWindow

    window = MainWindow(record)  # type: ignore[arg-type]
    window.back_up_on_close = False  # pictures change nothing worth a copy
    window.resize(*WINDOW_SIZE)
    window.show()
    _settle()
    try:
        yield window
    finally:
        window.close()
        window.deleteLater()
        _settle()


def _shoot_window(record: object, out: Path, prefix: str) -> list[Path]:
    from netjourney.gui.main_window import MainWindow
    from netjourney.gui.page_spec import PAGES
    from netjourney.gui.record_page import RecordPage

    written = []
    with _window(record) as window:
        assert isinstance(window, MainWindow)
        for key, _title in PAGES:
            page = window.show_page(key)
            if isinstance(page, RecordPage) and page.list_model.rowCount():
                page.table.selectRow(0)  # as after a click: the record in its editor
            _wait_for_charts(page)
            written.append(_save(window.grab, out / f"{prefix}-{key}.png"))
        written.append(_shoot_search(window, out / f"{prefix}-search.png"))
        written.append(_shoot_export(window, out / f"{prefix}-export.png"))
    return written


def _shoot_welcome(record: object, out: Path, prefix: str) -> list[Path]:
    with _window(record) as window:
        return [_save(window.grab, out / f"{prefix}-welcome.png")]  # type: ignore[attr-defined]


def _shoot_search(window: object, path: Path) -> Path:
    from netjourney.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.open_search()
    dialog = window.search_dialog
    assert dialog is not None
    dialog.query.setText(SEARCH_WORDS)
    dialog.run_search()
    saved = _save(dialog.grab, path)
    dialog.hide()
    return saved


def _shoot_export(window: object, path: Path) -> Path:
    from netjourney.gui.export_dialog import JourneyExportDialog
    from netjourney.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.export_pdf()
    dialog = window.findChildren(JourneyExportDialog)[-1]
    saved = _save(dialog.grab, path)
    dialog.reject()
    return saved


def _save(grab: Callable[[], object], path: Path) -> Path:
    from PySide6.QtGui import QPixmap

    _settle()
    picture = grab()
    assert isinstance(picture, QPixmap)
    if not picture.save(str(path), "PNG", 0):  # 0: the smallest file
        raise OSError(f"Could not write {path}")
    return path


def _wait_for_charts(page: object, seconds: float = 5.0) -> None:
    """A chart is read and drawn just after it is first painted in view ("Drawing chart…"
    meanwhile): the picture shows the charts in view drawn, as a user sees them a moment
    later."""
    import time

    from PySide6.QtWidgets import QApplication, QWidget

    from netjourney.gui.chart_view import SvgChart, WaitingCharts

    assert isinstance(page, QWidget)
    until = time.monotonic() + seconds
    def waiting() -> bool:  # asked afresh: the charts read replace "Drawing chart…"
        charts = [*page.findChildren(SvgChart), *page.findChildren(WaitingCharts)]
        return any(_waits_in_view(chart) for chart in charts)

    while waiting():
        if time.monotonic() > until:
            raise TimeoutError(f"A chart of {type(page).__name__} was not drawn")
        QApplication.processEvents()
        time.sleep(0.01)


def _waits_in_view(chart: object) -> bool:
    from netjourney.gui.chart_view import SvgChart

    waits = not chart.drawn if isinstance(chart, SvgChart) else True
    return waits and not chart.visibleRegion().isEmpty()  # type: ignore[attr-defined]


def _settle() -> None:
    """Let Qt finish laying out and painting what was just shown."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())
