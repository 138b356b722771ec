"""The desk's pages beyond the matrix: developments, the simulation and the brief, each
with its JSON API and downloads. They call the same functions as the CLI's
`developments`, `simulate` and `brief` commands, on one election cycle at a time.

No `from __future__ import annotations` here: FastAPI reads the routes' annotations,
which name aliases local to `add_desk_routes`."""

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as FastAPIPath
from fastapi.responses import HTMLResponse, Response

from scenariodesk.developments import development_page, developments_of
from scenariodesk.lens import Lens
from scenariodesk.models import DIRECTION_WORDS, StatementFilter
from scenariodesk.render import render_text, statement_to_dict
from scenariodesk.render.developments import development_to_dict
from scenariodesk.render.simulation import CAPTION
from scenariodesk.simulate import checked_prior, parse_prior, simulate
from scenariodesk.store import Store
from scenariodesk.web import views

CycleParam = Annotated[str | None, Query(pattern=r"^(\d{4}|all)?$")]
OutcomeParam = Annotated[str | None, Query(pattern=r"^[\w-]*$")]
PriorParam = Annotated[
    str | None, Query(description="Outcome probabilities, e.g. trump=0.55,harris=0.45 (default: the lens's).")
]
Runs = Annotated[int, Query(ge=100, le=200_000)]
Offset = Annotated[int, Query(ge=0, le=2**31)]
WEB_RUNS = 10_000
BRIEF_FORMATS = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
}


# ------------------------------------------------------------------------ data
DEVELOPMENTS_PAGE = 100  # developments per page, weightiest first within each outcome
STATEMENTS_SHOWN = 10  # statements listed under each development (its support says how many)


def developments_data(
    store: Store, lens: Lens, cycle: str | None, outcome: str | None, offset: int = 0
) -> dict[str, Any]:
    """A page of one cycle's developments, grouped by outcome, each with its first
    statements (the developments come from the store's cache: developments_of)."""
    if outcome and outcome not in lens.outcome_ids:
        raise HTTPException(422, f"unknown outcome {outcome!r}; the lens has {', '.join(lens.outcome_ids)}")
    year = views.pick_cycle(store, lens, cycle)
    counts, page = development_page(store, lens, year, outcome or None, offset, DEVELOPMENTS_PAGE)
    shown = [i for d in page for i in d.statements[:STATEMENTS_SHOWN]]
    statements = {s.id: statement_to_dict(s) for s in store.get_statements(shown)}
    groups: dict[str, list[dict[str, Any]]] = {}
    for d in page:
        groups.setdefault(d.outcome, []).append(
            development_to_dict(d)
            | {
                "direction_word": DIRECTION_WORDS[d.direction],
                "statement_rows": [statements[i] for i in d.statements[:STATEMENTS_SHOWN] if i in statements],
            }
        )
    return {
        "cycle": year,
        "cycles": store.cycles(),
        "outcome": outcome or None,
        "outcomes": [o for o in lens.outcome_ids if year is None or o in lens.cycle_outcomes(year)],
        "developments": counts["developments"],
        "pooled": counts["pooled"],
        "offset": offset,
        "shown": len(page),
        "next_offset": offset + DEVELOPMENTS_PAGE
        if offset + DEVELOPMENTS_PAGE < counts["developments"]
        else None,
        "groups": [
            {"id": o, "label": lens.labels.get(o, o), "developments": groups[o]}
            for o in lens.outcome_ids
            if o in groups
        ],
    }


def prior_from(text: str | None, lens: Lens, year: int | None) -> dict[str, float]:
    """The prior a request asks for, checked against the lens (422 naming the problem)."""
    if not text:
        return lens.default_prior(year)
    try:
        return checked_prior(parse_prior(text), lens.outcome_ids)
    except ValueError as exc:
        raise HTTPException(422, f"prior: {exc}") from None


def simulation_data(
    store: Store, lens: Lens, cycle: str | None, prior: str | None, runs: int, seed: int
) -> dict[str, Any]:
    """The Monte Carlo of one cycle under `prior`, with labels for the page."""
    year = views.pick_cycle(store, lens, cycle)
    found = developments_of(store, lens, year, every_statement=False)
    chosen = prior_from(prior, lens, year)
    result = simulate(found, lens.domain_ids, chosen, runs=runs, seed=seed)
    labels = {d.id: d.label for d in found}
    return {
        "cycle": year,
        "cycles": store.cycles(),
        "caption": CAPTION,
        "developments": len(found),
        "prior_text": ",".join(f"{k}={v:g}" for k, v in result.prior.items()),
        "default_prior": lens.default_prior(year),
        "outcome_labels": {o: lens.labels.get(o, o) for o in result.prior},
        "result": asdict(result),
        "rows": [
            asdict(d)
            | {
                "label": lens.labels.get(d.domain, d.domain),
                "drivers": [
                    asdict(c) | {"text": labels.get(c.development, c.label)} for c in d.contributions
                ],
            }
            for d in result.domains
        ],
    }


# ------------------------------------------------------------------------ routes
Page = Callable[..., HTMLResponse]  # renders a template with a context
StoreSource = Callable[[], Iterator[Store]]  # the per-request store dependency


def add_desk_routes(app: FastAPI, lens: Lens, page: Page, store: StoreSource) -> None:
    """/developments, /simulate and /brief, their APIs and the brief's download; `page`
    renders a template, `store` is the per-request store dependency (see app.py)."""
    _developments_routes(app, lens, page, store)
    _simulation_routes(app, lens, page, store)
    _brief_routes(app, lens, page, store)


def _developments_routes(app: FastAPI, lens: Lens, page: Page, store: StoreSource) -> None:
    StoreDep = Annotated[Store, Depends(store)]

    @app.get("/developments", response_class=HTMLResponse, include_in_schema=False)
    def developments_page(
        request: Request,
        s: StoreDep,
        cycle: CycleParam = None,
        outcome: OutcomeParam = None,
        offset: Offset = 0,
    ) -> HTMLResponse:
        return page(request, "developments.html", data=developments_data(s, lens, cycle, outcome, offset))

    @app.get(
        "/api/v1/developments",
        tags=["developments"],
        summary="One cycle's developments (projected events), by outcome, with their statements",
    )
    def api_developments(
        s: StoreDep, cycle: CycleParam = None, outcome: OutcomeParam = None, offset: Offset = 0
    ) -> dict[str, Any]:
        return developments_data(s, lens, cycle, outcome, offset)


def _simulation_routes(app: FastAPI, lens: Lens, page: Page, store: StoreSource) -> None:
    StoreDep = Annotated[Store, Depends(store)]

    @app.get("/simulate", response_class=HTMLResponse, include_in_schema=False)
    def simulate_page(
        request: Request, s: StoreDep, cycle: CycleParam = None, prior: PriorParam = None, seed: int = 0
    ) -> HTMLResponse:
        year = views.pick_cycle(s, lens, cycle)
        # The form sends one field per candidate (prior_trump=0.6): gathered into a prior.
        fields = {
            k.removeprefix("prior_"): v
            for k, v in request.query_params.items()
            if k.startswith("prior_") and v.strip()
        }
        text = prior or (",".join(f"{k}={v}" for k, v in fields.items()) if fields else None)
        data = simulation_data(s, lens, None if year is None else str(year), text, WEB_RUNS, seed)
        return page(request, "simulate.html", data=data)

    @app.get(
        "/api/v1/simulation",
        tags=["simulation"],
        summary="Monte Carlo over outcomes and developments: per-domain net direction (-1..+1)",
    )
    def api_simulation(
        s: StoreDep, cycle: CycleParam = None, prior: PriorParam = None, runs: Runs = WEB_RUNS, seed: int = 0
    ) -> dict[str, Any]:
        return simulation_data(s, lens, cycle, prior, runs, seed)


def _brief_routes(app: FastAPI, lens: Lens, page: Page, store: StoreSource) -> None:
    StoreDep = Annotated[Store, Depends(store)]

    @app.get(
        "/download/simulation.{fmt}",
        tags=["downloads"],
        summary="The simulation's per-domain table, CSV or JSON",
    )
    def download_simulation(
        fmt: Annotated[str, FastAPIPath(pattern="^(csv|json)$")],
        s: StoreDep,
        cycle: CycleParam = None,
        prior: PriorParam = None,
        seed: int = 0,
    ) -> Response:
        rows = views.table_rows("simulation", simulation_data(s, lens, cycle, prior, WEB_RUNS, seed))
        headers = {"Content-Disposition": f'attachment; filename="scenariodesk-simulation.{fmt}"'}
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
        return Response(render_text("rows", fmt, rows), media_type=media, headers=headers)

    @app.get("/brief", response_class=HTMLResponse, include_in_schema=False)
    def brief_page(request: Request, s: StoreDep, cycle: CycleParam = None) -> HTMLResponse:
        year = views.pick_cycle(s, lens, cycle)
        corpus = s.corpus_summary(StatementFilter(cycle=year))
        prior = lens.default_prior(year)
        return page(
            request,
            "brief.html",
            data={"cycle": year, "cycles": s.cycles(), "corpus": asdict(corpus), "prior": prior},
        )

    @app.get(
        "/download/brief.{fmt}", tags=["downloads"], summary="The briefing memo as HTML, Markdown or PDF"
    )
    def download_brief(
        request: Request,
        fmt: Annotated[str, FastAPIPath(pattern="^(html|md|pdf)$")],
        s: StoreDep,
        cycle: CycleParam = None,
        prior: PriorParam = None,
    ) -> Response:
        from scenariodesk.memo import MemoError, build_memo, write_memo

        year = views.pick_cycle(s, lens, cycle)
        chosen = prior_from(prior, lens, year)
        web_url = str(request.base_url).rstrip("/")
        memo = build_memo(s, lens, prior=chosen, runs=WEB_RUNS, cycle=year, web_url=web_url)
        name = f"scenariodesk-brief-{year or 'all'}.{fmt}"
        with tempfile.TemporaryDirectory(prefix="scenariodesk-brief-") as tmp:
            try:
                body = write_memo(memo, fmt, Path(tmp) / name).read_bytes()
            except MemoError as exc:
                raise HTTPException(503, str(exc)) from None
        headers = {"Content-Disposition": f'attachment; filename="{name}"'}
        return Response(body, media_type=BRIEF_FORMATS[fmt], headers=headers)
