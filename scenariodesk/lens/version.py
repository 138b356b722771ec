"""Which code decides what analysis finds: the lens fingerprint includes a digest of these
modules, so `analyze` redoes documents analyzed by older code."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

# The modules whose code decides what analysis finds: a change to any of them changes
# every lens's fingerprint, so `analyze` redoes documents analyzed by older code.
_ANALYSIS_MODULES = (
    *("analyze.py", "sentences.py", "clauses.py", "discourse.py", "attribution.py", "analyze_ko.py"),
    *(
        "direction.py",
        "effects.py",
        "vocabulary.py",
        "learned.py",
        "nlp.py",
        "proposition.py",
        "signposts.py",
        "ko_names.py",
        "ko_speakers.py",
        "speakers.py",
        "names.py",
    ),
    *("background.py", "lens/__init__.py", "lens/patterns.py", "lens/pattern_source.py", "lens/korean.py"),
    *("lens/briefing.py", "lens/cycles.py"),
)


@lru_cache(maxsize=1)
def analysis_code_version() -> str:
    """A digest of the analysis modules' source."""
    digest = hashlib.sha256()
    for name in _ANALYSIS_MODULES:
        digest.update(resources.files("scenariodesk").joinpath(name).read_bytes())
    return digest.hexdigest()[:12]
