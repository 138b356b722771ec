"""Forecast scores (Brier, log score, calibration) as terminal tables, Markdown or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from rich.table import Table
from rich.text import Text

from scenariodesk.render.registry import renderer
from scenariodesk.render.text import md_escape
from scenariodesk.track import ScoreReport


def scored_line(report: ScoreReport) -> str:
    return f"{report.scored} forecasts scored; {report.set_aside} set aside (conditioned on an outcome that lost, or on a condition of their own)"


@renderer("scores", "json")
def _json(report: ScoreReport) -> str:
    return json.dumps(asdict(report), ensure_ascii=False) + "\n"


@renderer("scores", "md")
def _markdown(report: ScoreReport) -> str:
    lines = [f"| {report.by} | forecasts | brier | log score |", "|---|---|---|---|"]
    for g in [*report.groups, report.overall]:
        lines.append(f"| {md_escape(g.group)} | {g.n} | {g.brier:.3f} | {g.log_score:.3f} |")
    lines += ["", f"{scored_line(report)}:", ""]
    lines += [
        f"- {'happened' if f.happened else 'did not happen'}, p={f.probability:.2f}, Brier {f.brier:.3f}: "
        f"{md_escape(f.forecaster)}, “{md_escape(f.sentence)}” (document {f.document_id}, {md_escape(f.outlet or 'unknown outlet')})"
        for f in report.forecasts
    ]
    return "\n".join(lines) + "\n"


@renderer("scores", "table")
def _table(report: ScoreReport) -> list[Any]:
    table = Table(title=f"Forecast scores by {report.by} (lower Brier is better)", title_justify="left")
    for name in (report.by, "forecasts", "brier", "log score"):
        table.add_column(name)
    for g in [*report.groups, report.overall]:
        table.add_row(
            Text(g.group),
            str(g.n),
            f"{g.brier:.3f}",
            f"{g.log_score:.3f}",
            end_section=g is report.groups[-1] if report.groups else False,
        )
    calibration = Table(title="Calibration", title_justify="left")
    for name in ("stated", "forecasts", "mean stated", "observed"):
        calibration.add_column(name)
    for c in report.calibration:
        if c["n"]:
            calibration.add_row(c["bin"], str(c["n"]), f"{c['mean_probability']:.2f}", f"{c['observed']:.2f}")
    forecasts = Table(title="Scored forecasts", title_justify="left")
    for name in ("doc", "p", "happened", "Brier", "forecaster", "statement"):
        forecasts.add_column(name, overflow="fold")
    for f in report.forecasts:
        forecasts.add_row(
            str(f.document_id),
            f"{f.probability:.2f}",
            "yes" if f.happened else "no",
            f"{f.brier:.3f}",
            Text(f.forecaster),
            Text(f.sentence),
        )
    return [table, calibration, forecasts]
