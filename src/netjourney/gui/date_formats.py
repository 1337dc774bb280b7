"""Date fields in the style of the lists and messages: the region's own pattern from
core/dates.py (CLDR's letters), written in Qt's display-format letters."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDateTimeEdit

from netjourney.core.dates import clock_pattern, date_pattern

# CLDR letter runs and their Qt display-format equivalents; other letters are the same.
_QT_LETTERS = {"y": "yyyy", "E": "ddd", "EEEE": "dddd", "a": "AP"}
_RUN = re.compile(r"'[^']*'|([A-Za-z])\1*")


def qt_format(pattern: str) -> str:
    """'E, MMM d, y' -> 'ddd, MMM d, yyyy'; 'h:mm a' -> 'h:mm AP'; quoted text kept."""

    def letters(match: re.Match[str]) -> str:
        run = match.group(0)
        if run.startswith("'"):
            return run
        return _QT_LETTERS.get(run) or _QT_LETTERS.get(run[0], run)

    return _RUN.sub(letters, pattern)


def show_dates_as_lists_do(
    edit: QDateTimeEdit, weekday: bool = False, with_time: bool = False
) -> None:
    """'Dec 1, 2026' (or '1 Dec 2026'), with the weekday and the clock when asked."""
    shown = qt_format(date_pattern("yMMMEd" if weekday else "yMMMd"))
    if with_time:
        shown = f"{shown}  {qt_format(clock_pattern())}"
    edit.setDisplayFormat(shown)
