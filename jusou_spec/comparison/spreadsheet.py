"""The comparison as CSV for a spreadsheet: one row per value (section, row, municipality, value, detail), UTF-8
with a byte-order mark so that Excel opens the Japanese text as it is, as ``jusou indicators --format csv`` does."""

from __future__ import annotations

import csv
import io

from jusou_spec.comparison.table import Comparison
from jusou_spec.comparison.words import records

__all__ = ["CSV_BOM", "as_csv"]

CSV_BOM = "\ufeff"

_HEADERS = {
    "ja": ("区分", "項目", "自治体", "値", "詳細"),
    "en": ("section", "item", "municipality", "value", "detail"),
}


def as_csv(comparison: Comparison, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_HEADERS["en" if lang == "en" else "ja"])
    for record in records(comparison, lang):
        writer.writerow((record.section, record.item, record.municipality, record.value, record.detail))
    return CSV_BOM + out.getvalue()
