"""The web UI and the JSON API, through FastAPI's test client."""

from __future__ import annotations

import re
import shutil
import time

import pytest
from fastapi.testclient import TestClient

from scenariodesk.web import create_app


@pytest.fixture(scope="module")
def client(seeded_db, tmp_path_factory):
    """A client over a copy of the analyzed seed corpus (uploads must not touch the shared one)."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    shutil.copy(seeded_db, db)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def _wait(client, job_id, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/v1/jobs/{job_id}").json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish: {job}")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/cells/trump/alliance",
        "/documents/1",
        "/sources",
        "/search?q=summit",
        "/ingest",
        "/developments",
        "/simulate",
        "/brief",
        "/openapi.json",
    ],
)
def test_web_pages_answer(client, path):
    response = client.get(path)
    assert response.status_code == 200


def test_api_matrix_is_the_page_data(client):
    data = client.get("/api/v1/matrix?cycle=all").json()
    rows = {r["outcome"]: r for r in data["rows"]}
    domains = [d["id"] for d in data["domains"]]
    cost = rows["trump"]["cells"][domains.index("cost_sharing")]
    assert cost["statements"] >= 4 and cost["net_direction"] < 0
    page = client.get("/?cycle=all").text
    assert 'href="/cells/trump/cost_sharing?cycle=all"' in page
    assert f"{cost['net_direction']:+.2f}" in page


def test_pages_count_one_statement_and_one_source_in_the_singular(client):
    data = client.get("/api/v1/matrix").json()  # the latest cycle, as the cell page
    domains = [d["id"] for d in data["domains"]]
    single = next(
        (r["outcome"], domains[i])
        for r in data["rows"]
        for i, c in enumerate(r["cells"])
        if c and c["statements"] == 1 and c["sources"] == 1
    )
    page = client.get(f"/cells/{single[0]}/{single[1]}").text
    assert "1 statement from 1 source." in page
    assert not re.search(r"\b1 statements", client.get("/?cycle=all").text)


def test_api_statements_filters_and_pagination(client):
    everything = client.get("/api/v1/statements", params={"limit": 500}).json()
    assert everything["total"] == len(everything["statements"]) > 50
    page = client.get("/api/v1/statements", params={"limit": 5, "offset": 5}).json()
    assert [s["id"] for s in page["statements"]] == [s["id"] for s in everything["statements"][5:10]]
    cha = client.get("/api/v1/statements", params={"source": "Victor Cha"}).json()
    assert cha["total"] > 0 and {s["source"] for s in cha["statements"]} == {"Victor Cha"}
    korea_times = client.get(
        "/api/v1/statements", params={"outlet": "The Korea Times", "date_to": "2020-12-31"}
    ).json()
    assert korea_times["total"] > 0 and {s["outlet"] for s in korea_times["statements"]} == {
        "The Korea Times"
    }
    likely = client.get("/api/v1/statements", params={"min_probability": 0.8}).json()
    assert all(s["probability"] >= 0.8 for s in likely["statements"])
    assert client.get("/api/v1/statements", params={"limit": 0}).status_code == 422
    assert client.get("/api/v1/statements", params={"date_from": "yesterday"}).status_code == 400


def test_api_cell_splits_by_direction(client):
    data = client.get("/api/v1/cells/biden/cost_sharing?cycle=2020").json()
    assert data["favourable"] and not data["unfavourable"]
    assert all("cost_sharing" in s["domains"] for s in data["favourable"])
    assert client.get("/api/v1/cells/sanders/alliance").status_code == 404


def test_api_document_and_search_hits_carry_document_id(client):
    hits = client.get("/api/v1/search", params={"q": "fourth summit"}).json()["hits"]
    assert hits and all(h["document_id"] for h in hits)
    doc = client.get(f"/api/v1/documents/{hits[0]['document_id']}").json()
    assert "fourth summit" in doc["text"]
    assert any(s["source"] == "Victor Cha" for s in doc["statements"])
    assert client.get("/api/v1/documents/9999").status_code == 404


def test_api_sources_lists_named_sources_by_outcome(client):
    sources = {s["name"]: s for s in client.get("/api/v1/sources").json()["sources"]}
    assert "author" not in sources
    cha = sources["Victor Cha"]
    assert {o["id"] for o in cha["outcomes"]} >= {"trump", "biden"}


def test_openapi_documents_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/matrix",
        "/api/v1/statements",
        "/api/v1/documents/{doc_id}",
        "/api/v1/sources",
        "/api/v1/search",
    ):
        assert path in paths
    assert "post" in paths["/api/v1/documents"]


ARTICLE = (
    "TITLE: Seoul braces\n\n"
    "If Trump wins, a second Trump term could strain the alliance, analysts said, and talks with "
    "Pyongyang are unlikely to resume soon, according to several experts in Seoul who follow the issue."
)


def test_api_upload_ingests_and_analyzes_in_background(client):
    files = [
        ("files", ("braces.txt", ARTICLE.encode(), "text/plain")),
        ("files", ("../../etc/passwd.txt", b"\x00\x01binary", "text/plain")),
        ("files", ("notes.pdf", b"%PDF", "application/pdf")),
    ]
    response = client.post("/api/v1/documents", files=files)
    assert response.status_code == 202
    job = _wait(client, response.json()["job"]["id"])
    assert job["state"] == "done"
    assert job["added"] == 1 and job["statements"] >= 1
    assert len(job["errors"]) == 2
    assert any("upload:passwd.txt" in e and "binary" in e for e in job["errors"])
    assert any("upload:notes.pdf" in e and "unsupported" in e for e in job["errors"])
    found = client.get("/api/v1/search", params={"q": "strain Pyongyang"}).json()["hits"]
    assert found


def test_upload_form_redirects_to_progress(client):
    response = client.post(
        "/ingest", files=[("files", ("again.txt", ARTICLE.encode(), "text/plain"))], follow_redirects=False
    )
    assert response.status_code == 303
    job_id = int(response.headers["location"].split("job=")[1])
    job = _wait(client, job_id)
    assert job["duplicates"] == 1  # the same article as the API upload above, or new
    page = client.get(f"/ingest?job={job_id}").text
    assert "See the updated matrix" in page


def test_upload_over_the_size_limit_is_refused(client, monkeypatch):
    from scenariodesk.web import app as web_app

    monkeypatch.setattr(web_app, "MAX_BYTES", 100)
    response = client.post("/api/v1/documents", files=[("files", ("big.txt", b"x" * 1000, "text/plain"))])
    job = _wait(client, response.json()["job"]["id"])
    assert job["added"] == 0 and "too large" in job["errors"][0]


XSS = (
    "TITLE: <script>alert('title')</script>\n"
    "URL: javascript:alert('url')\n"
    "OUTLET: <img src=x onerror=alert('outlet')>\n\n"
    "<script>alert('body')</script> If Trump wins, a second Trump term could strain the alliance "
    "<b onmouseover=alert('bold')>badly</b>, said <a href=\"javascript:alert('a')\">Evil Kim</a> of "
    "the <svg onload=alert('svg')>Institute.\n\n"
    "<iframe src=javascript:alert('frame')></iframe> Regardless of who wins, North Korea is expected to "
    "conduct a nuclear test <script>document.body.innerHTML=''</script>, experts said."
)


def test_untrusted_article_never_renders_as_markup(seeded_db, tmp_path):
    db = tmp_path / "xss.db"
    shutil.copy(seeded_db, db)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        response = c.post("/api/v1/documents", files=[("files", ("evil.txt", XSS.encode(), "text/plain"))])
        job = _wait(c, response.json()["job"]["id"])
        assert job["added"] == 1 and job["statements"] >= 1, job
        doc_id = c.get("/api/v1/search", params={"q": "strain badly"}).json()["hits"][0]["document_id"]
        pages = [
            "/",
            f"/documents/{doc_id}",
            "/documents",
            "/documents?outlet=" + "<img src=x onerror=alert('outlet')>",
            "/cells/trump/alliance",
            "/cells/any/nk_threat",
            "/sources",
            "/search?q=strain",
            "/search?q=alert",
            "/search?q=" + "<script>alert(1)</script>",
            "/developments?cycle=all",
            "/simulate?cycle=all",
        ]
        for path in pages:
            html = c.get(path).text
            for needle in (
                "<script>alert",
                "<img src=x",
                "<b onmouseover",
                "<svg onload",
                "<iframe",
                'href="javascript:',
                "<script>document",
            ):
                assert needle not in html, (path, needle)
        doc_page = c.get(f"/documents/{doc_id}").text
        assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in doc_page
        assert "javascript:alert(&#39;url&#39;)" in doc_page  # shown as text, not as a link


@pytest.mark.parametrize(
    ("how", "status"),
    [
        ({}, 401),
        ({"headers": {"Authorization": "Bearer wrong"}}, 401),
        ({"headers": {"Authorization": "Bearer s3cret"}}, 200),
        ({"params": {"token": "s3cret"}}, 200),
    ],
)
def test_token_is_required_when_configured(seeded_db, how, status):
    with TestClient(create_app(seeded_db, token="s3cret"), base_url="http://127.0.0.1") as c:
        assert c.get("/api/v1/matrix", **how).status_code == status


def test_token_in_query_sets_a_cookie_for_the_browser(seeded_db):
    with TestClient(create_app(seeded_db, token="s3cret"), base_url="http://127.0.0.1") as c:
        assert c.get("/", params={"token": "s3cret"}).status_code == 200
        assert c.get("/sources").status_code == 200  # the cookie now carries it


def test_serve_refuses_public_address_without_token(runner, tmp_path, monkeypatch):
    from scenariodesk.cli import app

    monkeypatch.delenv("SCENARIODESK_TOKEN", raising=False)
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "without a token" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cell_pages_through_statements_likeliest_first(client):
    first = client.get("/api/v1/cells/trump/nk_diplomacy").json()
    rows = first["favourable"] + first["unfavourable"] + first["mixed"]
    assert first["offset"] == 0 and first["total"] == len(rows)
    probabilities = [r["probability"] for r in sorted(rows, key=lambda r: -r["probability"])]
    assert max(probabilities) == probabilities[0]
    beyond = client.get("/api/v1/cells/trump/nk_diplomacy", params={"offset": first["total"]}).json()
    assert beyond["favourable"] == beyond["unfavourable"] == beyond["mixed"] == []


def test_scores_page_and_api(client):
    assert client.get("/scores").status_code == 200
    data = client.get("/api/v1/scores", params={"by": "outlet"}).json()
    assert data["by"] == "outlet" and "calibration" in data
    assert client.get("/api/v1/scores", params={"by": "weather"}).status_code == 404


def test_search_finds_word_forms_and_korean(tmp_path):
    """'troops' finds 'troop' (stemming), and a Korean word finds it with its particle."""
    from fastapi.testclient import TestClient

    from scenariodesk.lens import load_lens
    from scenariodesk.pipeline import analyze_store, ingest_paths
    from scenariodesk.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(
        "DATE: 2024-09-01\n\nIf Trump wins, a troop reduction on the peninsula could follow.\n"
    )
    (folder / "ko.txt").write_text(
        "DATE: 2024-09-01\n\n트럼프가 재선되면 방위비는 크게 오를 것으로 보인다.\n"
    )
    lens = load_lens()
    with Store(tmp_path / "s.db") as store:
        ingest_paths(store, [folder], lens)
        analyze_store(store, lens)
    with TestClient(create_app(tmp_path / "s.db"), base_url="http://127.0.0.1") as client:
        hits = client.get("/api/v1/search", params={"q": "troops"}).json()["hits"]
        assert any(h["kind"] == "statement" for h in hits)
        hits = client.get("/api/v1/search", params={"q": "방위비"}).json()["hits"]
        assert any(h["kind"] == "statement" for h in hits)


def test_documents_list_page_and_api(client):
    data = client.get("/api/v1/documents", params={"sort": "statements", "limit": 2}).json()
    assert data["total"] >= 5 and len(data["documents"]) == 2
    counts = [d["statements"] for d in data["documents"]]
    assert counts == sorted(counts, reverse=True) and all(
        d["status"] == "analyzed" for d in data["documents"]
    )
    last = client.get("/api/v1/documents", params={"limit": 2, "offset": data["total"] - 1}).json()
    assert len(last["documents"]) == 1
    cycle = client.get("/api/v1/documents", params={"cycle": "2024"}).json()
    assert 0 < cycle["total"] < data["total"]
    assert client.get("/api/v1/documents", params={"status": "failed"}).json()["total"] == 0
    assert client.get("/api/v1/documents", params={"sort": "bogus"}).status_code == 422
    html = client.get("/documents", params={"cycle": "2020"}).text
    assert "Documents" in html and 'href="/documents/' in html


def test_downloads_are_files_in_the_registrys_formats(client):
    import csv
    import io

    matrix = client.get("/download/matrix.csv")
    assert matrix.status_code == 200 and matrix.headers["content-type"].startswith("text/csv")
    assert 'filename="scenariodesk-matrix.csv"' in matrix.headers["content-disposition"]
    cells = list(csv.DictReader(io.StringIO(matrix.text)))
    api = client.get("/api/v1/matrix").json()
    assert len(cells) == sum(1 for row in api["rows"] for c in row["cells"] if c)
    trump = client.get("/download/statements.json?outcome=trump").json()
    assert trump and {s["condition"] for s in trump} == {"trump"}
    assert client.get("/download/developments.md").text.startswith("- **")
    assert client.get("/download/matrix.xml").status_code == 422


def test_an_unknown_outcome_or_domain_is_a_422_naming_the_valid_ones(client):
    response = client.get("/api/v1/statements?outcome=obama")
    assert response.status_code == 422 and "trump" in response.json()["detail"]
    assert client.get("/download/statements.csv?domain=weather").status_code == 422
    assert client.get("/api/v1/statements?outcome=trump").status_code == 200


def test_the_matrix_shows_one_cycle_with_its_candidates_and_its_own_totals(client):
    latest = client.get("/api/v1/matrix").json()
    every = client.get("/api/v1/matrix?cycle=all").json()
    older = client.get("/api/v1/matrix?cycle=2020").json()
    assert latest["cycle"] == max(latest["cycles"]) and every["cycle"] is None
    assert {r["outcome"] for r in older["rows"]} <= {"trump", "biden", "any"}
    assert 0 < latest["statements"] + older["statements"] <= every["statements"]  # undated uploads: no cycle
    page = client.get("/?cycle=2020").text
    assert "the 2020 election" in page and 'href="/cells/biden/alliance?cycle=2020"' in page
    assert client.get("/api/v1/matrix?cycle=1999").status_code == 404


def test_a_cells_header_follows_its_filters(client):
    every = client.get("/api/v1/cells/trump/cost_sharing?cycle=all").json()
    one_cycle = client.get("/api/v1/cells/trump/cost_sharing?cycle=2024").json()
    assert one_cycle["cell"]["statements"] == one_cycle["total"] < every["cell"]["statements"]


def test_a_cell_shows_the_cycle_its_matrix_shows(client):
    """With no cycle asked, a cell is the latest cycle's, as the matrix is: the same
    figures in the header, the matrix and the statements below."""
    matrix = client.get("/api/v1/matrix").json()
    domains = [d["id"] for d in matrix["domains"]]
    trump = next(r for r in matrix["rows"] if r["outcome"] == "trump")
    for domain, cell in zip(domains, trump["cells"], strict=True):
        if cell:
            data = client.get(f"/api/v1/cells/trump/{domain}").json()
            assert data["cycle"] == matrix["cycle"]
            assert data["cell"]["statements"] == cell["statements"] == data["total"]


def test_developments_page_lists_each_development_with_its_statements(client):
    data = client.get("/api/v1/developments?cycle=2020").json()
    assert data["cycle"] == 2020 and data["developments"] > 0
    assert {g["id"] for g in data["groups"]} <= {"trump", "biden", "any"}
    first = data["groups"][0]["developments"][0]
    assert [s["id"] for s in first["statement_rows"]] == first["statements"]
    page = client.get("/developments?cycle=2020").text
    assert f'id="{first["id"]}"' in page and "/documents/" in page
    biden = client.get("/api/v1/developments?cycle=2020&outcome=biden").json()
    assert [g["id"] for g in biden["groups"]] == ["biden"]
    bad = client.get("/api/v1/developments?outcome=sanders")
    assert bad.status_code == 422 and "trump" in bad.json()["detail"]


def test_simulate_page_recomputes_with_the_prior_from_its_fields(client):
    default = client.get("/api/v1/simulation?cycle=2020&runs=2000").json()
    assert set(default["result"]["prior"]) == {"trump", "biden"}
    shifted = client.get("/api/v1/simulation?cycle=2020&runs=2000&prior=trump=0.9,biden=0.1").json()
    assert shifted["result"]["prior"] == {"trump": 0.9, "biden": 0.1}
    assert shifted["result"]["wins"]["trump"] > default["result"]["wins"]["trump"]
    for row in shifted["rows"]:
        # (the mean may sit outside [p5, p95] when fewer than 5% of runs hold a value)
        assert -1 <= row["p5"] <= row["p95"] <= 1 and -1 <= row["mean"] <= 1
    page = client.get("/simulate?cycle=2020&prior_trump=0.9&prior_biden=0.1").text
    assert 'name="prior_trump"' in page and 'value="0.90"' in page
    bad = client.get("/api/v1/simulation?prior=sanders=1")
    assert bad.status_code == 422 and "unknown outcome 'sanders'" in bad.json()["detail"]
    assert client.get("/api/v1/simulation?prior=trump=-1").status_code == 422


def test_brief_downloads_as_markdown_and_html_for_a_cycle(client):
    md = client.get("/download/brief.md?cycle=2020&prior=trump=0.5,biden=0.5")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert 'filename="scenariodesk-brief-2020.md"' in md.headers["content-disposition"]
    assert "the 2020 election" in md.text.splitlines()[0]
    html = client.get("/download/brief.html?cycle=2020")
    assert html.status_code == 200 and "<html" in html.text
    assert "http://127.0.0.1/documents/" in html.text  # references link back to the desk
    assert client.get("/download/brief.doc").status_code == 422


def test_the_matrix_page_labels_its_rows_and_shows_a_legend_strength_and_dissent(client):
    data = client.get("/api/v1/matrix?cycle=all").json()
    page = client.get("/?cycle=all").text
    assert '<th scope="row">Trump wins</th>' in page and '<th scope="row">trump</th>' not in page
    assert 'class="legend"' in page and "−1 unfavourable" in page
    cells = [c for row in data["rows"] for c in row["cells"] if c]
    assert page.count('class="strength"') == len(cells)  # evidence shown apart from colour
    dissenting = [c for c in cells if c["dissent"] > 0]
    assert dissenting and f"dissent {dissenting[0]['dissent'] * 100:.0f}%" in page


def test_cell_and_search_pages_switch_cycles(client):
    cell = client.get("/cells/biden/alliance?cycle=2020").text
    assert '<option value="2020" selected>' in cell
    search = client.get("/search?q=alliance&cycle=2024").text
    assert '<option value="2024" selected>' in search
    hits = client.get("/api/v1/search?q=alliance&cycle=2024").json()["hits"]
    assert hits and all(h["date"] >= "2023" for h in hits)


@pytest.mark.parametrize(
    ("path", "column"),
    [
        ("/download/documents.csv?language=en", "outlet"),
        ("/download/sources.csv", "favourable"),
        ("/download/simulation.csv?cycle=2020&prior=trump=0.6,biden=0.4", "unfavourable"),
        ("/download/scores.csv", "brier"),
    ],
)
def test_every_table_downloads_as_csv_and_json(client, path, column):
    import csv
    import io

    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert column in (rows[0] if rows else {column: None})
    as_json = client.get(path.replace(".csv", ".json"))
    assert as_json.status_code == 200 and len(as_json.json()) == len(rows)
