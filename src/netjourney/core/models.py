"""The record's tables as typed SQLAlchemy 2 models.

Guide section ids and care-team role ids are kept in two small vocabulary
tables filled from the shipped guide, so the database itself refuses a link to
a section (or a role) the guide does not have.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    Dialect,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from netjourney.core.stored_values import (
    StoredChoice,
    choice_label,
    readable_text,
    stored_day,
    stored_text,
    stored_time,
    stored_whole_number,
    time_as_stored,
)

OTHER_ROLE = "other"


def utc_now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime kept as fixed-width UTC text, so text order is time order."""

    impl = String(26)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else time_as_stored(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return stored_time(value)  # written by another program: shown flagged, no crash


class StoredDate(TypeDecorator[date]):
    """A day kept as ISO text, as SQLAlchemy's Date keeps it, that reads text which is
    not a day as an UnreadableDate instead of failing the whole query."""

    impl = Date
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        return stored_day  # in place of the Date's own parsing, which fails the query


class _StoredChoiceEnum(Enum):
    """An Enum column that reads a value outside its choices as a StoredChoice stand-in
    instead of failing the whole query."""

    def _object_value_for_elem(self, elem: str) -> Any:
        try:
            return super()._object_value_for_elem(elem)
        except LookupError:
            return self.enum_class.stored(elem)  # type: ignore[union-attr]


def choice_column(choices: type[StoredChoice], name: str, length: int = 32) -> Enum:
    """Kept as text with a CHECK of its values; read as the choices or a stand-in."""
    return _StoredChoiceEnum(
        choices,
        native_enum=False,
        create_constraint=True,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        name=name,
    )


class QuestionStatus(StoredChoice):
    TO_ASK = "to_ask"
    ASKED = "asked"
    ANSWERED = "answered"
    NOT_NEEDED = "not_needed"

    @property
    def label(self) -> str:
        return choice_label(_STATUS_LABELS, self, "status")


_STATUS_LABELS = {
    QuestionStatus.TO_ASK: "To ask",
    QuestionStatus.ASKED: "Asked",
    QuestionStatus.ANSWERED: "Answered",
    QuestionStatus.NOT_NEEDED: "No longer needed",
}


class StoredText(TypeDecorator[str]):
    """Text that reads a stored value which is not text (see readable_text) as text,
    instead of failing every page, export and list that uses it."""

    impl: type[String] = Text
    cache_ok = True

    def process_result_value(self, value: object, dialect: Dialect) -> str | None:
        return stored_text(value)


class StoredString(StoredText):
    """StoredText of a column declared with a length, e.g. String(64)."""

    impl = String
    cache_ok = True  # SQLAlchemy asks each class itself


UNREADABLE_NUMBER = "[unreadable number {}: netjourney check names it]"


class UnreadableNumber(float):
    """A stored number that is none ('lots', or infinite): a NaN that keeps the stored
    value, so charts leave it out (it is not finite), an export keeps it as stored, and
    any f-string shows it flagged instead of as 'nan'."""

    stored: object = None

    @classmethod
    def of(cls, stored: object) -> UnreadableNumber:
        number = cls("nan")
        number.stored = stored
        return number

    def __format__(self, spec: str) -> str:
        return UNREADABLE_NUMBER.format(repr(readable_text(self.stored)))


class StoredFloat(TypeDecorator[float]):
    """A number that reads a stored value which is not a finite number as an
    UnreadableNumber, instead of failing every chart and table that uses it."""

    impl = Float
    cache_ok = True

    def process_result_value(self, value: object, dialect: Dialect) -> float | None:
        if value is None:
            return None
        if isinstance(value, int | float) and math.isfinite(value):
            return float(value)
        return UnreadableNumber.of(value if isinstance(value, str | bytes) else str(value))


class StoredInteger(TypeDecorator[int]):
    """A count or a number of days that reads a stored value which is not a whole number
    as unknown (None), as if never given: 'often' must not become a schedule."""

    impl = Integer
    cache_ok = True

    def process_result_value(self, value: object, dialect: Dialect) -> int | None:
        return stored_whole_number(value)


def _read_safely(column: Column[Any]) -> None:
    """Give a plain Text, String, Date, Float or Integer column a reading of it (same SQL
    type) that turns a stored value of the wrong type into a stand-in instead of a crash."""
    if type(column.type) is Text:
        column.type = StoredText()
    elif type(column.type) is String:
        column.type = StoredString(column.type.length)
    elif type(column.type) is Date:
        column.type = StoredDate()
    elif type(column.type) is Float:
        column.type = StoredFloat()
    elif type(column.type) is Integer and not (column.primary_key or column.foreign_keys):
        column.type = StoredInteger()  # ids are left alone: a bad one is damage, for check


class Base(DeclarativeBase):
    """Every mapped table's text columns read a stored non-text value as text (StoredText),
    its days and numbers a stored non-day or non-number as a flagged one (StoredDate,
    StoredFloat, StoredInteger), so the kinds declare plain types and a new kind is
    covered without a word."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)  # maps the class: its table exists from here
        table = cls.__dict__.get("__table__")
        if table is not None:
            for column in table.columns:
                _read_safely(column)


class GuideSection(Base):
    """A section id of the shipped guide (the text itself lives in resources/)."""

    __tablename__ = "guide_sections"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)


class CareRole(Base):
    """A care-team role id of the shipped guide."""

    __tablename__ = "care_roles"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)


class SectionLink:
    """One record linked to one guide section: a row of its kind's own link table.

    Every kind that is `LinkedToGuide` gets a table `<its table>_section_links`
    (owner_id, section_id), so a new kind adds a table and never rebuilds another.
    The row id keeps the order the links were made in.
    """

    if TYPE_CHECKING:
        id: Mapped[int]
        owner_id: Mapped[int]
        section_id: Mapped[str]

        def __init__(self, **fields: Any) -> None: ...


def link_table_name(owner_table: str) -> str:
    return f"{owner_table}_section_links"


def _link_model(owner_table: str, base: type[Any]) -> type[SectionLink]:
    """The mapped link class of one owner table, in the owner's own declarative base."""
    table = link_table_name(owner_table)
    namespace = {
        "__tablename__": table,
        "id": mapped_column(Integer, primary_key=True),
        "owner_id": mapped_column(
            ForeignKey(f"{owner_table}.id", ondelete="CASCADE"), nullable=False
        ),
        "section_id": mapped_column(ForeignKey("guide_sections.id"), nullable=False, index=True),
        # Also the index of an owner's links: owner_id comes first.
        "__table_args__": (UniqueConstraint("owner_id", "section_id", name=f"uq_{table}"),),
    }
    name = "".join(word.title() for word in table.split("_"))
    return type(name, (SectionLink, base), namespace)


def _declarative_base(cls: type[Any]) -> type[Any]:
    return next(b for b in cls.__mro__ if "registry" in b.__dict__ and b is not DeclarativeBase)


class LinkedToGuide:
    """A record that can be linked to guide sections; its link table comes with it."""

    link_model: ClassVar[type[SectionLink]]
    if TYPE_CHECKING:
        section_links: Mapped[list[SectionLink]]
        id: Mapped[int]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        owner_table = cls.__dict__.get("__tablename__")
        if owner_table is not None:
            cls.link_model = _link_model(owner_table, _declarative_base(cls))
            cls.section_links = relationship(
                cls.link_model,
                cascade="all, delete-orphan",
                passive_deletes=True,
                lazy="selectin",
                order_by=cls.link_model.id,
            )
        super().__init_subclass__(**kwargs)

    @property
    def section_ids(self) -> list[str]:
        return [link.section_id for link in self.section_links]

    @section_ids.setter
    def section_ids(self, wanted: list[str]) -> None:
        """Keep existing links that are still wanted, add the new ones, in order."""
        kept = {link.section_id: link for link in self.section_links}
        self.section_links = [
            kept.get(section_id) or self.link_model(section_id=section_id)
            for section_id in dict.fromkeys(wanted)
        ]


class CareTeamMember(LinkedToGuide, Base):
    __tablename__ = "care_team_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(ForeignKey("care_roles.id"), default=OTHER_ROLE)
    name: Mapped[str] = mapped_column(Text, default="")
    practice: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    after_hours: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


appointment_questions = Table(
    "appointment_questions",
    Base.metadata,
    Column(
        "appointment_id",
        ForeignKey("appointments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_appointment_questions_question_id", "question_id"),
)


class Question(LinkedToGuide, Base):
    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    library_id: Mapped[str | None] = mapped_column(String(64), index=True)
    chosen: Mapped[bool] = mapped_column(default=True)
    status: Mapped[QuestionStatus] = mapped_column(
        choice_column(QuestionStatus, "question_status", length=16),
        default=QuestionStatus.TO_ASK,
    )
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date | None] = mapped_column(StoredDate)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Appointment(LinkedToGuide, Base):
    __tablename__ = "appointments"

    id: Mapped[int] = mapped_column(primary_key=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    time_zone: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_team_members.id", ondelete="SET NULL"), index=True
    )
    with_whom: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    what_to_bring: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[CareTeamMember | None] = relationship(lazy="selectin")
    planned_questions: Mapped[list[Question]] = relationship(
        secondary=appointment_questions, lazy="selectin", order_by=Question.id
    )

    __table_args__ = (
        CheckConstraint("ends_at IS NULL OR ends_at >= starts_at", name="ends_after_start"),
    )


class Note(LinkedToGuide, Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    private: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utc_now, onupdate=utc_now, index=True
    )
    appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointments.id", ondelete="SET NULL"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_team_members.id", ondelete="SET NULL"), index=True
    )


class SituationAnswers(Base):
    """My situation: the user's answers in one row, each NULL until known.

    One row with a column per answer rather than key/value rows, so the file itself
    refuses an unknown answer or value (the CHECK constraints of migration
    0003_situation; core/situation.py holds the vocabulary) and is read in one go.
    """

    __tablename__ = "situation"
    ONLY_ROW_ID: ClassVar[int] = 1

    id: Mapped[int] = mapped_column(primary_key=True)
    tumor_type: Mapped[str | None] = mapped_column(String(16))
    stage: Mapped[str | None] = mapped_column(String(16))
    removable: Mapped[str | None] = mapped_column(String(16))
    healthy_for_surgery: Mapped[str | None] = mapped_column(String(16))
    lymph_nodes: Mapped[str | None] = mapped_column(String(16))
    carcinoid_syndrome: Mapped[str | None] = mapped_column(String(16))
    somatostatin_pet: Mapped[str | None] = mapped_column(String(16))
    liver_symptoms: Mapped[str | None] = mapped_column(String(16))
    bone_pain: Mapped[str | None] = mapped_column(String(16))
    spread: Mapped[str | None] = mapped_column(String(16))
    recurrence: Mapped[str | None] = mapped_column(String(16))
    thinking_of_stopping: Mapped[str | None] = mapped_column(String(16))


class RecordIdentity(Base):
    """The record's own random id (migration 0007_record_identity), in a table of one row.

    It names the record outside it, e.g. in calendar event ids, so that appointment 3 of
    one record is never taken for appointment 3 of another. A copy of the file keeps it.
    """

    __tablename__ = "record_identity"
    ONLY_ROW_ID: ClassVar[int] = 1

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))

    __table_args__ = (
        CheckConstraint("id = 1", name="one_row"),
        CheckConstraint("length(uuid) = 36", name="uuid_text"),
    )
