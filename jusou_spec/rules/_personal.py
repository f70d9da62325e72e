"""Finding personal information in a document's text: telephone numbers, individual numbers, postal addresses.

The patterns are deliberately narrow, because the documents are full of figures that must not be mistaken for
personal data: counts with separators (1,113 件), periods (R4～5, 令和7～11年度), times (午後1時30分～3時10分),
clause and article numbers (第1号イ, 第106条の6), and words such as 様々 or さんさん介護予防倶楽部. Each pattern
needs the shape only the personal datum has:

- a telephone number starts with 0 (or +81) and has 10 or 11 digits, contiguous or in three groups
  (0765-23-1000, 090-1234-5678, 03(1234)5678, 0120-123-456);
- an individual number (マイナンバー) has 12 digits, contiguous or 4-4-4, and its check digit holds (the
  algorithm of the 番号法施行規則), which a random 12-digit figure fails nine times in ten;
- an address down to the house number ends in 番地, N番N号 or N丁目N番, or is a place name followed by
  chome-banchi figures (釈迦堂1-10-1, 精道町7-6).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from jusou_spec.jsonpointer import join
from jusou_spec.rules._address_scan import PLACE, find_addresses

__all__ = ["addresses", "individual_numbers", "mask", "phones", "strings"]


def strings(data: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """(pointer, text) for every string value in a document's data, in document order.

    The engine passes the data as read, so that pointers are exact; a model (a plan or report in memory, as a
    caller of the rule may pass) is read through its document form.
    """
    if hasattr(data, "to_document"):
        data = data.to_document()
    if isinstance(data, str):
        yield pointer, data
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from strings(value, join(pointer, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, join(pointer, index))


_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−ー－﹣"})


_DIGIT = re.compile(r"[0-9０-９]")


@functools.lru_cache(maxsize=4096)
def _normal(text: str) -> str:
    """NFKC (full-width digits and brackets), every dash between digits as "-" (cached: three rules read each text)."""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"(?<=\d)\s*([‐‑‒–—―−ー－﹣-])\s*(?=\d)", lambda m: m.group(1).translate(_DASHES), folded)


_PHONE = re.compile(
    r"(?<![\d.,\-/])(?:"
    r"(?P<grouped>0\d{1,4}-\d{1,4}-\d{3,4})"
    r"|(?P<bracketed>0\d{1,4}\(\d{1,4}\)\d{3,4})"
    r"|(?P<plain>0\d{9,10})"
    r"|(?P<international>\+81[- ]?\d{1,4}[- ]?\d{1,4}[- ]?\d{3,4})"
    r")(?![\d\-])"
)


def phones(text: str) -> list[str]:
    """The telephone numbers in ``text``.

    >>> phones("相談は 0765-23-1000 まで")
    ['0765-23-1000']
    >>> phones("延べ 1,113 件、R4～5、午後1時30分～3時10分")
    []
    """
    found: list[str] = []
    if not _DIGIT.search(text):
        return found
    for match in _PHONE.finditer(_normal(text)):
        digits = re.sub(r"\D", "", match.group(0))
        if match["international"]:
            digits = "0" + digits[2:]
        if 10 <= len(digits) <= 11:
            found.append(match.group(0))
    return found


_TWELVE = re.compile(r"(?<![\d.,\-/])(\d{4})([- ]?)(\d{4})\2(\d{4})(?![\d\-])")
_YEAR = re.compile(r"(?:19|20|21)\d\d")


def _check_digit_holds(digits: str) -> bool:
    """The individual number's check digit (番号法施行規則第5条): 11 − (Σ Pn × Qn mod 11), 0 when that is ≥ 10."""
    body = [int(d) for d in reversed(digits[:11])]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(body, start=1))
    remainder = total % 11
    expected = 0 if remainder <= 1 else 11 - remainder
    return expected == int(digits[11])


def individual_numbers(text: str) -> list[str]:
    """The 12-digit individual numbers in ``text`` whose check digit holds.

    >>> individual_numbers("番号 1234 5678 9018")
    ['1234 5678 9018']
    >>> individual_numbers("1234 5678 9012")
    []
    """
    found: list[str] = []
    if not _DIGIT.search(text):
        return found
    for match in _TWELVE.finditer(_normal(text)):
        groups = (match[1], match[3], match[4])
        if match[2] and all(_YEAR.fullmatch(group) for group in groups):
            continue  # three years side by side in a flattened table: 2022 2023 2024
        if _check_digit_holds("".join(groups)):
            found.append(match.group(0))
    return found


_PLACE_NAME = re.compile(rf"{PLACE}*")
_NOT_PLACES = re.compile(r"(?:令和|平成|昭和|図|表|資料|別紙|様式|第|項目|番号|電話|TEL|FAX)$")


def addresses(text: str) -> list[str]:
    """The postal addresses given down to the house number in ``text``.

    >>> addresses("所在地 魚津市釈迦堂1-10-1")
    ['魚津市釈迦堂1-10-1']
    >>> addresses("第1層：市内全域、第2層：4圏域、様々な相談、資料1-2-3")
    []
    """
    found: list[str] = []
    if not _DIGIT.search(text) and "番" not in text and "丁目" not in text:
        return found
    normal = _normal(text)
    for start, end in find_addresses(normal):  # linear in the text's length, however long its runs of kanji
        address = normal[start:end]
        head = _PLACE_NAME.match(address)
        if head is not None and head.group(0) and _NOT_PLACES.search(head.group(0)):
            continue
        found.append(address)
    return found


def mask(text: str) -> str:
    """The datum with all but its first three characters' digits hidden, so the finding does not repeat it.

    >>> mask("090-1234-5678")
    '090-****-****'
    """
    return text[:3] + re.sub(r"[0-9]", "*", text[3:])
