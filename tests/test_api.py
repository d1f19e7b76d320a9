"""reportgen.load: the figures as pandas DataFrames, as the export writes them, and the reports as bytes."""

from __future__ import annotations

import io
import sys

import pandas as pd
import pikepdf
import pytest
from pypdf import PdfReader

import reportgen
from reportgen.outputs.export.schema import Kind
from tests.conftest import CALLOWAY, EXAMPLES, REPRODUCIBLE, run, spawn

TABLES = ("accounts", "factors", "ratings", "actions")
EXPECTED_DTYPES = {
    Kind.TEXT: "string",
    Kind.WHOLE: "Int64",
    Kind.NUMBER: "Float64",
    Kind.FLAG: "boolean",
    Kind.PERIOD: "period[Q-DEC]",
    Kind.DATE: "datetime64[s]",
    Kind.ZONE: "category",
    Kind.CHOICE: "category",
}


@pytest.fixture(scope="module")
def examples() -> reportgen.Dataset:
    return reportgen.load(EXAMPLES)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, bytes]:
    """The examples exported as CSV by the command line, each table's file."""
    out = tmp_path_factory.mktemp("export")
    result = run("export", str(EXAMPLES), "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    return {table: next(out.glob(f"*_{table}.csv")).read_bytes() for table in TABLES}


def read_exported(data: bytes, like: pd.DataFrame) -> pd.DataFrame:
    """A CSV of the export read by pandas, each column parsed into the dtype the frame has: the values are
    pandas's reading of the file, not the API's."""
    periods = [name for name, dtype in like.dtypes.items() if isinstance(dtype, pd.PeriodDtype)]
    dates = [name for name, dtype in like.dtypes.items() if pd.api.types.is_datetime64_any_dtype(dtype)]
    typed = {name: dtype for name, dtype in like.dtypes.items() if name not in periods + dates}
    frame = pd.read_csv(
        io.BytesIO(data), dtype={**typed, **dict.fromkeys(periods, "string")}, parse_dates=dates
    )
    for name in periods:
        frame[name] = pd.PeriodIndex(frame[name], freq="Q-DEC")
    return frame.astype({name: like.dtypes[name] for name in dates})


@pytest.mark.parametrize("table", TABLES)
def test_each_frame_equals_the_exported_csv(examples, exported, table):
    frame = getattr(examples, table)
    assert len(frame) > 0
    pd.testing.assert_frame_equal(frame, read_exported(exported[table], frame))
    # a value a category does not know would be missing in both: missing is exactly an empty cell, and
    # each category and text is the cell's text
    cells = pd.read_csv(io.BytesIO(exported[table]), dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(frame.isna(), cells == "", check_dtype=False)
    for name in frame.select_dtypes(["category", "string"]).columns:
        assert frame[name].astype(object).fillna("").tolist() == cells[name].tolist(), name


@pytest.mark.parametrize("table", TABLES)
def test_every_column_has_the_dtype_of_its_kind(examples, table):
    from reportgen.outputs.export.tables import TABLES as COLUMNS

    frame = getattr(examples, table)
    for column in COLUMNS[table].columns:
        for name in column.names(examples.languages):
            assert str(frame[name].dtype) == EXPECTED_DTYPES[column.kind], name


def test_the_accounts_are_typed_for_analysis(examples):
    accounts = examples.accounts
    assert accounts.period.dtype == pd.PeriodDtype("Q-DEC")
    assert accounts.period.max() == pd.Period("2026Q3", freq="Q")
    assert accounts.supplier_index.dtype == "Int64"
    assert (accounts.balance == accounts.supplier_index - accounts.key_account_index).all()
    # every zone of the catalog is a category, so a zone no account is in counts 0
    assert list(accounts.zone.cat.categories) == [
        "lean_supplier", "preferred_partner", "strategic_partnership",
        "supplier_frustration", "supplier_frustration_critical", "account_invests_more",
    ]  # fmt: skip
    assert accounts.zone.value_counts().sum() == len(accounts)
    # an account without the key account's questionnaire has missing values, not NaN floats or ""
    assert accounts.ka_view_supplier_index.isna().any() and accounts.ka_view_supplier_index.notna().any()
    texts = accounts.select_dtypes("string")
    assert not (texts == "").any().any() and texts.isna().any().any()
    actions = examples.actions
    assert list(actions.status.cat.categories) == ["open", "done", "dropped"]
    assert actions.shared.dtype == "boolean"


def test_one_language_gives_one_column_of_each_text():
    data = reportgen.load(EXAMPLES, lang="en")
    assert "zone_name_en" in data.accounts and "zone_name_de" not in data.accounts
    assert "factor_title_en" in data.factors
    assert list(data.problems.columns) == ["file", "sheet", "cell", "severity", "message_en"]


def test_a_period_limits_the_tables_to_one_quarter():
    data = reportgen.load(EXAMPLES, period="2026-Q2")
    assert set(data.accounts.period) == {pd.Period("2026Q2", freq="Q")}
    assert data.period == pd.Period("2026Q2", freq="Q")
    for same in (
        pd.Period("2026-05", freq="M"),
        pd.Period("2027Q1", freq="Q-MAR"),
    ):  # a fiscal year from April
        pd.testing.assert_frame_equal(reportgen.load(EXAMPLES, period=same).accounts, data.accounts)


def test_a_period_is_read_in_the_forms_a_workbook_may_write_it(examples, monkeypatch):
    """Regression: only 2026-Q3 and Q3 2026 were taken, where a workbook may write "Q3/26"."""
    ((variable, value),) = REPRODUCIBLE.items()
    monkeypatch.setenv(variable, value)
    data = reportgen.load(EXAMPLES, period="2026-Q2")
    for same in ("Q2/26", "2. Quartal 2026", "II/2026", "15.05.2026"):
        pd.testing.assert_frame_equal(reportgen.load(EXAMPLES, period=same).accounts, data.accounts)
    pdf = examples.portfolio_pdf(period="Q2 ’26", lang="en")
    assert pdf == examples.portfolio_pdf(period="2026-Q2", lang="en")
    with pytest.raises(reportgen.InputError, match='"0000-Q2" is not a period'):
        reportgen.load(EXAMPLES, period="0000-Q2", lang="en")


@pytest.mark.parametrize("period", [pd.Period("2026", freq="Y"), pd.Period("2026-06-29", freq="W")])
def test_a_pandas_period_that_is_not_within_one_quarter_is_refused(period):
    """Regression: a year was taken as its last quarter, a week across two quarters as its second."""
    with pytest.raises(reportgen.InputError, match=r"runs from .* to .*, across more than one quarter\."):
        reportgen.load(EXAMPLES, period=period, lang="en")


def test_broken_files_are_problems_as_data_and_the_good_accounts_are_still_there(
    tmp_path, make_workbook, bad, capsys
):
    make_workbook("good.xlsx", lang="de", facts=["Gut GmbH", "KA-9", "2026-Q3"])
    (tmp_path / "kaputt.xlsx").write_bytes((EXAMPLES / "calloway-foods_2026-Q3.xlsx").read_bytes()[:3000])
    data = reportgen.load(tmp_path)
    assert list(data.accounts.account) == ["Gut GmbH"]
    problems = data.problems
    assert set(problems.file) == {str(bad), str(tmp_path / "kaputt.xlsx")}
    score = problems[problems.file.str.endswith("bad.xlsx")].iloc[0]
    assert (score.sheet, score.cell, score.severity) == ("Bewertung", "C2", "error")
    assert "9" in score.message_en and "9" in score.message_de
    broken = problems[problems.file.str.endswith("kaputt.xlsx")].iloc[0]
    assert pd.isna(broken.sheet) and pd.isna(broken.cell)
    assert broken.message_de.startswith("Die Datei lässt sich nicht als Tabelle öffnen")
    assert broken.message_en.startswith("The file cannot be opened as a spreadsheet")
    assert problems.severity.dtype == "category"
    said = capsys.readouterr()
    assert said.out == "" and said.err == ""  # the problems are data, nothing is printed


def test_nothing_to_read_is_an_input_error_in_the_language_asked_for(tmp_path):
    with pytest.raises(reportgen.InputError) as raised:
        reportgen.load(tmp_path, lang="de")
    assert str(raised.value) == f"In „{tmp_path}“ gibt es keine Bewertungsdateien. " + (
        "Geben Sie .xlsx-, .ods- oder .csv-Dateien an oder einen Ordner, der sie enthält."
    )
    assert raised.value.problems[0].place is None
    with pytest.raises(reportgen.InputError, match=r"The folder .*nirgends was not found\. Check the path"):
        reportgen.load([EXAMPLES, tmp_path / "nirgends"], lang="en")
    with pytest.raises(reportgen.InputError, match='"2026-Q5" is not a period'):
        reportgen.load(EXAMPLES, period="2026-Q5", lang="en")
    with pytest.raises(ValueError, match="lang must be one of de, en"):
        reportgen.load(EXAMPLES, lang="fr")


def test_a_period_without_assessments_is_a_problem_of_the_run():
    data = reportgen.load(EXAMPLES, period="2024-Q1", lang="en")
    every = reportgen.load(EXAMPLES, lang="en")
    assert data.accounts.empty and list(data.accounts.columns) == list(every.accounts.columns)
    assert dict(data.factors.dtypes) == dict(every.factors.dtypes)
    (problem,) = data.problems.itertuples()
    assert problem.message_en.startswith("No account has an assessment for 2024-Q1.")


def test_briefing_pdf_is_the_briefing_the_command_line_writes(tmp_path, monkeypatch):
    """The account's latest quarter, its earlier ones giving the history: the same bytes as the file."""
    ((variable, value),) = REPRODUCIBLE.items()
    monkeypatch.setenv(variable, value)
    pdf = reportgen.load(CALLOWAY).briefing_pdf("calloway foods ltd", lang="en")
    result = run("briefing", *map(str, CALLOWAY), "--lang", "en", "--out", str(tmp_path), env=REPRODUCIBLE)
    assert result.exit_code == 0, result.output
    assert pdf == (tmp_path / "calloway-foods-ltd_2026-Q3_en.pdf").read_bytes()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Calloway Foods Ltd" in text and "2026-Q3" in text
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.Root.Lang) == "en"


def test_briefing_pptx_is_the_deck_the_command_line_writes_in_either_template(tmp_path, monkeypatch):
    from tests.builders import company_template

    ((variable, value),) = REPRODUCIBLE.items()
    monkeypatch.setenv(variable, value)
    dataset = reportgen.load(CALLOWAY)
    template = company_template(tmp_path / "ours.potx", potx=True)
    for edition, options, suffix in (
        ("internal", (), ""),
        ("shared", ("--pptx-template", str(template)), "_shared"),
    ):
        deck = dataset.briefing_pptx("calloway foods ltd", lang="en", edition=edition,
                                     template=template if options else None)  # fmt: skip
        out = tmp_path / edition
        result = run("briefing", *map(str, CALLOWAY), "--lang", "en", "--format", "pptx", "--edition", edition,
                     *options, "--out", str(out), env=REPRODUCIBLE)  # fmt: skip
        assert result.exit_code == 0, result.output
        assert deck == (out / f"calloway-foods-ltd_2026-Q3_en{suffix}.pptx").read_bytes()


def test_briefing_pptx_with_a_template_it_cannot_use_says_what_it_lacks(examples, tmp_path):
    from tests.builders import company_template

    template = company_template(tmp_path / "ours.pptx", without="content")
    with pytest.raises(reportgen.InputError, match="has no layout with a title and a content placeholder"):
        examples.briefing_pptx("Calloway Foods Ltd", lang="en", template=template)


def test_briefing_pdf_of_an_unknown_account_says_which_there_are(examples):
    with pytest.raises(reportgen.InputError, match='Did you mean "Calloway Foods Ltd"'):
        examples.briefing_pdf("Calloway")
    with pytest.raises(reportgen.InputError, match="has no assessment for 2024-Q1"):
        examples.briefing_pdf("Calloway Foods Ltd", "2024-Q1")
    with pytest.raises(ValueError, match="edition must be one of"):
        examples.briefing_pdf("Calloway Foods Ltd", edition="public")


def test_portfolio_pdf_gives_the_portfolio_of_the_period_asked_for(examples):
    pdf = examples.portfolio_pdf("2026-Q2", lang="de")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Portfolio-Bericht 2026-Q2"


def test_the_command_line_never_loads_pandas(tmp_path):
    """``import reportgen`` and a whole briefing run leave pandas unloaded: it is for the API alone."""
    probe = (
        "import atexit, sys\n"
        "import reportgen\n"
        "assert 'pandas' not in sys.modules, 'import reportgen'\n"
        "atexit.register(lambda: print('pandas loaded:', 'pandas' in sys.modules))\n"
        "from reportgen.cli import main\n"
        f"sys.argv = ['reportgen', 'briefing', {str(EXAMPLES / 'calloway-foods_2026-Q3.xlsx')!r},"
        f" '--lang', 'de', '--out', {str(tmp_path)!r}]\n"
        "main()\n"
    )
    done = spawn(sys.executable, "-c", probe)
    assert done.returncode == 0, done.stderr
    assert "pandas loaded: False" in done.stdout
    assert list(tmp_path.glob("*.pdf"))
    assert (
        "pandas"
        not in spawn(sys.executable, "-c", "import sys, reportgen; print(sorted(sys.modules))").stdout
    )


def test_criteria_chooses_the_catalogs_and_a_broken_one_is_an_input_error(examples, tmp_path):
    from reportgen.common.resources import DEFAULT_CATALOG

    assert set(examples.accounts.catalog) == {"efkam-partnership v0.9", "efkam-partnership v1.0"}
    one = reportgen.load(EXAMPLES, criteria=DEFAULT_CATALOG)
    assert set(one.accounts.catalog) == {"efkam-partnership v1.0"}
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(reportgen.InputError) as raised:
        reportgen.load(EXAMPLES, criteria=broken, lang="en")
    assert str(raised.value).startswith(str(broken))


def test_a_notebook_completes_the_api_names_before_pandas_is_loaded():
    probe = "import sys, reportgen; print('load' in dir(reportgen), 'pandas' in sys.modules)"
    assert spawn(sys.executable, "-c", probe).stdout.split() == ["True", "False"]


def test_the_frames_hold_the_text_as_written_where_the_csv_neutralises_formulas(make_workbook, tmp_path):
    """The CSV puts an apostrophe before text a spreadsheet would run as a formula; the frames are for
    pandas, which runs nothing, and hold the text as the workbook has it."""
    make_workbook(lang="en", facts=["=Kessler KG", "KA-7", "2026-Q3"], comments={0: "+1 more please"})
    data = reportgen.load(tmp_path)
    assert data.accounts.account.tolist() == ["=Kessler KG"]
    assert data.ratings.comment.iloc[0] == "+1 more please"
    exported = run("export", str(tmp_path), "--format", "csv", "--out", "-")
    assert "'=Kessler KG" in exported.stdout


def test_messages_for_the_api_name_no_command_line_option(examples, tmp_path):
    """Regression: an unknown account or period told an API user to "give --account" or "check --period",
    a folder without a catalog to name one "with --criteria"."""
    said = []
    for attempt in (
        lambda: examples.briefing_pdf("Calloway"),
        lambda: examples.briefing_pdf("Zeppelin"),
        lambda: examples.briefing_pdf("Calloway Foods Ltd", "2024-Q1"),
        lambda: examples.portfolio_pdf("2024-Q1"),
    ):
        with pytest.raises(reportgen.InputError) as raised:
            attempt()
        said.append(str(raised.value))
    with pytest.raises(reportgen.InputError) as raised:
        examples.briefing_pdf("Calloway Foods Ltd", edition="shared", archive=True)
    said.append(str(raised.value))
    with pytest.raises(reportgen.InputError) as raised:
        reportgen.load(EXAMPLES, criteria=tmp_path, lang="en")  # a folder without a catalog
    said.append(str(raised.value))
    said += reportgen.load(EXAMPLES, period="2024-Q1").problems.message_en.tolist()
    assert len(said) == 7 and not [text for text in said if "--" in text]


def test_the_archive_of_a_briefing_carries_its_files_and_the_shared_edition_is_never_archived(examples):
    pdf = examples.briefing_pdf("Brandtner Präzisionstechnik GmbH", "2026-Q3", archive=True)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        attached = set(document.attachments)
    assert {
        "brandtner-praezisionstechnik_2026-Q2.xlsx",
        "brandtner-praezisionstechnik_2026-Q3.xlsx",
    } <= attached
    with pytest.raises(reportgen.InputError, match="The edition for the key account cannot be archived"):
        examples.briefing_pdf("Brandtner Präzisionstechnik GmbH", edition="shared", archive=True)


def test_a_due_date_far_ahead_is_kept(make_workbook, catalog, tmp_path):
    """Regression: 31.12.9999, a common "no end", lay beyond what nanoseconds reach and lost the table."""
    from tests.conftest import sheets_for, with_actions

    rows = [["early-involvement", "Keep the framework contract", "Anja Groß", "31.12.9999", "open", "no"]]
    make_workbook(sheets=with_actions(sheets_for(catalog), rows))
    (due,) = reportgen.load(tmp_path).actions.due
    assert due == pd.Timestamp("9999-12-31")


def test_two_accounts_of_one_name_ask_for_the_id(make_workbook, tmp_path):
    make_workbook("a.xlsx", facts=["Acme GmbH", "KA-1", "2026-Q3"])
    make_workbook("b.xlsx", facts=["Acme GmbH", "KA-2", "2026-Q3"])
    data = reportgen.load(tmp_path, lang="de")
    assert sorted(data.accounts.account_id) == ["KA-1", "KA-2"]
    with pytest.raises(reportgen.InputError) as raised:
        data.briefing_pdf("acme gmbh")
    assert str(raised.value) == (
        "Mehrere Accounts heißen in 2026-Q3 „Acme GmbH“. Geben Sie stattdessen die ID des Accounts an."
    )


COST_COLUMNS = ["effort_hours", "hourly_rate", "other_cost_to_serve", "cost_to_serve", "contribution_margin",
                "cost_to_serve_share", "margin_after_service"]  # fmt: skip


def test_the_cost_to_serve_of_the_examples_is_typed_and_computed_as_by_hand(examples):
    accounts = examples.accounts
    assert [str(accounts[name].dtype) for name in COST_COLUMNS] == ["Float64"] * len(COST_COLUMNS)
    q3 = accounts[accounts.period == pd.Period("2026Q3", freq="Q")].set_index("account_id")
    figures = q3[COST_COLUMNS].astype(object).where(q3[COST_COLUMNS].notna(), None)
    # hours, rate, other cost, hours × rate + other cost, margin, cost / margin (4 digits), margin − cost
    assert figures.loc["KA-1042"].tolist() == [
        1400,
        95,
        24_000,
        157_000,
        144_000,
        1.0903,
        -13_000,
    ]  # 3 % of 4.8 M: serving it takes more than all of its margin
    assert figures.loc["KA-2210"].tolist() == [1300, 95, 45_000, 168_500, 2_250_000, 0.0749, 2_081_500]
    assert figures.loc["KA-3307"].tolist() == [
        120,
        95,
        None,
        11_400,
        171_000,
        0.0667,
        159_600,
    ]  # no other cost
    assert figures.loc["KA-6031"].tolist() == [
        1250,
        110,
        30_000,
        167_500,
        1_150_000,
        0.1457,
        982_500,
    ]  # own rate
    for without in ("KA-5120", "KA-4415"):  # Kessler and Vireo give none: missing, never 0
        assert figures.loc[without].tolist() == [None] * len(COST_COLUMNS)
    assert (q3.currency == "EUR").all()
