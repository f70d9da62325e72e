"""``jusou export DIR… -o corpus.duckdb`` and ``-o corpus/`` (Parquet): the tables, their keys and positions, the
``columns`` table, determinism, the missing extra, and the example queries of docs/analysis.md."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

import jusou_spec
from jusou_spec.analysis import COLUMNS, TABLES
from jusou_spec.cli import main
from jusou_spec.model import NotStated, Plan, Report

from .analysis_doc import BUNDLED, DOC, export_bundled, queries, result_table

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled documents exported once into a DuckDB file, shared by the tests that only read it."""
    database = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    export_bundled(database)
    return database


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True)


def _all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = _connect(path)
    try:
        return {
            table.name: connection.execute(f"SELECT * FROM {table.name}").fetchall() for table in (*TABLES, COLUMNS)
        }
    finally:
        connection.close()


def _bundled_documents() -> list[tuple[str, Plan | Report]]:
    return [
        (f"{folder}/{path.name}", jusou_spec.load(path))
        for folder in BUNDLED
        for path in sorted((ROOT / folder).glob("*.yaml"))
    ]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_table_is_written_with_the_rows_the_bundled_documents_hold(corpus):
    """Each table is present; its row count is what the model of the bundled documents holds."""
    rows = _all_rows(corpus)
    assert set(rows) == {table.name for table in (*TABLES, COLUMNS)}
    documents = _bundled_documents()
    plans = [document for _, document in documents if isinstance(document, Plan)]
    reports = [document for _, document in documents if isinstance(document, Report)]
    programs = [program for plan in plans for program in plan.programs]
    assert [row[0] for row in rows["documents"]] == [key for key, _ in documents]
    assert len(rows["plans"]) == len(plans) == 3
    assert len(rows["reports"]) == len(reports) == 2
    assert len(rows["municipalities"]) == 4  # 芦屋市, 射水市 (plan and report), 魚津市, the unnamed city
    assert len(rows["programs"]) == len(programs)
    assert len(rows["meetings"]) == sum(len(plan.meetings) for plan in plans)
    assert len(rows["flows"]) == sum(len(flow.targets) for plan in plans for flow in plan.flows)
    assert len(rows["actuals"]) == sum(len(report.actuals) for report in reports)
    assert len(rows["departments"]) == sum(
        len(program.departments) for program in programs if not isinstance(program.departments, NotStated)
    )
    assert len(rows["indicators"]) == sum(len(program.indicators) for program in programs) + sum(
        len(report.indicators) for report in reports
    )
    findings = sum(len(jusou_spec.check(ROOT / key)) for key, _ in documents)
    assert len(rows["findings"]) == findings > 0


def test_two_exports_give_the_same_rows_in_the_same_order(tmp_path, corpus):
    """The same inputs give the same rows, in the same order, in every table (also checked in two processes)."""
    again = tmp_path / "again.duckdb"
    code = main(["export", *(str(ROOT / folder) for folder in BUNDLED), "-o", str(again), "--jobs", "2"])
    assert code == 0
    assert _all_rows(again) == _all_rows(corpus)


def test_the_columns_table_covers_every_column(corpus):
    """Every column of every table has a row in ``columns`` with its type, and nothing else has one."""
    connection = _connect(corpus)
    try:
        actual = connection.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "ORDER BY table_name, ordinal_position"
        ).fetchall()
        described = connection.execute(
            "SELECT table_name, column_name, data_type FROM columns ORDER BY table_name"
        ).fetchall()
        empty = connection.execute("SELECT count(*) FROM columns WHERE description = ''").fetchone()
    finally:
        connection.close()
    assert sorted(actual) == sorted(described)
    assert empty == (0,)


def test_the_japanese_keys_are_the_models():
    """A column read from the document names the key path the model declares (所管課 under 事業)."""
    declared = {(table.name, column.name): column.japanese_key for table in TABLES for column in table.columns}
    assert declared["departments", "department"] == "事業/*/所管課/*"
    assert declared["delivery", "mode"] == "事業/*/実施方式/*/方式"
    assert declared["meetings", "kinds"] == "会議/*/種別"
    assert declared["actuals", "indicator_id"] == "実績/*/指標"
    assert declared["programs", "program_key"] is None


def test_rows_carry_their_keys_and_source_positions(corpus):
    """A few rows, golden-style: a program of 魚津市 with its key, its 号 and the line its entry starts on."""
    lines = (ROOT / "plans/uozu.yaml").read_text(encoding="utf-8").splitlines()
    plan = jusou_spec.load(ROOT / "plans/uozu.yaml")
    first = plan.programs[0]
    connection = _connect(corpus)
    try:
        program = connection.execute(
            "SELECT program_key, plan_key, name, source_file, source_line, source_column, source_pointer "
            "FROM programs WHERE program_id = ? AND plan_key = 'plans/uozu.yaml'",
            [first.id],
        ).fetchone()
        clauses = connection.execute(
            "SELECT clause FROM program_clauses WHERE program_key = ? ORDER BY ordinal", [f"plans/uozu.yaml#{first.id}"]
        ).fetchall()
        municipality = connection.execute(
            "SELECT municipality_key, prefecture, name FROM municipalities WHERE name = '魚津市'"
        ).fetchone()
        actual = connection.execute(
            "SELECT indicator_key, fiscal_year FROM actuals WHERE report_key = 'reports/imizu-r6.yaml' LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    assert program is not None
    key, plan_key, name, file, line, column, pointer = program
    assert (key, plan_key, name, file, pointer) == (
        f"plans/uozu.yaml#{first.id}",
        "plans/uozu.yaml",
        first.name,
        "plans/uozu.yaml",
        "/事業/0",
    )
    assert f"id: {first.id}" in lines[line - 1][column - 1 :]
    assert [row[0] for row in clauses] == [clause.label for clause in first.clauses]
    assert municipality == ("富山県/魚津市", "富山県", "魚津市")
    assert actual is not None and actual[0].startswith("plans/imizu.yaml#") and actual[1] == 2024


def test_a_folder_output_writes_one_parquet_file_per_table_that_duckdb_reads(tmp_path, capsys, corpus):
    """``-o corpus/`` with folders given: Parquet files, one per table, with the rows of the DuckDB export."""
    folder = tmp_path / "corpus"
    code, out, err = _run(["export", *(str(ROOT / name) for name in BUNDLED), "-o", f"{folder}/"], capsys)
    assert code == 0 and out == "" and err.count("\n") == 1
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        f"{table.name}.parquet" for table in (*TABLES, COLUMNS)
    )
    expected = _all_rows(corpus)
    connection = duckdb.connect()
    try:
        for name, rows in expected.items():
            assert connection.execute(f"SELECT * FROM read_parquet('{folder / name}.parquet')").fetchall() == rows
    finally:
        connection.close()


def test_format_parquet_names_the_folder_for_a_single_file(tmp_path, capsys):
    """--format parquet exports even one document as tables; without it one document to a folder is still CSV."""
    code, _, _ = _run(
        ["export", str(ROOT / "plans/uozu.yaml"), "-o", str(tmp_path / "p"), "--format", "parquet"], capsys
    )
    assert code == 0 and (tmp_path / "p" / "programs.parquet").is_file()


def test_the_missing_extra_is_one_line_naming_it(tmp_path, capsys, monkeypatch):
    """Without duckdb: one line saying pip install 'jusou-spec[analysis]', exit 2, nothing written."""
    monkeypatch.setitem(sys.modules, "duckdb", None)
    output = tmp_path / "corpus.duckdb"
    code, out, err = _run(["export", str(ROOT / "plans"), "-o", str(output)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "pip install 'jusou-spec[analysis]'" in err
    assert not output.exists() and list(tmp_path.iterdir()) == []


def test_a_missing_path_and_several_documents_to_a_workbook_are_usage_errors(tmp_path, capsys):
    """A path that does not exist, or two documents to one workbook: one line, exit 2."""
    code, _, err = _run(["export", str(tmp_path / "nowhere"), "-o", str(tmp_path / "c.duckdb")], capsys)
    assert code == 2 and err.count("\n") == 1
    two = [str(ROOT / "plans/uozu.yaml"), str(ROOT / "plans/imizu.yaml")]
    code, _, err = _run(["export", *two, "-o", str(tmp_path / "x.xlsx")], capsys)
    assert code == 2 and err.count("\n") == 1 and ".duckdb" in err


def test_findings_are_in_the_language_asked(tmp_path, capsys):
    """--lang en writes the findings' messages in English, as jusou check gives them."""
    output = tmp_path / "en.duckdb"
    files = [ROOT / "plans/uozu.yaml", ROOT / "plans/imizu.yaml"]
    assert _run(["export", "--lang", "en", *map(str, files), "-o", str(output)], capsys)[0] == 0
    connection = _connect(output)
    try:
        messages = [row[0] for row in connection.execute("SELECT message FROM findings").fetchall()]
    finally:
        connection.close()
    assert messages == [finding.text("en") for path in files for finding in jusou_spec.check(path)]


@pytest.mark.parametrize("number", range(10))
def test_the_example_queries_give_the_results_printed_in_the_doc(corpus, number):
    """Each of the ten queries of docs/analysis.md, run on a fresh export, gives the table printed under it."""
    examples = queries(DOC.read_text(encoding="utf-8"))
    assert len(examples) == 10
    query, printed = examples[number]
    connection = _connect(corpus)
    try:
        assert result_table(connection, query) == printed, "run scripts/regenerate and review docs/analysis.md"
    finally:
        connection.close()


def test_a_database_failure_is_one_line_and_replaces_nothing(tmp_path, capsys, monkeypatch):
    """DuckDB failing on the way (a full disk, say) is one line with exit 2, and the earlier output stays."""
    import jusou_spec.analysis.database as database

    output = tmp_path / "corpus.duckdb"
    output.write_bytes(b"earlier")

    def fail(connection: object, table: object, path: object) -> None:
        raise duckdb.IOException("No space left on device")

    monkeypatch.setattr(database, "_load", fail)
    code, out, err = _run(["export", str(ROOT / "plans"), "-o", str(output)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "No space left on device" in err
    assert output.read_bytes() == b"earlier" and sorted(tmp_path.iterdir()) == [output]
