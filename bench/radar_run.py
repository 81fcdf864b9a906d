"""`radar run` (or `radar merge`) exactly as a user runs it, with its phases timed: started by bench/run.py as
`python bench/radar_run.py RESULT.json run --feeds F --db D`, which times the process from start to exit.

Inside, a few functions `radar run` calls are wrapped (as bench/stageclock.py does, in this process only, never
by editing the pipeline): Prefect's API start, the ingest flow, the alert step and the read snapshot. Their
intervals go to RESULT.json at exit; whatever the parent's wall time does not cover with them is interpreter
start, imports, argument checks, the writer lock, Prefect's flow-run bookkeeping, the summary and the exit.
"""
from __future__ import annotations

import time

STARTED = time.perf_counter()

import atexit  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

phases: dict[str, float] = {}


def main() -> None:
    result = Path(sys.argv[1])
    from stageclock import time_calls  # bench/, this script's directory

    import cli.main
    import flows.merge
    import flows.schedule
    from flows import stopping

    phases["imports (cli, flows, prefect)"] = time.perf_counter() - STARTED
    time_calls(phases, stopping, "start_prefect_api", "prefect api start-up")
    if sys.argv[2] == "merge":
        time_calls(phases, flows.merge, "merge_new_batches", "merge (read landing, validate, transaction)")
        time_calls(phases, flows.merge, "send_alerts", "alerts")
        time_calls(phases, flows.merge, "publish_read_snapshot", "read snapshot")
    else:
        time_calls(phases, flows.schedule, "ingest", "ingest flow")
        time_calls(phases, flows.schedule, "send_alerts", "alerts")
        time_calls(phases, flows.schedule, "publish_snapshot", "read snapshot")
        time_calls(phases, cli.main, "_print_summary", "summary printed")

    def write() -> None:
        phases["exit started at"] = time.perf_counter() - STARTED
        result.write_text(json.dumps({k: round(v, 3) for k, v in phases.items()}))

    atexit.register(write)
    sys.argv = ["radar", *sys.argv[2:]]
    cli.main.app()


if __name__ == "__main__":
    main()
