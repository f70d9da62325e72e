"""Generated documentation stays in step with its sources."""

from __future__ import annotations

from pathlib import Path

from jusou_spec._docs import rules_markdown, schema_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_schema_reference_is_generated_from_the_schemas():
    """docs/schema.md equals what `python -m jusou_spec._docs` writes (regenerate it when the schema changes)."""
    assert (ROOT / "docs/schema.md").read_text(encoding="utf-8") == schema_markdown()


def test_rule_catalogue_is_generated_from_the_rules():
    """docs/rules.md equals what `python -m jusou_spec._docs` writes (regenerate it when a rule changes)."""
    assert (ROOT / "docs/rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_schema_reference_names_every_key_and_its_attribute():
    """Every top-level plan key appears, and keys with a model field show the Python attribute."""
    text = schema_markdown()
    for key, attribute in (("所管課", "departments"), ("成果目標", "indicators"), ("会議の流れ", "flows")):
        assert f"| `{key}` |" in text and f"`{attribute}`" in text
