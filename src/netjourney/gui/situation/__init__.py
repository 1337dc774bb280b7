"""My situation: the user's answers on the left, their path through the guide on the right."""

from netjourney.gui.situation.page import SituationPage

__all__ = ["SituationPage"]
