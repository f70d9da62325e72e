"""The loader and checker stay light: no networkx or graphviz on the path of `jusou check`."""

from __future__ import annotations

import subprocess
import sys


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
