"""The rule catalogue: registry in step with the files, unique codes, documented examples that behave."""

from __future__ import annotations

from pathlib import Path

import pytest

from jusou_spec.catalogue import all_checks
from jusou_spec.checker import check_source
from jusou_spec.cli import main
from jusou_spec.rules import RULES, as_document, examples
from jusou_spec.source import parse_source

RULES_DIR = Path(__file__).resolve().parent.parent / "jusou_spec" / "rules"


def test_registry_lists_every_rule_module():
    """Each module in jusou_spec/rules/ (not starting with _) is registered exactly once, and nothing else is."""
    on_disk = sorted(p.stem for p in RULES_DIR.glob("*.py") if not p.stem.startswith("_"))
    assert sorted(rule.module for rule in RULES) == on_disk


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_a_rule_module_is_named_after_its_code_and_dotted_name(rule):
    """``grep CL001`` and the dotted name both land in one file: cl001_mandatory.py holds clauses.mandatory."""
    _, name = rule.name.split(".", 1)
    assert rule.module == f"{rule.code.lower()}_{name.replace('-', '_')}"


def test_codes_and_names_are_unique():
    """No two checks share a code or a dotted name."""
    checks = all_checks()
    assert len({c.code for c in checks}) == len(checks)
    assert len({c.name for c in checks}) == len(checks)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_each_rule_documents_why_with_examples_of_both_kinds(rule):
    """A rule's docstring says why and shows at least one failing and one passing example."""
    found = examples(rule.doc)
    assert any(not e.passes for e in found) and any(e.passes for e in found)
    assert rule.check.title.ja and rule.check.title.en


CASES = [(rule, example) for rule in RULES for example in examples(rule.doc)]


@pytest.mark.parametrize(
    ("rule", "example"), CASES, ids=[f"{r.code}-{'pass' if e.passes else 'fail'}-{i}" for i, (r, e) in enumerate(CASES)]
)
def test_documented_examples_behave_as_documented(rule, example):
    """A failing example yields the rule's code; a passing one does not; neither breaks the document."""
    kind = "report" if rule.document == "report" else "plan"
    checked = check_source(parse_source(as_document(example, document=kind), name="example.yaml"))
    codes = [f.code for f in checked.findings]
    assert not [f for f in checked.findings if f.code.startswith(("SR", "SV"))], checked.findings
    if example.passes:
        assert rule.code not in codes, checked.findings
    else:
        assert rule.code in codes, checked.findings


@pytest.mark.parametrize("code", ["CL001", "SR001", "IN006"])
def test_jusou_rules_code_names_the_module_that_declares_it(code, capsys):
    """``jusou rules CODE`` says which module holds the check, and that module's file declares the code."""
    assert main(["rules", "--lang", "en", code]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("defined in: "))
    module = line.removeprefix("defined in: ")
    path = RULES_DIR.parent.parent / (module.replace(".", "/") + ".py")
    assert f'"{code}"' in path.read_text(encoding="utf-8")
