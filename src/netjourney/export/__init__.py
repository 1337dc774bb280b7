"""Qt-free exports of the record: JSON (and later PDF and iCalendar)."""
