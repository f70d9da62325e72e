"""The layers of docs/architecture.md hold: import-linter's contracts pass, and no import hides inside a function."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jusou_spec"

LAZY = (
    "networkx",
    "graphviz",
    "jusou_spec.graph",
    "jusou_spec.diagrams",
    "jusou_spec.schema._explain",
    "jusou_spec.commands._parallel",
    "jusou_spec.progress.series",
    "jusou_spec.indicator_table",
    "jusou_spec.comparison",
    "jusou_spec.changes",
    "jusou_spec.commands._corpus",
    "jusou_spec.commands._document_export",
    "jusou_spec.workbook.layout",
    "weasyprint",
    "jusou_spec.document",
    "openpyxl",
    "jusou_spec.workbook.read",
    "jusou_spec.workbook.write",
    "duckdb",
)
"""The only modules that may be imported inside a function: networkx and graphviz, heavy and needed only to draw,
and the package's modules that import them (or Jinja2) at their top; WeasyPrint, needed only for a PDF; openpyxl
(the excel extra) and the workbook reader and writer that import it, needed only for workbooks; duckdb (the
analysis extra), needed only by ``jusou export`` to DuckDB or Parquet (``jusou_spec/analysis/database.py``); the schema's
explaining engine (jsonschema), needed only for an invalid document; the process pool of ``jusou check --jobs``,
needed only for more than one job; and the indicator series (``jusou_spec.progress.series``) and the indicators
table, which the package, ``progress`` and ``jusou indicators`` load on first use because checking never needs them;
and the comparison of plans, the changes between versions and the export of many documents as tables
(``jusou_spec.comparison``, ``jusou_spec.changes``, ``jusou_spec.commands._corpus``), and the workbook layout with
the export of one document (``jusou_spec.workbook.layout``, ``jusou_spec.commands._document_export``), which the
package and their commands load on first use for the same reason. Everything else is imported at the top of a module; an import inside a function to dodge a cycle is a cycle (fix
the direction instead: see docs/architecture.md)."""


def _lint_imports() -> Path:
    script = Path(sys.executable).parent / "lint-imports"
    if not script.exists():
        pytest.fail("lint-imports is missing: install the dev extra (pip install -e '.[dev]'), as scripts/dev does")
    return script


def test_import_linter_contracts_are_kept():
    """`lint-imports` keeps every contract in pyproject.toml: layers, the light check path, private modules, no cycles."""
    result = subprocess.run([_lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _imported(node: ast.Import | ast.ImportFrom, module: str) -> list[str]:
    """The absolute names of the modules an import statement in ``module`` imports."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        return [node.module or ""]
    base = module.split(".")[: -node.level]
    return [".".join([*base, node.module] if node.module else base)]


def function_imports(source: str, module: str) -> Iterator[tuple[int, str]]:
    """Every import inside a function body in ``source``, as (line, imported module); ``module`` is the file's
    dotted path (``pkg.__init__`` for a package), against which relative imports are resolved.

    >>> list(function_imports("import os\\ndef f():\\n    from . import b\\n    import yaml\\n", "pkg.a"))
    [(3, 'pkg'), (4, 'yaml')]
    """

    def visit(node: ast.AST, in_function: bool) -> Iterator[tuple[int, str]]:
        for child in ast.iter_child_nodes(node):
            if in_function and isinstance(child, ast.Import | ast.ImportFrom):
                yield from ((child.lineno, name) for name in _imported(child, module))
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            yield from visit(child, inside)

    yield from visit(ast.parse(source), False)


def _dotted_path(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _is_lazy(name: str) -> bool:
    return any(name == allowed or name.startswith(allowed + ".") for allowed in LAZY)


def test_no_import_hides_inside_a_function():
    """Inside a function only networkx, graphviz and the modules wrapping them are imported; the rest at the top."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, name in function_imports(path.read_text(encoding="utf-8"), _dotted_path(path))
        if not _is_lazy(name)
    ]
    assert not found, "imports inside functions (move them to the top and fix the cycle they avoid):\n" + "\n".join(
        found
    )


def test_the_function_import_scan_sees_what_it_must():
    """The scan finds imports in nested functions and methods, resolves relative ones, and leaves module level alone."""
    source = (
        "try:\n    from yaml import CSafeLoader\nexcept ImportError:\n    pass\n"
        "class C:\n    def m(self):\n        def inner():\n            from ..model import Plan\n"
        "        import networkx\n"
    )
    found = list(function_imports(source, "jusou_spec.rules.x"))
    assert found == [(8, "jusou_spec.model"), (9, "networkx")]
    assert [_is_lazy(name) for _, name in found] == [False, True]
