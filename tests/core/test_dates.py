"""Dates in English words, in the order and with the clock of the user's region."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from netjourney.core.dates import (
    clock,
    clock_pattern,
    long_date,
    reading_locale,
    short_date,
    short_date_time,
)

AFTERNOON = datetime(2026, 5, 1, 14, 5, tzinfo=ZoneInfo("America/Chicago"))


@pytest.mark.parametrize(
    ("environ", "day", "time", "listed"),
    [
        ({}, "Friday, May 1, 2026", "2:05 PM", "Fri, May 1, 2026, 2:05 PM"),
        ({"LANG": "C.UTF-8"}, "Friday, May 1, 2026", "2:05 PM", "Fri, May 1, 2026, 2:05 PM"),
        ({"LANG": "en_US.UTF-8"}, "Friday, May 1, 2026", "2:05 PM", "Fri, May 1, 2026, 2:05 PM"),
        ({"LANG": "en_GB.UTF-8"}, "Friday, 1 May 2026", "14:05", "Fri, 1 May 2026, 14:05"),
        ({"LANG": "de_DE.UTF-8"}, "Friday, 1 May 2026", "14:05", "Fri, 1 May 2026, 14:05"),
        (
            {"LANG": "en_US.UTF-8", "LC_TIME": "fr_FR.UTF-8"},
            "Friday, 1 May 2026",
            "14:05",
            "Fri, 1 May 2026, 14:05",
        ),
        ({"LANG": "xx_QQ"}, "Friday, May 1, 2026", "2:05 PM", "Fri, May 1, 2026, 2:05 PM"),
    ],
)
def test_words_stay_english_order_and_clock_follow_the_region(
    environ: dict[str, str], day: str, time: str, listed: str
) -> None:
    locale = reading_locale(environ)

    assert long_date(AFTERNOON.date(), locale=locale) == day
    assert clock(AFTERNOON, locale) == time
    assert short_date_time(AFTERNOON, locale) == listed


@pytest.mark.parametrize(
    ("lang", "day", "with_weekday", "clock_letters"),
    [
        ("en_US.UTF-8", "May 1, 2026", "Fri, May 1, 2026", "h:mm a"),
        ("en_GB.UTF-8", "1 May 2026", "Fri, 1 May 2026", "HH:mm"),
    ],
)
def test_short_dates_for_lists_follow_the_region(
    lang: str, day: str, with_weekday: str, clock_letters: str
) -> None:
    locale = reading_locale({"LANG": lang})
    assert short_date(AFTERNOON.date(), locale=locale) == day
    assert short_date(AFTERNOON, weekday=True, locale=locale) == with_weekday
    assert clock_pattern(locale) == clock_letters  # a plain space before AM, never a narrow one


def test_the_clock_is_the_moments_own_wall_clock() -> None:
    locale = reading_locale({"LANG": "en_GB.UTF-8"})
    assert clock(AFTERNOON.astimezone(ZoneInfo("Asia/Tokyo")), locale) == "04:05"
    assert long_date(date(2026, 12, 17), weekday=False, locale=locale) == "17 December 2026"


def test_the_pdf_follows_the_region(
    record: object, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from netjourney.export.content import JourneyOptions, Paper
    from netjourney.export.pdf_journey import build_journey_pdf
    from tests.export.records import NOW, pdf_text

    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    options = JourneyOptions(paper=Paper.A4)

    text = pdf_text(build_journey_pdf(record, options, now=NOW).data)  # type: ignore[arg-type]

    assert "Made on Friday, 1 May 2026" in text
