"""Home: the next appointment with its questions, what is still open, the latest notes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from netjourney.core.dates import local_time_text, short_date
from netjourney.core.home import (
    WHATS_NEXT_DAYS,
    HomeSummary,
    home_summary,
    quick_home_summary,
    shipped_role_title,
)
from netjourney.core.journey.upcoming import UpcomingItem
from netjourney.core.words import bounded, with_whom_text

if TYPE_CHECKING:
    from netjourney.core.record import JourneyRecord

RECORD_LINK = "record"  # 'record:treatment:3' opens the page of the registry's kind


class HomePage(QWidget):
    """Links in the page ask the main window to open a page: 'page:key'."""

    navigate_requested = Signal(str, str)

    def __init__(self, record: JourneyRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.body = QLabel(wordWrap=True)
        self.body.setOpenExternalLinks(False)
        # Tab reaches each link, Enter opens it: the keyboard goes where the mouse goes.
        links = Qt.TextInteractionFlag.LinksAccessibleByMouse
        self.body.setTextInteractionFlags(links | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.body.linkActivated.connect(self._link)
        # No name of its own: a screen reader says the summary's words (a name replaced them).
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()  # at large text the summary is taller than the window
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        scroll.setAccessibleName("Home")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.refresh()

    def refresh(self) -> None:
        self.body.setText(self.summary_html(datetime.now(UTC)))

    def flush(self) -> bool:
        return True  # nothing is edited here

    def open_item(self, key: str) -> None:
        """Home has one view: nothing to open."""

    def current_item(self) -> str:
        return ""

    def open_child(self, key: str) -> None:
        """Nothing is shown inside Home's one view."""

    def current_child(self) -> str:
        return ""

    def summary_html(self, now: datetime) -> str:
        from netjourney.core.people import role_title

        return summary_html(
            home_summary(self.record, now), lambda r: role_title(self.record.guide, r)
        )

    def _link(self, link: str) -> None:
        page, _, key = link.partition(":")
        if page == RECORD_LINK:
            from netjourney.core.registry import kind_named

            kind, _, key = key.partition(":")
            page = kind_named(kind).page
        self.navigate_requested.emit(page, key)


def quick_home_html(path: Path, now: datetime) -> str | None:
    """Home's text read without opening the record (core/home.py quick_home_summary), the
    roles named as the shipped guide names them; None when only the full opening can."""
    summary = quick_home_summary(path, now)
    return None if summary is None else summary_html(summary, shipped_role_title)


def summary_html(summary: HomeSummary, role_title: Callable[[str], str]) -> str:
    """Home's text: the same whether read before the record opens (gui/app.py) or after."""
    parts = ["<h1>Welcome to NET Journey</h1>", *whats_next_html(summary.whats_next)]
    parts.append("<h2>Next appointment</h2>")
    visit = summary.next_appointment
    if visit is None:
        parts.append('<p>No appointment coming up. <a href="appointments:">Add one</a>.</p>')
    else:
        role = role_title(visit.member_role) if visit.member_role is not None else None
        people = with_whom_text(visit.member_name, role, visit.with_whom)
        parts.append(
            f'<p><a href="appointments:{visit.id}"><b>'
            f"{_shown(local_time_text(visit.starts_at, visit.time_zone))}</b></a> — "
            f"{_shown(visit.purpose)}"
            + (f" with {_shown(people)}" if people else "")
            + (f"<br>Where: {_shown(visit.location)}" if visit.location else "")
            + "</p>"
        )
        planned = "".join(f"<li>{_shown(text)}</li>" for text in summary.questions_to_ask_there)
        parts.append(
            f"<p>Questions to ask there:</p><ul>{planned}</ul>"
            if planned
            else "<p>No questions planned for it yet.</p>"
        )
    count = summary.open_question_count
    parts.append("<h2>Questions</h2>")
    parts.append(
        # "open" is the Questions page's OPEN_FILTER (not imported: a faster start)
        f'<p><a href="questions:open">{count} question{"" if count == 1 else "s"} '
        "still to ask or to hear back about</a>.</p>"
    )
    parts.append("<h2>Latest notes</h2>")
    notes = "".join(
        f'<li><a href="notes:{n.id}">{_shown(n.title or "(untitled)")}</a></li>'
        for n in summary.latest_notes
    )
    parts.append(
        f"<ul>{notes}</ul>" if notes else '<p>No notes yet. <a href="notes:">Write one</a>.</p>'
    )
    parts.append(
        '<h2>Not sure where to start?</h2><p><a href="guide:">Read the guide</a>'
        ' · <a href="questions:">choose questions to ask</a>'
        ' · <a href="team:">add the people treating you</a>.</p>'
    )
    return '<div style="font-size: large">' + "".join(parts) + "</div>"


def whats_next_html(items: Sequence[UpcomingItem], shown: int = 8) -> list[str]:
    """Appointments, doses due, scans and tests planned, in date order; late doses first."""
    days = WHATS_NEXT_DAYS
    rows = []
    for item in items[:shown]:
        when = short_date(item.on, weekday=True) + (f", {item.at}" if item.at else "")
        late = "<b>Overdue</b> since " if item.overdue else ""
        whom = f" — {_shown(item.with_whom)}" if item.with_whom else ""
        what = _shown(f"{item.kind}: {item.what}")
        target = f"{RECORD_LINK}:{item.record_kind}:{item.record_id}"
        link = f'<a href="{target}">{what}</a>' if item.record_kind else what
        rows.append(f"<li>{late}<b>{_shown(when)}</b> · {link}{whom}</li>")
    if not rows:
        return [
            "<h2>What's next</h2>",
            f"<p>Nothing in the next {days} days: no appointment, dose, scan or test.</p>",
        ]
    more = len(items) - shown
    more_text = f"<p>…and {more} more in the next {days} days.</p>" if more > 0 else ""
    return ["<h2>What's next</h2>", f"<ul>{''.join(rows)}</ul>{more_text}"]


def _shown(text: str) -> str:
    """User text in the summary's HTML: escaped, and a very long one cut (core/words.bounded)."""
    return escape(bounded(text))
