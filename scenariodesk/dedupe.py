"""Fingerprints for duplicate detection: exact (content hash) and near (MinHash LSH bands)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16  # 16 bands x 8 rows: pairs above ~0.7 Jaccard share a band with high probability
ROWS = NUM_PERM // BANDS
NEAR_THRESHOLD = 0.8  # estimated Jaccard of word 5-gram sets at or above which a text repeats
_SHINGLE = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    content_hash: str
    signature: bytes  # NUM_PERM uint64 hash values
    bands: tuple[bytes, ...]  # one digest per band, the LSH keys kept in the store


def fingerprint(text: str) -> Fingerprint:
    words = _WORD.findall(text.casefold())
    content_hash = hashlib.sha256(" ".join(words).encode()).hexdigest()
    shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([s.encode() for s in shingles])
    values = minhash.hashvalues.astype(np.uint64)
    bands = tuple(
        hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest()
        for b in range(BANDS)
    )
    return Fingerprint(content_hash, values.tobytes(), bands)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    va = np.frombuffer(a, dtype=np.uint64)
    vb = np.frombuffer(b, dtype=np.uint64)
    return float(np.mean(va == vb))
