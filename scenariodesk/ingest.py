"""Read articles from .txt/.md/.html/.jsonl files, clean them and keep their metadata.

`read_documents` streams (Document | IngestError) for every article under the given
paths: a bad file or line becomes one IngestError naming it, and the batch goes on.
"""

from __future__ import annotations

import codecs
import csv
import errno
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from scenariodesk.clean import clean_text, markdown_text
from scenariodesk.lens import Lens
from scenariodesk.models import Document

SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl", ".parquet"}
SHARDS = {".jsonl", ".parquet"}  # many articles a file: read as a stream, no size limit
MAX_BYTES = 20 * 1024 * 1024  # larger files are refused: no article is 20 MB of text
SIDECAR = "metadata.csv"
_HEADER_KEYS = {"url", "date", "outlet", "title", "author", "language"}
_HEADER_LINE = re.compile(r"^([A-Za-z]+):\s*(.*)$")
# "Posted November. 04, 2020 07:41" and its kin, at the head of scraped pages.
_TEXT_DATE = re.compile(
    r"^(?:posted|published|updated|date|입력)\s*:?\s*"
    r"([A-Za-z]+\.?\s+\d{1,2}\.?,?\s+\d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2})",
    re.IGNORECASE | re.MULTILINE,
)
_APPROX = re.compile(r"\s*\(approx\)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class IngestError:
    """A file (or one line of it) that could not be read; `str()` is the one-line message."""

    path: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class Meta:
    title: str = ""
    date: str = ""
    date_precision: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    language: str = ""
    warnings: tuple[str, ...] = ()

    def over(self, other: Meta) -> Meta:
        """Self's non-empty fields over other's."""
        fields = {k: getattr(self, k) or getattr(other, k) for k in Meta.__dataclass_fields__}
        if self.date:
            fields["date_precision"] = self.date_precision
        fields["warnings"] = self.warnings + other.warnings
        return Meta(**fields)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Article files under `paths`, recursively, in a stable order; sidecars excluded. A
    symbolic link that leads nowhere (dangling, or a loop) is reported, not skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_symlink() and (problem := _broken_link(child)):
                    yield IngestError(str(child), problem)
                elif child.is_file() and child.suffix.lower() in SUFFIXES and child.name != SIDECAR:
                    yield child
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                yield IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
        else:
            yield IngestError(str(path), "no such file or folder")


def _broken_link(path: Path) -> str:
    """Why a symbolic link cannot be followed ("" when it can)."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop, skipped"
        return f"broken symbolic link (its target {os.readlink(path)!r} does not exist), skipped"
    return ""


def read_documents(
    paths: Iterable[str | Path], lens: Lens, *, metadata: str | Path | None = None
) -> Iterator[tuple[Path, Document | IngestError]]:
    """(file, Document | IngestError) for every article under `paths`."""
    explicit = _read_sidecar(Path(metadata)) if metadata else {}
    sidecars: dict[Path, dict[str, Meta]] = {}
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield Path(item.path), item
            continue
        folder = item.parent
        if folder not in sidecars:
            sidecar = folder / SIDECAR
            sidecars[folder] = _read_sidecar(sidecar) if sidecar.is_file() else {}
        side = explicit.get(item.name) or sidecars[folder].get(item.name) or Meta()
        for result in _read_file(item, side, lens):
            yield item, result


def _read_sidecar(path: Path) -> dict[str, Meta]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    out = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        if not name:
            continue
        precision = (row.get("date_precision") or "").strip()
        out[name] = Meta(
            title=(row.get("title") or "").strip(),
            date=(row.get("date") or "").strip(),
            date_precision=precision or ("day" if row.get("date") else ""),
            outlet=(row.get("outlet") or "").strip(),
            author=(row.get("author") or "").strip(),
            url=(row.get("url") or "").strip(),
            language=(row.get("language") or "").strip(),
        )
    return out


def _read_bytes(path: Path) -> str | IngestError:
    try:
        size = path.stat().st_size
        if size == 0:
            return IngestError(str(path), "empty file")
        if size > MAX_BYTES:
            return IngestError(str(path), f"too large ({size / 1e6:.0f} MB; limit {MAX_BYTES // 2**20} MiB)")
        data = path.read_bytes()
    except OSError as exc:
        return IngestError(str(path), f"cannot read: {exc.strerror or exc}")
    encoding = _encoding(data)
    if encoding is None:
        return IngestError(str(path), "binary file (NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        return IngestError(str(path), f"not {encoding.upper()} text (undecodable byte at offset {exc.start})")
    if not text.strip():
        return IngestError(str(path), "empty file (whitespace only)")
    return text


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _encoding(data: bytes) -> str | None:
    """The text encoding of a file: its byte-order mark, UTF-16 without one (every other
    byte NUL in ASCII-heavy text), else UTF-8; None for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:8192]
    if b"\x00" not in head:
        return "utf-8-sig"
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _read_file(path: Path, side: Meta, lens: Lens) -> Iterator[Document | IngestError]:
    suffix = path.suffix.lower()
    if suffix in SHARDS:
        yield from _read_shard(path, lens)
        return
    text = _read_bytes(path)
    if isinstance(text, IngestError):
        yield text
        return
    if suffix in {".html", ".htm"}:
        yield _from_html(path, text, side, lens)
    else:
        yield _from_text(path, text, side, lens)


def _parse_header(text: str) -> tuple[Meta, str]:
    """A leading block of `Key: value` lines ended by a blank line, if every key is known."""
    head, sep, body = text.partition("\n\n")
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if not sep or not lines:
        return Meta(), text
    fields: dict[str, str] = {}
    for line in lines:
        m = _HEADER_LINE.match(line.strip())
        if not m or m.group(1).lower() not in _HEADER_KEYS:
            return Meta(), text
        fields[m.group(1).lower()] = m.group(2).strip()
    date, precision = fields.get("date", ""), ""
    warnings = []
    if date:
        precision = "approx" if _APPROX.search(date) else "day"
        written = _APPROX.sub("", date)
        date, parsed_precision = normalize_date(written)
        precision = "approx" if precision == "approx" else parsed_precision
        if not date:
            warnings.append(f"DATE {written!r} is not a date: the article is stored undated")
    meta = Meta(
        title=fields.get("title", ""),
        date=date,
        date_precision=precision if date else "",
        outlet=fields.get("outlet", ""),
        author=fields.get("author", ""),
        url=fields.get("url", ""),
        language=fields.get("language", ""),
        warnings=tuple(warnings),
    )
    return meta, body


def normalize_date(value: str) -> tuple[str, str]:
    """(ISO date, precision) from free text via dateparser; ("", "") when unreadable."""
    import dateparser

    value = value.strip()
    if not value:
        return "", ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value, "day"
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True}
    parsed = dateparser.parse(value.replace(".", " "), languages=["en"], settings=settings)
    if parsed is None:
        parsed = dateparser.parse(value, settings=settings)
    if parsed is None:
        return "", ""
    if re.fullmatch(r"\d{4}", value):
        return parsed.date().isoformat(), "year"
    has_day = bool(re.search(r"\b\d{1,2}\b", re.sub(r"\b\d{4}\b", "", value)))
    return parsed.date().isoformat(), "day" if has_day else "month"


def _date_from_text(text: str) -> tuple[str, str]:
    m = _TEXT_DATE.search(text[:3000])
    return normalize_date(m.group(1)) if m else ("", "")


def _from_text(path: Path, text: str, side: Meta, lens: Lens) -> Document | IngestError:
    header, body = _parse_header(text)
    if path.suffix.lower() == ".md":
        body = markdown_text(body)  # links, emphasis and headings as their words
    meta = header.over(side)
    if not meta.date:
        date, precision = _date_from_text(body)
        meta = replace(meta, date=date, date_precision=precision)
    return _build(path, body, meta, lens)


def _from_html(path: Path, text: str, side: Meta, lens: Lens) -> Document | IngestError:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises many lxml types on broken pages
        return IngestError(str(path), f"malformed HTML: {exc}".splitlines()[0])
    if extracted is None:
        return IngestError(str(path), "malformed HTML: no article text found")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    # one line per block element: each is its own paragraph (never read as a hard wrap)
    body = "\n\n".join((data.get("text") or "").splitlines())
    if not re.search(r"\w{2}", body):
        return IngestError(str(path), "malformed HTML: no article text found")
    date, precision = normalize_date(data.get("date") or "")
    if date.endswith("-01-01") and not _states_day(text, date):
        # A page with only a year (a "(c) 2024" footer) gets January 1 from the date
        # extractor: the article is known to the year at most.
        precision = "year"
    html_meta = Meta(
        title=data.get("title") or "",
        date=date,
        date_precision=precision,
        outlet=data.get("sitename") or "",
        author=data.get("author") or "",
        url=data.get("url") or "",
        language=data.get("language") or "",
    )
    return _build(path, body, side.over(html_meta), lens)


def _states_day(html: str, iso: str) -> bool:
    """Does the page write this date with its day (2024-01-01, January 1, 2024, 1 Jan 2024)?"""
    year = iso[:4]
    return bool(
        re.search(
            rf"{year}-0?1-0?1\b|\bJan(uary|\.)?\s+0?1\b,?\s+{year}|\b0?1\s+Jan(uary|\.)?\s+{year}", html
        )
    )


def _read_shard(path: Path, lens: Lens) -> Iterator[Document | IngestError]:
    """A JSONL or Parquet shard, one article a line or row, streamed: a news dump of any
    size passes through in bounded memory."""
    try:
        if path.stat().st_size == 0:
            yield IngestError(str(path), "empty file")
            return
        records = _parquet_records(path) if path.suffix.lower() == ".parquet" else _jsonl_records(path)
        for number, record in records:
            if isinstance(record, str):
                yield IngestError(str(path), record, number)
            else:
                yield _from_record(path, number, record, lens)
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, object] | str]]:
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if len(raw) > MAX_BYTES:
                yield number, f"line too large ({len(raw) / 1e6:.0f} MB)"
                continue
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                yield number, f"not UTF-8 text (undecodable byte at offset {exc.start})"
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, f"malformed JSON: {exc.msg}"
                continue
            yield number, record if isinstance(record, dict) else "each line must be a JSON object"


def _parquet_records(path: Path) -> Iterator[tuple[int, dict[str, object] | str]]:
    import pyarrow.parquet as pq

    try:
        shard = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid and friends on broken files
        yield 0, f"not a readable Parquet file: {exc}".splitlines()[0]
        return
    names = set(shard.schema_arrow.names)
    if "text" not in names:
        yield 0, 'a Parquet shard needs a "text" column'
        return
    columns = [c for c in ("text", "title", "date", "url", "outlet", "author", "language") if c in names]
    number = 0
    for batch in shard.iter_batches(batch_size=256, columns=columns):
        for record in batch.to_pylist():
            number += 1
            yield number, record


def _from_record(path: Path, number: int, record: dict[str, object], lens: Lens) -> Document | IngestError:
    text = record.get("text")
    if not isinstance(text, str):
        return IngestError(str(path), 'each article needs a string "text"', number)
    if not text.strip():
        return IngestError(str(path), "empty text", number)
    for key in ("title", "date", "url", "outlet", "author", "language"):
        value = record.get(key)
        if (
            value is not None
            and not isinstance(value, str)
            and not (key == "date" and isinstance(value, int))
        ):
            kind = {dict: "an object", list: "a list", bool: "a boolean"}.get(
                type(value), type(value).__name__
            )
            return IngestError(str(path), f'"{key}" must be a string, got {kind}', number)
    date, precision = normalize_date(str(record.get("date") or ""))
    meta = Meta(
        title=str(record.get("title") or ""),
        date=date,
        date_precision=precision,
        outlet=str(record.get("outlet") or ""),
        author=str(record.get("author") or ""),
        url=str(record.get("url") or ""),
        language=str(record.get("language") or ""),
    )
    if not meta.date:
        date, precision = _date_from_text(text)
        meta = replace(meta, date=date, date_precision=precision)
    doc = _build(path, text, meta, lens, suffix=f"#{number}")
    return replace(doc, path=f"{path}#{number}") if not isinstance(doc, IngestError) else doc


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """ "ko" when Hangul makes up a third or more of the letters, else "en"."""
    sample = text[:5000]
    hangul, latin = len(_HANGUL.findall(sample)), len(_LATIN.findall(sample))
    return "ko" if hangul and hangul >= 0.33 * (hangul + latin) else "en"


def _build(path: Path, body: str, meta: Meta, lens: Lens, suffix: str = "") -> Document | IngestError:
    cleaned = clean_text(body, lens, title=meta.title, outlet=meta.outlet)
    if not cleaned.text.strip():
        return IngestError(f"{path}{suffix}", "no article text left after cleaning")
    title = meta.title or cleaned.text.split("\n\n", 1)[0][:300]
    warnings = meta.warnings
    return Document(
        text=cleaned.text,
        path=str(path),
        title=title,
        date=meta.date,
        date_precision=meta.date_precision,
        outlet=meta.outlet,
        author=meta.author,
        url=meta.url,
        language=meta.language or detect_language(cleaned.text),
        removed=cleaned.removed,
        warnings=warnings,
    )
