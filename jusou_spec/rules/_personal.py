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

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from jusou_spec.jsonpointer import join
from jusou_spec.rules._address_scan import PLACE, find_addresses

__all__ = [
    "Text",
    "addresses",
    "addresses_in",
    "found_in",
    "individual_numbers",
    "individual_numbers_in",
    "mask",
    "phones",
    "phones_in",
    "remember_strings",
    "strings",
    "texts",
]


_last_texts: tuple[Any, list[Text]] | None = None


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


class Text(NamedTuple):
    """A string of the document that may hold a datum, normalised once for the three rules that read it."""

    pointer: str
    normal: str
    """NFKC, every dash between digits as "-" (what the patterns read)."""
    has_digit: bool
    """Whether the text as written has a digit (0-9 or ０-９): telephone and individual numbers need one."""


def texts(data: Any) -> list[Text]:
    """The strings of a document that may hold a datum (a digit, 番 or 丁目), each normalised once, in document
    order. The three personal-information rules read the same document one after the other: the walk and the
    normalisation are done for the first and kept for the others, for as long as the same document object is read
    (the engine never changes a document while its rules run, and no rule changes one). Where the engine has handed
    over the strings its loader met (:func:`remember_strings`), those are read instead of walking the document.
    """
    global _last_texts
    if _last_texts is not None and _last_texts[0] is data:
        return _last_texts[1]
    found: list[Text] = []
    normal: dict[str, str] = {}
    if _strings is not None and _strings[0] is data:
        candidate = _CANDIDATE.search
        found.extend(_text(pointer, text, normal) for pointer, text in _strings[1] if candidate(text) is not None)
    else:
        _collect(data.to_document() if hasattr(data, "to_document") else data, "", found, normal)
    _last_texts = (data, found)
    return found


_strings: tuple[Any, Sequence[tuple[str, str]]] | None = None


def remember_strings(data: Any, strings: Sequence[tuple[str, str]]) -> None:
    """Let :func:`texts` read ``data``'s strings from ``strings`` (pointer and text of every string value in it, as
    the loader met them) instead of walking ``data``: the loader has visited each one already."""
    global _strings
    _strings = (data, strings)


def found_in(
    candidates: list[Text], find: Callable[[str], list[str]], *, needs_digit: bool = False
) -> Iterator[tuple[Text, list[str]]]:
    """Each text with what ``find`` (one of the ``…_in`` functions) finds in its normal form, in order; ``find`` runs
    once for each distinct normal form, since a plan repeats its texts (a source's name, a department, a target's
    wording) under many programs. ``needs_digit`` passes over texts written without a digit."""
    seen: dict[str, list[str]] = {}
    for text in candidates:
        if needs_digit and not text.has_digit:
            continue
        found = seen.get(text.normal)
        if found is None:
            found = seen[text.normal] = find(text.normal)
        if found:
            yield text, found


def _collect(data: Any, pointer: str, found: list[Text], normal: dict[str, str]) -> None:
    """Append the candidate strings under ``data`` to ``found``, in the order of :func:`strings` (a pointer is
    made only for a candidate or a container, not for every string; a text repeated in the document, such as a
    source's name, is normalised once)."""
    items: Iterable[tuple[str | int, Any]]
    if isinstance(data, str):
        if _is_candidate(data):
            found.append(_text(pointer, data, normal))
        return
    if type(data) is dict or isinstance(data, Mapping):
        items = ((str(key), value) for key, value in data.items())
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for key, value in items:
        if type(value) is str:
            if _is_candidate(value):
                found.append(_text(join(pointer, key), value, normal))
        elif type(value) is dict or type(value) is list or isinstance(value, str | Mapping | list):
            _collect(value, join(pointer, key), found, normal)


def _text(pointer: str, text: str, normal: dict[str, str]) -> Text:
    if text not in normal:
        normal[text] = _normal(text)
    return Text(pointer, normal[text], _DIGIT.search(text) is not None)


def _is_candidate(text: str) -> bool:
    return _CANDIDATE.search(text) is not None


_CANDIDATE = re.compile(r"[0-9０-９番]|丁目")


_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−ー－﹣"})


_DIGIT = re.compile(r"[0-9０-９]")


_FULL_WIDTH = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {0x3000: " "}
"""Full-width ASCII and the ideographic space, each to what NFKC makes of it: the characters Japanese text has most
of that NFKC changes. Each one's compatibility decomposition is that single ASCII character, so NFKC of the text
with them replaced is NFKC of the text itself, and the replaced text is often NFKC already, which is quick to tell."""


def _normal(text: str) -> str:
    """NFKC (full-width digits and brackets), every dash between digits as "-"."""
    folded = text
    if not unicodedata.is_normalized("NFKC", folded):
        folded = folded.translate(_FULL_WIDTH)
        if not unicodedata.is_normalized("NFKC", folded):
            folded = unicodedata.normalize("NFKC", folded)
    return _DASH_BETWEEN_DIGITS.sub(_plain_dash, folded)


_DASH_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*([‐‑‒–—―−ー－﹣-])\s*(?=\d)")


def _plain_dash(match: re.Match[str]) -> str:
    return match.group(1).translate(_DASHES)


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
    return phones_in(_normal(text)) if _DIGIT.search(text) else []


def phones_in(normal: str) -> list[str]:
    """The telephone numbers in a normalised text that has a digit (:attr:`Text.normal`)."""
    found: list[str] = []
    for match in _PHONE.finditer(normal):
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
    return individual_numbers_in(_normal(text)) if _DIGIT.search(text) else []


def individual_numbers_in(normal: str) -> list[str]:
    """The individual numbers in a normalised text that has a digit (:attr:`Text.normal`)."""
    found: list[str] = []
    for match in _TWELVE.finditer(normal):
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
    if not _DIGIT.search(text) and "番" not in text and "丁目" not in text:
        return []
    return addresses_in(_normal(text))


def addresses_in(normal: str) -> list[str]:
    """The addresses in a normalised text (:attr:`Text.normal`)."""
    found: list[str] = []
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
