"""Properties of the model over generated schema-valid documents: validity, round trips, rules never raise."""

from __future__ import annotations

from hypothesis import given

from jusou_spec import schema
from jusou_spec.checker import check_plan
from jusou_spec.model import Plan

from .strategies import plans


@given(plans())
def test_generated_plans_are_schema_valid(document):
    """The strategy itself produces only documents the schema accepts (so the other properties mean something)."""
    assert schema.validate("plan", document) == []


@given(plans())
def test_model_round_trips_through_its_document_form(document):
    """Property: building, writing back and building again gives an equal plan."""
    plan, _ = Plan.from_document(document)
    again, findings = Plan.from_document(plan.to_document())
    assert findings == []
    assert again == plan
    assert schema.validate("plan", plan.to_document()) == []


@given(plans())
def test_no_rule_raises_on_a_valid_plan(document):
    """Property: every rule runs to completion on any schema-valid plan (no internal-error finding)."""
    plan, _ = Plan.from_document(document)
    findings = check_plan(plan)
    assert not [f for f in findings if f.code == "JS900"], findings
    assert all(f.message.ja and f.message.en for f in findings)


@given(plans())
def test_no_rule_raises_through_the_whole_pipeline(document):
    """Property: from YAML text through loader, schema, model, every rule and the suppressions, a schema-valid plan
    gives located findings in both languages and never an internal error."""
    import yaml

    from jusou_spec.checker import check_source
    from jusou_spec.source import parse_source

    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    checked = check_source(parse_source(text, name="generated.yaml"))
    assert checked.document is not None, checked.findings
    assert not [f for f in checked.findings if f.code in ("JS900",) or f.code.startswith(("SR", "SV"))], (
        checked.findings
    )
    assert all(f.line and f.column and f.message.ja and f.message.en for f in checked.findings)
