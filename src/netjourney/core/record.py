"""The open record: one engine, short sessions per unit of work, errors people understand."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, func, insert, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from netjourney.core.database import (
    READ_ONLY_OPTION,
    open_record_engine,
    open_record_for_reading,
    translate_sqlite_error,
)
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import CareRole, GuideSection, RecordIdentity
from netjourney.core.plain_read import session_connection


class JourneyRecord:
    """The user's record file, open for reading and writing."""

    def __init__(self, path: Path, engine: Engine, guide: Guide) -> None:
        self.path = path
        self.engine = engine
        self.guide = guide
        self._reader = engine.execution_options(**{READ_ONLY_OPTION: True})

    @classmethod
    def open(cls, path: Path, guide: Guide, *, read_only: bool = False) -> JourneyRecord:
        """Open or create the record; it refuses foreign, damaged and newer files.

        `read_only` opens an existing record without ever creating or changing it.
        """
        if read_only:
            return cls(path, open_record_for_reading(path), guide)
        record = cls(path, open_record_engine(path), guide)
        record._add_new_vocabulary()
        return record

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One unit of work: committed whole on success, nothing of it kept on any error."""
        with (
            self._translated_errors(),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read that does not take the write lock."""
        with (
            self._translated_errors(),
            Session(self._reader, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def plain_reading(self) -> Iterator[sqlite3.Connection]:
        """A read on the sqlite3 connection under a reading session, for what is read the
        same way with or without SQLAlchemy (core/plain_read.py)."""
        with self.reading() as session:
            try:
                yield session_connection(session)
            except sqlite3.Error as error:
                raise translate_sqlite_error(error, self.path) from error

    @contextmanager
    def _translated_errors(self) -> Iterator[None]:
        try:
            yield
        except sa_exc.IntegrityError as error:
            raise InvalidInputError(
                f"That change was refused because it does not fit the record: {error.orig}"
            ) from error
        except sa_exc.OperationalError as error:
            raise translate_sqlite_error(error.orig or error, self.path) from error

    def identity(self) -> str:
        """The record's own random id (RecordIdentity); "" when another program removed it."""
        with self.reading() as session:
            row = session.get(RecordIdentity, RecordIdentity.ONLY_ROW_ID)
        return row.uuid if row is not None else ""

    def is_empty(self) -> bool:
        return not any(self.counts().values())

    def counts(self) -> dict[str, int]:
        """How many records of each kind, by table name."""
        from netjourney.core.registry import kinds  # the registry builds on this module

        with self.reading() as session:
            return {
                kind.table_name: session.scalar(select(func.count()).select_from(kind.table)) or 0
                for kind in kinds()
            }

    def _add_new_vocabulary(self) -> None:
        """Add the guide's section and role ids the file does not know yet (never remove)."""
        with self.reading() as session:
            known_sections = set(session.scalars(select(GuideSection.id)))
            known_roles = set(session.scalars(select(CareRole.id)))
        new_sections = [s for s in self.guide.section_ids if s not in known_sections]
        new_roles = [r for r in self.guide.role_ids if r not in known_roles]
        if not (new_sections or new_roles):
            return
        with self.writing() as session:
            if new_sections:
                session.execute(insert(GuideSection), [{"id": s} for s in new_sections])
            if new_roles:
                session.execute(insert(CareRole), [{"id": r} for r in new_roles])
