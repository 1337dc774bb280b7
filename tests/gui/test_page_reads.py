"""A list page reads its rows once when it is first shown, whatever its filter."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from netjourney.core.journey.models import DiaryEntry
from netjourney.core.models import Appointment
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow


@contextmanager
def statements_read_from(record: JourneyRecord, table: str) -> Iterator[list[str]]:
    """The SELECTs sent to SQLite, while inside, that read `table`."""
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and f"FROM {table}" in statement:
            seen.append(statement)

    event.listen(record.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(record.engine, "before_cursor_execute", note)


def _fill(record: JourneyRecord) -> None:
    now = datetime.now(UTC)
    with record.writing() as session:
        for days in (-20, -10, 5, 15):
            start = now + timedelta(days=days)
            session.add(
                Appointment(
                    starts_at=start,
                    ends_at=start + timedelta(hours=1),
                    time_zone="UTC",
                    purpose=f"Visit {days}",
                )
            )
        for days in range(3):
            session.add(DiaryEntry(day=(now - timedelta(days=days)).date()))


@pytest.mark.parametrize(
    ("page", "table"), [("appointments", "appointments"), ("diary", "diary_entries")]
)
def test_a_page_reads_its_list_once_when_first_shown(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot, page: str, table: str
) -> None:
    _fill(record)
    with statements_read_from(record, table) as reads:
        window.show_page(page)
    # One count of the rows and one page of them (the editor may read its own record).
    listing_reads = [s for s in reads if "LIMIT" in s.upper() or "count(" in s.lower()]
    assert len(listing_reads) == 2, reads


def test_the_diary_reads_the_shown_days_entry_once_when_first_shown(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    _fill(record)  # today's entry among them: the page shows today
    with statements_read_from(record, "diary_entries") as reads:
        window.show_page("diary")
    # Its form, its links and its id (for Back) come from one read; the list and the
    # chart read all the days, not one by its day or id.
    one_entry = ("diary_entries.day = ?", "diary_entries.id = ?")
    entry_reads = [s for s in reads if any(where in s for where in one_entry)]
    assert len(entry_reads) == 1, entry_reads


def test_the_diary_reads_its_charts_once_the_page_is_painted(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.core.journey.records import SymptomScore, save_diary_day
    from netjourney.gui.pages.diary import DiaryPage

    with record.writing() as session:
        save_diary_day(session, datetime.now(UTC).date(), "", [SymptomScore("pain", rating=4)])
    with statements_read_from(record, "diary_entries") as reads:
        page = window.show_page("diary")
    assert isinstance(page, DiaryPage)
    assert not any("avg(" in s for s in reads), reads  # the averages wait for the paint
    assert page.chart.charts == [] and not page.chart.drawn  # "Drawing chart…" meanwhile

    qtbot.waitUntil(lambda: page.chart.drawn)
    [chart] = page.chart.charts
    assert chart.accessibleName() == "Chart: Symptoms rated 0–10, by day"
    assert "1 value" in chart.accessibleDescription()
    assert not page.chart.notice.isVisible()


def test_an_empty_diary_says_so_at_once(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.gui.pages.diary import DiaryPage

    page = window.show_page("diary")
    assert isinstance(page, DiaryPage)
    assert page.chart.drawn and page.chart.charts == []
    assert page.chart.notice.text() == "No days rated yet."


def test_the_diary_shown_again_keeps_its_charts_until_it_is_painted_then_reads_them(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.core.journey.records import SymptomScore, save_diary_day
    from netjourney.gui.pages.diary import DiaryPage

    today = datetime.now(UTC).date()
    with record.writing() as session:
        save_diary_day(session, today, "", [SymptomScore("pain", rating=4)])
    page = window.show_page("diary")
    assert isinstance(page, DiaryPage)
    qtbot.waitUntil(lambda: page.chart.drawn)
    window.show_page("home")
    with record.writing() as session:  # written elsewhere, as an import would
        save_diary_day(session, today - timedelta(days=1), "", [SymptomScore("pain", rating=6)])

    with statements_read_from(record, "diary_entries") as reads:
        window.show_page("diary")
    assert not any("avg(" in s for s in reads), reads
    [shown] = page.chart.charts  # the chart shown before stays meanwhile
    assert "1 value" in shown.accessibleDescription()

    qtbot.waitUntil(lambda: page.chart.drawn)
    [chart] = page.chart.charts
    assert "2 values" in chart.accessibleDescription()
