"""Back and Forward across pages and links, like a browser: Alt+Left and Alt+Right, the
mouse's back and forward buttons, the toolbar and the Go menu. The history itself is
plain Python (gui/navigation_history.py); this module only wires it to the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QStyle, QToolBar

from netjourney.gui.menus import make_action
from netjourney.gui.navigation_history import NavigationHistory, Place

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from netjourney.gui.main_window import MainWindow

# Qt's names for the toolbar and keys are given as text (Qt.ToolButtonStyle, Qt.Key): the
# Qt namespace's hundred enums, built on first use, would cost the first paint (where the
# toolbar is shown) a tenth of a bare window.
TEXT_BESIDE_ICON = "ToolButtonTextBesideIcon"


class Navigation(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.history = NavigationHistory()
        self._moving = False  # going back or forward: the page shown is not a new place
        self._steps: dict[Qt.MouseButton, Callable[[], None]] = {}  # see follow_mouse_buttons
        self.back_action = self._action(
            "&Back", self.back, "Alt+Left", "Back", QStyle.StandardPixmap.SP_ArrowBack
        )
        self.forward_action = self._action(
            "&Forward",
            self.forward,
            "Alt+Right",
            "Forward",
            QStyle.StandardPixmap.SP_ArrowForward,
        )
        self.toolbar = QToolBar("Back and Forward")
        self.toolbar.setObjectName("navigation")
        self.toolbar.setMovable(False)
        self.toolbar.setProperty("toolButtonStyle", TEXT_BESIDE_ICON)
        self.toolbar.addActions(self.actions())
        window.addToolBar(self.toolbar)
        window.stack.currentChanged.connect(self._page_shown)
        self._update()

    def follow_mouse_buttons(self) -> None:
        """The mouse's back and forward buttons from now on, wherever the pointer is: from
        when the record is open (before, there is nowhere to go). Watched on the window's
        own QWindow, which receives every mouse press before any widget does, and few other
        events: a filter on the application saw every event of every widget (thousands per
        page shown, each wrapped for Python), a fifth of a page's first show."""
        from PySide6.QtCore import Qt  # only now: see TEXT_BESIDE_ICON

        self._steps = {
            Qt.MouseButton.BackButton: self.back,
            Qt.MouseButton.ForwardButton: self.forward,
        }
        self.window.winId()  # the top-level QWindow exists from here on, shown or not
        handle = self.window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: str,
        media_key: str,  # the keyboard's own key, by Qt's name (Qt.Key.Key_Back is "Back")
        icon: QStyle.StandardPixmap,
    ) -> QAction:
        action = make_action(self.window, text, slot)
        action.setShortcuts([QKeySequence(keys), QKeySequence(media_key)])
        action.setIcon(self.window.style().standardIcon(icon))
        action.setToolTip(f"{text.replace('&', '')} ({keys})")
        return action

    def actions(self) -> list[QAction]:
        """For the Go menu and the toolbar."""
        return [self.back_action, self.forward_action]

    def back(self) -> None:
        self._remember_shown_item()
        self._go(self.history.back())

    def forward(self) -> None:
        self._remember_shown_item()
        self._go(self.history.forward())

    def forget_items(self) -> None:
        """The record was replaced: its record ids mean nothing any more."""
        self.history.forget_items()

    def _go(self, place: Place | None) -> None:
        if place is not None:
            self._moving = True
            try:
                self.window.show_page(place.page)
                self.window.record_actions.attempt(
                    lambda: self.window.open_item(place.page, place.item, place.child),
                    "Could not show what was there",
                    "The page is shown without it.",
                )
            finally:
                self._moving = False
        self._update()

    def _page_shown(self, _index: int) -> None:
        key = self._shown_key()
        if self._moving or key is None:
            return
        self._remember_shown_item()
        spec = self.window.specs[key]
        self.history.visit(Place(key, spec.current_item(), spec.current_child()))
        self._update()

    def _remember_shown_item(self) -> None:
        """What the current page shows now (the user may have chosen another record there,
        or another dose in it), so coming back shows it again."""
        current = self.history.current
        if current is not None and current.page in self.window.specs:
            spec = self.window.specs[current.page]
            self.history.update_current(spec.current_item(), spec.current_child())

    def _shown_key(self) -> str | None:
        shown = self.window.stack.currentWidget()
        found = (key for key, page in self.window.pages.items() if page is shown)
        key = next(found, None)
        return key if key in self.window.specs else None

    def _update(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """The mouse's back and forward buttons, over any part of the window."""
        if (
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonPress
            and (step := self._steps.get(event.button())) is not None
        ):
            step()
            return True
        return False
