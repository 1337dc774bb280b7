"""Time zones named in words, as the computer's own clock names them."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QTimeZone


def zone_in_words(name: str) -> str:
    """e.g. 'Central European Standard Time (UTC+01:00), the computer's zone'."""
    zone = QTimeZone(name.encode())
    if not zone.isValid():
        return ""
    now = QDateTime.currentDateTime()
    words = zone.displayName(now, QTimeZone.NameType.LongName)
    offset = zone.displayName(now, QTimeZone.NameType.OffsetName)
    own = bytes(QTimeZone.systemTimeZoneId().data()).decode() == name
    return f"{words} ({offset})" + (", the computer's time zone" if own else "")
