"""The schemas as editors read them: Ajv's strict mode compiles them, and every key documents itself."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = [ROOT / "schemas/plan.schema.json", ROOT / "schemas/report.schema.json"]


def test_both_schemas_compile_under_ajv_strict_mode_with_the_editor_keywords():
    """Ajv 2020 in strict mode (strictRequired, strictTypes …) compiles both schemas; the editor keywords are known."""
    node = shutil.which("node")
    assert node, "Node.js is missing: scripts/dev installs it with the npm test clients"
    assert (ROOT / "node_modules/ajv").is_dir(), "Ajv is missing: scripts/dev installs it (npm ci)"
    result = subprocess.run(
        [node, str(ROOT / "tests/ajv_strict.cjs"), *map(str, SCHEMAS)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("ok ") == len(SCHEMAS)


@pytest.mark.parametrize("keyword", ["markdownDescription", "patternErrorMessage", "defaultSnippets"])
def test_the_strict_test_registers_the_editor_keywords(keyword):
    """The node script names the keywords yaml-language-server reads, so a schema may use them under strict mode."""
    assert f'"{keyword}"' in (ROOT / "tests/ajv_strict.cjs").read_text(encoding="utf-8")
