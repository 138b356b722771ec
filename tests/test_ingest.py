"""Reading articles: formats, metadata, and bad input that must not stop the batch."""

from __future__ import annotations

import json

import pytest

from scenariodesk.ingest import IngestError, read_documents
from scenariodesk.pipeline import ingest_paths

BODY = (
    "If Trump wins the election, Washington is likely to demand that Seoul pay more for U.S. troops "
    "stationed on the peninsula, according to several analysts who follow the alliance closely."
)


def _read(paths, lens, **kw):
    return [item for _, item in read_documents(paths, lens, **kw)]


def test_ingest_txt_header_block_sets_metadata(tmp_path, lens):
    f = tmp_path / "a.txt"
    f.write_text(
        "URL: https://example.com/a\nDATE: 2024-10 (approx)\nOUTLET: Example Daily\n"
        "TITLE: Trump and the alliance\nAUTHOR: Kim Min-ji\nLANGUAGE: en\n\n" + BODY
    )
    (doc,) = _read([f], lens)
    assert (doc.url, doc.outlet, doc.title, doc.author, doc.language) == (
        "https://example.com/a",
        "Example Daily",
        "Trump and the alliance",
        "Kim Min-ji",
        "en",
    )
    assert doc.date == "2024-10-01"
    assert doc.date_precision == "approx"
    assert doc.text == BODY


def test_ingest_date_from_scraped_text(tmp_path, lens):
    f = tmp_path / "b.txt"
    f.write_text("Go to contents\n\nPosted November. 04, 2020 07:41\n\n" + BODY)
    (doc,) = _read([f], lens)
    assert (doc.date, doc.date_precision) == ("2020-11-04", "day")
    assert "Posted" not in doc.text


def test_ingest_sidecar_metadata_csv(tmp_path, lens):
    (tmp_path / "c.txt").write_text(BODY)
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,date,date_precision,title,author,language\nc.txt,Korea Daily,2024-07-01,approx,T,,en\n"
    )
    (doc,) = _read([tmp_path], lens)
    assert (doc.outlet, doc.date, doc.date_precision, doc.title) == (
        "Korea Daily",
        "2024-07-01",
        "approx",
        "T",
    )


def test_ingest_seed_folder_keeps_provenance(seed_dir, lens):
    docs = _read([seed_dir], lens)
    assert len(docs) == 5
    assert all(not isinstance(d, IngestError) for d in docs)
    by_name = {d.path.rsplit("/", 1)[-1]: d for d in docs}
    korea_times = by_name["002_d509663c740449ec.txt"]
    assert korea_times.outlet == "The Korea Times"
    assert korea_times.title == "Biden presidency could expedite cost-sharing talks"


def test_ingest_jsonl_one_article_per_line(tmp_path, lens):
    f = tmp_path / "feed.jsonl"
    lines = [
        {"text": BODY, "title": "One", "date": "2024-09-30", "outlet": "O", "url": "u1"},
        {"text": BODY.replace("Trump", "Harris"), "title": "Two"},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    docs = _read([f], lens)
    assert [d.title for d in docs] == ["One", "Two"]
    assert docs[0].date == "2024-09-30"
    assert docs[0].path.endswith("feed.jsonl#1")


def test_ingest_html_through_trafilatura(tmp_path, lens):
    f = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{BODY} Paragraph {i}.</p>" for i in range(3))
    f.write_text(
        "<html><head><title>Seoul braces</title>"
        '<meta property="article:published_time" content="2024-10-02">'
        '<meta property="og:site_name" content="Example Herald"></head>'
        "<body><nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        f"<article><h1>Seoul braces for a second Trump term</h1>{paragraphs}</article>"
        "<footer>Copyright 2024 Example Herald. All rights reserved.</footer></body></html>"
    )
    (doc,) = _read([f], lens)
    assert "Paragraph 2" in doc.text
    assert "All rights reserved" not in doc.text
    assert doc.date == "2024-10-02"


def test_each_block_of_an_html_page_is_its_own_paragraph(tmp_path, lens):
    """A page's paragraphs are set apart by its markup: one that opens in lower case
    after one with no sentence end is not read as a hard-wrapped line."""
    f = tmp_path / "page.html"
    first = f"{BODY} Pyongyang could resume long-range missile tests within months, and Seoul"
    f.write_text(
        "<html><head><title>Seoul braces</title></head><body><article><h1>Seoul braces</h1>"
        f"<p>{first}</p><p>would again find itself living under the shadow of a crisis.</p>"
        "</article></body></html>"
    )
    (doc,) = _read([f], lens)
    assert doc.text.split("\n\n")[-2:] == [
        first,
        "would again find itself living under the shadow of a crisis.",
    ]


def test_a_markdown_article_is_read_as_its_text(tmp_path, lens):
    f = tmp_path / "saved.md"
    f.write_text(
        "# Seoul braces for a second Trump term\n\n"
        "![Trump at a rally](https://example.com/rally.jpg)\n\n"
        f"**SEOUL** — {BODY} If [Trump](https://example.com/trump) wins, *tariffs* on Korean\n"
        "cars could rise sharply, analysts said.\n\n"
        '> "The alliance will hold," a diplomat said.\n'
    )
    (doc,) = _read([f], lens)
    assert doc.text.split("\n\n") == [
        "Seoul braces for a second Trump term",
        f"SEOUL — {BODY} If Trump wins, tariffs on Korean cars could rise sharply, analysts said.",
        '"The alliance will hold," a diplomat said.',
    ]


BAD_FILES = [
    pytest.param("bin.txt", b"\x00\x01\x02binary\x00", "binary", id="binary"),
    pytest.param("empty.txt", b"", "empty", id="empty"),
    pytest.param("blank.md", b"   \n\n", "empty", id="whitespace-only"),
    pytest.param("latin1.txt", "caf\xe9 society".encode("latin-1"), "UTF-8", id="undecodable"),
    pytest.param("broken.html", b"<html><body><div>\x3c/", "HTML", id="malformed-html"),
    pytest.param("notes.pdf", b"%PDF-1.4", "unsupported", id="unsupported-type"),
]


@pytest.mark.parametrize(("name", "content", "words"), BAD_FILES)
def test_ingest_bad_file_gives_one_error_and_batch_goes_on(tmp_path, lens, name, content, words):
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    items = _read([tmp_path / name, good], lens)
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(errors) == 1
    assert name in str(errors[0]) and words in str(errors[0])
    assert "\n" not in str(errors[0])
    assert [i.text for i in items if not isinstance(i, IngestError)] == [BODY]


def test_ingest_oversized_file_is_refused(tmp_path, lens):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    (error,) = _read([big], lens)
    assert isinstance(error, IngestError)
    assert "huge.txt" in str(error) and "too large" in str(error)


def test_ingest_malformed_jsonl_line_names_the_line(tmp_path, lens):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"text": BODY}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n")
    items = _read([f], lens)
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert errors[0].startswith(f"{f}:2: malformed JSON")
    assert errors[1].startswith(f"{f}:3: ")
    assert sum(not isinstance(i, IngestError) for i in items) == 1


def test_ingest_twice_adds_nothing_and_keeps_store(store, seed_dir, lens):
    first = ingest_paths(store, [seed_dir], lens)
    second = ingest_paths(store, [seed_dir], lens)
    assert (first.added, second.added, second.duplicates) == (5, 0, 5)
    assert store.count_documents() == 5


def test_ingest_near_duplicate_is_skipped(tmp_path, store, lens):
    long_body = " ".join(f"{BODY} Sentence number {i} adds detail." for i in range(8))
    (tmp_path / "a.txt").write_text(long_body)
    (tmp_path / "b.txt").write_text(long_body.replace("several analysts", "many analysts", 1) + " Updated.")
    report = ingest_paths(store, [tmp_path], lens)
    assert (report.added, report.duplicates) == (1, 1)
