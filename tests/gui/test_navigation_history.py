"""Back and Forward's memory, alone (it is plain Python)."""

from __future__ import annotations

from netjourney.gui.navigation_history import LONGEST_HISTORY, NavigationHistory, Place


def _visited(*pages: str) -> NavigationHistory:
    history = NavigationHistory()
    for page in pages:
        history.visit(Place(page))
    return history


def test_nothing_to_go_back_or_forward_to_at_first() -> None:
    history = _visited("home")
    assert history.current == Place("home")
    assert (history.back(), history.forward()) == (None, None)
    assert history.current == Place("home")


def test_back_then_forward_walks_the_places_in_order() -> None:
    history = _visited("home", "notes", "guide")
    assert history.back() == Place("notes")
    assert history.back() == Place("home")
    assert not history.can_go_back()
    assert history.forward() == Place("notes")
    assert history.forward() == Place("guide")
    assert not history.can_go_forward()


def test_a_new_place_after_going_back_drops_the_places_ahead() -> None:
    history = _visited("home", "notes", "guide")
    history.back()
    history.visit(Place("scans"))
    assert not history.can_go_forward()
    assert history.back() == Place("notes")


def test_the_same_place_twice_is_one_step() -> None:
    history = _visited("home", "notes", "notes")
    assert history.back() == Place("home")


def test_the_record_chosen_on_a_page_is_where_back_returns() -> None:
    history = _visited("notes")
    history.update_current("12")
    history.visit(Place("guide", "second-opinion"))
    assert history.back() == Place("notes", "12")
    assert history.forward() == Place("guide", "second-opinion")


def test_a_long_walk_keeps_only_the_latest_places() -> None:
    history = _visited(*(f"page{n}" for n in range(LONGEST_HISTORY + 50)))
    steps = 0
    while history.back() is not None:
        steps += 1
    assert steps == LONGEST_HISTORY
    assert history.current == Place("page49")


def test_after_a_restore_the_pages_stay_but_not_the_records() -> None:
    history = _visited("notes")
    history.update_current("7")
    history.visit(Place("guide", "recurrent"))
    history.forget_items()
    assert history.back() == Place("notes")


def test_the_child_chosen_in_a_record_is_where_back_returns_too() -> None:
    history = _visited("treatments")
    history.update_current("2", "7")  # dose 7 of treatment 2
    history.visit(Place("home"))
    assert history.back() == Place("treatments", "2", "7")
    history.update_current("2")  # no dose chosen any more
    assert history.current == Place("treatments", "2")
