"""The reliability tests' read-only folder serves these tests too."""

from tests.reliability.conftest import make_read_only

__all__ = ["make_read_only"]
