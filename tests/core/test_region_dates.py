"""Short dates and the clock written without Babel (core/region_dates.py) are Babel's own
text, in every region; a region whose patterns it cannot follow is left to Babel."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from netjourney.core import dates, region_dates
from netjourney.core.region_dates import RegionWords, region_words

TERRITORIES = ["", "US", "GB", "DE", "ZA", "AU", "IE", "IN", "CA", "JP", "SE", "NZ", "XX"]


@pytest.mark.parametrize("territory", TERRITORIES)
def test_dates_and_times_read_as_babel_writes_them(
    monkeypatch: pytest.MonkeyPatch, territory: str
) -> None:
    monkeypatch.setenv("LC_ALL", f"en_{territory}.UTF-8" if territory else "C.UTF-8")
    locale = dates.reading_locale()
    days = [date(2026, 12, 27) + timedelta(days=n) for n in range(0, 400, 7)]
    moment = datetime(2026, 7, 1, 23, 5, tzinfo=UTC).astimezone(ZoneInfo("Asia/Kolkata"))
    for _ in range(2):  # found with Babel and kept, then read from the cache
        region_words.cache_clear()
        for day in days:
            assert dates.short_date(day) == dates.short_date(day, locale=locale)
            assert dates.short_date(day, weekday=True) == dates.short_date(
                day, weekday=True, locale=locale
            )
        assert dates.clock(moment) == dates.clock(moment, locale)
        assert dates.short_date_time(moment) == dates.short_date_time(moment, locale)


def test_a_pattern_with_a_field_it_does_not_know_is_left_to_babel() -> None:
    words = RegionWords({"yMMMd": "G y MMM d"}, "h:mm B", [], [], ["am", "pm"])
    assert words.day("yMMMd", date(2026, 1, 1)) is None
    assert words.time(datetime(2026, 1, 1, 9, 5)) is None


@pytest.mark.parametrize(
    "damage", ["", "{not json", "E, d MMM y\td MMM y\nHH:mm\n", "babel", "\n\n\n\n\n"]
)
def test_a_damaged_cache_is_found_again(monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    kept = region_dates._kept_file("GB")
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text(damage, encoding="utf-8")
    region_words.cache_clear()
    assert dates.short_date(date(2026, 3, 2), weekday=True) == "Mon, 2 Mar 2026"
    assert "Mar" in kept.read_text(encoding="utf-8")  # kept again
    region_words.cache_clear()
    assert region_words("GB", dates._english_in) is not None  # and read back


def test_words_that_would_not_read_back_the_same_are_left_to_babel() -> None:
    words = RegionWords({s: "d MMM y" for s in region_dates.SKELETONS}, "HH:mm", [], [], [])
    assert region_dates._words_text(words) == region_dates.ASK_BABEL  # too few month names
    tabbed = words._replace(months=["Jan\t"] * 12, weekdays=["Mon"] * 7, periods=["am", "pm"])
    assert region_dates._words_text(tabbed) == region_dates.ASK_BABEL
    assert region_dates._words_from_text(region_dates.ASK_BABEL) is None
