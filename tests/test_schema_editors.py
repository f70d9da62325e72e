"""The schemas as editors read them: Ajv's strict mode compiles them, and every key documents itself."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from jusou_spec.resources import load_schema

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


def _keys(node, path="#"):
    """Every key a document can hold: (pointer into the schema, key, its schema), outside if/then/not."""
    if isinstance(node, dict):
        properties = node.get("properties")
        conditional = any(part in ("if", "then", "else", "not") for part in path.split("/"))
        if isinstance(properties, dict) and not conditional:
            for key, sub in properties.items():
                if sub is not True:
                    yield f"{path}/properties/{key}", key, sub
        for name, sub in node.items():
            yield from _keys(sub, f"{path}/{name}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _keys(sub, f"{path}/{index}")


def _nodes(node, path="#"):
    if isinstance(node, dict):
        yield path, node
        for name, sub in node.items():
            yield from _nodes(sub, f"{path}/{name}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _nodes(sub, f"{path}/{index}")


JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize("kind", ["plan", "report"])
def test_every_key_has_a_japanese_title_description_and_examples(kind):
    """Hover help and completion: each key carries a Japanese title, a non-empty description and examples."""
    lacking = []
    for where, _key, sub in _keys(load_schema(kind)):
        for keyword in ("title", "description"):
            if not (isinstance(sub.get(keyword), str) and JAPANESE.search(sub[keyword])):
                lacking.append(f"{where}: {keyword}")
        if not (isinstance(sub.get("examples"), list) and sub["examples"]):
            lacking.append(f"{where}: examples")
    assert lacking == [], f"{len(lacking)} keys lack a Japanese title, description or examples"


@pytest.mark.parametrize("kind", ["plan", "report"])
def test_no_description_is_empty(kind):
    """An empty description shows an empty hover; every description and every object's own one says something."""
    empty = [
        where
        for where, node in _nodes(load_schema(kind))
        if ("description" in node and not str(node["description"]).strip())
        or (
            isinstance(node.get("properties"), dict)
            and any(sub is not True for sub in node["properties"].values())
            and not any(part in ("if", "then", "else", "not") for part in where.split("/"))
            and not node.get("description")
        )
    ]
    assert empty == []


@pytest.mark.parametrize("kind", ["plan", "report"])
def test_every_example_is_valid_where_it_is_given(kind):
    """An example an editor offers is accepted by the key's own schema (an example that fails would mislead)."""
    document = load_schema(kind)
    root = jsonschema.Draft202012Validator(document)
    wrong = []
    for where, node in _nodes(document):
        examples = node.get("examples")
        if isinstance(examples, list) and "properties" not in where.rsplit("/", 1)[-1]:
            own = root.evolve(schema={name: value for name, value in node.items() if name != "examples"})
            wrong += [f"{where}: {example!r}" for example in examples if not own.is_valid(example)]
    assert wrong == []


@pytest.mark.parametrize("kind", ["plan", "report"])
def test_every_pattern_has_a_short_japanese_message_for_editors(kind):
    """A pattern that fails shows ``patternErrorMessage`` in the editor, in Japanese words, not the regex."""
    lacking = [
        where
        for where, node in _nodes(load_schema(kind))
        if "pattern" in node
        and not (
            isinstance(node.get("patternErrorMessage"), str)
            and JAPANESE.search(node["patternErrorMessage"])
            and len(node["patternErrorMessage"]) <= 120
        )
    ]
    assert lacking == []


def test_the_year_pattern_says_how_a_year_is_written():
    """The year's pattern message gives three spellings rather than its 600-character regex."""
    year = load_schema("plan")["$defs"]["年度"]["anyOf"][0]
    assert year["patternErrorMessage"] == "R6、令和6年度、2024年度 のように書きます"


def test_the_schema_reference_lists_the_keys_of_every_object():
    """docs/schema.md names no value as a bare "object": each object written in place has its own table of keys."""
    reference = (ROOT / "docs/schema.md").read_text(encoding="utf-8")
    assert not re.search(r"\bobject\b", reference)
    for heading in ("指標/基準値", "会議/機能", "会議/類型", "実施方式（キーと値の組で書くとき）"):
        assert f"### {heading}\n" in reference
