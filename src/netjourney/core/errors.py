"""Errors a user may see: each message says what happened and what to do."""


class RecordError(Exception):
    """Base of every error about the user's record file."""


class NotARecordError(RecordError):
    """The file is an SQLite database, but not a NET Journey record."""


class DamagedRecordError(RecordError):
    """The file cannot be read as a record: empty, truncated or corrupted."""


class NewerRecordError(RecordError):
    """The file was written by a newer version of NET Journey."""


class RecordBusyError(RecordError):
    """Another program holds the file's write lock."""


class StorageError(RecordError):
    """The disk refused a write: full, read-only, or failing."""


class InvalidInputError(RecordError):
    """Something the user or an imported document supplied is not acceptable."""


class MissingRecordError(RecordError):
    """No record file exists where one was named."""


class AlteredSchemaError(RecordError):
    """The file's tables, indexes, triggers or views are not the ones NET Journey makes."""


class RecordMovedError(StorageError):
    """The open record file was deleted or replaced: writing would go nowhere."""


class GuideError(ValueError):
    """A content file is missing or malformed; the message names the file and the field."""
