"""My situation page, used as a person would: answer, watch the path change, add a question."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from netjourney.core.guide import Guide
from netjourney.core.questions import chosen_library_ids
from netjourney.core.record import JourneyRecord
from netjourney.core.situation import Situation
from netjourney.core.situation_store import load_situation, save_situation
from netjourney.gui.situation import SituationPage
from netjourney.gui.situation.path_view import WrappingButton


def make_page(qtbot: QtBot, record: JourneyRecord) -> SituationPage:
    page = SituationPage(record)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def answer(page: SituationPage, question: str, choice: str) -> None:
    """Pick a choice in the combo box a screen reader would announce as `question`."""
    (combo,) = [c for c in page.findChildren(QComboBox) if c.accessibleName() == question]
    combo.setFocus()
    combo.setCurrentIndex(combo.findText(choice))


def path_texts(page: SituationPage) -> str:
    """Everything the path shows, as plain text."""
    labels = [
        label.accessibleName() or label.text() for label in page.path_view.findChildren(QLabel)
    ]
    buttons = [button.text() for button in page.path_view.findChildren(QPushButton)]
    return "\n".join(labels + buttons)


def add_button(page: SituationPage, question_text: str) -> QPushButton:
    """The question's button, by what a screen reader says: to add it, or that it is added."""
    (button,) = [
        b
        for b in page.path_view.findChildren(QPushButton)
        if b.accessibleName()
        in (f"Add to my questions: {question_text}", f"In my questions: {question_text}")
    ]
    return button


def test_answers_change_the_path_and_are_saved_at_once(qtbot: QtBot, record: JourneyRecord) -> None:
    page = make_page(qtbot, record)
    assert "What stage is my tumor?" in path_texts(page)
    assert "Somatostatin analogs" not in path_texts(page)

    answer(page, "What stage is it?", "Stage IV")
    answer(page, "Has it come back after treatment?", "No")
    answer(page, "Do you have carcinoid syndrome symptoms?", "Yes")

    shown = path_texts(page)
    assert "What stage is my tumor?" not in shown
    assert "Somatostatin analogs, such as octreotide (Sandostatin)" in shown
    assert "Tumors surgery cannot fully remove" in shown
    assert load_situation(record) == Situation(
        stage="IV", recurrence="none", carcinoid_syndrome="yes"
    )

    answer(page, "What stage is it?", "Not known yet")

    assert "What stage is my tumor?" in path_texts(page)
    assert load_situation(record).stage is None


def test_the_stored_answers_are_shown_when_the_page_opens(
    qtbot: QtBot, record: JourneyRecord
) -> None:
    save_situation(record, Situation(tumor_type="atypical", stage="IIIA"))

    page = make_page(qtbot, record)

    assert page.form.combos["tumor_type"].currentText() == "Atypical (intermediate grade)"
    assert page.form.combos["stage"].currentText() == "Stage IIIA"
    assert "Stage IIIA can go either way" in path_texts(page)


def test_a_suggested_question_is_added_to_my_questions_once(
    qtbot: QtBot, record: JourneyRecord, guide: Guide
) -> None:
    page = make_page(qtbot, record)
    text = guide.library_question("choosing-second-opinion").text
    button = add_button(page, text)

    with qtbot.waitSignal(page.status_message) as message:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert chosen_library_ids(record) == {"choosing-second-opinion"}
    assert message.args == [f"Added to your questions: {text}"]
    assert (button.text(), button.isEnabled()) == ("In my questions", False)
    assert button.accessibleName() == f"In my questions: {text}"  # said as it is shown
    answer(page, "What stage is it?", "Stage I")  # the path is built again ...
    assert not add_button(page, text).isEnabled()  # ... and still knows it was added
    assert record.counts()["questions"] == 1


def test_a_section_of_the_path_opens_in_the_guide(qtbot: QtBot, record: JourneyRecord) -> None:
    page = make_page(qtbot, record)
    answer(page, "What stage is it?", "Stage IIIB")
    section_button = page.path_view.section_buttons["unresectable"]

    with qtbot.waitSignal(page.section_requested) as opened:
        qtbot.mouseClick(section_button, Qt.MouseButton.LeftButton)

    assert opened.args == ["unresectable"]
    assert section_button.text().endswith("Tumors surgery cannot fully remove")


def test_the_articles_caution_stands_on_the_page(
    qtbot: QtBot, record: JourneyRecord, guide: Guide
) -> None:
    page = make_page(qtbot, record)

    (caution,) = [
        label
        for label in page.findChildren(QLabel)
        if label.accessibleName() == "Caution from the guide"
    ]
    assert caution.isVisible()
    assert guide.source.caution in caution.text()


def test_every_answer_can_be_reached_by_its_label(qtbot: QtBot, record: JourneyRecord) -> None:
    page = make_page(qtbot, record)

    for label in page.form.findChildren(QLabel):
        combo = label.buddy()
        assert isinstance(combo, QComboBox)
        assert combo.accessibleName() == label.text()
        assert combo.itemText(0) == "Not known yet"


def test_a_wrapping_button_is_as_tall_as_its_words_at_each_text_size(qtbot: QtBot) -> None:
    """Its heights are kept for Qt's layouts, which ask again and again, but a larger
    text or other words get heights of their own."""
    button = WrappingButton("3. Questions to ask about the treatment options the team offers")
    qtbot.addWidget(button)
    narrow, wide = button.heightForWidth(120), button.heightForWidth(2000)
    assert narrow > wide
    font = QFont(button.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    button.setFont(font)
    assert button.heightForWidth(120) > narrow
    two_lines = button.heightForWidth(120)
    button.setText("Short")
    assert button.heightForWidth(120) < two_lines


def test_a_wrapping_label_remembers_heights_yet_follows_its_text_and_font(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QWidget

    from netjourney.gui.situation.path_view import WrappingLabel

    holder = QWidget()
    qtbot.addWidget(holder)
    words = "Talk over every option with your doctors, with what each one aims to do. " * 3
    remembering, plain = WrappingLabel(words, holder), QLabel(words, holder, wordWrap=True)

    def same_heights() -> bool:
        widths = (120, 300, 120, 640, 300)  # asked in turn, as layouts do
        return all(remembering.heightForWidth(w) == plain.heightForWidth(w) for w in widths)

    assert same_heights()
    larger = QFont(holder.font())
    larger.setPointSizeF(larger.pointSizeF() * 2)
    before = remembering.heightForWidth(300)
    for label in (remembering, plain):
        label.setFont(larger)
    assert remembering.heightForWidth(300) > before and same_heights()
    for label in (remembering, plain):
        label.setText("Short.")
    assert same_heights()
