"""Matrix arithmetic on hand-made statements."""

from __future__ import annotations

import pytest

from scenariodesk.aggregate import build_matrix
from scenariodesk.models import DocumentRef, Span, Statement, StoredStatement


def _stored(i, direction, probability, source="author", condition="trump", domains=("alliance",), outlet="O"):
    st = Statement(
        sentence=f"Sentence {i}.",
        sentence_span=(0, 10),
        condition=condition,
        domains=domains,
        direction=direction,
        likelihood="likely",
        probability=probability,
        cue=Span(0, 1, "x"),
        condition_phrase=None,
        source=source,
        source_phrase="",
        rules=(),
    )
    return StoredStatement(i, st, DocumentRef(id=i, outlet=outlet, title=f"Doc {i}"))


def test_matrix_cell_consensus_dissent_and_evidence(lens):
    rows = [
        _stored(1, "-", 0.875, source="Victor Cha"),
        _stored(2, "-", 0.5),
        _stored(3, "+", 0.5, source="Mason Richey"),
        _stored(4, "0", 0.675),
    ]
    cell = build_matrix(rows, lens).cell("trump", "alliance")
    assert cell.statements == 4
    assert cell.sources == 3  # Cha, Richey, the outlet's own voice
    # one vote per source (the author's two statements average to (-0.5 + 0) / 2), and one
    # neutral pseudo-source: (-0.875 + 0.5 - 0.25) / (3 + 1)
    assert cell.net_direction == pytest.approx((-0.875 + 0.5 - 0.25) / 4, abs=1e-3)
    assert cell.mean_likelihood == pytest.approx((0.875 + 0.5 + 0.5 + 0.675) / 4, abs=1e-3)
    assert cell.dissent == pytest.approx(1 / 3, abs=1e-3)  # Richey's vote against a net unfavourable cell
    assert [e.statement_id for e in cell.evidence] == [1, 4, 3]  # likeliest; named before author


def test_matrix_rows_follow_lens_order_and_filters(lens):
    rows = [
        _stored(1, "+", 0.5, condition="harris", domains=("china",)),
        _stored(2, "-", 0.5, condition="trump", domains=("trade", "china")),
    ]
    m = build_matrix(rows, lens)
    assert m.outcomes == ("trump", "harris")
    assert set(m.cells) == {("harris", "china"), ("trump", "trade"), ("trump", "china")}
    only = build_matrix(rows, lens, domain="china")
    assert set(only.cells) == {("harris", "china"), ("trump", "china")}
    assert only.domains == ("china",)


def test_one_source_is_one_vote_and_few_sources_are_weak(lens):
    one_could = build_matrix([_stored(1, "-", 0.5)], lens).cell("trump", "alliance")
    assert one_could.net_direction == pytest.approx(-0.25)  # not a saturated -1.00
    talkative = [_stored(i, "-", 0.875, source="Op-Ed Writer") for i in range(1, 11)]
    others = [_stored(20, "+", 0.875, source="A"), _stored(21, "+", 0.875, source="B")]
    cell = build_matrix(talkative + others, lens).cell("trump", "alliance")
    assert cell.net_direction > 0  # ten statements of one writer are one vote against two
    agree = [_stored(i, "-", 0.875, source=f"S{i}") for i in range(1, 9)]
    assert build_matrix(agree, lens).cell("trump", "alliance").net_direction == pytest.approx(
        -0.875 * 8 / 9, abs=1e-3
    )


def test_matrix_mixed_cell_is_neutral_with_dissent(lens):
    rows = [_stored(1, "+", 0.5, source="A"), _stored(2, "-", 0.5, source="B")]
    cell = build_matrix(rows, lens).cell("trump", "alliance")
    assert cell.net_direction == 0
    assert cell.dissent == 0.5


def test_matrix_from_sql_equals_matrix_from_statements(seeded_db, lens):
    from scenariodesk.aggregate import load_matrix
    from scenariodesk.store import Store

    with Store(seeded_db) as store:
        in_sql = load_matrix(store, lens)
        in_python = build_matrix(store.iter_statements(), lens)
        assert in_sql.cells == in_python.cells
        assert (
            load_matrix(store, lens, domain="alliance").cells
            == build_matrix(store.iter_statements(), lens, domain="alliance").cells
        )


def test_one_cycles_matrix_from_sql_equals_its_statements_streamed(seeded_db, lens):
    from scenariodesk.aggregate import load_matrix
    from scenariodesk.models import StatementFilter
    from scenariodesk.store import Store

    with Store(seeded_db) as store:
        cycles = store.cycles()
        assert cycles == [2020, 2024]
        for year in cycles:
            rows = store.iter_statements(StatementFilter(cycle=year))
            streamed = build_matrix(rows, lens, rows=lens.cycle_outcomes(year))
            in_sql = load_matrix(store, lens, cycle=year)
            assert in_sql.cells == streamed.cells and in_sql.outcomes == streamed.outcomes


def test_rollups_stay_in_step_when_a_document_is_analyzed_again(seeded_db, lens, tmp_path):
    """The matrix and the corpus figures read roll-ups kept on write; replacing a
    document's statements (fewer, then back) must leave them equal to a full recount."""
    import shutil
    from collections import Counter

    from scenariodesk.aggregate import load_matrix
    from scenariodesk.models import Analysis, StatementFilter
    from scenariodesk.store import Store

    def figures(matrix):  # the sums; evidence ties break by statement id, which re-saving renews
        return {
            k: (c.statements, c.sources, c.net_direction, c.mean_likelihood, c.dissent)
            for k, c in matrix.cells.items()
        }

    db = tmp_path / "r.db"
    shutil.copy(seeded_db, db)
    with Store(db) as store:
        before = figures(load_matrix(store, lens))
        kept = [s.statement for s in store.iter_statements(StatementFilter(document_id=1))]
        cycle = lens.cycle_for_date(store.get_document(1).date).year
        for statements in ((), tuple(kept[:2]), tuple(kept)):
            store.save_analysis(1, Analysis(statements=statements, cycle=cycle), lens.fingerprint)
            assert figures(load_matrix(store, lens)) == figures(build_matrix(store.iter_statements(), lens))
            counted = Counter(
                (s.statement.source, s.statement.condition, s.statement.direction)
                for s in store.iter_statements()
                if s.statement.source != "author"
            )
            assert {(a, b, c): n for a, b, c, n in store.source_summary()} == counted
            for year in (None, 2020, 2024):
                fast = store.corpus_summary(StatementFilter(cycle=year))
                full = store.corpus_summary(StatementFilter(cycle=year, min_probability=0.0))
                assert fast == full
        assert figures(load_matrix(store, lens)) == before
