"""Korean analysis throughput beside Kiwi's own tokenization of the same text.

Builds a corpus by repeating the Korean gold articles (../shared/sets-ko, when present)
or, without them, a paragraph of Korean news sentences; times `analyze_document` on
every article and `Kiwi.tokenize` on the same texts; prints characters per second and
their ratio (target: analysis at least a third of Kiwi's tokenization).

    python benchmarks/korean.py [--copies 20]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "sets-ko"
FALLBACK = (
    "트럼프가 재선되면 방위비 분담금 인상 요구가 거세질 것으로 보인다. "
    "김민수 고려대 교수는 “해리스가 당선되면 한·미 동맹이 한층 강화될 것”이라고 말했다. "
    "누가 당선되든 북한의 핵실험 가능성은 낮다.\n\n"
) * 20


def texts(copies: int) -> list[str]:
    from scenariodesk.ingest import read_documents
    from scenariodesk.lens import load_lens

    lens = load_lens()
    found = []
    if SHARED.is_dir():
        found = [
            d.text for _, d in read_documents(sorted(SHARED.glob("*/corpus")), lens) if hasattr(d, "text")
        ]
    return (found or [FALLBACK]) * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    from scenariodesk.analyze import analyze_document
    from scenariodesk.lens import load_lens
    from scenariodesk.models import Document
    from scenariodesk.nlp import kiwi

    lens = load_lens()
    corpus = texts(args.copies)
    chars = sum(len(t) for t in corpus)
    kiwi().tokenize(corpus[0])  # load the model before timing
    analyze_document(Document(text=corpus[0], language="ko", date="2024-09-01"), lens)
    started = time.perf_counter()
    statements = sum(
        len(analyze_document(Document(text=t, language="ko", date="2024-09-01"), lens).statements)
        for t in corpus
    )
    analysis = time.perf_counter() - started
    started = time.perf_counter()
    for t in corpus:
        kiwi().tokenize(t)
    tokenize = time.perf_counter() - started
    print(f"corpus: {len(corpus)} Korean articles, {chars:,} characters")
    print(f"analysis: {chars / analysis:,.0f} characters/s ({statements} statements)")
    print(f"kiwi tokenize: {chars / tokenize:,.0f} characters/s")
    print(f"ratio analysis / tokenize: {tokenize / analysis:.2f} (target >= 0.33)")


if __name__ == "__main__":
    main()
