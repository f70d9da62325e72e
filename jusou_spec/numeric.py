"""Numbers as documents write them, read exactly: whole numbers as int, others as Decimal, never float.

This module is the one place a figure is parsed. The YAML walk asks it what a plain numeral (``10.2``, ``1.0e+3``)
is, and the model asks it what a figure given as text is (``"1,113"``, ``"１０"``, ``"12345678901234567890"``), so a
figure means the same whatever way it was written, and ``10.2`` is 102/10, not the nearest binary float.

A figure has a range: at most :data:`MAX_WHOLE_DIGITS` digits before the decimal point and
:data:`MAX_FRACTION_DIGITS` after it. A plan counts people, cases and yen; anything beyond that is a slip of the
keyboard (or an attack), and refusing it keeps every later computation (sums, rates, charts) cheap and exact. The
schemas state the same range (``$defs/数値``), so a figure outside it is an SV004 finding at its line.

>>> parse("1,113"), parse("１０"), parse(10), parse("10.20")
(1113, 10, 10, Decimal('10.20'))
>>> parse("12345678901234567890")
12345678901234567890
>>> in_range(10**30), in_range(10**30 - 1)
(False, True)
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from fractions import Fraction

__all__ = [
    "LIMIT",
    "MAX_FRACTION_DIGITS",
    "MAX_WHOLE_DIGITS",
    "Number",
    "NumberError",
    "decimals",
    "in_range",
    "parse",
    "round_half_up",
    "short",
]

Number = int | Decimal
"""A figure of a document: int when written whole, Decimal (exactly as written) otherwise."""

MAX_WHOLE_DIGITS = 30
"""Digits a figure may have before its decimal point (so its magnitude stays below 10³⁰)."""
MAX_FRACTION_DIGITS = 15
"""Digits a figure may have after its decimal point."""
LIMIT: int = 10**MAX_WHOLE_DIGITS
"""Every figure lies strictly between -LIMIT and LIMIT."""

_FOLD = str.maketrans({",": "", "，": "", "．": ".", "－": "-"})
_TEXT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


class NumberError(ValueError):
    """A value that is not a figure, or one outside the range; says why in Japanese and English."""

    def __init__(self, *, reason_ja: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason_ja = reason_ja
        self.reason_en = reason_en


def short(value: object, limit: int = 24) -> str:
    """A value for a message, cut to ``limit`` characters with its length said (never str() of a huge int).

    >>> short("1" * 401)
    '11111111111111111111111…（401文字）'
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 14_000:
        # str() refuses an int of more than 4,300 digits; say its size instead
        return f"{'-' if value < 0 else ''}10^{value.bit_length() * 30103 // 100000}（概数）"
    text = str(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}…（{len(text):,}文字）"


def in_range(value: Number) -> bool:
    """Whether ``value`` lies within the documented range (magnitude and decimal places)."""
    if isinstance(value, int):
        return -LIMIT < value < LIMIT
    if not value.is_finite():
        return False
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    return value.copy_abs() < LIMIT and -exponent <= MAX_FRACTION_DIGITS


def _range_error(shown: str) -> NumberError:
    return NumberError(
        reason_ja=f"「{shown}」は扱える数の範囲を超えています（小数点の前は{MAX_WHOLE_DIGITS}桁まで、"
        f"後は{MAX_FRACTION_DIGITS}桁まで）。桁を確かめてください",
        reason_en=f"'{shown}' is outside the range of figures (up to {MAX_WHOLE_DIGITS} digits before the decimal "
        f"point and {MAX_FRACTION_DIGITS} after it); check the digits",
    )


def parse(value: object) -> Number:
    """A figure from a document value (int, Decimal, or text such as "1,113", "１０", "10.2").

    Raises :class:`NumberError` for anything else, and for a figure outside the range. A float (only a library
    caller can pass one) is read by its shortest decimal spelling, which is what its writer typed.
    """
    if isinstance(value, bool):
        raise NumberError(reason_ja="真偽値は数ではありません", reason_en="true/false is not a figure")
    if isinstance(value, int):
        number: Number = value
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        number = _from_text(value)
    else:
        raise NumberError(reason_ja="数ではありません", reason_en="not a figure")
    if not in_range(number):
        raise _range_error(short(value))
    return number


def _from_text(text: str) -> Number:
    if len(text) > 4 * (MAX_WHOLE_DIGITS + MAX_FRACTION_DIGITS):
        raise _range_error(short(text))
    folded = unicodedata.normalize("NFKC", text).strip().translate(_FOLD)
    if not _TEXT.fullmatch(folded) and _out_of_range(folded):
        raise _range_error(short(text))
    if not _TEXT.fullmatch(folded):
        raise NumberError(
            reason_ja=f"「{short(text)}」は数として読めません（例: 10、1,113、10.5）",
            reason_en=f"'{short(text)}' is not a figure (e.g. 10, 1,113, 10.5)",
        )
    whole, _, fraction = folded.lstrip("-").partition(".")
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS or len(fraction) > MAX_FRACTION_DIGITS:
        raise _range_error(short(text))
    return Decimal(folded) if fraction else int(folded)


def _out_of_range(text: str) -> bool:
    """Whether ``text`` is a numeral in another notation (1.0e+308) that lies outside the range."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return False
    return value.is_finite() and not in_range(value)


def from_yaml_float(text: str) -> Decimal | None:
    """The exact value of a YAML float numeral (``10.2``, ``1_000.5``, ``1.0e+3``), or None when it lies outside
    the range (the walk then keeps the text, and the schema says why)."""
    if len(text) > 4 * (MAX_WHOLE_DIGITS + MAX_FRACTION_DIGITS):
        return None
    try:
        value = Decimal(text.replace("_", ""))
    except InvalidOperation:
        return None
    return value if in_range(value) else None


def round_half_up(value: Fraction | Number, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals, exactly, whatever its size (integer arithmetic: a Decimal
    division would round to the context's 28 digits, and quantize would refuse a result longer than that).

    >>> round_half_up(Fraction(100, 3), 1), round_half_up(Fraction(81, 2), 0), round_half_up(Fraction(-5, 2), 0)
    (Decimal('33.3'), Decimal('41'), Decimal('-3'))
    """
    exact = Fraction(value)
    scaled = abs(exact) * 10**places
    units = int(scaled + Fraction(1, 2))
    sign = "-" if exact < 0 and units else ""
    if places == 0:
        return Decimal(f"{sign}{units}")
    whole, fraction = divmod(units, 10**places)
    return Decimal(f"{sign}{whole}.{fraction:0{places}d}")


def decimals(value: Number) -> int:
    """How many decimal places a figure is written with (``33.3`` → 1, ``40`` → 0, ``40.0`` → 1)."""
    if isinstance(value, int):
        return 0
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
