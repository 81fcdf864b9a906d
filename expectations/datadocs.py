"""Great Expectations Data Docs for each run, in a folder next to the warehouse, readable offline.

`build_run_docs(db_path, run_id)` runs once at the end of a run (never per batch) and writes into
`<warehouse dir>/<db stem>.datadocs/`:

    index.html                      the runs, newest first (the last KEEP_RUNS; older runs' pages are deleted)
    runs/<run_id>.html              one run: each validation (entries once, articles and mentions once per
                                    batch) with its failed expectations, linking to GX's page for it
    validations/<suite>/<run_id>/<run time>/<table>-<n>.html
                                    GX's validation result page (ValidationResultsPageRenderer), in GX's own
                                    layout so that its relative links (Home, the suite) work
    expectations/<suite>.html       GX's expectation suite page (the suite as the latest run used it)
    runs.json                       what the index is built from

The pages come from GX's renderers and Jinja views. GX's templates load bootstrap, jQuery, Font Awesome,
vega and a logo from CDNs, and its index page is a table drawn by bootstrap-table's JavaScript. So every
GX page is made offline (`offline_page`): external scripts, stylesheets and images are removed, a small
local stylesheet and a plain-JS "Failed Only" filter take their place, and a Content-Security-Policy lets
the page load nothing at all. The index and run pages are small static HTML written here, text escaped.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

try:
    import fcntl
except ImportError:  # not POSIX: runs of one warehouse are not expected to overlap there
    fcntl = None  # type: ignore[assignment]

from warehouse.files import write_text_atomic

from .runner import Validation, _gx, expectation_name, take_results

KEEP_RUNS = 50
MANIFEST = "runs.json"
_RUN_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")

log = logging.getLogger(__name__)


def docs_dir(db_path: Path | str) -> Path:
    """`warehouse/radar.duckdb` -> `warehouse/radar.datadocs` (absolute: GX's file store refuses relative paths)."""
    db_path = Path(db_path).absolute()
    return db_path.parent / f"{db_path.stem}.datadocs"


def index_path(db_path: Path | str) -> Path:
    return docs_dir(db_path) / "index.html"


def run_page_path(db_path: Path | str, run_id: str) -> Path:
    return docs_dir(db_path) / "runs" / f"{run_id}.html"


# --------------------------------------------------------------------------- offline pages

# Pages may load nothing (default-src 'none'). GX styles elements inline, hence 'unsafe-inline' for styles;
# with nothing loadable that only affects looks. The one script allowed is ours, by hash.
_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2329;background:#fff}
a{color:#1f5fa8}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.15rem}\
h4{font-size:1.05rem;margin:.2rem 0}h5{font-size:1rem;margin:0}
.navbar,header{display:flex;align-items:center;gap:1rem;padding:.6rem 1.2rem;border-bottom:1px solid #d0d7de;
  height:auto!important;background:#f6f8fa}
.navbar nav{display:flex;align-items:center;gap:1rem}
.breadcrumb{display:flex;flex-wrap:wrap;list-style:none;margin:0;padding:0;gap:.4rem}
.breadcrumb-item+.breadcrumb-item::before{content:"/";padding-right:.4rem;color:#6a737d}
.container-fluid,main{padding:1rem 1.5rem}
.row{display:flex;flex-wrap:wrap;gap:1.5rem}
.col-md-2{flex:0 0 14rem;max-width:14rem}
.col-md-10{flex:1 1 32rem;min-width:0}
.col-12,.col-sm-12{flex:1 1 100%;min-width:0}
.sticky{position:sticky;top:0}
.card{border:1px solid #d0d7de;border-radius:4px;margin-bottom:1rem}
.card-header{padding:.4rem .6rem;background:#f3f5f7;border-bottom:1px solid #d0d7de}
.card-body{padding:.6rem}
.nav{list-style:none;margin:0;padding:0}.nav-item{padding:.15rem 0}
.btn{display:inline-block;border:1px solid #1f5fa8;border-radius:4px;padding:.15rem .5rem;margin:.1rem;
  cursor:pointer;background:#fff;color:#1f5fa8}
.btn input{margin:0 .25rem 0 0}
.alert{padding:.45rem .75rem;border-radius:4px;background:#eef1f4;margin:.9rem 0 .3rem}
table{border-collapse:collapse;margin:.4rem 0;max-width:100%}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f5f7}
.table{width:100%}
code,pre{font:12px/1.4 ui-monospace,monospace;white-space:pre-wrap}
.text-success,.ok{color:#1a7f37}.text-danger,.bad{color:#c62828}
.fas{font-style:normal;font-weight:bold}
.fa-check-circle::before{content:"\\2714"}.fa-times::before{content:"\\2718"}
.note{color:#57606a}
.num{text-align:right}
.nowrap{white-space:nowrap}
"""

# GX's "Show All" / "Failed Only" buttons call jQuery functions; this does the same without jQuery.
_SCRIPT = """
(function(){
  function failedOnly(on){
    var d = on ? "none" : "";
    document.querySelectorAll(".hide-succeeded-validation-target-child").forEach(function(e){e.parentElement.style.display=d;});
    document.querySelectorAll(".hide-succeeded-validation-target").forEach(function(e){e.style.display=d;});
    document.querySelectorAll(".hide-succeeded-validations-column-section-target-child").forEach(function(e){
      var section = e.parentElement.parentElement; section.style.display = d;
      document.querySelectorAll('a[href="#' + section.id + '"]').forEach(function(a){a.style.display=d;});
    });
  }
  document.querySelectorAll("[data-docs-filter]").forEach(function(el){
    el.addEventListener("click", function(){ failedOnly(el.getAttribute("data-docs-filter") === "failed"); });
  });
  document.documentElement.setAttribute("data-docs-ready", "1");
})();
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


CSP = (f"default-src 'none'; script-src '{_sha256(_SCRIPT)}'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")
_HEAD = (f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
         '<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">')

_SCRIPT_TAG = re.compile(r"<script\b.*?</script\s*>", re.S | re.I)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
_FOOTER = re.compile(r"<footer\b.*?</footer\s*>", re.S | re.I)  # GX's newsletter sign-up link
_REMOTE_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?(?:[a-z][a-z0-9+.-]*:)?//[^>]*>", re.S | re.I)
_ALT = re.compile(r"\balt\s*=\s*\"([^\"]*)\"", re.I)
_REMOTE_CSS_URL = re.compile(r"url\(\s*['\"]?(?:[a-z][a-z0-9+.-]*:)?//[^)]*\)", re.I)
_FILTER_BUTTONS = {'onclick="showAllValidations()"': 'data-docs-filter="all"',
                   'onclick="hideSucceededValidations()"': 'data-docs-filter="failed"'}
_TAG = re.compile(r"<[a-z][^<>]*>", re.I)
_INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)


def _alt_text(image: re.Match[str]) -> str:
    alt = _ALT.search(image.group(0))
    return alt.group(1) if alt else ""


def offline_page(page: str) -> str:
    """A GX page that loads nothing from anywhere and still reads well without bootstrap and jQuery.

    Works on GX's template markup: text from the data arrives escaped (GX escapes its template parameters;
    the failing-value samples it writes raw were escaped when kept, see runner._keep), so a literal `<script`
    or `onclick="` can only come from a template. The CSP is the second line: whatever this misses cannot load.
    """
    page = _SCRIPT_TAG.sub("", page)  # CDN scripts, and inline ones that need jQuery
    page = _LINK_TAG.sub("", page)  # CDN stylesheets and the favicon
    page = _FOOTER.sub("", page)
    page = _REMOTE_IMG.sub(_alt_text, page)  # the GX logo -> its alt text
    page = _REMOTE_CSS_URL.sub("none", page)
    for old, new in _FILTER_BUTTONS.items():
        page = page.replace(old, new)
    page = _TAG.sub(lambda m: _INLINE_HANDLER.sub("", m.group(0)), page)
    page = re.sub(r"<head>", lambda _: "<head>" + _HEAD, page, count=1, flags=re.I)
    page = re.sub(r"</head>", lambda _: f"<style>{_CSS}</style></head>", page, count=1, flags=re.I)
    return re.sub(r"</body>", lambda _: f"<script>{_SCRIPT}</script></body>", page, count=1, flags=re.I)


def _static_page(title: str, body: str) -> str:
    """The index and run pages: ours, escaped by the callers, same policy and stylesheet as GX's pages."""
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">{_HEAD}'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n<body>{body}</body></html>\n")


# --------------------------------------------------------------------------- building


def build_run_docs(db_path: Path | str, run_id: str, results: list[Validation] | None = None,
                   keep_runs: int = KEEP_RUNS) -> Path:
    """Write the Data Docs of one run (default: the results kept since the last take) and return its page.

    Rebuilding a run replaces its entry. Only the newest `keep_runs` runs stay; older runs' pages are deleted.
    """
    if not _RUN_ID.fullmatch(run_id):
        raise ValueError(f"run id {run_id!r} cannot name a file")
    results = take_results() if results is None else results
    root = docs_dir(db_path)
    root.mkdir(parents=True, exist_ok=True)
    run_time = datetime.now(timezone.utc)
    with _locked(root):
        pages = _write_gx_pages(root, run_id, run_time, results) if results else []
        entry = {"run_id": run_id, "run_time": run_time.isoformat(), "pages": pages}
        runs: list[dict] = [entry]
        for old in _read_manifest(root):
            if old["run_id"] == run_id:
                _remove_run_files(root, old)  # a rebuilt run: its earlier pages sit under another run time
            else:
                runs.append(old)
        runs.sort(key=lambda r: r.get("run_time", ""), reverse=True)
        kept, dropped = runs[:max(keep_runs, 1)], runs[max(keep_runs, 1):]
        for old in dropped:
            _remove_run_files(root, old)
        write_text_atomic(root / MANIFEST, json.dumps(kept, indent=1))
        run_page = root / "runs" / f"{run_id}.html"
        write_text_atomic(run_page, _run_page(entry, Path(db_path).name))
        write_text_atomic(root / "index.html", _index_page(kept, Path(db_path).name, keep_runs))
    return run_page


def _write_gx_pages(root: Path, run_id: str, run_time: datetime, results: list[Validation]) -> list[dict]:
    """GX's validation page for each result and its suite's page, through GX's renderers and site store."""
    _gx()  # results exist, so GX is imported already; this only fetches the module
    from great_expectations.core.run_identifier import RunIdentifier  # noqa: PLC0415 - GX stays lazy
    from great_expectations.data_context.store.html_site_store import (  # noqa: PLC0415
        HtmlSiteStore,
        SiteSectionIdentifier,
    )
    from great_expectations.data_context.types.resource_identifiers import (  # noqa: PLC0415
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )
    from great_expectations.render.renderer import (  # noqa: PLC0415
        ExpectationSuitePageRenderer,
        ValidationResultsPageRenderer,
    )
    from great_expectations.render.view import DefaultJinjaPageView  # noqa: PLC0415

    store = HtmlSiteStore(store_backend={"class_name": "TupleFilesystemStoreBackend", "base_directory": str(root)})
    view = DefaultJinjaPageView()
    gx_run = RunIdentifier(run_name=run_id, run_time=run_time)
    pages, per_table, suites = [], dict[str, int](), {}
    for validation in results:
        per_table[validation.table] = per_table.get(validation.table, 0) + 1
        batch = f"{validation.table}-{per_table[validation.table]}"
        result = validation.result
        result.meta["run_id"] = gx_run  # the page header shows GX's run name and time
        if isinstance(result.meta.get("batch_spec"), dict):  # and the asset: GX leaves it out for dataframes
            result.meta["batch_spec"].setdefault("data_asset_name", validation.table)
        suite_name = result.suite_name
        suites[suite_name] = validation.suite
        key = ValidationResultIdentifier(ExpectationSuiteIdentifier(suite_name), gx_run, batch)
        document = ValidationResultsPageRenderer().render(result)
        store.set(SiteSectionIdentifier("validations", key),
                  offline_page(view.render(document, show_how_to_buttons=False)))
        stats = result.statistics or {}
        pages.append({
            "table": validation.table, "suite": suite_name, "batch": batch,
            "file": "/".join(("validations", *key.to_tuple())) + ".html",
            "suite_file": "/".join(("expectations", *key.expectation_suite_identifier.to_tuple())) + ".html",
            "success": bool(result.success), "rows": validation.n_rows,
            "evaluated": stats.get("evaluated_expectations"),
            "failed": [{"expectation": expectation_name(r.expectation_config.type,
                                                        r.expectation_config.kwargs.get("column")),
                        "rows": (r.result or {}).get("unexpected_count")}
                       for r in result.results if not r.success],
        })
    for suite_name, suite in suites.items():
        document = ExpectationSuitePageRenderer().render(suite)
        store.set(SiteSectionIdentifier("expectations", ExpectationSuiteIdentifier(suite_name)),
                  offline_page(view.render(document, show_how_to_buttons=False)))
    return pages


# --------------------------------------------------------------------------- our pages


def _href(file: str) -> str:
    return html.escape(quote(file), quote=True)


def _status(ok: bool) -> str:
    return '<span class="ok">passed</span>' if ok else '<span class="bad">failed</span>'


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (TypeError, ValueError):
        return ""


def _run_page(run: dict, db_name: str) -> str:
    rows = []
    for page in run["pages"]:
        failed = "<br>".join(f"{html.escape(f['expectation'])}: {html.escape(str(f['rows']))} row(s)"
                             for f in page["failed"])
        rows.append(f'<tr><td><a href="../{_href(page["file"])}">{html.escape(page["batch"])}</a></td>'
                    f'<td><a href="../{_href(page["suite_file"])}">{html.escape(page["suite"])}</a></td>'
                    f'<td>{_status(page["success"])}</td>'
                    f'<td class="num">{html.escape(str(page["rows"]))}</td>'
                    f'<td class="num">{html.escape(str(page["evaluated"]))}</td><td>{failed}</td></tr>')
    table = ("<table><thead><tr><th>validation</th><th>expectation suite</th><th>status</th><th>rows</th>"
             "<th>expectations</th><th>failed expectations (failing rows)</th></tr></thead><tbody>"
             + "".join(rows) + "</tbody></table>") if rows else (
        '<p class="note">Nothing was validated in this run (no new entries, articles or mentions).</p>')
    run_id = html.escape(run["run_id"])
    body = (f'<header><a href="../index.html">All runs</a><span>Warehouse {html.escape(db_name)}</span></header>'
            f"<main><h1>Run {run_id}</h1><p class=\"note\">Great Expectations validation results of this run, "
            f"built {html.escape(_when(run['run_time']))}. Rows that fail an expectation are kept out of the "
            "warehouse tables and recorded in ops.quarantine. Each link opens GX's page for one validation: "
            "every expectation, its result and a sample of the failing values with their row keys.</p>"
            f"{table}</main>")
    return _static_page(f"Data Docs: run {run['run_id']}", body)


def _index_page(runs: list[dict], db_name: str, keep_runs: int) -> str:
    rows = []
    for run in runs:
        pages = run.get("pages", [])
        n_failed = sum(len(p["failed"]) for p in pages)
        tables = ", ".join(sorted({p["table"] for p in pages})) or "nothing new"
        status = _status(all(p["success"] for p in pages)) if pages else '<span class="note">nothing validated</span>'
        rows.append(f'<tr><td class="nowrap">{html.escape(_when(run.get("run_time", "")))}</td>'
                    f'<td><a href="runs/{_href(run["run_id"] + ".html")}">{html.escape(run["run_id"])}</a></td>'
                    f'<td>{status}</td><td>{html.escape(tables)}</td><td class="num">{len(pages)}</td>'
                    f'<td class="num">{sum(p["rows"] for p in pages)}</td><td class="num">{n_failed}</td></tr>')
    body = (f"<header><strong>Great Expectations Data Docs</strong><span>Warehouse {html.escape(db_name)}</span>"
            "</header><main><h1>Validation results per run</h1>"
            f'<p class="note">Newest first; the last {keep_runs} runs are kept. Entries are validated once per run, '
            "articles and mentions once per batch.</p>"
            "<table><thead><tr><th>built</th><th>run</th><th>status</th><th>tables</th><th>validations</th>"
            "<th>rows</th><th>failed expectations</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></main>")
    return _static_page(f"Data Docs: {db_name}", body)


# --------------------------------------------------------------------------- files


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One docs build at a time per folder (scheduled runs may overlap): the manifest is read-modify-write."""
    if fcntl is None:
        yield
        return
    with open(root / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_manifest(root: Path) -> list[dict]:
    try:
        runs = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        log.warning("Data Docs manifest %s is unreadable; starting a new one", root / MANIFEST)
        return []
    if not isinstance(runs, list):
        return []
    return [r for r in runs if isinstance(r, dict) and _RUN_ID.fullmatch(str(r.get("run_id", "")))]


def _remove_run_files(root: Path, run: dict) -> None:
    """Delete a dropped run's pages and the directories they leave empty (never outside the docs folder)."""
    files = [root / "runs" / f"{run['run_id']}.html"] + [root / p["file"] for p in run.get("pages", [])]
    top = root.resolve()
    for path in files:
        path = path.resolve()
        if top not in path.parents:
            continue
        path.unlink(missing_ok=True)
        for parent in path.parents:
            if parent == top or not parent.is_dir() or any(parent.iterdir()):
                break
            parent.rmdir()
