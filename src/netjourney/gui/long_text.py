"""Very long text in a plain-text editor without freezing the window.

Qt wraps at word boundaries by default, and a block with no boundary for a long
stretch costs it the square of that stretch: opening a note that was one word of
1,000,000 characters froze the window for minutes. Such a text is wrapped
anywhere instead, which Qt lays out in proportion to its length; ordinary text
keeps wrapping between words.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit

LONGEST_WORD_WRAPPED_BETWEEN_WORDS = 1000


def wrap_mode_for(text: str) -> QTextOption.WrapMode:
    longest = max(map(len, text.split()), default=0)
    if longest > LONGEST_WORD_WRAPPED_BETWEEN_WORDS:
        return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def show_plain_text(edit: QPlainTextEdit, text: str) -> None:
    """Put `text` in `edit`, choosing a wrap mode that stays fast for it."""
    edit.setWordWrapMode(wrap_mode_for(text))
    edit.setPlainText(text)


def wrap_anywhere_after_long_pastes(edit: QPlainTextEdit) -> None:
    """A paste that brings a very long word switches `edit` to wrapping anywhere, before
    Qt lays the text out (typing such a word by hand is not a worry)."""
    document = edit.document()

    def check(position: int, _removed: int, added: int) -> None:
        if added <= LONGEST_WORD_WRAPPED_BETWEEN_WORDS:
            return
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        # Qt counts the document's closing paragraph mark in `added`: no cursor goes there.
        end = min(position + added, document.characterCount() - 1)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if wrap_mode_for(cursor.selectedText()) == QTextOption.WrapMode.WrapAnywhere:
            edit.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)

    document.contentsChange.connect(check)
