"""The clause registry: every item of 社会福祉法第106条の4第2項, and how real documents spell them.

Every program in a plan is tagged with the clause (号) it implements; a municipality that runs the project in full
(本格実施) runs all of them "as one body" (第2項本文). The legal references are data with the date their wording
applies from, so that a later amendment is a change here, not in the rules.

>>> parse_clauses("【第５号、第６号】")
(Clause('第5号'), Clause('第6号'))
>>> parse_clauses("第1号 二")
(Clause('第1号ニ'),)
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import unicodedata
from collections.abc import Iterator, Mapping

import attrs

from jusou_spec.errors import JusouError

__all__ = [
    "ACT",
    "ARTICLE",
    "CLAUSES",
    "WHOLE_NUMBERS",
    "Clause",
    "ClauseError",
    "Field",
    "LegalReference",
    "Necessity",
    "Pillar",
    "clause",
    "items_of",
    "parse_clauses",
    "parse_whole_items",
]

ACT = "社会福祉法"
ARTICLE = "第106条の4第2項"
TEXT_AS_OF = _dt.date(2024, 4, 24)
"""The date from which the wording we cite applies (令和6年法律第21号 as consolidated; see docs/law.md)."""


class Pillar(enum.Enum):
    """The three pillars of the project and the new functions that bind them."""

    CONSULTATION = "相談支援"
    PARTICIPATION = "参加支援"
    COMMUNITY = "地域づくり"
    OUTREACH = "アウトリーチ等"
    COLLABORATION = "多機関協働"

    @property
    def english(self) -> str:
        return _PILLAR_EN[self]


_PILLAR_EN = {
    Pillar.CONSULTATION: "consultation support",
    Pillar.PARTICIPATION: "participation support",
    Pillar.COMMUNITY: "community building",
    Pillar.OUTREACH: "outreach and continuous support",
    Pillar.COLLABORATION: "multi-agency collaboration",
}


class Field(enum.Enum):
    """The fields (分野) of the existing schemes the project joins up."""

    ELDERLY = "高齢"
    DISABILITY = "障がい"
    CHILDREN = "子ども"
    POVERTY = "生活困窮"

    @property
    def english(self) -> str:
        return {"高齢": "elderly", "障がい": "disability", "子ども": "children", "生活困窮": "poverty"}[self.value]


class Necessity(enum.Enum):
    """Whether 本格実施 requires the clause (error when missing) or only expects it (warning)."""

    REQUIRED = "必須"
    EXPECTED = "想定"


@attrs.frozen
class LegalReference:
    """An article of a law, with the date from which this wording applies."""

    act: str
    article: str
    valid_from: _dt.date = TEXT_AS_OF

    def __str__(self) -> str:
        return f"{self.act}{self.article}"


@attrs.frozen(repr=False)
class Clause:
    """One item of 社会福祉法第106条の4第2項.

    ``number`` is the 号 (1–6); ``letter`` is イ/ロ/ハ/ニ or "" for a number without a letter.
    """

    number: int
    letter: str
    pillar: Pillar
    field: Field | None
    program: str
    program_en: str
    basis: LegalReference | None
    necessity: Necessity

    @property
    def label(self) -> str:
        """The clause as documents write it: 第1号イ, 第3号, 第6号."""
        return f"第{self.number}号{self.letter}"

    @property
    def key(self) -> str:
        """A short ASCII-free stable key: "1イ", "3", "6"."""
        return f"{self.number}{self.letter}"

    @property
    def citation(self) -> str:
        """The full statutory citation, e.g. 社会福祉法第106条の4第2項第1号イ."""
        return f"{ACT}{ARTICLE}{self.label}"

    @property
    def required(self) -> bool:
        return self.necessity is Necessity.REQUIRED

    def __repr__(self) -> str:
        return f"Clause({self.label!r})"

    def __str__(self) -> str:
        return self.label


def _ref(act: str, article: str) -> LegalReference:
    return LegalReference(act=act, article=article)


_KAIGO = "介護保険法"
_SOUGOU = "障害者の日常生活及び社会生活を総合的に支援するための法律"
_KODOMO = "子ども・子育て支援法"
_KONKYU = "生活困窮者自立支援法"

CLAUSES: tuple[Clause, ...] = (
    Clause(
        1,
        "イ",
        Pillar.CONSULTATION,
        Field.ELDERLY,
        "地域包括支援センターの運営",
        "operation of community general support centres",
        _ref(_KAIGO, "第115条の45第2項第1号から第3号まで"),
        Necessity.REQUIRED,
    ),
    Clause(
        1,
        "ロ",
        Pillar.CONSULTATION,
        Field.DISABILITY,
        "障害者相談支援事業",
        "consultation support for persons with disabilities",
        _ref(_SOUGOU, "第77条第1項第3号"),
        Necessity.REQUIRED,
    ),
    Clause(
        1,
        "ハ",
        Pillar.CONSULTATION,
        Field.CHILDREN,
        "利用者支援事業",
        "user support programme (children and child-rearing)",
        _ref(_KODOMO, "第59条第1号"),
        Necessity.REQUIRED,
    ),
    Clause(
        1,
        "ニ",
        Pillar.CONSULTATION,
        Field.POVERTY,
        "生活困窮者自立相談支援事業",
        "self-reliance consultation for people in need",
        _ref(_KONKYU, "第3条第2項各号"),
        Necessity.REQUIRED,
    ),
    Clause(
        2, "", Pillar.PARTICIPATION, None, "参加支援事業", "participation support programme", None, Necessity.REQUIRED
    ),
    Clause(
        3,
        "イ",
        Pillar.COMMUNITY,
        Field.ELDERLY,
        "地域介護予防活動支援事業",
        "community long-term-care prevention activities",
        _ref(_KAIGO, "第115条の45第1項第2号"),
        Necessity.REQUIRED,
    ),
    Clause(
        3,
        "ロ",
        Pillar.COMMUNITY,
        Field.ELDERLY,
        "生活支援体制整備事業",
        "daily-life support system development",
        _ref(_KAIGO, "第115条の45第2項第5号"),
        Necessity.REQUIRED,
    ),
    Clause(
        3,
        "ハ",
        Pillar.COMMUNITY,
        Field.DISABILITY,
        "地域活動支援センター事業",
        "community activity support centres",
        _ref(_SOUGOU, "第77条第1項第9号"),
        Necessity.REQUIRED,
    ),
    Clause(
        3,
        "ニ",
        Pillar.COMMUNITY,
        Field.CHILDREN,
        "地域子育て支援拠点事業",
        "community child-rearing support hubs",
        _ref(_KODOMO, "第59条第9号"),
        Necessity.REQUIRED,
    ),
    Clause(
        3,
        "",
        Pillar.COMMUNITY,
        Field.POVERTY,
        "生活困窮者支援等のための地域づくり事業",
        "community building for people in need (budget project under item 3)",
        None,
        Necessity.EXPECTED,
    ),
    Clause(
        4,
        "",
        Pillar.OUTREACH,
        None,
        "アウトリーチ等を通じた継続的支援事業",
        "continuous support through outreach",
        None,
        Necessity.REQUIRED,
    ),
    Clause(
        5,
        "",
        Pillar.COLLABORATION,
        None,
        "多機関協働事業",
        "multi-agency collaboration programme",
        None,
        Necessity.REQUIRED,
    ),
    Clause(6, "", Pillar.COLLABORATION, None, "支援プランの作成", "drawing up support plans", None, Necessity.REQUIRED),
)

_BY_KEY: Mapping[str, Clause] = {c.key: c for c in CLAUSES}


class ClauseError(JusouError, ValueError):
    """A text that names no clause of the registry; ``text`` is the offending part, ``reason_ja/en`` say why."""

    def __init__(self, text: str, *, reason_ja: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.text = text
        self.reason_ja = reason_ja
        self.reason_en = reason_en


def clause(key: str) -> Clause:
    """The registry entry for a canonical key or label ("1イ", "第1号イ", "3").

    >>> clause("第3号").field
    <Field.POVERTY: '生活困窮'>
    """
    (found,) = parse_clauses(key)
    return found


_KANJI_NUMBERS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_LETTERS = {"イ": "イ", "ロ": "ロ", "ハ": "ハ", "ニ": "ニ", "二": "ニ", "ホ": "ホ", "ヘ": "ヘ", "ト": "ト"}
_PREFIX = re.compile(r"^(?:社会福祉法)?(?:第?106条の4)?(?:第?2項)?")
_BRACKETS = str.maketrans("", "", "【】[]［］()（）〔〕「」")
_ITEM = re.compile(r"^第?(?P<number>[0-9一二三四五六七八九]+)号(?P<letter>.?)$")
_SEPARATORS = re.compile(r"、|・|,|，|及び|および|並びに|/|／")


def _normalise(text: str) -> str:
    """NFKC (full-width digits and spaces, half-width katakana), then drop spaces and brackets."""
    folded = unicodedata.normalize("NFKC", text)
    folded = "".join(folded.split())
    return folded.translate(_BRACKETS)


def _parse_item(part: str, original: str) -> Clause:
    text = _PREFIX.sub("", part)
    match = _ITEM.match(text)
    if match is None:
        raise ClauseError(
            original,
            reason_ja=f"「{original}」は社会福祉法第106条の4第2項の号として読めません（例: 第1号イ、第3号、第5号）",
            reason_en=f"'{original}' is not an item of Social Welfare Act art. 106-4(2) (e.g. 第1号イ, 第3号, 第5号)",
        )
    number = "".join(_KANJI_NUMBERS.get(ch, ch) for ch in match["number"])
    letter = _LETTERS.get(match["letter"], match["letter"])
    found = _BY_KEY.get(f"{int(number)}{letter}")
    if found is not None:
        return found
    label = f"第{int(number)}号{letter}"
    if int(number) == 1 and not letter:
        raise ClauseError(
            original,
            reason_ja="第1号はイ・ロ・ハ・ニのいずれかを付けて書きます（第1号イ〜第1号ニ）。"
            "第1号の事業をまとめる上位の事業なら、号ではなく「号全体: 第1号」と書き、各事業に「上位事業」を書きます",
            reason_en="item 1 needs its letter: 第1号イ, 第1号ロ, 第1号ハ or 第1号ニ; for a program that groups the "
            "item 1 programs, write 号全体: 第1号 instead, and 上位事業 on each of its programs",
        )
    raise ClauseError(
        original,
        reason_ja=f"{label}は社会福祉法第106条の4第2項にありません（第1号イ〜ニ、第2号、第3号・第3号イ〜ニ、第4号〜第6号）",
        reason_en=f"{label} does not exist in Social Welfare Act art. 106-4(2) (items 1イ–ニ, 2, 3, 3イ–ニ, 4–6)",
    )


def parse_clauses(text: str) -> tuple[Clause, ...]:
    """The clauses a document's spelling names, in order, without repeats.

    Accepts full-width digits and spaces, the kanji 二 for the letter ニ, brackets (【第1号イ】), the statute's
    prefix (社会福祉法第106条の4第2項第5号), lists joined by 、・, or 及び, and a bare letter continuing the item
    before it (第3号イ・ロ). Raises :class:`ClauseError` naming
    the first part that is not a clause.

    >>> [c.label for c in parse_clauses("第１号　イ")]
    ['第1号イ']
    >>> parse_clauses("第7号")
    Traceback (most recent call last):
    ...
    jusou_spec.law.ClauseError: 第7号 does not exist in Social Welfare Act art. 106-4(2) (items 1イ–ニ, 2, 3, 3イ–ニ, 4–6)
    """
    normalised = _normalise(text)
    if not normalised:
        raise ClauseError(text, reason_ja="号が空です", reason_en="the clause is empty")
    found: list[Clause] = []
    for part in _SEPARATORS.split(normalised):
        if not part:
            continue
        if found and part in _LETTERS and found[-1].letter:
            # 第3号イ・ロ: a bare letter continues the previous item's number.
            part = f"第{found[-1].number}号{part}"
        item = _parse_item(part, part)
        if item not in found:
            found.append(item)
    if not found:
        raise ClauseError(text, reason_ja="号が空です", reason_en="the clause is empty")
    return tuple(found)


def spellings(item: Clause) -> Iterator[str]:
    """Spellings of ``item`` that real documents use; each parses back to ``item`` (tested as a property)."""
    digit_full = str.maketrans("0123456789", "０１２３４５６７８９")
    letters = [item.letter] + (["二"] if item.letter == "ニ" else [])
    for letter in letters:
        for number in (str(item.number), str(item.number).translate(digit_full)):
            for gap in ("", " ", "\u3000"):
                yield f"第{number}号{gap}{letter}"
                yield f"【第{number}号{gap}{letter}】"
                yield f"{ACT}{ARTICLE}第{number}号{letter}"


def items_of(number: int) -> tuple[Clause, ...]:
    """Every clause of the 号 ``number``, in the law's order: the lettered ones, then the one without a letter.

    >>> [c.label for c in items_of(3)]
    ['第3号イ', '第3号ロ', '第3号ハ', '第3号ニ', '第3号']
    """
    return tuple(c for c in CLAUSES if c.number == number)


WHOLE_NUMBERS = tuple(sorted({c.number for c in CLAUSES if c.letter}))
"""The 号 with lettered items (1 and 3): the only ones a whole-号 umbrella can stand for."""


def parse_whole_items(text: str) -> tuple[int, ...]:
    """The numbers of the whole 号 a spelling names (号全体: 第1号, 第１号, 【第1号・第3号】), without repeats.

    A bare 第3号 in ``号`` is the 生活困窮 community-building item; under 号全体 it is the whole of 第3号, which is
    why the whole 号 has its own key rather than a spelling of ``号``. Raises :class:`ClauseError` for a lettered
    item (第1号イ) or a 号 without lettered items (第2号, 第4号–第6号: there the 号 is the item itself).

    >>> parse_whole_items("第１号・第3号全体")
    (1, 3)
    >>> parse_whole_items("第2号")
    Traceback (most recent call last):
    ...
    jusou_spec.law.ClauseError: 第2号 has no lettered items; write it under 号
    """
    normalised = _normalise(text).replace("全体", "")
    found: list[int] = []
    for part in _SEPARATORS.split(normalised):
        if not part:
            continue
        match = _ITEM.match(_PREFIX.sub("", part))
        if match is None or match["letter"]:
            raise ClauseError(
                part,
                reason_ja=f"「{part}」は号全体として読めません。号全体には文字のない号を書きます（例: 第1号、第3号）",
                reason_en=f"'{part}' is not a whole item; under 号全体 write an item without its letter (第1号, 第3号)",
            )
        number = int("".join(_KANJI_NUMBERS.get(ch, ch) for ch in match["number"]))
        if number not in WHOLE_NUMBERS:
            label = f"第{number}号"
            if not items_of(number):
                raise ClauseError(
                    part,
                    reason_ja=f"{label}は社会福祉法第106条の4第2項にありません（号全体に書けるのは第1号・第3号）",
                    reason_en=f"{label} does not exist in Social Welfare Act art. 106-4(2) (号全体 takes 第1号 or 第3号)",
                )
            raise ClauseError(
                part,
                reason_ja=f"{label}にはイ・ロ・ハ・ニの区分がありません。号全体ではなく「号: {label}」と書きます"
                "（号全体は第1号・第3号だけ）",
                reason_en=f"{label} has no lettered items; write it under 号",
            )
        if number not in found:
            found.append(number)
    if not found:
        raise ClauseError(text, reason_ja="号全体が空です", reason_en="the whole item is empty")
    return tuple(found)
