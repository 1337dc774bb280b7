"""What the main window relies on in a page, and how each page is built.

A page is a widget and a `Page`: mypy checks that every page has what the window
calls, so the window never asks `hasattr`. Adding a page is one entry in `PAGES`
and one builder in `build_page`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the window's shell reads PAGES before the record (and SQLAlchemy) loads
    from netjourney.gui.actions import Actions
    from netjourney.gui.record_page import RecordPage

# (page key, title in the page list); the order is the order of Ctrl+1, Ctrl+2, ...
PAGES = (
    ("home", "Home"),
    ("situation", "My situation"),
    ("guide", "Guide"),
    ("team", "Care team"),
    ("questions", "Questions"),
    ("appointments", "Appointments"),
    ("notes", "Notes"),
    ("treatments", "Treatments"),
    ("diary", "Symptom diary"),
    ("measurements", "Tests & markers"),
    ("scans", "Scans"),
    ("decisions", "Decisions"),
    ("opinions", "Second opinions"),
    ("trials", "Clinical trials"),
)
# Pages past the ninth have a letter: there is no Ctrl+10.
LETTER_KEYS = {
    "measurements": "Ctrl+Shift+T",
    "scans": "Ctrl+Shift+S",
    "decisions": "Ctrl+Shift+D",
    "opinions": "Ctrl+Shift+O",
    "trials": "Ctrl+Shift+R",  # tRials: Ctrl+Shift+C copies in many terminals and tools
}


def page_shortcut(key: str) -> str:
    """The Go menu's key for a page: Ctrl+1 to Ctrl+9, then LETTER_KEYS."""
    number = [k for k, _title in PAGES].index(key) + 1
    return f"Ctrl+{number}" if number <= 9 else LETTER_KEYS[key]


class Page(Protocol):
    def refresh(self) -> None:
        """Show what the record holds now: other pages may have changed it."""

    def flush(self) -> bool:
        """Save any pending edit; False if it could not be saved (and is kept)."""

    def open_item(self, key: str) -> None:
        """Show one item of the page: a record's id, a guide section's id."""

    def current_item(self) -> str:
        """The item shown now, as `open_item` takes it ("" for none): Back returns to it."""

    def open_child(self, key: str) -> None:
        """Choose a record shown inside the open item (a dose of a treatment)."""

    def current_child(self) -> str:
        """The child chosen now, as `open_child` takes it ("" for none): Back chooses it."""


# Named tuples, not dataclasses: importing dataclasses and building these three (with
# navigation_history.Place) cost the window's first paint 3% of a bare window.
class BuiltPage(NamedTuple):
    widget: QWidget  # the same object as `page`, seen as a widget
    page: Page


class PageLinks(NamedTuple):
    """What pages may ask of the window."""

    navigate: Callable[[str, str], None]  # page key, item key
    open_record: Callable[[str, str], None]  # record kind (or guide hit kind), its key
    add_about_section: Callable[[str, str], None]  # page key, section id
    tell: Callable[[str], None]  # a message for the bar


def build_page(key: str, actions: Actions, links: PageLinks) -> BuiltPage:
    """Build one page; its module is imported here so start-up pays only for pages opened."""
    record = actions.record
    if key == "home":
        from netjourney.gui.pages.home import HomePage

        home = HomePage(record)
        home.navigate_requested.connect(links.navigate)
        return BuiltPage(home, home)
    if key == "situation":
        from netjourney.gui.situation.page import SituationPage

        situation = SituationPage(record)
        situation.section_requested.connect(lambda section_id: links.navigate("guide", section_id))
        situation.status_message.connect(links.tell)
        return BuiltPage(situation, situation)
    if key == "diary":
        from netjourney.gui.pages.diary import DiaryPage

        diary = DiaryPage(actions)
        diary.navigate_requested.connect(links.navigate)
        return BuiltPage(diary, diary)
    if key == "guide":
        from netjourney.gui.pages.guide import GuidePage

        guide = GuidePage(record)
        guide.record_requested.connect(links.open_record)
        guide.add_requested.connect(links.add_about_section)
        return BuiltPage(guide, guide)
    page = _record_page(key, actions)
    page.navigate_requested.connect(links.navigate)
    return BuiltPage(page, page)


def _record_page(key: str, actions: Actions) -> RecordPage:
    module_name, class_name = RECORD_PAGES[key]
    page_class: Callable[[Actions], RecordPage] = getattr(
        import_module(f"netjourney.gui.pages.{module_name}"), class_name
    )
    return page_class(actions)


# page key -> (module in gui/pages, class): imported when the page is first shown
RECORD_PAGES = {
    "team": ("team", "TeamPage"),
    "questions": ("questions", "QuestionsPage"),
    "appointments": ("appointments", "AppointmentsPage"),
    "notes": ("notes", "NotesPage"),
    "treatments": ("treatments", "TreatmentsPage"),
    "measurements": ("measurements", "MeasurementsPage"),
    "scans": ("scans", "ScansPage"),
    "decisions": ("decisions", "DecisionsPage"),
    "opinions": ("opinions", "SecondOpinionsPage"),
    "trials": ("trials", "TrialsPage"),
}
