"""NET Journey: an offline organizer for a lung neuroendocrine tumor treatment journey."""

__version__ = "0.1.0"
