"""One value ↔ one cell: how each kind of column writes a document's value and reads a planner's cell back.

Lists of words go one per line; prose (文章) goes paragraph by paragraph with a blank line between, so a line break
inside a paragraph survives; ``{未記載: 理由}`` is written ``未記載: 理由``. Reading is forgiving where a planner's
spreadsheet is (a number typed into a text column, CRLF line ends) and says so where a value cannot be read (a
date where a fiscal year is expected); a value is never dropped without a finding.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import re
import unicodedata
from collections.abc import Mapping
from typing import Any, TypeAlias

import attrs

from jusou_spec.findings import Message
from jusou_spec.schema import NOT_STATED_KEY
from jusou_spec.workbook.layout import Column

__all__ = ["ABSENT", "CellValue", "Decoded", "Unrepresentable", "decode", "encode", "text_of"]

CellValue: TypeAlias = str | int | float | bool | None
ABSENT: Any = object()
"""A cell with nothing in it: the key is left out of the document."""

MAX_CELL_CHARS = 32767
"""Excel's limit on the characters of one cell."""
_EXACT_INTEGER = 2**53
_NOT_STATED = re.compile(rf"^{NOT_STATED_KEY}[ \t　]*[:：][ \t　]*(.*)$", re.DOTALL)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FULLWIDTH_DIGIT = re.compile("[０-９]")
_INTEGER = re.compile(r"-?[0-9]+")
EMPTY_TEXT = '""'
"""The cell of a text the document states as empty (位置 "" is the whole document); an empty cell is no value."""
_TRUE, _FALSE = frozenset({"true", "はい", "○", "〇"}), frozenset({"false", "いいえ", "×"})


class Unrepresentable(ValueError):
    """A value that no cell can hold so that it reads back the same; carries the reason in both languages."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


@attrs.frozen
class Decoded:
    """A cell's value for the document (or :data:`ABSENT`), and what was wrong with the cell, if anything."""

    value: Any
    problem: str | None = None
    """The code of the cell's finding (XL003 date, XL006 full-width digits); the message is ``message``."""
    message: Message | None = None


def _not_stated(value: Any) -> str | None:
    if isinstance(value, Mapping) and NOT_STATED_KEY in value:
        return f"{NOT_STATED_KEY}: {value[NOT_STATED_KEY]}"
    return None


def _scalar(value: Any) -> CellValue:
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value if abs(value) < _EXACT_INTEGER else str(value)
    if isinstance(value, float):
        return value
    if isinstance(value, decimal.Decimal):
        return str(value)
    raise Unrepresentable(Message(ja="一つのセルに書けない値です", en="a value that does not fit in one cell"))


def text_of(item: Any) -> str:
    """A value as a cell's text shows it: nothing for None, TRUE/FALSE for a flag (as Excel spells them)."""
    if item is None:
        return ""
    if isinstance(item, bool):
        return "TRUE" if item else "FALSE"
    return str(item)


def encode(column: Column, value: Any) -> CellValue:
    """The cell that holds ``value`` in ``column``; raises :class:`Unrepresentable` for what would not read back."""
    stated = _not_stated(value)
    if stated is not None:
        return _checked(stated)
    if value is None:
        return None
    if column.kind in ("lines", "prose"):
        items = value if isinstance(value, list) else [value]
        separator = "\n\n" if column.kind == "prose" else "\n"
        texts = [text_of(item) for item in items]
        for text in texts:
            if separator in text or (column.kind == "prose" and (text != text.strip("\n") or not text)):
                raise Unrepresentable(
                    Message(
                        ja="一つのセルに書くと区切りが分からなくなる値です（項目の中に"
                        f"{'空行' if column.kind == 'prose' else '改行'}があります）",
                        en=f"the items contain a {'blank line' if column.kind == 'prose' else 'line break'}, which "
                        "separates them in a cell",
                    )
                )
        if not texts:
            return None
        return _checked(separator.join(texts))
    cell = _scalar(value)
    if cell == "":
        return EMPTY_TEXT
    if cell == EMPTY_TEXT:
        raise Unrepresentable(
            Message(
                ja=f"文字列 {EMPTY_TEXT} は、セルでは空の文字列の印と区別できません",
                en=f"the text {EMPTY_TEXT} reads back as the empty text in a cell",
            )
        )
    if isinstance(cell, str):
        if column.not_stated and _NOT_STATED.match(cell):
            raise Unrepresentable(
                Message(
                    ja=f"「{NOT_STATED_KEY}:」で始まる文字列は、セルでは未記載の印と区別できません",
                    en=f"a text starting with '{NOT_STATED_KEY}:' reads back as not stated",
                )
            )
        return _checked(cell)
    return cell


def _checked(text: str) -> str:
    if len(text) > MAX_CELL_CHARS:
        raise Unrepresentable(
            Message(
                ja=f"文字数が一つのセルの上限（{MAX_CELL_CHARS} 字）を超えます",
                en=f"longer than a cell may be ({MAX_CELL_CHARS} characters)",
            )
        )
    if _ILLEGAL.search(text):
        raise Unrepresentable(
            Message(ja="セルに書けない制御文字を含みます", en="contains a control character a cell cannot hold")
        )
    return text


def _number_text(value: int | float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _typed_item(column: Column, text: str) -> Any:
    """One item of a list cell: a number where the schema takes numbers, None for an empty line where it takes
    null, otherwise the text."""
    if not text.strip():
        return None if "null" in column.types else text
    folded = unicodedata.normalize("NFKC", text).strip()
    if column.types & {"integer", "number"} and _INTEGER.fullmatch(folded) and folded == text:
        return int(folded)
    if "number" in column.types and "string" not in column.types:
        try:
            return float(folded)
        except ValueError:
            return text
    return text


def decode(column: Column, raw: Any) -> Decoded:
    """The document value of a cell read from a workbook (``raw``: what the reader gives)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if column.kind == "lines" and column.required:
            return Decoded([])
        return Decoded(ABSENT)
    if isinstance(raw, _dt.date | _dt.time | _dt.timedelta):
        return Decoded(ABSENT, "XL003", _date_message(column, raw))
    if isinstance(raw, str):
        if raw.strip() == EMPTY_TEXT and column.kind not in ("lines", "prose"):
            return Decoded("")
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        stated = _NOT_STATED.match(raw) if column.not_stated else None
        if stated:
            return Decoded({NOT_STATED_KEY: stated[1].strip()})
    if column.kind in ("lines", "prose"):
        return Decoded(_list(column, raw))
    if column.kind == "boolean":
        return Decoded(_boolean(raw))
    if isinstance(raw, bool):
        return Decoded(raw)
    if isinstance(raw, int | float):
        if column.kind in ("number", "integer", "year") or column.types & {"integer", "number"}:
            return Decoded(int(raw) if isinstance(raw, float) and raw.is_integer() and column.kind != "number" else raw)
        return Decoded(_number_text(raw))
    text = str(raw)
    if "number" in column.types and _FULLWIDTH_DIGIT.search(text):
        return Decoded(text, "XL006", _fullwidth_message(text))
    return Decoded(text)


def _list(column: Column, raw: Any) -> Any:
    if isinstance(raw, str):
        texts = raw.split("\n\n") if column.kind == "prose" else raw.split("\n")
        items = [_typed_item(column, text) if column.kind == "lines" else text for text in texts]
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        items = [raw if column.types & {"integer", "number"} else _number_text(raw)]
    else:
        items = [raw]
    if len(items) == 1 and (column.single or column.kind == "prose"):
        return items[0]
    return items


def _boolean(raw: Any) -> Any:
    if isinstance(raw, bool):
        return raw
    folded = unicodedata.normalize("NFKC", str(raw)).strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return raw


def _date_message(column: Column, raw: Any) -> Message:
    shown = raw.isoformat() if hasattr(raw, "isoformat") else str(raw)
    if column.kind == "year":
        return Message(
            ja=f"年度の欄が日付（{shown}）として入力されています。セルの書式を「文字列」にして「令和6年度」「R6」"
            "「R4～R8」のように入力してください",
            en=f"a date ({shown}) where a fiscal year is expected: format the cell as text and write R6, 令和6年度 or "
            "R4～R8",
        )
    return Message(
        ja=f"日付（{shown}）として入力されています。セルの書式を「文字列」にして文字で入力してください",
        en=f"a date ({shown}) where text is expected: format the cell as text",
    )


def _fullwidth_message(text: str) -> Message:
    folded = unicodedata.normalize("NFKC", text)
    return Message(
        ja=f"数値が全角数字の文字列「{text}」として入力されています。半角の数値 {folded} で入力してください"
        "（値は読み取りました）",
        en=f"a number typed as text with full-width digits ('{text}'): type it as the number {folded} (the value "
        "was read)",
    )
