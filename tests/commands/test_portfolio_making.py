"""A portfolio laid out in parts on every core reads exactly as the one laid out in one piece: each page's
text with its "page x of y", the bookmarks, the links, the structure tree, and for an archive PDF/A-3b."""
# The page numbers are set over the joined pages, so they come last in a page's content stream and a text
# extractor that follows the stream puts them elsewhere: a page's text is compared letter for letter, in
# any order; that each page carries its own number is checked apart.

from __future__ import annotations

import io
import multiprocessing
import re
from datetime import UTC, date, datetime

import pikepdf
import pytest
from pikepdf import pdfa
from pypdf import PdfReader

from reportgen.analysis.portfolio import analyse_portfolio
from reportgen.commands import portfolio_making
from reportgen.commands.portfolio_making import in_parts, portfolio_makings, portfolio_pdf
from reportgen.common.settings import Settings
from reportgen.model.assessment import Period
from reportgen.rendering import Renderer
from reportgen.rendering.archive import Archive, ArchivedFile
from reportgen.views.portfolio import parts
from tests.pdf_structure import nesting_faults, structure_of

Q3 = Period(2026, 3)
DAY = date(2026, 11, 27)
DAY_TIME = datetime(2026, 11, 27, tzinfo=UTC)


@pytest.fixture(scope="module")
def portfolio(workload, catalog):
    return analyse_portfolio(workload.histories, Q3, catalog)


@pytest.fixture(scope="module")
def one_sheet_parts():
    """Parts of a single sheet, so that the six example accounts make three parts (and their appendix
    three pages); the pool's workers are forked, and take the setting with them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "SHEETS_PER_PART", (1, 1))
        yield


def made_in_parts(portfolio, lang: str, archive: Archive | None = None) -> bytes:
    settings = Settings(lang=lang, jobs=2, day=DAY)
    assert in_parts(len(portfolio.entries), settings)
    with portfolio_makings(portfolio, [lang], settings, archive) as makings:
        return makings[lang]()


@pytest.fixture(scope="module")
def both(portfolio, one_sheet_parts):
    """The German portfolio in one piece and in parts (the English one: see the test of a part longer than
    its sheets)."""
    whole = portfolio_pdf(portfolio, "de", DAY, Renderer())
    return whole, made_in_parts(portfolio, "de")


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def page_words(pdf: bytes) -> list[str]:
    """Each page's letters, in any order: what the page says, wherever a text extractor puts it."""
    return ["".join(sorted("".join(text.split()))) for text in page_texts(pdf)]


def test_every_page_reads_the_same_with_its_page_number_and_count(both):
    whole, joined = both
    words = page_words(joined)
    assert len(words) == len(page_words(whole)) >= 8
    assert words == page_words(whole)
    for number, text in enumerate(page_texts(joined), start=1):
        assert re.search(rf"(Seite|Page) {number} (von|of) {len(words)}", text), number


def test_the_page_numbers_are_pagination_artifacts_outside_the_structure(both):
    _, joined = both
    with pikepdf.open(io.BytesIO(joined)) as document:
        for page in document.pages:
            overlays = [
                x for x in page.Resources.XObject.values() if x.get("/Subtype") == "/Form" and "/BBox" in x
            ]
            numbered = [x.read_bytes() for x in overlays if b"/Artifact BMC" in x.read_bytes()]
            assert numbered and all(b"/MCID" not in content for content in numbered)


def bookmarks(pdf: bytes) -> list[tuple[int, str, int | None, float]]:
    """Each bookmark: its depth, title, the page it leads to and the height on it."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = {page.obj.objgen: number for number, page in enumerate(document.pages)}
        found = []

        def walk(items, depth):
            for item in items:
                target = item.destination
                found.append(
                    (depth, str(item.title), pages.get(target[0].objgen), round(float(target[3]), 1))
                )
                walk(item.children, depth + 1)

        with document.open_outline() as outline:
            walk(outline.root, 0)
        return found


def test_the_bookmarks_nest_and_lead_where_they_do_in_one_piece(both):
    whole, joined = both
    assert bookmarks(joined) == bookmarks(whole)
    assert [depth for depth, *_ in bookmarks(joined)].count(2) >= 6  # every account under the appendix


def links(pdf: bytes) -> list[tuple[int, str, int, float]]:
    """Each link: its page, the name it goes to, and that name's page and height."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = {page.obj.objgen: number for number, page in enumerate(document.pages)}
        flat = document.Root.Names.Dests.Names
        names = [str(flat[i]) for i in range(0, len(flat), 2)]
        assert names == sorted(names)  # a name tree is searched by its order
        targets = {str(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)}
        found = []
        for number, page in enumerate(document.pages):
            for annotation in page.obj.get("/Annots", []):
                name = str(annotation.Dest)
                target = targets[name]
                found.append((number, name, pages[target[0].objgen], round(float(target[3]), 1)))
        return found


def test_links_to_the_accounts_lead_to_their_pages_in_the_parts(both):
    whole, joined = both
    assert links(joined) == links(whole)
    pages = len(PdfReader(io.BytesIO(joined)).pages)
    assert any(target_page >= pages - 3 for _, _, target_page, _ in links(joined))  # into the parts


def test_the_structure_tree_is_whole(both):
    whole, joined = both
    assert structure_of(joined) == structure_of(whole)
    assert nesting_faults(joined) == []
    with pikepdf.open(io.BytesIO(joined)) as document:
        tree = document.Root.StructTreeRoot
        entries = dict(pikepdf.NumberTree(tree.ParentTree).items())
        keys = [int(page.obj.StructParents) for page in document.pages]
        keys += [int(a.StructParent) for page in document.pages for a in page.obj.get("/Annots", [])]
        assert sorted(keys) == sorted(set(keys)) == sorted(entries)  # each once, each in the parent tree
        for page in document.pages:
            for element in entries[int(page.obj.StructParents)]:
                assert element.Pg.objgen == page.obj.objgen
        assert document.check_pdf_syntax() == []
        documents = [
            o for o in document.objects if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Document"
        ]
        assert len(documents) == 1  # no part brings its own structure tree along


def test_the_same_parts_give_the_same_bytes(portfolio, one_sheet_parts, both):
    _, joined = both
    assert made_in_parts(portfolio, "de") == joined


def test_a_part_longer_than_its_sheets_is_laid_out_again_with_the_pages_it_took(
    portfolio, one_sheet_parts, monkeypatch
):
    """Each part is expected to take two pages where it takes one: the page numbers laid out meanwhile
    count too many pages. They are laid out again for the pages there are."""
    monkeypatch.setattr(parts.Slice, "sheets", property(lambda part: 2))
    whole = portfolio_pdf(portfolio, "en", DAY, Renderer())
    joined = made_in_parts(portfolio, "en")
    assert page_words(joined) == page_words(whole)
    texts = page_texts(joined)
    assert all(f"Page {number} of {len(texts)}" in text for number, text in enumerate(texts, start=1))
    assert bookmarks(joined) == bookmarks(whole) and links(joined) == links(whole)


def test_an_archive_in_parts_is_valid_pdfa_3b_with_its_files_once(portfolio, one_sheet_parts, tmp_path):
    archive = Archive((ArchivedFile("figures.json", "Data", DAY_TIME, contents=b"{}"),))
    joined = made_in_parts(portfolio, "de", archive)
    path = tmp_path / "archive.pdf"
    path.write_bytes(joined)
    report = pdfa.validate_written(path, "3b")
    assert (report.verdict, report.findings) == ("pass", [])
    with pikepdf.open(path) as document:
        assert list(document.attachments) == ["figures.json"]
        assert len(document.Root.AF) == 1


def test_a_portfolio_of_two_parts_is_made_in_parts_on_any_number_of_cores(monkeypatch):
    monkeypatch.setattr(parts, "SHEETS_PER_PART", (10, 25))  # as shipped, whatever the module's parts
    smallest = parts.smallest_in_parts()
    assert smallest == 40  # two parts of ten sheets, two accounts a sheet
    assert in_parts(smallest, Settings(jobs=2))
    assert in_parts(smallest, Settings(jobs=1))  # the same bytes, made with one core or many
    assert not in_parts(smallest - 1, Settings(jobs=2))
    assert not in_parts(smallest, Settings(jobs=2, debug=True))  # an error shows its traceback here


def broken_part(*args):
    raise RuntimeError("no room on the page")


def test_a_failing_part_fails_its_language_with_its_reason(portfolio, one_sheet_parts, monkeypatch):
    monkeypatch.setattr(portfolio_making, "_appendix_part", broken_part)  # the pool sends it by name
    with pytest.raises(RuntimeError, match="no room on the page"):
        made_in_parts(portfolio, "en")


def test_a_failing_part_is_each_languages_problem_said_in_a_sentence(
    workload, one_sheet_parts, monkeypatch, tmp_path
):
    """The command turns it into the report's one-sentence error for each language, writes nothing
    half-made, and leaves no worker behind."""
    from reportgen.commands.portfolio import render_portfolio

    monkeypatch.setattr(portfolio_making, "_appendix_part", broken_part)
    batch = render_portfolio(workload, Q3, Settings(lang="all", jobs=2, out_dir=tmp_path, day=DAY))
    reasons = [problem.params["reason"] for problem in batch.render_problems]
    assert len(reasons) == 2 and all("no room on the page" in reason for reason in reasons)
    assert list(tmp_path.iterdir()) == []
    assert multiprocessing.active_children() == []


def test_a_second_language_failing_in_its_child_is_its_own_problem_and_the_first_is_made(
    workload, monkeypatch, tmp_path
):
    """A small portfolio makes its second language in a forked child: its failure is said in the child's
    words, and the first language is written all the same."""
    from reportgen.commands.portfolio import render_portfolio

    real = portfolio_making.portfolio_pdf

    def english_breaks(portfolio, lang, *args):
        if lang == "en":
            raise RuntimeError("no room on the page")
        return real(portfolio, lang, *args)

    monkeypatch.setattr(portfolio_making, "portfolio_pdf", english_breaks)
    monkeypatch.setattr(parts, "SHEETS_PER_PART", (10, 25))  # as shipped: six accounts, one piece
    batch = render_portfolio(workload, Q3, Settings(lang="all", jobs=2, out_dir=tmp_path, day=DAY))
    (problem,) = batch.render_problems
    assert "no room on the page" in problem.params["reason"] and "ChildFailed" not in problem.params["reason"]
    assert [path.name for path in tmp_path.iterdir()] == ["portfolio_2026-Q3_de.pdf"]
