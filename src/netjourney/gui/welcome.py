"""First run: a short welcome on an empty record, what every empty list is for, blank forms.

The welcome says what the app is for, then offers three steps, each skippable:
My situation, the people treating you, questions for the next visit. It opens by
itself on an empty record and from Help → Getting started at any time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.situation_store import load_situation

if TYPE_CHECKING:
    from netjourney.gui.main_window import MainWindow

WELCOME_TEXT = (
    "NET Journey keeps, on this computer only, what you learn and want to ask while "
    "being treated for a lung neuroendocrine tumor: the people treating you, your "
    "questions and their answers, your appointments and your notes, each next to the "
    "part of the built-in guide it is about. Nothing is sent anywhere. It records and "
    "shows; it gives no advice of its own."
)


@dataclass(frozen=True)
class Step:
    title: str
    why: str
    action: str  # the button's words
    page: str
    add_first: bool = False  # open the page with a new record ready to fill in


STEPS = (
    Step(
        "My situation",
        "Say what you know about the tumor so far. The guide then shows the parts that "
        "fit situations like yours, and what to ask. “Not known yet” is a fine answer.",
        "Fill in my situation",
        "situation",
    ),
    Step(
        "The people treating you",
        "Add your doctors and nurses with their phone numbers, including who to call at "
        "night or at the weekend.",
        "Add the first person",
        "team",
        add_first=True,
    ),
    Step(
        "Questions for the next visit",
        "Choose questions from the guide's lists, or write your own, so nothing is "
        "forgotten in the consulting room.",
        "Choose questions",
        "questions",
    ),
)


class StepBox(QFrame):
    """One step: what and why, its button, and Skip."""

    def __init__(self, number: int, step: Step) -> None:
        super().__init__()
        self.step = step
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(f"<b>{number}. {step.title}</b>")
        self.heading.setAccessibleName(f"Step {number}: {step.title}")
        why = QLabel(step.why, wordWrap=True)
        self.go = QPushButton(step.action)
        self.go.setAccessibleName(f"{step.action} (step {number})")
        self.skip = QPushButton("Skip")
        self.skip.setAccessibleName(f"Skip step {number}: {step.title}")
        self.state = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.go)
        buttons.addWidget(self.skip)
        buttons.addStretch(1)
        buttons.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(why)
        layout.addLayout(buttons)

    def mark(self, text: str) -> None:
        self.state.setText(text)


class WelcomePage(QScrollArea):
    """Shown in the window's page stack; not one of the pages in the list on the left.

    It scrolls: at large text the words are taller than the window."""

    def __init__(self, open_step: Callable[[Step], None], finish: Callable[[], None]) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Welcome")
        content = QWidget()
        self.setWidget(content)
        self.open_step = open_step
        self.finish = finish
        title = QLabel('<span style="font-size: xx-large; font-weight: bold">Welcome</span>')
        title.setAccessibleName("Welcome")
        intro = QLabel(WELCOME_TEXT, wordWrap=True)
        intro.setAccessibleName("What NET Journey is for")
        start = QLabel("Three first steps, each of which you can skip and come back to later:")
        start.setWordWrap(True)
        self.boxes = [StepBox(n, step) for n, step in enumerate(STEPS, 1)]
        self.done_button = QPushButton("Go to Home")
        self.done_button.setAccessibleName("Leave the welcome and go to Home")
        self.done_button.clicked.connect(self.finish)
        layout = QVBoxLayout(content)
        for widget in (title, intro, start, *self.boxes):
            layout.addWidget(widget)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        for box in self.boxes:
            box.go.clicked.connect(lambda _c=False, b=box: self._go(b))
            box.skip.clicked.connect(lambda _c=False, b=box: self._skip(b))

    def _go(self, box: StepBox) -> None:
        box.mark("Started")
        self.open_step(box.step)

    def _skip(self, box: StepBox) -> None:
        box.mark("Skipped")
        following = self.boxes.index(box) + 1
        if following < len(self.boxes):
            self.boxes[following].go.setFocus()
        else:
            self.done_button.setFocus()


def record_is_empty(window: MainWindow) -> bool:
    """Nothing kept yet: no records and no answers about the situation."""
    counts = window.record.counts()
    return not any(counts.values()) and not any(load_situation(window.record).answers().values())


class Welcome(QObject):
    """The welcome page of one main window, and the Help menu entry that opens it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page = WelcomePage(self._open_step, self._go_home)
        window.stack.addWidget(self.page)
        window.stack.currentChanged.connect(self._page_changed)
        action = QAction("&Getting started", window)
        action.triggered.connect(self.show)
        help_menu = next(
            (a.menu() for a in window.menuBar().actions() if a.text() == "&Help"), None
        )
        if isinstance(help_menu, QMenu):
            help_menu.insertAction(help_menu.actions()[0], action)

    def show(self) -> None:
        current = self.window.stack.currentWidget()
        if current is not None and hasattr(current, "flush"):
            current.flush()
        self.window.stack.setCurrentWidget(self.page)
        self.page.boxes[0].go.setFocus()
        # No page of the list is shown. The list must not take the focus meanwhile: an
        # item view given the focus with no current row selects its first (Home).
        self.window.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.window.nav.blockSignals(True)
        self.window.nav.setCurrentRow(-1)
        self.window.nav.blockSignals(False)

    def _page_changed(self) -> None:
        if self.window.stack.currentWidget() is not self.page:
            self.window.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _go_home(self) -> None:
        self.window.show_page("home")

    def _open_step(self, step: Step) -> None:
        page = self.window.show_page(step.page)
        if step.add_first and hasattr(page, "add_new"):
            page.add_new()


def offer_welcome(window: MainWindow) -> Welcome:
    """The hook the main window calls once built: on an empty record, start on the welcome."""
    welcome = Welcome(window)
    if record_is_empty(window):
        welcome.show()
    return welcome


# -- empty lists and blank forms ---------------------------------------------------

EMPTY_LISTS = {
    "person": (
        "Your care team: the people treating you, and how to reach them day and night.",
        "Add a person",
    ),
    "question": (
        "Your questions: choose some from the guide above, or write your own. "
        "Answers you get are kept with them.",
        "Add my own question",
    ),
    "appointment": (
        "Your appointments: when, where and with whom, with the questions to ask there.",
        "Add an appointment",
    ),
    "note": ("Your notes: anything you want to remember, in your own words.", "Write a note"),
    "decision": (
        "Your decisions: the question, the options you weighed, what you chose and why.",
        "Add a decision",
    ),
    "second opinion": (
        "Second opinions: who you asked, what you sent them and what they said.",
        "Add a second opinion",
    ),
    "clinical trial": (
        "Clinical trials you looked into, and where each one stands.",
        "Add a trial",
    ),
}


class EmptyListHint(QObject):
    """Over an empty list: what the list is for, and a button for its one obvious action."""

    def __init__(self, view: QAbstractItemView, kind: str, action: Callable[[], object]) -> None:
        super().__init__(view)
        self.view = view
        text, button_text = EMPTY_LISTS[kind]
        self.panel = QWidget(view.viewport())
        self.label = QLabel(text, wordWrap=True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAccessibleName(text)
        self.button = QPushButton(button_text)
        self.button.setAccessibleName(button_text)
        self.button.clicked.connect(action)
        layout = QVBoxLayout(self.panel)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.update)
        view.viewport().installEventFilter(self)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.panel.setGeometry(self.view.viewport().rect())
        return False

    def update(self) -> None:
        empty = self.view.model().rowCount() == 0
        self.panel.setGeometry(self.view.viewport().rect())
        self.panel.setVisible(empty)


def explain_when_empty(
    view: QAbstractItemView, kind: str, action: Callable[[], object]
) -> EmptyListHint | None:
    return EmptyListHint(view, kind, action) if kind in EMPTY_LISTS else None


class BlankWhenNothingChosen(QStackedWidget):
    """The editor while a record is chosen; otherwise a line saying how to choose or add one.

    A disabled form would still show whatever its fields held last (a date of
    1 Jan 2000, the first time zone in the list): this shows nothing stale instead.

    The editor joins the stack when it is first shown: a widget in a stack counts in the
    stack's sizes even hidden, so a page's first show measured every field of a form
    nobody sees until a record is chosen. Until then it is a hidden child.
    """

    def __init__(self, editor: QWidget, kind: str) -> None:
        super().__init__()
        self.editor = editor
        editor.setParent(self)
        editor.hide()
        article = "an" if kind[:1] in "aeiou" else "a"
        self.nothing = QLabel(
            f"Choose {article} {kind} in the list to see it here, or add one.", wordWrap=True
        )
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.nothing.setContentsMargins(12, 12, 12, 12)
        self.nothing.setAccessibleName(f"No {kind} chosen")
        self.addWidget(self.nothing)
        layout = self.layout()
        assert layout is not None
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # see sizeHint
        editor.installEventFilter(self)
        self._follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange:
            self._follow()
        return False

    def _follow(self) -> None:
        if self.editor.isEnabled() and self.indexOf(self.editor) < 0:
            self.addWidget(self.editor)
        self.setCurrentWidget(self.editor if self.editor.isEnabled() else self.nothing)
        self.updateGeometry()

    # The size of what is shown, not of the largest page: the line needs no scroll bars.
    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.sizeHint() if shown is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.minimumSizeHint() if shown is not None else super().minimumSizeHint()
