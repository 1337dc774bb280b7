"""The one path every change the window makes goes through (like Anki's CollectionOp).

`Actions.push` runs a change; if the record refuses it, the message bar says why and
what was kept, and nothing goes on the undo stack. A change that worked goes on the
stack, so add, edit, delete, answer and restore are all undone the same way.
Commands never hold pages: they tell `Actions.record_changed`, and the window shows
the change on whichever page is built at that moment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from netjourney.core import repository
from netjourney.core.errors import InvalidInputError, RecordError
from netjourney.core.record import JourneyRecord

log = logging.getLogger(__name__)


class Actions(QObject):
    problem = Signal(str)  # a change was refused: the message and what was kept
    done = Signal(str, bool)  # what was done; True when the bar should offer Undo
    record_changed = Signal(object, object)  # model class, record id (or None)

    def __init__(
        self, record: JourneyRecord, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.record = record  # replaced by the window when a backup is restored
        self.undo_stack = undo_stack
        self.problems_told = 0  # lets a caller see whether a step it ran was refused

    def attempt(self, change: Callable[[], object], failure: str, kept: str) -> bool:
        """Run a change; if the record refuses it, tell the user and return False."""
        try:
            change()
        except RecordError as error:
            log.warning("%s: %s", failure, error)
            self.problems_told += 1
            self.problem.emit(f"{failure}: {error} {kept}")
            return False
        return True

    def push(self, command: RecordCommand, done: str = "", offer_undo: bool = False) -> bool:
        """Do the command; only a change that worked goes on the undo stack."""
        if not self.attempt(command.apply, f"Could not {command.text()}", command.kept):
            return False
        command.applied = True
        self.undo_stack.push(command)
        if done:
            self.done.emit(done, offer_undo)
        return True


class RecordCommand(QUndoCommand):
    """A change on the undo stack. Subclasses say how to apply and revert it."""

    kept = "Nothing was changed."

    def __init__(self, actions: Actions, text: str) -> None:
        super().__init__(text)
        self.actions = actions
        self.applied = False  # done once by Actions.push before it went on the stack
        # What undo took away (of which model), for redo to bring back.
        self.taken: tuple[type[Any], repository.Snapshot] | None = None

    @property
    def record(self) -> JourneyRecord:
        return self.actions.record

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.applied:  # QUndoStack.push calls redo: the change is already made
            self.applied = False
            return
        self._step(self.apply, "redo")

    def undo(self) -> None:
        self._step(self.revert, "undo")

    def _step(self, step: Callable[[], None], verb: str) -> None:
        what = f"Could not {verb} “{self.text()}”"
        if not self.actions.attempt(step, what, "The record is as it was."):
            self.setObsolete(True)  # the stack drops it rather than pretend it happened

    def take_away(self, model: type[Any], record_id: int) -> None:
        """Undo of a step that made a record: delete it the way every delete goes (its
        text erased), keeping it whole so `bring_back` can redo the step."""
        snapshot = repository.delete(self.record, model, record_id)
        self.taken = None if snapshot is None else (model, snapshot)
        self.actions.record_changed.emit(model, None)

    def bring_back(self) -> bool:
        """Redo of that step: the very record taken away, with its id, guide links,
        children and what pointed at it; a record made anew would have none of them.
        False when nothing was taken away (the step's first time)."""
        if self.taken is None:
            return False
        (model, snapshot), self.taken = self.taken, None
        repository.restore(self.record, snapshot)
        self.actions.record_changed.emit(model, snapshot.row["id"])
        return True


class AddRecord(RecordCommand):
    """A new record; undo deletes it, redo brings back the same record."""

    def __init__(
        self, actions: Actions, kind: str, new: Any, section_ids: list[str] | None = None
    ) -> None:
        super().__init__(actions, f"add a {kind}")
        self.new = new  # a new instance of any record kind
        self.section_ids = list(section_ids or [])
        self.model: type[Any] = type(new)
        self.record_id: int | None = None

    def apply(self) -> None:
        if not self.bring_back():
            self.record_id = repository.add(self.record, self.new, self.section_ids).id
            self.actions.record_changed.emit(self.model, self.record_id)

    def revert(self) -> None:
        assert self.record_id is not None
        self.take_away(self.model, self.record_id)


class EditRecord(RecordCommand):
    """Fields set to new values; undo sets the values they had. Pauses in typing on the
    same fields of the same record merge into one step."""

    MERGE_ID = 1

    def __init__(
        self, actions: Actions, model: type[Any], record_id: int, label: str, after: dict[str, Any]
    ) -> None:
        super().__init__(actions, f"edit {label}")
        self.model, self.record_id, self.after = model, record_id, after
        self.before: dict[str, Any] | None = None
        self.kept = "Your text is still in the form; it will be saved on the next try."

    def apply(self) -> None:
        if self.before is None:
            current = repository.get(self.record, self.model, self.record_id)
            self.before = {name: getattr(current, name) for name in self.after}
        self._set(self.after)

    def revert(self) -> None:
        assert self.before is not None
        self._set(self.before)

    def _set(self, values: dict[str, Any]) -> None:
        repository.change(self.record, self.model, self.record_id, **values)
        self.actions.record_changed.emit(self.model, self.record_id)

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not (
            isinstance(other, EditRecord)
            and (other.model, other.record_id) == (self.model, self.record_id)
            and other.after.keys() == self.after.keys()
        ):
            return False
        self.after = other.after
        return True


class RemoveRecord(RecordCommand):
    """Deleting a record; undo puts it back with its links."""

    def __init__(self, actions: Actions, model: type[Any], record_id: int, label: str) -> None:
        super().__init__(actions, f"delete the {label}")
        self.model, self.record_id = model, record_id
        self.removed: repository.Snapshot | None = None

    def apply(self) -> None:
        self.removed = repository.delete(self.record, self.model, self.record_id)
        if self.removed is None:
            raise InvalidInputError("It was already removed.")
        self.actions.record_changed.emit(self.model, None)

    def revert(self) -> None:
        assert self.removed is not None
        repository.restore(self.record, self.removed)
        self.actions.record_changed.emit(self.model, self.record_id)


class ChangeByRule(RecordCommand):
    """A change worked out in the core (an answer at a visit, say); undo sets back the
    fields it touched."""

    def __init__(
        self,
        actions: Actions,
        text: str,
        model: type[Any],
        record_id: int,
        change: Callable[[JourneyRecord], Any],
        fields: tuple[str, ...],
    ) -> None:
        super().__init__(actions, text)
        self.model, self.record_id, self.change, self.fields = model, record_id, change, fields
        self.before: dict[str, Any] = {}
        self.after: dict[str, Any] = {}

    def apply(self) -> None:
        if not self.after:
            current = repository.get(self.record, self.model, self.record_id)
            self.before = {name: getattr(current, name) for name in self.fields}
            changed = self.change(self.record)
            self.after = {name: getattr(changed, name) for name in self.fields}
        else:
            repository.change(self.record, self.model, self.record_id, **self.after)
        self.actions.record_changed.emit(self.model, self.record_id)

    def revert(self) -> None:
        repository.change(self.record, self.model, self.record_id, **self.before)
        self.actions.record_changed.emit(self.model, self.record_id)


class ReplaceRecordFile(RecordCommand):
    """Restoring a backup. The record it replaces is set aside, so undo restores that one
    (and the restored one is set aside in turn: no step loses a file)."""

    kept = "Your record is as it was."

    def __init__(
        self, actions: Actions, backup: Path, restore: Callable[[Path], Path | None]
    ) -> None:
        super().__init__(actions, f"restore the backup {backup.name}")
        self.backup = backup
        self.restore = restore  # puts a copy in place of the record; returns the file set aside
        self.aside: Path | None = None

    def apply(self) -> None:
        self.aside = self.restore(self.backup)

    def revert(self) -> None:
        if self.aside is None:
            raise InvalidInputError("There was no record before this backup was restored.")
        self.restore(self.aside)


class Change(RecordCommand):
    """A change the core makes in one call, undone by another (planning a visit's
    questions, say); `model` and `record_id` say which record to show afterwards."""

    def __init__(
        self,
        actions: Actions,
        text: str,
        model: type[Any],
        record_id: int | None,
        do: Callable[[JourneyRecord], object],
        undo: Callable[[JourneyRecord], object],
    ) -> None:
        super().__init__(actions, text)
        self.model, self.record_id, self.do, self.undo_with = model, record_id, do, undo

    def apply(self) -> None:
        self.do(self.record)
        self.actions.record_changed.emit(self.model, self.record_id)

    def revert(self) -> None:
        self.undo_with(self.record)
        self.actions.record_changed.emit(self.model, self.record_id)
