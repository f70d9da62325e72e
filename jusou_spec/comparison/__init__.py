"""``jusou compare``: municipalities' plans side by side, read from the model (never from the YAML).

>>> import jusou_spec
>>> comparison = jusou_spec.compare(["plans/uozu.yaml", "tests/fixtures/mihon.yaml"])
>>> [m.plan.municipality.name for m in comparison.municipalities]
['魚津市', '見本市']
>>> [row.clause.label for row in comparison.coverage if not all(row.cells)]
[]

:func:`compare` gathers the plans (:mod:`.collect`), :mod:`.table` holds the comparison as values, :mod:`.words`
turns it into words in either language, and one module per format lays it out (:mod:`.text`, :mod:`.spreadsheet`,
:mod:`.markdown`; the HTML page is the council document's, ``jusou_spec.document.comparison``).
"""

from __future__ import annotations

from jusou_spec.comparison.collect import compare
from jusou_spec.comparison.markdown import as_markdown
from jusou_spec.comparison.spreadsheet import as_csv
from jusou_spec.comparison.table import Comparison, Gap, LeftOut, Municipality
from jusou_spec.comparison.text import as_text

__all__ = ["FORMATS", "Comparison", "Gap", "LeftOut", "Municipality", "as_csv", "as_markdown", "as_text", "compare"]

FORMATS = {"text": as_text, "csv": as_csv, "markdown": as_markdown}
"""The formats laid out here; ``html`` is the council document's (Jinja2), loaded by the command when asked for."""
