"""What the window does while it opens the record, so the first page the user picks does not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from netjourney.core.guide import load_guide
from netjourney.core.journey.models import DiaryEntry
from netjourney.core.record import JourneyRecord
from tests.gui.fresh_process import printed_by_fresh_process

# In a fresh process: in this one, earlier tests have long set SQLAlchemy's mappings up.
OPEN_THE_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from netjourney.core.guide import load_guide
from netjourney.core.models import Base
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow

app = QApplication([])
record = JourneyRecord.open(Path(sys.argv[1]), load_guide())
window = MainWindow(record)
print("waiting" if Base.registry._new_mappers else "set up")
record.close()
"""


def test_the_models_mappings_are_set_up_while_the_record_opens(tmp_path: Path) -> None:
    path = tmp_path / "journey.sqlite"
    record = JourneyRecord.open(path, load_guide())  # made now: making it writes through them
    with record.writing() as session:  # not empty: an empty one opens on the welcome instead
        session.add(DiaryEntry(day=date(2026, 1, 5), note="Tired."))
    record.close()
    assert printed_by_fresh_process(OPEN_THE_WINDOW, path) == "set up"
