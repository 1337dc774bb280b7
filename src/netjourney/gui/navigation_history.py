"""Back and Forward, like a browser's, over the places the user has been: a page and
the record or guide section shown on it. Plain Python (no Qt), so it is tested alone;
gui/navigation.py wires it to the window."""

from __future__ import annotations

from typing import NamedTuple

LONGEST_HISTORY = 100  # places kept behind the current one; older ones are dropped


class Place(NamedTuple):  # not a dataclass: see gui/page_spec.py
    page: str  # a page key, as in gui/page_spec.PAGES
    item: str = ""  # what the page showed: a record id, a section id, or "" for none
    child: str = ""  # chosen inside the item (a dose of a treatment), or "" for none


class NavigationHistory:
    def __init__(self) -> None:
        self._places: list[Place] = []
        self._at = -1  # index of the current place; -1 before the first

    @property
    def current(self) -> Place | None:
        return self._places[self._at] if self._places else None

    def visit(self, place: Place) -> None:
        """A new place: it becomes current, and the places ahead of the old one are gone."""
        if place == self.current:
            return
        del self._places[self._at + 1 :]
        self._places.append(place)
        if len(self._places) > LONGEST_HISTORY + 1:
            del self._places[0]
        self._at = len(self._places) - 1

    def update_current(self, item: str, child: str = "") -> None:
        """The current page now shows another item (the user chose another record), or
        another child in it: coming back here should show those."""
        if self._places:
            self._places[self._at] = self._places[self._at]._replace(item=item, child=child)

    def can_go_back(self) -> bool:
        return self._at > 0

    def can_go_forward(self) -> bool:
        return self._at < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._at -= 1
        return self._places[self._at]

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._at += 1
        return self._places[self._at]

    def forget_items(self) -> None:
        """After the record is replaced (a backup restored), its ids mean nothing: keep the
        pages, drop what they showed."""
        self._places = [Place(p.page) for p in self._places]
