"""The loader and checker stay light: no networkx or graphviz on the path of `jusou check`."""

from __future__ import annotations

import json
import subprocess
import sys

from jusou_spec.commands.indicators import FORMAT_NAMES
from jusou_spec.indicator_table.formats import FORMATS


def test_checking_imports_neither_networkx_nor_graphviz():
    """Importing the package, loading and checking a plan leaves networkx and graphviz unimported."""
    code = (
        "import sys, jusou_spec; from jusou_spec import cli; "
        "jusou_spec.check('tests/fixtures/minimal-plan.yaml'); jusou_spec.load('tests/fixtures/minimal-plan.yaml'); "
        "cli.main(['rules']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('networkx', 'graphviz')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


LOADED_ON_USE = (
    "jsonschema",
    "jusou_spec.schema._explain",
    "jusou_spec.progress.series",
    "jusou_spec.indicator_table",
    "jusou_spec.commands._parallel",
    "multiprocessing",
    "concurrent.futures",
    "networkx",
    "graphviz",
    "jinja2",
    "weasyprint",
    "openpyxl",
    "jusou_spec.graph",
    "jusou_spec.diagrams",
    "jusou_spec.document",
    "jusou_spec.workbook.read",
    "jusou_spec.workbook.write",
    "jusou_spec.comparison",
    "jusou_spec.changes",
    "jusou_spec.analysis",
    "jusou_spec.commands._corpus",
    "jusou_spec.commands._document_export",
    "jusou_spec.workbook.layout",
    "jusou_spec.workbook.tables",
    "jusou_spec.workbook.cells",
    "duckdb",
)
"""What checking a valid plan in one process never imports: the explaining engine, the indicator series and table,
the process pool, and what the other commands run on (the graph, diagrams, rendering, workbooks, the comparison,
the changes between versions, the analysis tables). The command
modules themselves are imported to build the parser; what they use is loaded when they run."""


def _imported_after(code: str) -> list[str]:
    probe = f"import json, sys; {code}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return modules


def _any_of(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == name or m.startswith(name + ".") for name in names)]


def test_checking_a_valid_plan_imports_only_what_it_uses():
    """`jusou check` on a valid plan imports neither jsonschema, the indicator series and table, nor the pool."""
    modules = _imported_after("from jusou_spec import cli; cli.main(['check', 'tests/fixtures/minimal-plan.yaml'])")
    assert _any_of(modules, LOADED_ON_USE) == []


def test_an_invalid_document_loads_the_explaining_engine():
    """An invalid document is explained by jsonschema, the reference engine, imported for it."""
    code = "import jusou_spec.schema as s; s.validate('plan', {'jusou': 'plan/1'})"
    assert "jusou_spec.schema._explain" in _imported_after(code)


def test_the_indicators_command_loads_its_table_on_use():
    """`jusou indicators` still finds its table, charts and series, loaded when it runs; its formats are named."""
    assert tuple(sorted(FORMATS)) == FORMAT_NAMES
    modules = _imported_after(
        "from jusou_spec import cli; cli.main(['indicators', 'tests/fixtures/minimal-plan.yaml'])"
    )
    assert "jusou_spec.progress.series" in modules
