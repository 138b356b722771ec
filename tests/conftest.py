"""Shared fixtures. The spaCy pipelines load once per run (lru_cache in scenariodesk.nlp)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scenariodesk.lens import Lens, load_lens
from scenariodesk.models import Document
from scenariodesk.pipeline import analyze_store, ingest_paths
from scenariodesk.store import Store

DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold" / "seeds.jsonl"


@pytest.fixture(scope="session")
def lens() -> Lens:
    return load_lens()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The bundled demo corpus: the five seed articles and their metadata.csv."""
    return Path(str(resources.files("scenariodesk").joinpath("demo_corpus")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as s:
        yield s


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path, lens: Lens) -> Path:
    """A database holding the analyzed seed corpus, built once per run; treat as read-only."""
    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    with Store(path) as s:
        ingest_paths(s, [seed_dir], lens)
        analyze_store(s, lens)
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def extract(lens: Lens):
    """extract(text, date=...) -> statements of a one-document corpus."""
    from scenariodesk.analyze import extract_statements

    def run(text: str, date: str = "2024-10-01", title: str = "") -> list:
        return extract_statements(Document(text=text, date=date, title=title, path="t.txt"), lens)

    return run


@pytest.fixture(scope="session")
def gold_path() -> Path:
    """Gold annotation of the seed corpus (a copy of ../shared/gold/seeds.jsonl)."""
    return GOLD


@pytest.fixture
def pg_url() -> str:
    """A PostgreSQL database emptied for this test. Set SCENARIODESK_TEST_PG to a URL to
    run these tests (`.ci/run` starts a throw-away cluster with scripts/pg-test-cluster);
    with SCENARIODESK_REQUIRE_POSTGRES set, a missing server fails instead of skipping."""
    import os

    url = os.environ.get("SCENARIODESK_TEST_PG")
    if not url:
        if os.environ.get("SCENARIODESK_REQUIRE_POSTGRES"):
            pytest.fail("SCENARIODESK_REQUIRE_POSTGRES is set but SCENARIODESK_TEST_PG is not")
        pytest.skip("no PostgreSQL server: set SCENARIODESK_TEST_PG=postgresql://...")
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return url
