"""The scorer follows ANNOTATION.md: containment matching, per-condition pairs, micro-F1."""

from __future__ import annotations

from scenariodesk.evaluate import Item, score


def _item(
    sentence,
    condition="trump",
    domains=("alliance",),
    direction="-",
    likelihood="likely",
    source="author",
    doc="a.txt",
):
    return Item(doc, sentence, condition, tuple(domains), direction, likelihood, "cue", source)


def test_score_matches_by_containment_and_condition(lens):
    gold = [
        _item("If Trump wins, the alliance will suffer."),
        _item("Harris would keep the alliance.", condition="harris"),
    ]
    predicted = [
        _item("If Trump wins, the alliance will suffer"),  # contained: a match
        _item("Harris would keep the alliance.", condition="trump"),  # wrong condition: spurious
    ]
    r = score(gold, predicted, lens)
    assert (r["detection"]["tp"], r["detection"]["fp"], r["detection"]["fn"]) == (1, 1, 1)
    assert r["detection"]["f1"] == 0.5
    assert r["missed"][0]["condition"] == "harris"


def test_score_fields_over_matched_pairs(lens):
    gold = [
        _item("S1.", domains=("alliance", "troops"), likelihood="likely", source="Victor Cha"),
        _item("S2.", direction="+", likelihood="even_chance"),
    ]
    predicted = [
        _item(
            "S1.", domains=("alliance", "china"), direction="0", likelihood="very_likely", source="victor cha"
        ),
        _item("S2.", direction="+", likelihood="even_chance"),
    ]
    r = score(gold, predicted, lens)
    assert (r["domains"]["precision"], r["domains"]["recall"], r["domains"]["f1"]) == (0.6667, 0.6667, 0.6667)
    assert r["direction"]["accuracy"] == 0.5
    assert r["likelihood"]["accuracy"] == 0.5
    assert r["likelihood"]["mae"] == round(abs(0.675 - 0.875) / 2, 4)
    assert r["source"]["accuracy"] == 1.0


def test_score_breaks_domains_and_directions_down_as_figures(lens):
    # Figures a held-out set may be read by (no sentence): each domain's P/R/F1 with its
    # gold and predicted counts, and gold direction against predicted direction.
    gold = [
        _item("S1.", domains=("alliance", "troops"), direction="-"),
        _item("S2.", domains=("alliance",), direction="+"),
        _item("S3.", domains=("trade",), direction="-"),
    ]
    predicted = [
        _item("S1.", domains=("alliance",), direction="+"),
        _item("S2.", domains=("alliance", "china"), direction="+"),
        _item("S3.", domains=("trade",), direction="0"),
    ]
    r = score(gold, predicted, lens)
    per = r["domains"]["per_domain"]
    assert per["alliance"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 2, "predicted": 2}
    assert (per["troops"]["recall"], per["troops"]["gold"], per["troops"]["predicted"]) == (0.0, 1, 0)
    assert (per["china"]["precision"], per["china"]["gold"], per["china"]["predicted"]) == (0.0, 0, 1)
    confusion = r["direction"]["confusion"]
    assert confusion["-"] == {"+": 1, "-": 0, "0": 1}
    assert confusion["+"] == {"+": 1, "-": 0, "0": 0}
    assert sum(sum(row.values()) for row in confusion.values()) == r["direction"]["n"] == 3


def test_score_counts_a_repeated_prediction_once(lens):
    gold = [_item("S1.")]
    r = score(gold, [_item("S1."), _item("S1.")], lens)
    assert (r["detection"]["tp"], r["detection"]["fp"]) == (1, 0)


def test_score_source_aliases_resolve(lens):
    r = score([_item("S.", source="National Intelligence Service")], [_item("S.", source="NIS")], lens)
    assert r["source"]["accuracy"] == 1.0


def test_score_corpus_names_a_document_analysis_could_not_read(lens, seed_dir, gold_path, monkeypatch):
    # A document whose analysis fails loses its statements from the figures: the user
    # must hear which one and why, not read lower figures in silence.
    from scenariodesk import analyze
    from scenariodesk.evaluate import score_corpus

    walk = analyze._Extractor.walk

    def failing(self, document, *args):
        if "000_" in document.path:
            raise ValueError("boom")
        return walk(self, document, *args)

    monkeypatch.setattr(analyze._Extractor, "walk", failing)
    heard: list[str] = []
    result = score_corpus(gold_path, seed_dir, lens, on_error=heard.append)
    assert len(heard) == 1 and heard[0].startswith("000_") and "ValueError: boom" in heard[0]
    assert result["detection"]["fn"] > 0
