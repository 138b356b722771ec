"""The FastAPI app: HTML pages (Jinja2, server-side) and the JSON API under /api/v1, both
rendered from the data functions in views.py."""

import hmac
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi import Path as FastAPIPath
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from scenariodesk import __version__
from scenariodesk.developments import developments_of
from scenariodesk.ingest import MAX_BYTES
from scenariodesk.lens import Lens, load_lens
from scenariodesk.models import StatementFilter
from scenariodesk.render import plural, render_text
from scenariodesk.schemas import MatrixOut, StatementsPage
from scenariodesk.store import Store, damaged_message
from scenariodesk.web import views
from scenariodesk.web.desk import add_desk_routes
from scenariodesk.web.guard import LOOPBACK_HOSTS, Guard
from scenariodesk.web.jobs import Jobs, JobsFull

MAX_FILES = 50
MAX_REQUEST_BYTES = 100 * 1024 * 1024  # one upload request, all files together
TOKEN_COOKIE = "scenariodesk_token"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Ids and offsets are 64-bit signed integers in the store: a larger number is a 422 naming
# the parameter, never an overflow deep in the driver (a 500).
MAX_ROW_ID = 2**63 - 1
RowId = Annotated[int, FastAPIPath(ge=1, le=MAX_ROW_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_ROW_ID)]
CycleParam = Annotated[str | None, Query(pattern=r"^(\d{4}|all)?$")]


def create_app(
    db_path: str | Path,
    *,
    lens: Lens | None = None,
    token: str | None = None,
    allowed_hosts: Iterable[str] = (),
) -> FastAPI:
    """The web app over the store at `db_path`. With a `token`, every request must carry
    it (Authorization: Bearer, the cookie, or ?token= once, which sets the cookie). It
    answers only to loopback names and `allowed_hosts` (the bound address, a proxy's
    name); see guard.py for the checks every request passes first."""
    lens = lens or load_lens()
    db_path = str(db_path)
    Store(db_path).close()  # create or migrate now: a bad path fails at start, not per request
    app = FastAPI(
        title="scenariodesk",
        version=__version__,
        description="Scenario statements about an election's consequences, with their evidence.",
        docs_url=None,
        redoc_url=None,
    )
    package = resources.files("scenariodesk.web")
    templates = Jinja2Templates(directory=str(package.joinpath("templates")))
    templates.env.filters["plural"] = plural
    templates.env.globals.update(
        highlight=views.highlight,
        heat_style=views.heat_style,
        snippet_html=views.snippet_html,
        labels=lens.labels,
        version=__version__,
    )
    app.mount("/static", StaticFiles(directory=str(package.joinpath("static"))), name="static")
    jobs = Jobs(db_path, lens)
    app.state.jobs = jobs

    site = _Site(db_path, lens, templates, jobs)
    if token:
        _require_token(app, token)
    # Added last, so it runs first: hosts, cross-site writes and body size before anything.
    app.add_middleware(Guard, allowed_hosts=LOOPBACK_HOSTS | set(allowed_hosts), max_body=MAX_REQUEST_BYTES)
    _errors(app, site)
    _pages(app, site)
    _api(app, site)
    _api_documents(app, site)
    _downloads(app, site)
    add_desk_routes(app, site.lens, site.page, site.store)
    return app


def _filters(
    outcome: str | None = None,
    domain: str | None = None,
    source: str | None = None,
    outlet: str | None = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_probability: str | None = None,
    document_id: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
    cycle: CycleParam = None,
) -> StatementFilter:
    """Filters from the query string; empty form fields mean "any" (a cycle "all" too)."""
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value and not _DATE.match(value):
            raise HTTPException(400, f"{name} must be a date like 2024-10-28 (got {value!r})")
    probability = None
    if min_probability:
        try:
            probability = float(min_probability)
        except ValueError:
            raise HTTPException(400, f"min_probability must be a number (got {min_probability!r})") from None
    return StatementFilter(
        outcome=outcome or None,
        domain=domain or None,
        source=source or None,
        outlet=outlet or None,
        language=language or None,
        date_from=date_from or None,
        date_to=date_to or None,
        min_probability=probability,
        document_id=document_id,
        cycle=int(cycle) if cycle and cycle != "all" else None,
    )


class _Site:
    """What every route needs: the store's path, the lens, the templates, the job queue."""

    def __init__(self, db_path: str, lens: Lens, templates: Jinja2Templates, jobs: Jobs) -> None:
        self.db_path, self.lens, self.templates, self.jobs = db_path, lens, templates, jobs

    def store(self) -> Iterator[Store]:
        """A store per request (a FastAPI dependency), migrated once in create_app."""
        with Store(self.db_path, migrate=False) as s:
            yield s

    def filters(self, f: Annotated[StatementFilter, Depends(_filters)]) -> StatementFilter:
        """The query string's filters, with outcome and domain ids checked against the lens
        (an unknown one is a 422 naming the valid ids, not an empty list). A cell's routes
        take theirs from the path instead: an unknown cell there is a 404."""
        for name, value, known in (
            ("outcome", f.outcome, self.lens.outcome_ids),
            ("domain", f.domain, self.lens.domain_ids),
        ):
            if value and value not in known:
                raise HTTPException(422, f"unknown {name} {value!r}; the lens has {', '.join(known)}")
        return f

    def page(self, request: Request, name: str, **context: Any) -> HTMLResponse:
        context.setdefault("running", self.jobs.running())
        return self.templates.TemplateResponse(request, name, context)


def _errors(app: FastAPI, site: _Site) -> None:
    """A damaged database, a full job queue and a missing item, answered in one line."""
    templates, db_path = site.templates, site.db_path

    @app.exception_handler(sqlite3.DatabaseError)
    async def damaged(request: Request, exc: sqlite3.DatabaseError) -> Response:
        return JSONResponse({"detail": damaged_message(db_path, exc)}, status_code=503)

    @app.exception_handler(JobsFull)
    async def jobs_full(request: Request, exc: JobsFull) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "30"})

    @app.exception_handler(views.NotFound)
    async def not_found(request: Request, exc: views.NotFound) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return templates.TemplateResponse(request, "error.html", {"message": str(exc)}, status_code=404)


def _pages(app: FastAPI, site: _Site) -> None:
    """The HTML pages, each rendering one data function of views.py."""
    lens, jobs, page = site.lens, site.jobs, site.page
    StoreDep = Annotated[Store, Depends(site.store)]

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def matrix_page(request: Request, s: StoreDep, cycle: CycleParam = None) -> HTMLResponse:
        return page(request, "matrix.html", data=views.matrix_data(s, lens, cycle))

    @app.get("/cells/{outcome}/{domain}", response_class=HTMLResponse, include_in_schema=False)
    def cell_page(
        request: Request,
        outcome: str,
        domain: str,
        s: StoreDep,
        f: Annotated[StatementFilter, Depends(_filters)],
        offset: Offset = 0,
    ) -> HTMLResponse:
        f = views.cell_cycle(s, lens, f, asked="cycle" in request.query_params)
        return page(request, "cell.html", data=views.cell_data(s, lens, outcome, domain, f, offset))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request, s: StoreDep, q: Annotated[DocumentQuery, Depends()]) -> HTMLResponse:
        return page(request, "documents.html", data=views.documents_data(s, lens, **q.as_kwargs()))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: RowId, s: StoreDep) -> HTMLResponse:
        data = views.document_data(s, doc_id)
        return page(request, "document.html", data=data, paragraphs=views.document_html(data))

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request, s: StoreDep) -> HTMLResponse:
        return page(request, "sources.html", data=views.sources_data(s, lens))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, s: StoreDep, f: Annotated[StatementFilter, Depends(site.filters)], q: str = ""
    ) -> HTMLResponse:
        return page(request, "search.html", data=views.search_data(s, q, f))

    @app.get("/scores", response_class=HTMLResponse, include_in_schema=False)
    def scores_page(request: Request, s: StoreDep, by: str = "source") -> HTMLResponse:
        data = views.scores_data(s, lens, by)
        chart = views.reliability_data_uri(data) if data["scored"] else None
        return page(request, "scores.html", data=data, chart=chart)

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page(request: Request, job: int | None = None) -> HTMLResponse:
        found = jobs.get(job) if job else None
        return page(request, "ingest.html", job=found.to_dict() if found else None, max_mb=MAX_BYTES // 2**20)

    @app.post("/ingest", include_in_schema=False)
    async def ingest_form(request: Request, files: Annotated[list[UploadFile], File()]) -> RedirectResponse:
        job = jobs.submit(await _read_uploads(request, files))
        return RedirectResponse(f"/ingest?job={job.id}", status_code=303)


def _api(app: FastAPI, site: _Site) -> None:
    """The JSON API under /api/v1: the same data functions as the pages."""
    lens = site.lens
    StoreDep = Annotated[Store, Depends(site.store)]

    @app.get(
        "/api/v1/matrix",
        tags=["matrix"],
        summary="The scenario matrix: outcome x domain cells with evidence",
        response_model=MatrixOut,
    )
    def api_matrix(s: StoreDep, cycle: CycleParam = None) -> dict[str, Any]:
        """One election cycle's matrix: `cycle` a year, or "all"; default the latest."""
        return views.matrix_data(s, lens, cycle)

    @app.get(
        "/api/v1/cells/{outcome}/{domain}", tags=["matrix"], summary="One cell's statements, by direction"
    )
    def api_cell(
        request: Request,
        outcome: str,
        domain: str,
        s: StoreDep,
        f: Annotated[StatementFilter, Depends(_filters)],
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """One cell of one cycle's matrix: `cycle` a year, or "all"; default the latest."""
        return views.cell_data(
            s, lens, outcome, domain, views.cell_cycle(s, lens, f, "cycle" in request.query_params), offset
        )

    @app.get(
        "/api/v1/statements",
        tags=["statements"],
        summary="Scenario statements, filtered and paginated",
        response_model=StatementsPage,
    )
    def api_statements(
        s: StoreDep,
        f: Annotated[StatementFilter, Depends(site.filters)],
        limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE_SIZE)] = views.PAGE_SIZE,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return views.statements_data(s, f, limit, offset)

    @app.get(
        "/api/v1/sources",
        tags=["sources"],
        summary="Every named source and what it projected under each outcome",
    )
    def api_sources(s: StoreDep) -> dict[str, Any]:
        return views.sources_data(s, lens)

    @app.get(
        "/api/v1/scores",
        tags=["scores"],
        summary="Brier and log scores of resolved forecasts, with calibration",
    )
    def api_scores(s: StoreDep, by: str = "source") -> dict[str, Any]:
        return views.scores_data(s, lens, by)

    @app.get(
        "/api/v1/search", tags=["search"], summary="Full-text search over statements and document passages"
    )
    def api_search(
        s: StoreDep,
        f: Annotated[StatementFilter, Depends(site.filters)],
        q: str = "",
        limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE_SIZE)] = views.PAGE_SIZE,
    ) -> dict[str, Any]:
        return views.search_data(s, q, f, limit)


def _api_documents(app: FastAPI, site: _Site) -> None:
    """The documents API: list, read, upload (ingest and analysis in the background), jobs."""
    lens, jobs = site.lens, site.jobs
    StoreDep = Annotated[Store, Depends(site.store)]

    @app.get(
        "/api/v1/documents",
        tags=["documents"],
        summary="Stored documents: filtered by outlet, language, cycle, analysis status; sorted; paged",
    )
    def api_documents(s: StoreDep, q: Annotated[DocumentQuery, Depends()]) -> dict[str, Any]:
        return views.documents_data(s, lens, **q.as_kwargs())

    @app.get(
        "/api/v1/documents/{doc_id}", tags=["documents"], summary="A cleaned document with its statements"
    )
    def api_document(doc_id: RowId, s: StoreDep) -> dict[str, Any]:
        return views.document_data(s, doc_id)

    @app.post(
        "/api/v1/documents",
        tags=["documents"],
        status_code=202,
        summary="Upload articles; ingest and analysis run in the background",
    )
    async def api_upload(request: Request, files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
        job = jobs.submit(await _read_uploads(request, files))
        return {"job": job.to_dict(), "progress": f"/api/v1/jobs/{job.id}"}

    @app.get(
        "/api/v1/jobs/{job_id}", tags=["documents"], summary="Progress of an upload's ingest and analysis"
    )
    def api_job(job_id: RowId) -> dict[str, Any]:
        job = jobs.get(job_id)
        if job is None:
            raise views.NotFound(f"no job {job_id}")
        return job.to_dict()


# Text formats a download may take, with their media types.
DOWNLOADS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
}
DownloadFormat = Annotated[str, FastAPIPath(pattern="^(csv|json|md)$")]
TableFormat = Annotated[str, FastAPIPath(pattern="^(csv|json)$")]
MAX_TABLE_ROWS = 100_000  # rows of a downloaded documents list


def _downloads(app: FastAPI, site: _Site) -> None:
    """The matrix, statements (with the page's filters) and developments as files, through
    the same renderer registry as the CLI."""
    lens = site.lens
    StoreDep = Annotated[Store, Depends(site.store)]

    def attachment(kind: str, fmt: str, value: Any, name: str = "", **context: Any) -> Response:
        body = render_text(kind, fmt, value, **context)
        headers = {"Content-Disposition": f'attachment; filename="scenariodesk-{name or kind}.{fmt}"'}
        return Response(body, media_type=DOWNLOADS[fmt], headers=headers)

    @app.get(
        "/download/matrix.{fmt}", tags=["downloads"], summary="The scenario matrix as CSV, JSON or Markdown"
    )
    def download_matrix(fmt: DownloadFormat, s: StoreDep, cycle: CycleParam = None) -> Response:
        matrix, view = views.matrix_view(s, lens, cycle)
        return attachment("matrix", fmt, matrix, cycle=view.cycle, view=view)

    @app.get(
        "/download/statements.{fmt}",
        tags=["downloads"],
        summary="Statements (filtered) as CSV, JSON or Markdown",
    )
    def download_statements(
        fmt: DownloadFormat, s: StoreDep, f: Annotated[StatementFilter, Depends(site.filters)]
    ) -> Response:
        return attachment("statements", fmt, list(s.iter_statements(f)))

    @app.get(
        "/download/documents.{fmt}",
        tags=["downloads"],
        summary="The documents list (filtered) as CSV or JSON",
    )
    def download_documents(fmt: TableFormat, s: StoreDep, q: Annotated[DocumentQuery, Depends()]) -> Response:
        every = q.as_kwargs() | {"limit": MAX_TABLE_ROWS, "offset": 0}
        data = views.documents_data(s, lens, **every)
        return attachment("rows", fmt, views.table_rows("documents", data), name="documents")

    @app.get(
        "/download/sources.{fmt}", tags=["downloads"], summary="Every named source by outcome, CSV or JSON"
    )
    def download_sources(fmt: TableFormat, s: StoreDep) -> Response:
        return attachment(
            "rows", fmt, views.table_rows("sources", views.sources_data(s, lens)), name="sources"
        )

    def scores_table(table: str) -> Callable[..., Response]:
        def download(fmt: TableFormat, s: StoreDep, by: str = "source") -> Response:
            rows = views.table_rows(table, views.scores_data(s, lens, by))
            return attachment("rows", fmt, rows, name=table)

        return download

    for table in ("scores", "forecasts"):
        summary = f"The {table} table of /scores, CSV or JSON"
        app.get(f"/download/{table}.{{fmt}}", tags=["downloads"], summary=summary)(scores_table(table))

    @app.get(
        "/download/developments.{fmt}", tags=["downloads"], summary="Developments as CSV, JSON or Markdown"
    )
    def download_developments(fmt: DownloadFormat, s: StoreDep, cycle: CycleParam = None) -> Response:
        return attachment("developments", fmt, developments_of(s, lens, views.pick_cycle(s, lens, cycle)))


class DocumentQuery:
    """The documents list's query string; empty form fields mean "any"."""

    def __init__(
        self,
        outlet: str | None = None,
        language: Annotated[str | None, Query(pattern=r"^([a-z]{2,3})?$")] = None,
        cycle: Annotated[str | None, Query(pattern=r"^(\d{4})?$")] = None,
        status: Annotated[str | None, Query(pattern="^(analyzed|pending|failed)?$")] = None,
        has_statements: Annotated[str | None, Query(pattern="^(yes|no)?$")] = None,
        sort: Annotated[str, Query(pattern="^(id|date|outlet|statements)$")] = "id",
        limit: Annotated[int, Query(ge=1, le=views.MAX_PAGE_SIZE)] = views.PAGE_SIZE,
        offset: Offset = 0,
    ) -> None:
        self.values = {
            "outlet": outlet or None,
            "language": language or None,
            "cycle": int(cycle) if cycle else None,
            "status": status or None,
            "has_statements": {"yes": True, "no": False}.get(has_statements or ""),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }

    def as_kwargs(self) -> dict[str, Any]:
        return dict(self.values)


async def _read_uploads(request: Request, files: list[UploadFile]) -> list[tuple[str, bytes | str]]:
    """(client file name, bytes) per upload, or (name, one-line error) for a refused one.
    Starlette spools uploads to temporary files it names itself; the client's name is
    only ever a label."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_REQUEST_BYTES:
        raise HTTPException(413, f"upload too large (limit {MAX_REQUEST_BYTES // 2**20} MiB per request)")
    if len(files) > MAX_FILES:
        raise HTTPException(413, f"too many files (limit {MAX_FILES} per upload)")
    out: list[tuple[str, bytes | str]] = []
    for upload in files:
        name = re.sub(r"[\x00-\x1f\x7f]", "", upload.filename or "unnamed")[:200]
        data = await upload.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            out.append((name, f"upload:{name}: too large (limit {MAX_BYTES // 2**20} MiB)"))
        else:
            out.append((name, data))
        await upload.close()
    return out


def _require_token(app: FastAPI, token: str) -> None:
    expected = token.encode()

    def carried(request: Request) -> tuple[bool, bool]:
        """(request carries the token, it came in the query string)."""
        auth = request.headers.get("authorization", "")
        candidates = [
            auth[7:] if auth.lower().startswith("bearer ") else "",
            request.cookies.get(TOKEN_COOKIE, ""),
        ]
        query = request.query_params.get("token", "")
        ok = any(hmac.compare_digest(c.encode(), expected) for c in candidates if c)
        from_query = bool(query) and hmac.compare_digest(query.encode(), expected)
        return ok or from_query, from_query and not ok

    @app.middleware("http")
    async def check_token(request: Request, call_next: Callable[[Request], Any]) -> Response:
        ok, from_query = carried(request)
        if not ok:
            return JSONResponse(
                {"detail": "a valid token is required (Authorization: Bearer TOKEN)"}, status_code=401
            )
        response: Response = await call_next(request)
        if from_query:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response
