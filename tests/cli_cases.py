"""The golden-file cases of the CLI, shared by the tests and by `scripts/regenerate` (which rewrites them)."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

import attrs

from jusou_spec.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


@attrs.frozen
class Case:
    name: str
    argv: tuple[str, ...]
    in_empty_folder: bool = False
    """Run in a new empty folder instead of the repository's top folder (for commands that write files there)."""


GOLDEN_CASES = (
    Case("check-findings-text-ja", ("check", "tests/fixtures/findings-plan.yaml")),
    Case("check-findings-text-en", ("check", "--lang", "en", "tests/fixtures/findings-plan.yaml")),
    Case("check-findings-json", ("check", "--format", "json", "tests/fixtures/findings-plan.yaml")),
    Case("check-findings-github", ("check", "--format", "github", "--lang", "en", "tests/fixtures/findings-plan.yaml")),
    Case("check-minimal-text", ("check", "tests/fixtures/minimal-plan.yaml")),
    Case("check-severities-text-ja", ("check", "tests/fixtures/severities/plan.yaml")),
    Case("check-severities-text-en", ("check", "--lang", "en", "tests/fixtures/severities/plan.yaml")),
    Case("check-severities-json", ("check", "--format", "json", "tests/fixtures/severities/plan.yaml")),
    Case("check-severities-github", ("check", "--format", "github", "tests/fixtures/severities/plan.yaml")),
    Case("check-severities-sarif", ("check", "--format", "sarif", "tests/fixtures/severities/plan.yaml")),
    Case("check-severities-junit", ("check", "--format", "junit", "tests/fixtures/severities/plan.yaml")),
    Case("rules-ja", ("rules",)),
    Case("rules-en", ("rules", "--lang", "en")),
    Case("indicators-bundled-text-ja", ("indicators", "plans", "reports", "examples")),
    Case("indicators-bundled-text-en", ("indicators", "--lang", "en", "plans", "reports", "examples")),
    Case("indicators-bundled-json", ("indicators", "--format", "json", "plans", "reports", "examples")),
    Case("indicators-fixture-text-ja", ("indicators", "tests/fixtures/indicators")),
    Case(
        "indicators-fixture-as-of-r7-en", ("indicators", "--lang", "en", "--as-of", "R7", "tests/fixtures/indicators")
    ),
    Case("indicators-fixture-csv", ("indicators", "--format", "csv", "tests/fixtures/indicators")),
    Case("compare-bundled-text-ja", ("compare", "plans", "reports", "tests/fixtures/mihon.yaml")),
    Case("compare-bundled-text-en", ("compare", "--lang", "en", "plans", "reports", "tests/fixtures/mihon.yaml")),
    Case("compare-bundled-csv", ("compare", "--format", "csv", "plans", "reports", "tests/fixtures/mihon.yaml")),
    Case(
        "compare-bundled-markdown", ("compare", "--format", "markdown", "plans", "reports", "tests/fixtures/mihon.yaml")
    ),
    Case("init-ja", ("init",), in_empty_folder=True),
    Case("init-folder-en", ("init", "--lang", "en", "plans-repo"), in_empty_folder=True),
    Case(
        "new-transition",
        (
            "new",
            "--name",
            "見本市",
            "--prefecture",
            "見本県",
            "--period",
            "R7～R11",
            "--mode",
            "R7:移行準備事業,R8～R11:本格実施",
        ),
    ),
    Case("new-from-uozu", ("new", "--name", "見本市", "--period", "R9～R13", "--from", "plans/uozu.yaml")),
    Case("diff-ashiya-text-ja", ("diff", "plans/ashiya.yaml", "tests/fixtures/diff/ashiya-revised.yaml")),
    Case(
        "diff-ashiya-text-en", ("diff", "--lang", "en", "plans/ashiya.yaml", "tests/fixtures/diff/ashiya-revised.yaml")
    ),
    Case(
        "diff-ashiya-json", ("diff", "--format", "json", "plans/ashiya.yaml", "tests/fixtures/diff/ashiya-revised.yaml")
    ),
    Case(
        "diff-ashiya-markdown",
        ("diff", "--format", "markdown", "plans/ashiya.yaml", "tests/fixtures/diff/ashiya-revised.yaml"),
    ),
    Case("diff-same-text-ja", ("diff", "plans/uozu.yaml", "plans/uozu.yaml")),
    Case("diff-kinds-en", ("diff", "--lang", "en", "--list-kinds")),
    Case("show-minimal", ("show", "tests/fixtures/minimal-plan.yaml")),
)


def run_case(case: Case) -> tuple[int, str]:
    """Exit code and standard output of one case, run from the repository's top folder."""
    out = io.StringIO()
    previous = Path.cwd()
    with tempfile.TemporaryDirectory() as empty:
        os.chdir(empty if case.in_empty_folder else ROOT)
        try:
            with contextlib.redirect_stdout(out):
                code = main(list(case.argv))
        finally:
            os.chdir(previous)
    return code, out.getvalue()


def regenerate() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for case in GOLDEN_CASES:
        code, output = run_case(case)
        (GOLDEN / f"{case.name}.txt").write_text(f"exit {code}\n{output}", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
