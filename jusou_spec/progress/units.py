"""Units of indicators as documents write them, compared without being fooled by spelling.

Documents write one unit several ways: ％ and %, 箇所 and か所 (ヶ所, カ所, ケ所), full-width and half-width
letters. Those are the same unit and must not be reported as a mismatch; 件 and 人 are different units and must.
Only spelling is folded here, never meaning: 回 and 件 stay different even where a document uses them loosely.
"""

from __future__ import annotations

import unicodedata

from jusou_spec.model import NotStated

__all__ = ["is_percent", "same_unit", "unit_key", "unit_text"]

_SPELLINGS = {
    "か所": "箇所",
    "ヶ所": "箇所",
    "ケ所": "箇所",
    "カ所": "箇所",
    "ヵ所": "箇所",
    "パーセント": "%",
}


def unit_text(unit: str | NotStated | None) -> str | None:
    """The unit as written, or None when it is absent or not stated."""
    return unit if isinstance(unit, str) else None


def unit_key(unit: str) -> str:
    """A unit's spelling folded (NFKC, spaces removed, synonyms of 箇所 and % joined).

    >>> unit_key("％"), unit_key("ヶ所"), unit_key("企業・団体")
    ('%', '箇所', '企業・団体')
    """
    folded = "".join(unicodedata.normalize("NFKC", unit).split())
    return _SPELLINGS.get(folded, folded)


def same_unit(left: str, right: str) -> bool:
    """Whether two written units are the same unit."""
    return unit_key(left) == unit_key(right)


def is_percent(unit: str | NotStated | None) -> bool:
    """Whether a unit is a percentage (the figures are then bounded by 0 and 100, and do not add up)."""
    text = unit_text(unit)
    return text is not None and unit_key(text) == "%"
