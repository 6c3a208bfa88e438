"""Summaries (median, p95, floor, ratio), results.json and the table in BENCHMARKS.md."""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path

BEGIN = "<!-- bench:begin (written by `make bench`; edit outside these markers) -->"
END = "<!-- bench:end -->"

#: Every measure a run reports, in table order.
MEASURES = (
    "startup",
    "startup_loaded",
    "imports",
    "memory",
    "vote",
    "vote_domain",
    "commit_sync",
    "phone_vote",
    "open_domain",
    "open_console",
    "export_docx",
    "export_pdf",
)

LABELS = {
    "startup": "Start-up to console painted",
    "startup_loaded": "Start-up to the workshop shown (file read, step page painted)",
    "imports": "Import time during start-up (python -X importtime)",
    "memory": "Peak resident memory, workshop shown",
    "vote": "One nominative vote, committed and both views updated",
    "vote_domain": "One nominative vote, Session.run only (no UI)",
    "commit_sync": "Bare INSERT + COMMIT at synchronous=EXTRA (the app's)",
    "phone_vote": "Phone vote, 100 phones at once: request to acknowledgement (loopback)",
    "open_domain": "Open: Session.open + snapshot.load",
    "open_console": "Open: controller.open, console painted",
    "export_docx": "Export: charter DOCX",
    "export_pdf": "Export: minutes PDF",
}

FLOORS = {
    "startup": "bare PySide6 window painted",
    "startup_loaded": "bare PySide6 window painted",
    "imports": "the bare window's imports (Python, PySide6)",
    "memory": "bare PySide6 window",
    "vote": "bare sqlite3 INSERT + COMMIT, same pragmas, same folder",
    "vote_domain": "bare sqlite3 INSERT + COMMIT, same pragmas, same folder",
    "commit_sync": "the same at synchronous=FULL (no folder sync after the journal is deleted)",
    "phone_vote": "GET /healthz from the same 100 phones (another process), same server stack",
    "open_domain": "bare sqlite3: every row of every table",
    "open_console": "bare sqlite3: every row of every table",
    "export_docx": "same paragraphs, table rows, comments with python-docx",
    "export_pdf": "same paragraphs and table rows with reportlab",
}


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summarise(
    measure: str,
    size: str,
    unit: str,
    samples: list[float],
    floor: list[float],
    *,
    with_p95: bool = False,
    extra: dict | None = None,
) -> dict:
    """One result object: median (and p95), the floor's, and their ratio."""
    median = statistics.median(samples)
    floor_median = statistics.median(floor)
    entry: dict = {
        "measure": measure,
        "size": size,
        "unit": unit,
        "n": len(samples),
        "median": median,
        "floor": floor_median,
        "ratio": median / floor_median if floor_median else math.inf,
        "floor_label": FLOORS[measure],
    }
    if with_p95:
        entry["p95"] = p95(samples)
        entry["floor_p95"] = p95(floor)
        entry["ratio_p95"] = entry["p95"] / entry["floor_p95"] if entry["floor_p95"] else math.inf
        entry["max"] = max(samples)
    if extra:
        entry.update(extra)
    return entry


def not_measured(measure: str, size: str, reason: str) -> dict:
    return {"measure": measure, "size": size, "not_measured": reason}


# -- targets -------------------------------------------------------------------------------
def judge(entry: dict) -> None:
    """Add ``target`` and ``met`` where the issue sets a target for this measure and size."""
    if "not_measured" in entry:
        return
    m, size = entry["measure"], entry["size"]
    checks: list[tuple[str, bool]] = []
    if m == "startup":
        checks.append(("≤ 2× bare window", entry["ratio"] <= 2))
    elif m == "imports":
        heavy = entry.get("heavy", [])
        checks.append(("no python-docx, reportlab nor export writer imported", not heavy))
    elif m == "memory":
        checks.append(("≤ bare + 150 MiB", entry["delta_mib"] <= 150))
    elif m == "vote" and size == "L":
        checks.append(("p95 ≤ 5× bare commit p95", entry["ratio_p95"] <= 5))
        checks.append(("p95 < 16.7 ms", entry["p95"] < 16.7))
    elif m == "phone_vote":
        checks.append(("p95 ≤ 3× bare round trip p95", entry["ratio_p95"] <= 3))
        checks.append(("p95 < 50 ms", entry["p95"] < 50))
    elif m == "vote" and size == "XL":
        checks.append(("p95 < 33 ms", entry["p95"] < 33))
    elif m in ("open_domain", "open_console") and size == "L":
        checks.append(("≤ 0.3 s", entry["median"] <= 0.3))
    elif m in ("export_docx", "export_pdf") and size in ("L", "XL"):
        checks.append(("≤ 1.3× floor", entry["ratio"] <= 1.3))  # issue 16
        if size == "XL" and m == "export_pdf":
            checks.append(("< 60 s", entry["median"] < 60))
    if checks:
        entry["target"] = "; ".join(text for text, _ in checks)
        entry["met"] = all(ok for _, ok in checks)


# -- output --------------------------------------------------------------------------------
def write_json(path: Path, document: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _num(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def _value(entry: dict, key: str) -> str:
    return _num(entry[key], entry["unit"]) if key in entry else "—"


def markdown(document: dict) -> str:
    m = document["machine"]
    disk = m["disk"]
    lines = [
        BEGIN,
        "",
        f"Run: {document['started']} ({document['mode']}, {document['elapsed_s']:.0f} s), "
        f"generator v{document['generator']['version']}.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; {m['os']}; "
        f"Python {m['python']}, PySide6 {m['pyside6']} (Qt {m['qt']}), SQLite {m['sqlite']}, "
        f"python-docx {m['python_docx']}, reportlab {m['reportlab']}; "
        f"folder {m['folder']} on {disk['device']} ({disk['filesystem']}, "
        f"sysfs rotational={disk.get('rotational', '?')}), Qt platform offscreen.",
        "",
        "| Measure | Size | Median | p95 | Floor (median / p95) | Ratio | Target | Met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for entry in document["results"]:
        label = LABELS[entry["measure"]]
        if "not_measured" in entry:
            lines.append(
                f"| {label} | {entry['size']} | not measured: {entry['not_measured']} | | | | | |"
            )
            continue
        floor = _value(entry, "floor") + (
            f" / {_value(entry, 'floor_p95')}" if "floor_p95" in entry else ""
        )
        ratio = f"{entry['ratio']:.2f}×" + (
            f" (p95 {entry['ratio_p95']:.2f}×)" if "ratio_p95" in entry else ""
        )
        if entry["measure"] == "memory":
            ratio += f", +{entry['delta_mib']:.0f} MiB"
        if entry.get("heavy"):
            ratio += ", imported: " + ", ".join(entry["heavy"])
        met = {True: "yes", False: "**no**"}.get(entry.get("met"), "")
        lines.append(
            f"| {label} | {entry['size']} | {_value(entry, 'median')} | {_value(entry, 'p95')} "
            f"| {floor} | {ratio} | {entry.get('target', '')} | {met} |"
        )
    lines += ["", "Floors: " + "; ".join(f"{LABELS[k]} — {v}" for k, v in FLOORS.items()) + "."]
    lines += ["", "Growth with size (medians; votes as median / p95):", ""]
    lines += [
        "| Size | Participants | Clauses × rounds | Ballots | Votes stored | Audit events | File "
        "| Open (domain) | Open (console) | Vote (console) | of which snapshot.load "
        "| Vote (Session.run only) | DOCX | PDF |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    by = {(e["measure"], e["size"]): e for e in document["results"]}
    for size, info in document["sizes"].items():
        lines.append(
            f"| {size} | {info['participants']} | {info['clauses']} × {info['rounds']} "
            f"| {info['ballots']} | {info['votes']} | {info['audit_events']} "
            f"| {info['bytes'] / 1e6:.1f} MB "
            f"| {_cell(by, 'open_domain', size)} | {_cell(by, 'open_console', size)} "
            f"| {_vote_cell(by.get(('vote', size)))} "
            f"| {_extra(by.get(('vote', size)), 'snapshot_load_median')} "
            f"| {_vote_cell(by.get(('vote_domain', size)))} "
            f"| {_cell(by, 'export_docx', size)} | {_cell(by, 'export_pdf', size)} |"
        )
    slopes = document.get("growth_exponents", {})
    if slopes:
        lines += [
            "",
            "Growth exponent k in cost ∝ votes^k, fitted between the smallest and largest size "
            "(1 = linear): " + ", ".join(f"{k} {v:.2f}" for k, v in slopes.items()) + ".",
        ]
    lines += ["", END]
    return "\n".join(lines)


def _vote_cell(entry: dict | None) -> str:
    if not entry or "p95" not in entry:
        return "—"
    return f"{entry['median']:.1f} / {entry['p95']:.1f} ms (n={entry['n']})"


def _extra(entry: dict | None, key: str) -> str:
    if not entry or key not in entry:
        return "—"
    return f"{entry[key]:.1f} ms"


def _cell(by: dict, measure: str, size: str) -> str:
    entry = by.get((measure, size))
    if entry is None:
        return "—"
    if "not_measured" in entry:
        return "not measured"
    return _num(entry["median"], entry["unit"])


def update_markdown(path: Path, block: str) -> None:
    """Replace the generated block of ``path`` (or create the file around it)."""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            path.write_text(head + block + tail, encoding="utf-8")
            return
        path.write_text(text.rstrip() + "\n\n" + block + "\n", encoding="utf-8")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Benchmarks\n\n" + block + "\n", encoding="utf-8")
