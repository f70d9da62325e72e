"""The tables of ``jusou export DIR… -o corpus.duckdb``: names, columns, SQL types, and each column's Japanese key.

A column that holds a document's value names its place in English attribute steps of the model (``"programs",
"*", "departments", "*"``); its Japanese key (``事業/*/所管課/*``) is asked of the model (:func:`pointer_in`), so the
model stays the one place that spells the document's keys. A derived column (a key, a count, a resolved reference)
has no Japanese key. Every table ends with the source position of its row (file, line, column, JSON pointer).
"""

from __future__ import annotations

import attrs

from jusou_spec.model import Plan, Report, pointer_in

__all__ = ["COLUMNS", "POSITION", "TABLES", "Column", "Table", "column_rows", "table"]


@attrs.frozen
class Column:
    name: str
    type: str
    """The DuckDB type (VARCHAR, INTEGER, DOUBLE, BOOLEAN, VARCHAR[])."""
    description: str
    japanese_key: str | None = None


@attrs.frozen
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _japanese(document: type, steps: tuple[str, ...]) -> str:
    """The Japanese key path of ``steps`` from the document's root, ``*`` for any item of a list."""
    tokens = pointer_in(document, *(0 if step == "*" else step for step in steps)).split("/")[1:]
    return "/".join("*" if step == "*" else token for step, token in zip(steps, tokens, strict=True))


def _column(name: str, kind: str, description: str, *steps: str, document: type = Plan) -> Column:
    return Column(name, kind, description, _japanese(document, steps) if steps else None)


def _report(name: str, kind: str, description: str, *steps: str) -> Column:
    return _column(name, kind, description, *steps, document=Report)


POSITION = (
    Column("source_file", "VARCHAR", "the document's key: its path relative to the folder given, with the folder"),
    Column("source_line", "INTEGER", "1-based line of the row's value in the file (a workbook: the cell's row)"),
    Column("source_column", "INTEGER", "1-based column of the row's value in the file"),
    Column("source_pointer", "VARCHAR", "JSON pointer (RFC 6901) of the row's value in the document"),
)
"""The last four columns of every table."""

_V, _I, _D, _B, _L = "VARCHAR", "INTEGER", "DOUBLE", "BOOLEAN", "VARCHAR[]"
_PLAN_KEY = Column("plan_key", _V, "the plan's key (plans.plan_key)")
_PROGRAM_KEY = Column("program_key", _V, "the program's key: plan_key#program id (programs.program_key)")
_NOT_STATED = "the reason the source gives for not stating it ({未記載: 理由}), else NULL"


def table(name: str, description: str, *columns: Column) -> Table:
    return Table(name, description, (*columns, *POSITION))


TABLES: tuple[Table, ...] = (
    table(
        "documents",
        "every file exported, modelled or not, with its kind and its count of findings",
        Column("document_key", _V, "the file's path relative to the folder given, with the folder (plans/a.yaml)"),
        _column("kind", _V, "plan or report (the marker jusou: plan/1, report/1)", "marker"),
        Column("modelled", _B, "whether the document was valid enough to be modelled (else only findings)"),
        Column("errors", _I, "findings of severity error"),
        Column("warnings", _I, "findings of severity warning"),
        Column("infos", _I, "findings of severity info"),
        Column("municipality_key", _V, "municipalities.municipality_key"),
    ),
    table(
        "municipalities",
        "each municipality once, at the first document that names it",
        Column("municipality_key", _V, "都道府県/名称; for an unnamed one 未記載:<document_key>"),
        _column("prefecture", _V, "the prefecture (都道府県)", "municipality", "prefecture"),
        _column("name", _V, "the municipality's name; NULL when not stated", "municipality", "name"),
        Column("name_not_stated", _V, _NOT_STATED),
    ),
    table(
        "plans",
        "one row per plan (jusou: plan/1)",
        Column("plan_key", _V, "the plan's document_key"),
        Column("municipality_key", _V, "municipalities.municipality_key"),
        _column("title", _V, "the plan's title", "title"),
        _column("period", _V, "the plan period as written after normalisation (R7～R11)", "period"),
        Column("period_start", _I, "first fiscal year of the period (western year: 2025 = 令和7年度)"),
        Column("period_end", _I, "last fiscal year of the period (NULL when open)"),
        Column("period_not_stated", _V, _NOT_STATED),
        Column("first_full_year", _I, "the first year of the plan run as 本格実施 (NULL: none)"),
        Column("transition_years", _I, "the number of the plan's years run as 移行準備事業"),
        Column("program_count", _I, "the number of programs (事業)"),
        _column("source_document", _V, "the document it was transcribed from", "source", "title"),
    ),
    table(
        "plan_years",
        "each fiscal year of each plan, with how the project runs in it (実施形態)",
        _PLAN_KEY,
        Column("fiscal_year", _I, "the fiscal year (western year it starts in)"),
        Column("fiscal_year_label", _V, "the fiscal year as the documents write it (R7)"),
        _column("mode", _V, "本格実施 or 移行準備事業; NULL when the plan does not say", "modes", "*", "mode"),
    ),
    table(
        "reports",
        "one row per status report (jusou: report/1)",
        Column("report_key", _V, "the report's document_key"),
        Column("municipality_key", _V, "municipalities.municipality_key"),
        _report("title", _V, "the report's title", "title"),
        Column("year_start", _I, "first fiscal year reported"),
        Column("year_end", _I, "last fiscal year reported"),
        _report("plan_file", _V, "the plan file the report names, relative to the report", "plan", "file"),
        Column("plan_key", _V, "that plan's key, as it would be exported beside the report (NULL: no plan)"),
    ),
    table(
        "programs",
        "one row per program (事業) of a plan",
        _PROGRAM_KEY,
        _PLAN_KEY,
        _column("program_id", _V, "the program's id in its plan", "programs", "*", "id"),
        _column("name", _V, "the program's name", "programs", "*", "name"),
        Column("label", _V, "name with its variant, as the documents list it: 利用者支援事業（特定型）"),
        _column("variant", _V, "the program's variant (類型)", "programs", "*", "variant"),
        _column("section", _V, "the plan's own grouping (区分)", "programs", "*", "section"),
        _column("field", _V, "the field of the existing scheme (分野)", "programs", "*", "field"),
        _column("umbrella_id", _V, "the id of the umbrella program it is grouped under", "programs", "*", "umbrella"),
        Column("umbrella_key", _V, "that umbrella's program_key"),
        Column("is_umbrella", _B, "whether it groups others (号全体, or named as 上位事業): it covers no 号 itself"),
        _column("related_only", _B, "a related program, not part of the project", "programs", "*", "related_only"),
        Column("year_start", _I, "first fiscal year it runs (NULL: the whole plan)"),
        Column("year_end", _I, "last fiscal year it runs (NULL: open or the whole plan)"),
        Column("delivery_not_stated", _V, "why 実施方式 is not stated ({未記載: 理由}), else NULL"),
        Column("departments_not_stated", _V, "why 所管課 is not stated ({未記載: 理由}), else NULL"),
    ),
    table(
        "program_clauses",
        "the clauses (号) each program carries, and for an umbrella the items of its whole 号",
        _PROGRAM_KEY,
        _PLAN_KEY,
        Column("ordinal", _I, "the clause's place in the program's list (0-based)"),
        _column("clause", _V, "the clause as documents write it (第1号イ)", "programs", "*", "clauses", "*"),
        Column("clause_order", _I, "the clause's place in the law (第1号イ = 0 … 第6号), for sorting"),
        Column("clause_number", _I, "the 号 (1–6)"),
        Column("clause_letter", _V, "イ/ロ/ハ/ニ, or empty"),
        Column("pillar", _V, "the pillar of the clause (相談支援, 参加支援, 地域づくり, アウトリーチ等, 多機関協働)"),
        Column("clause_field", _V, "the field of the clause (高齢, 障がい, 子ども, 生活困窮), NULL for none"),
        Column("required", _B, "whether 本格実施 requires the clause"),
        _column("via_whole", _B, "carried through 号全体 by an umbrella (not covered by it)", "programs", "*", "whole"),
    ),
    table(
        "delivery",
        "how each program is delivered (実施方式), one row per way and years",
        _PROGRAM_KEY,
        _PLAN_KEY,
        Column("ordinal", _I, "the entry's place in the program's 実施方式 (0-based)"),
        _column("mode", _V, "直営, 委託, 補助金 or その他", "programs", "*", "delivery", "*", "mode"),
        Column("year_start", _I, "first fiscal year of this way (NULL: all years)"),
        Column("year_end", _I, "last fiscal year of this way (NULL: open or all years)"),
        _column("contractors", _L, "named contractors", "programs", "*", "delivery", "*", "contractors"),
        Column("contractors_not_stated", _I, "contractors mentioned without a name"),
        _column("contractor_type", _V, "kind of contractor", "programs", "*", "delivery", "*", "contractor_type"),
        _column("recipients", _L, "named grant recipients", "programs", "*", "delivery", "*", "recipients"),
        _column("recipient_type", _V, "kind of recipient", "programs", "*", "delivery", "*", "recipient_type"),
    ),
    table(
        "departments",
        "the departments in charge of each program (所管課)",
        _PROGRAM_KEY,
        _PLAN_KEY,
        Column("ordinal", _I, "the department's place in the program's list (0-based)"),
        _column("department", _V, "the department's name", "programs", "*", "departments", "*"),
    ),
    table(
        "indicators",
        "the indicators of plans (成果目標 of a program) and reports (their own 指標)",
        Column("indicator_key", _V, "document_key#indicator id"),
        Column("document_key", _V, "documents.document_key"),
        Column("program_key", _V, "the program it measures (NULL for a report's own indicator)"),
        _column(
            "indicator_id",
            _V,
            "the indicator's id, by which reports refer to it",
            "programs",
            "*",
            "indicators",
            "*",
            "id",
        ),
        _column("name", _V, "the indicator's name", "programs", "*", "indicators", "*", "name"),
        _column("unit", _V, "its unit", "programs", "*", "indicators", "*", "unit"),
        _column(
            "direction",
            _V,
            "which way it improves (増加, 減少, 範囲, 一致)",
            "programs",
            "*",
            "indicators",
            "*",
            "direction",
        ),
        Column("is_ratio", _B, "whether it is a ratio (分子 over 分母)"),
        Column("baseline_year", _I, "the baseline's fiscal year"),
        Column("baseline_value", _D, "the baseline figure"),
        Column("targets_not_stated", _V, "why 目標 is not stated ({未記載: 理由}), else NULL"),
    ),
    table(
        "targets",
        "each target figure of an indicator (a plan's, or a report's own)",
        Column("indicator_key", _V, "indicators.indicator_key"),
        Column("document_key", _V, "the plan (or report) that states the target"),
        Column("program_key", _V, "the program whose indicator it is (NULL for a report's own indicator)"),
        Column("ordinal", _I, "the target's place in the indicator's list (0-based)"),
        Column("year_start", _I, "first fiscal year the target is for"),
        Column("year_end", _I, "last fiscal year the target is for"),
        _column(
            "value",
            _D,
            "the stated figure (NULL when only its parts are given)",
            "programs",
            "*",
            "indicators",
            "*",
            "targets",
            "*",
            "value",
        ),
        Column("value_exact", _V, "the stated figure exactly, as a decimal text"),
        _column(
            "comparison", _V, "以上, 以下, 未満 or 超", "programs", "*", "indicators", "*", "targets", "*", "comparison"
        ),
        _column("upper", _D, "the upper bound of a range", "programs", "*", "indicators", "*", "targets", "*", "upper"),
        _column(
            "unit",
            _V,
            "the target's own unit, when not the indicator's",
            "programs",
            "*",
            "indicators",
            "*",
            "targets",
            "*",
            "unit",
        ),
        _column(
            "original",
            _V,
            "the target as the source writes it",
            "programs",
            "*",
            "indicators",
            "*",
            "targets",
            "*",
            "original",
        ),
    ),
    table(
        "actuals",
        "each actual figure of a report, for one indicator and one fiscal year",
        Column("report_key", _V, "reports.report_key"),
        _report("indicator_id", _V, "the indicator's id", "actuals", "*", "indicator"),
        Column("indicator_key", _V, "the indicator's key: the report's own, else its plan's (NULL: not found)"),
        Column("fiscal_year", _I, "the fiscal year"),
        _report("value", _D, "the stated figure (NULL when not stated or only parts)", "actuals", "*", "value"),
        Column("value_exact", _V, "the stated figure exactly, as a decimal text"),
        Column("value_not_stated", _V, _NOT_STATED),
        _report("numerator", _D, "a ratio's numerator", "actuals", "*", "numerator"),
        _report("denominator", _D, "a ratio's denominator", "actuals", "*", "denominator"),
        _report("planned", _D, "the planned figure the report prints beside it", "actuals", "*", "planned"),
        _report("mark", _V, "the mark the report gives (〇, △ …)", "actuals", "*", "mark"),
    ),
    table(
        "meetings",
        "the meetings (会議体) of each plan",
        Column("meeting_key", _V, "plan_key#meeting id"),
        _PLAN_KEY,
        _column("meeting_id", _V, "the meeting's id in its plan", "meetings", "*", "id"),
        _column("name", _V, "the meeting's name", "meetings", "*", "name"),
        _column("kinds", _L, "its declared kinds (重層的支援会議, 支援会議 …), sorted", "meetings", "*", "kinds"),
        _column("frequency", _V, "how often it meets", "meetings", "*", "frequency"),
        _column("consent", _B, "whether it needs the person's consent (本人同意)", "meetings", "*", "consent"),
        _column("legal_basis", _V, "the law it is held under", "meetings", "*", "legal_basis"),
        _column("confidentiality", _B, "whether its members are bound to secrecy", "meetings", "*", "confidentiality"),
        Column("member_count", _I, "the number of members listed (NULL: not stated)"),
    ),
    table(
        "flows",
        "what passes between a plan's meetings, one row per target",
        _PLAN_KEY,
        Column("ordinal", _I, "the flow's place in the plan's list (0-based)"),
        _column("from_id", _V, "the meeting (or part) it starts at", "flows", "*", "source"),
        _column("to_id", _V, "a meeting (or part) it goes to", "flows", "*", "targets", "*"),
        Column("from_key", _V, "plan_key#from_id"),
        Column("to_key", _V, "plan_key#to_id"),
        _column("kind", _V, "つなぐ, 提案, 報告, 評価, フィードバック, 相互連携 or その他", "flows", "*", "kind"),
        _column("content", _V, "what it carries", "flows", "*", "content"),
    ),
    table(
        "findings",
        "the findings of jusou check on each document (all rules, the document's 抑制 applied)",
        Column("document_key", _V, "documents.document_key"),
        Column("rule", _V, "the rule's code (MT001 …)"),
        Column("severity", _V, "error, warning or info"),
        Column("message", _V, "the message (in the language of --lang)"),
        Column("suppressed", _V, "the reason given in 抑制 when the finding is suppressed, else NULL"),
    ),
)
"""Every table, in the order they are written (and listed in ``columns``)."""

COLUMNS = Table(
    "columns",
    "every column of every table, with the document's Japanese key it comes from",
    (
        Column("table_name", _V, "the table"),
        Column("column_name", _V, "the column"),
        Column("data_type", _V, "its SQL type"),
        Column("japanese_key", _V, "the key path in the document (事業/*/所管課/*); NULL for a derived column"),
        Column("description", _V, "what it holds"),
    ),
)
"""The table that describes the others (no source position: it describes no document)."""


def column_rows() -> list[tuple[object, ...]]:
    """The rows of ``columns``: every table's columns in order, then its own."""
    return [
        (each.name, column.name, column.type, column.japanese_key, column.description)
        for each in (*TABLES, COLUMNS)
        for column in each.columns
    ]
