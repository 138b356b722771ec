"""Linear models trained by `scenariodesk train` and shipped as JSON in the package.

A model file holds a logistic regression's classes, intercepts and one weight row per
feature name (sparse: features with no weight are left out). Reading it needs nothing
but the standard library, so analysis never depends on scikit-learn; `train.py` writes
these files. Binary models (two classes) keep one row and score with a sigmoid;
multinomial ones with a softmax.
"""

from __future__ import annotations

import hashlib
import json
import math
from importlib import resources
from pathlib import Path


class ModelFileError(ValueError):
    pass


def packaged_model(name: str) -> Path:
    """A model file named in a lens: absolute, or in the package's `models/` folder."""
    path = Path(name)
    return path if path.is_absolute() else Path(str(resources.files("scenariodesk").joinpath("models", name)))


class LinearModel:
    def __init__(self, path: Path) -> None:
        raw = path.read_bytes()
        try:
            data = json.loads(raw)
            self.kind: str = data["kind"]
            self.classes: list[str] = [str(c) for c in data["classes"]]
            self.weights: dict[str, list[float]] = data["weights"]
            self.intercept: list[float] = data["intercept"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelFileError(f"{path}: not a scenariodesk model file ({exc})") from exc
        self.threshold: float = float(data.get("threshold", 0.5))
        self.meta: dict = data.get("trained_on") or {}  # type: ignore[type-arg]
        self.version = hashlib.sha256(raw).hexdigest()[:12]

    def _totals(self, feats: dict[str, float]) -> list[float]:
        totals = list(self.intercept)
        for key, value in feats.items():
            row = self.weights.get(key)
            if row:
                for k, w in enumerate(row):
                    totals[k] += w * value
        return totals

    def probabilities(self, feats: dict[str, float]) -> list[float]:
        """One probability per class, in `classes` order."""
        totals = self._totals(feats)
        if len(totals) == 1:  # binary: the row scores the second class
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, totals[0]))))
            return [1 - p, p]
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        norm = sum(exps)
        return [e / norm for e in exps]
