"""Bytes to text for the loader, and positions in that text.

Planners save files from Windows tools as well as from editors, so a plan may arrive as UTF-8 (with or without a
BOM), Shift_JIS (CP932) or UTF-16. The text is decided here once; everything after works on ``str``. Positions
follow libyaml's idea of a line (CR LF, CR, LF, NEL, LS and PS each end one), so a position computed here and a
position from a parser mark always agree.
"""

from __future__ import annotations

import bisect
import codecs
import re

import attrs

from jusou_spec.findings import Message

__all__ = [
    "BOMS",
    "LINE_BREAK",
    "NON_PRINTABLE",
    "TAB_MESSAGE",
    "Decoded",
    "Issue",
    "LineIndex",
    "decode",
    "find_non_printable",
    "leading_tabs",
]

NON_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters YAML forbids anywhere in a stream (the same set libyaml's reader refuses)."""

LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_AFTER_BLANKS = re.compile("[ \t]*(.?)", re.DOTALL)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

ENCODING_LABELS = {"cp932": "Shift_JIS（CP932）", "utf-16": "UTF-16", "utf-32": "UTF-32"}


@attrs.frozen
class Issue:
    """A finding before it is dressed: the code, the message and a 1-based position; source.py adds the rest."""

    code: str
    message: Message
    line: int
    column: int
    pointer: str = ""


@attrs.frozen
class Decoded:
    """The outcome of decoding: the text (None when it is not text) and what was learnt on the way."""

    text: str | None
    encoding: str
    issues: tuple[Issue, ...] = ()


class LineIndex:
    """Line starts of a text, computed on first use: most documents never need them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(match.end() for match in LINE_BREAK.finditer(self.text))]
        return self._starts

    def offset(self, line: int, column: int) -> int:
        """Character offset of a 0-based line and column (a parser mark), clamped to the text."""
        starts = self.starts
        if line >= len(starts):
            return len(self.text)
        return min(starts[max(line, 0)] + max(column, 0), len(self.text))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def char_at(self, line: int, column: int) -> str:
        """The character at a 0-based mark, or "" past the end."""
        offset = self.offset(line, column)
        return self.text[offset : offset + 1]

    def slice(self, start: tuple[int, int], end: tuple[int, int]) -> str:
        """The text between two 0-based marks."""
        return self.text[self.offset(*start) : self.offset(*end)]


def decode(raw: bytes) -> Decoded:
    """Decide the encoding: a BOM wins; then UTF-8; then CP932, the encoding of Japanese Windows tools."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :] if encoding == "utf-8-sig" else raw
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as error:
                return Decoded(None, encoding, (_undecodable(body, error, codec, tried_cp932=False),))
            return Decoded(text, encoding, () if encoding == "utf-8-sig" else (_not_utf8(encoding),))
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        cp932: str | None = raw.decode("cp932")
    except UnicodeDecodeError:
        cp932 = None
    if cp932 is not None and NON_PRINTABLE.search(cp932) is None:
        return Decoded(cp932, "cp932", (_not_utf8("cp932"),))
    return Decoded(None, "utf-8", (_undecodable(raw, utf8_error, "utf-8", tried_cp932=True),))


def find_non_printable(text: str) -> Issue | None:
    """SR009 at the first character YAML forbids (NUL, other control characters, lone surrogates)."""
    match = NON_PRINTABLE.search(text)
    if match is None:
        return None
    char = match.group()
    line, column = LineIndex(text[: match.start() + 1]).position(match.start())
    code = f"U+{ord(char):04X}"
    if char == "\x00":
        ja = (
            f"NUL 文字（{code}）が含まれています。テキストファイルではないか、UTF-16 など別の形式で保存されている"
            "可能性があります。テキストエディタで開き、UTF-8 で保存し直してください。"
        )
        en = (
            f"The file contains a NUL character ({code}): it is not a text file, or it was saved in another format "
            "such as UTF-16. Open it in a text editor and save it as UTF-8."
        )
    else:
        ja = (
            f"YAML で使えない制御文字（{code}）が含まれています。この文字を削除してください（他の文書やソフトから"
            "貼り付けたときに混じることがあります）。"
        )
        en = f"The file contains a control character YAML does not allow ({code}); delete it."
    return Issue("SR009", Message(ja=ja, en=en), line, column)


def leading_tabs(index: LineIndex, inside: list[tuple[int, int]]) -> list[Issue]:
    """SR002 for each content line indented with a tab, except lines inside quoted or block scalars.

    ``inside`` holds 0-based (first, last) line ranges, sorted, where a tab is a scalar's content, not indentation.
    """
    text = index.text
    issues: list[Issue] = []
    last_line = -1
    for match in re.finditer("\t", text):
        offset = match.start()
        line, column = index.position(offset)
        if line == last_line:
            continue
        start = index.starts[line - 1]
        if text[start:offset].strip(" \t"):
            continue
        after = _AFTER_BLANKS.match(text, offset)
        rest = after.group(1) if after else ""
        if rest in ("", "#", "\r", "\n", "\x85", "\u2028", "\u2029"):
            continue
        at = bisect.bisect_right(inside, (line - 1, float("inf"))) - 1
        if at >= 0 and inside[at][0] <= line - 1 <= inside[at][1]:
            continue
        last_line = line
        issues.append(Issue("SR002", TAB_MESSAGE, line, column))
    return issues


TAB_MESSAGE = Message(
    ja=(
        "インデント（字下げ）にタブ文字が使われています。YAML では字下げにタブを使えないため、半角スペースに"
        "置き換えてください（エディタの「インデントをスペースに変換」が便利です）。"
    ),
    en="A tab is used for indentation, which YAML does not allow; indent with spaces instead.",
)


def _not_utf8(encoding: str) -> Issue:
    label = ENCODING_LABELS.get(encoding, encoding)
    return Issue(
        "SR010",
        Message(
            ja=(
                f"このファイルは {label} で保存されています。読み込みはできましたが、UTF-8 で保存し直してください"
                "（メモ帳: 「名前を付けて保存」で文字コードに「UTF-8」を選ぶ。VS Code: 画面右下の文字コードを"
                "クリックし「エンコード付きで保存」から「UTF-8」を選ぶ）。"
            ),
            en=(
                f"This file is saved as {label}; it was read, but please save it as UTF-8 (Notepad: Save As, "
                "Encoding 'UTF-8'; VS Code: click the encoding in the status bar, 'Save with Encoding', 'UTF-8')."
            ),
        ),
        1,
        1,
    )


def _undecodable(raw: bytes, error: UnicodeDecodeError, codec: str, *, tried_cp932: bool) -> Issue:
    """SR009 at the first byte that cannot be decoded; the position counts the characters before it."""
    try:
        prefix = raw[: error.start].decode(codec)
    except UnicodeDecodeError:
        prefix = ""
    line, column = LineIndex(prefix).position(len(prefix))
    byte = f"0x{raw[error.start]:02X}" if error.start < len(raw) else "?"
    also = "Shift_JIS（CP932）としても読めません。" if tried_cp932 else ""
    also_en = " nor as Shift_JIS (CP932)" if tried_cp932 else ""
    label = ENCODING_LABELS.get(codec, codec.upper())
    return Issue(
        "SR009",
        Message(
            ja=(
                f"{label} として読めないバイト（{byte}）があります。{also}画像や Word・Excel のファイルなど、"
                "テキストでないファイルではないか確認してください。テキストなら UTF-8 で保存し直してください。"
            ),
            en=(
                f"A byte ({byte}) cannot be read as {label}{also_en}. Check that this is a text file (not an image "
                "or an office document); if it is text, save it as UTF-8."
            ),
        ),
        line,
        column,
    )
