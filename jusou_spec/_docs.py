"""Generating ``docs/schema.md`` and ``docs/rules.md`` from their single sources.

The schema reference comes from the schemas' titles and descriptions and the model's field declarations (so the
English attribute beside each Japanese key is the one the library really uses); the rule catalogue comes from the
rule modules' docstrings. Tests keep the committed files equal to what this module writes.

Run ``python -m jusou_spec._docs`` to regenerate both.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from jusou_spec import model, suppression
from jusou_spec.atomic import write_text_atomically
from jusou_spec.catalogue import BUILT_IN
from jusou_spec.resources import load_schema
from jusou_spec.rules import RULES, as_document, examples
from jusou_spec.schema import SYNONYMS, flow

__all__ = ["main", "rules_markdown", "schema_markdown"]

# Which model class holds each object of the schemas (top level and $defs).
MODEL_OF: Mapping[tuple[str, str], type] = {
    ("plan", ""): model.Plan,
    ("report", ""): model.Report,
    ("plan", "文書出典"): model.DocumentSource,
    ("plan", "自治体"): model.Municipality,
    ("plan", "記述"): model.Narrative,
    ("plan", "指標"): model.Indicator,
    ("plan", "目標値"): model.Target,
    ("plan", "関連計画"): model.RelatedPlan,
    ("plan", "番号付き項目"): model.NumberedItem,
    ("plan", "項目参照"): model.ItemReference,
    ("plan", "予定セル"): model.ScheduleCell,
    ("plan", "段階"): model.Phase,
    ("plan", "年度計画"): model.ItemSchedule,
    ("plan", "取組項目"): model.InitiativeItem,
    ("plan", "図"): model.Figure,
    ("plan", "取組"): model.Initiative,
    ("plan", "活動場所"): model.Site,
    ("plan", "連携先"): model.Partners,
    ("plan", "事業"): model.Program,
    ("plan", "名称変更"): model.Rename,
    ("plan", "会議"): model.Meeting,
    ("plan", "会議の流れ"): model.Flow,
    ("plan", "庁内連携体制"): model.CooperationMatrix,
    ("plan", "スケジュール"): model.ScheduleRow,
    ("plan", "対象事業"): model.ClauseTableRow,
    ("plan", "実施形態の年度"): model.ModePeriod,
    ("plan", "抑制"): model.Suppression,
    ("report", "内訳"): model.Breakdown,
    ("report", "内訳項目"): model.BreakdownItem,
    ("report", "実績"): model.Actual,
    ("report", "活動実績"): model.Activity,
    ("report", "表"): model.Table,
}


def _attribute_names(cls: type | None) -> dict[str, str]:
    if cls is None:
        return {}
    return {field.metadata["ja"]: field.name for field in attrs.fields(cls) if field.metadata.get("ja")}


def _kind(schema: Mapping[str, Any], inline: str = "") -> str:
    """The value a key takes, in words; an object written in place is named ``inline`` and listed below."""
    if "$ref" in schema:
        return "→ " + str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return " / ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return f"`{schema['const']}`"
    if "anyOf" in schema and schema.get("type") != "object":  # an object's anyOf only says which keys it needs
        return " または ".join(_kind(alt, inline) for alt in schema["anyOf"])
    if schema.get("type") == "array":
        return f"リスト（{_kind(schema.get('items', {}), inline)}）"
    if schema.get("type") == "object" and inline and "properties" in schema:
        return f"→ {inline}"
    return str(schema.get("type", ""))


def _inline_objects(schema: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """The objects written in place inside a key's schema (in a list, or as an alternative), not through $ref."""
    if not isinstance(schema, Mapping) or "$ref" in schema:
        return
    if schema.get("type") == "object" and "properties" in schema:
        yield schema
        return
    if "items" in schema:
        yield from _inline_objects(schema["items"])
    for alternative in schema.get("anyOf", []):
        yield from _inline_objects(alternative)


_EXAMPLE_WIDTH = 60
"""Examples longer than this are left to the schema (an editor shows them); the table stays readable."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _object_section(kind: str, name: str, schema: Mapping[str, Any], *, heading: str = "###") -> Iterator[str]:
    attributes = _attribute_names(MODEL_OF.get((kind, name)))
    required = set(schema.get("required", []))
    yield f"{heading} {name or schema.get('title', kind)}"
    yield ""
    if schema.get("title") and name:
        yield f"**{schema['title']}** — {schema.get('description', '')}".rstrip(" —")
        yield ""
    elif schema.get("description"):
        yield str(schema["description"])
        yield ""
    if "properties" not in schema:
        nested = list(_inline_objects(schema))
        inline = f"{name}（キーと値の組で書くとき）"
        yield f"値: {_kind(schema, inline if len(nested) == 1 else '')}"
        yield ""
        for inner in nested[:1]:
            yield from _object_section(kind, inline, inner, heading=heading + "#")
        return
    yield "| キー | 必須 | 属性 (Python) | 値 | 説明 |"
    yield "|---|---|---|---|---|"
    below: list[tuple[str, Mapping[str, Any]]] = []
    for key, sub in schema["properties"].items():
        if sub is True:
            continue
        nested = list(_inline_objects(sub))
        inline = f"{name}/{key}" if name else key
        description = f"{sub.get('title', '')}。{sub.get('description', '')}".strip("。")
        example = flow(sub["examples"][0]) if sub.get("examples") else ""
        if example and len(example) <= _EXAMPLE_WIDTH:
            description += f"。例: `{example}`"
        attribute = f"`{attributes[key]}`" if key in attributes else ""
        value = _kind(sub, inline if len(nested) == 1 else "")
        yield f"| `{key}` | {'○' if key in required else ''} | {attribute} | {_cell(value)} | {_cell(description)} |"
        below += [(inline, inner) for inner in nested[:1]]
    yield ""
    for inline, inner in below:
        yield from _object_section(kind, inline, inner, heading=heading + "#" if heading != "######" else heading)


def schema_markdown() -> str:
    """docs/schema.md: every object of both schemas, its keys, the Python attributes and the synonyms."""
    lines = [
        "# 文書の構造（スキーマ リファレンス）",
        "",
        "<!-- Generated by `python -m jusou_spec._docs` from schemas/*.schema.json and jusou_spec/model; do not edit. -->",
        "",
        "実施計画（`jusou: plan/1`）と実施状況報告（`jusou: report/1`）のキー、その Python 属性名、値の種類、説明です。",
        "値が出典にないところには `{未記載: 理由}` を書けます（「値」の欄に → 未記載 とある所）。",
        "",
        "## 同義語",
        "",
        "文書によって同じ概念を別の言葉で書きます。キーは一つに決め、ほかの言葉を使うとチェッカーが正しいキーを示します。",
        "",
        "| 文書の言葉 | キー |",
        "|---|---|",
        *(f"| {word} | `{key}` |" for word, key in SYNONYMS.items()),
        "",
    ]
    for kind in ("plan", "report"):
        schema = load_schema(kind)
        lines += [f"## {schema['title']}", "", f"`$id`: `{schema['$id']}`", ""]
        lines += list(_object_section(kind, "", schema))
        for name, definition in schema["$defs"].items():
            if kind == "report" and name in load_schema("plan")["$defs"]:
                continue  # shared definitions are listed once, under the plan
            lines += list(_object_section(kind, name, definition))
    return "\n".join(lines).rstrip() + "\n"


def rules_markdown() -> str:
    """docs/rules.md: every code (built-in checks in a table, rules with their docstrings and examples)."""
    lines = [
        "# 規則と検査コード（Rule catalogue）",
        "",
        "<!-- Generated by `python -m jusou_spec._docs` from jusou_spec/rules/*.py; do not edit. -->",
        "",
        "`jusou check` の各 finding はコード（例: CL001）を持ちます。コードは再利用しません。",
        "",
        "## 基本の検査（Built-in checks: loading, schema, model, engine, configuration）",
        "",
        "| code | name | severity | 説明 | description |",
        "|---|---|---|---|---|",
        *(
            f'| <a id="{c.code.lower()}"></a>{c.code} | `{c.name}` | {c.severity.value} | {c.title.ja} | {c.title.en} |'
            for c in sorted(BUILT_IN, key=lambda check: check.code)
        ),
        "",
        "## 抑制（Suppression）",
        "",
        *_literal_blocks(suppression.__doc__ or ""),
        "",
        "Only the rules below can be suppressed, chosen (`--select`, `--ignore`, `select`/`ignore` in `jusou.toml`) or",
        "re-graded (`[check.severity]`); the checks in the table above cannot: see [config.md](config.md).",
        "",
        "## 規則（Rules）",
        "",
        "| code | name | severity | 説明 | description |",
        "|---|---|---|---|---|",
        *(
            f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.check.severity.value} | {r.check.title.ja} | {r.check.title.en} |"
            for r in sorted(RULES, key=lambda r: r.code)
        ),
        "",
    ]
    for rule in sorted(RULES, key=lambda r: r.code):
        summary, _, body = rule.doc.partition("\n")
        summary_ja, _, body_ja = rule.doc_ja.partition("\n")
        lines += [
            f'### <a id="{rule.code.lower()}"></a>{rule.code} `{rule.name}` ({rule.check.severity.value})',
            "",
            f"**{rule.check.title.ja}** — {rule.check.title.en}",
            "",
            summary_ja or summary,
            "",
        ]
        if body_ja.strip():
            lines += [body_ja.strip(), ""]
        for example in examples(rule.doc):
            heading = "違反する例 (fails)" if not example.passes else "通る例 (passes)"
            label = f": {example.label}" if example.label else ""
            lines += [
                f"{heading}{label}",
                "",
                "```yaml",
                as_document(example, document=_doc_kind(rule)).rstrip(),
                "```",
                "",
            ]
        before_examples = body.split("\nFails", 1)[0].strip()
        lines += ["<details><summary>English</summary>", "", summary, ""]
        if before_examples:
            lines += [before_examples, ""]
        lines += ["</details>", ""]
    return "\n".join(lines).rstrip() + "\n"


def _literal_blocks(doc: str) -> list[str]:
    """A docstring's lines with each ``::`` literal block (a YAML example) as a fenced Markdown block."""
    lines: list[str] = []
    state = "text"
    for line in inspect.cleandoc(doc).splitlines():
        if state == "block" and line and not line.startswith("    "):
            while lines and not lines[-1]:
                lines.pop()
            lines += ["```", ""]
            state = "text"
        if state == "text" and line.endswith("::"):
            lines += [line[:-1], "", "```yaml"]
            state = "block"
            continue
        if state == "block" and lines[-1] == "```yaml" and not line:
            continue
        lines.append(line[4:] if state == "block" else line)
    if state == "block":
        while lines and not lines[-1]:
            lines.pop()
        lines.append("```")
    return lines


def _doc_kind(rule: Any) -> str:
    return "report" if rule.document == "report" else "plan"


def main(root: str | Path = ".") -> int:
    docs = Path(root) / "docs"
    write_text_atomically(docs / "schema.md", schema_markdown())
    write_text_atomically(docs / "rules.md", rules_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
