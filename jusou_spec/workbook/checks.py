"""The checks of reading and writing workbooks (XL), declared apart from the code that needs openpyxl, so that the
catalogue lists them without importing it."""

from __future__ import annotations

from jusou_spec.findings import Check, Message, Severity

__all__ = [
    "CHECKS",
    "DATE",
    "FORMULA",
    "FULLWIDTH",
    "MERGED",
    "REFUSED",
    "ROW_NUMBER",
    "UNKNOWN",
    "UNREADABLE",
    "UNREPRESENTABLE",
]


def _check(code: str, name: str, ja: str, en: str, severity: Severity = Severity.ERROR) -> Check:
    return Check(code=code, name=f"workbook.{name}", severity=severity, title=Message(ja=ja, en=en))


UNREADABLE = _check("XL001", "unreadable", "ワークブック（.xlsx）として読めない", "Not a readable .xlsx workbook")
REFUSED = _check(
    "XL002",
    "refused",
    "安全のため読まないワークブック（マクロ、外部リンク、大きすぎる内容）",
    "Workbook refused for safety (macros, external links, too large)",
)
DATE = _check("XL003", "date", "年度や文字の欄に日付", "A date where a fiscal year or text is expected")
MERGED = _check("XL004", "merged", "結合されたセル", "Merged cells")
FORMULA = _check("XL005", "formula", "計算結果のない数式", "A formula without a computed value")
FULLWIDTH = _check(
    "XL006", "fullwidth-number", "全角数字の文字列で入力された数値", "A number typed as text in full-width digits",
    Severity.WARNING,
)  # fmt: skip
UNKNOWN = _check("XL007", "unknown", "読み込めないシート・列", "A sheet or column the workbook layout does not have")
ROW_NUMBER = _check("XL008", "row-number", "行の番号の誤り", "A row number that places no row")
UNREPRESENTABLE = _check("XL009", "unrepresentable", "セルに書けない値", "A value that cannot be written to a cell")

CHECKS: tuple[Check, ...] = (
    UNREADABLE,
    REFUSED,
    DATE,
    MERGED,
    FORMULA,
    FULLWIDTH,
    UNKNOWN,
    ROW_NUMBER,
    UNREPRESENTABLE,
)
BY_CODE = {check.code: check for check in CHECKS}
