"""`radar serve` against a real `prefect server` on 127.0.0.1: register, trigger, complete, artifacts, alert.

Starts its own server (temporary PREFECT_HOME, no telemetry) and `radar serve` in their own process groups and
stops both with SIGTERM (SIGKILL after a grace period): nothing is left running.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from cli.demo_server import serve_directory
from tests.sinks import WebhookSink, free_port
from tests.test_alerts import Site, _write_config
from warehouse import db

BIN = Path(sys.executable).parent
DEPLOYMENT = "radar-scheduled-ingest/radar-test"


def _stop_group(proc: subprocess.Popen, grace: float = 15) -> None:
    """SIGTERM the process group, SIGKILL it if it is still there after `grace` seconds; wait until it is gone."""
    try:
        pgid = os.getpgid(proc.pid)
    except ProcessLookupError:
        proc.wait(timeout=5)
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 10)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            proc.poll()
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        else:
            continue
        break
    proc.wait(timeout=10)
    with pytest.raises(ProcessLookupError):
        os.killpg(pgid, 0)


@pytest.fixture
def prefect_server(tmp_path):
    port = free_port()
    home = tmp_path / "prefect-home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_SERVER_UI_ENABLED="false",
               PREFECT_SERVER_LOGGING_LEVEL="WARNING")
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115 - the server writes to it until the fixture ends
    # --no-services: the scheduler, event persister, etc. are not needed to register, run and read artifacts,
    # and skipping them halves the start-up time on a busy 2-core box (22 s instead of 42 s, measured).
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                               "--no-services"],
                              env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=2) as resp:
                    if resp.read().strip() == b"true":
                        break
            except OSError:
                pass
            assert server.poll() is None, (tmp_path / "server.log").read_text()
            assert time.monotonic() < deadline, "prefect server did not start in 90 s"
            time.sleep(0.5)
        yield api, env
    finally:
        _stop_group(server)
        log.close()


def test_radar_serve_runs_the_deployment_to_completion(prefect_server, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, FlowRunFilter, FlowRunFilterId
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    api, server_env = prefect_server
    site = Site(tmp_path / "site")
    site.add("mistral")
    db_path = tmp_path / "radar.duckdb"
    # A warehouse with history (an earlier completed run): this run's finds are news, so they are alerted.
    db.migrate(db_path)
    with db.writing(db_path) as con:
        then = datetime.now(timezone.utc) - timedelta(hours=1)
        con.execute("insert into ops.runs (run_id, started_at, finished_at, status) "
                    "values ('earlier', ?, ?, 'completed')",
                    [then, then + timedelta(minutes=1)])

    with serve_directory(site.root) as base, WebhookSink() as hook:
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feeds]]\nurl = "{base}/feeds/ai.xml"\nname = "AI site"\n', encoding="utf-8")
        config = _write_config(tmp_path / "radar.toml", [hook.apprise_url])
        env = {**server_env, "PREFECT_API_URL": api, "PREFECT_RUNNER_POLL_FREQUENCY": "1",
               "PREFECT_LOGGING_LEVEL": "WARNING"}
        log = open(tmp_path / "serve.log", "w")  # noqa: SIM115 - serve writes to it until it is stopped
        serve = subprocess.Popen(
            [str(BIN / "radar"), "serve", "--feeds", str(feeds), "--db", str(db_path), "--config", str(config),
             "--cron", "0 0 1 1 *", "--name", "radar-test"],  # a schedule that never fires during the test
            env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            with temporary_settings({PREFECT_API_URL: api}):  # noqa: SIM117 - merging them re-indents the block
                with get_client(sync_client=True) as client:
                    deadline = time.monotonic() + 60
                    while True:
                        try:
                            deployment = client.read_deployment_by_name(DEPLOYMENT)
                            break
                        except Exception:  # noqa: BLE001 - not registered yet
                            assert serve.poll() is None, (tmp_path / "serve.log").read_text()
                            assert time.monotonic() < deadline, "radar serve did not register the deployment"
                            time.sleep(0.5)
                    assert deployment.global_concurrency_limit is not None
                    assert deployment.global_concurrency_limit.limit == 1
                    assert deployment.parameters["db_path"] == str(db_path)

                    flow_run = run_deployment(DEPLOYMENT, timeout=120, poll_interval=1, as_subflow=False)
                    assert flow_run.state is not None and flow_run.state.is_completed(), \
                        f"{flow_run.state}\n{(tmp_path / 'serve.log').read_text()[-3000:]}"

                    # Artifacts: the ingest's markdown summary and the alerts table, from this flow run's subflows.
                    artifacts = client.read_artifacts(
                        artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["radar-run", "radar-alerts"])))
                    by_key = {a.key: a for a in artifacts}
                    assert set(by_key) == {"radar-run", "radar-alerts"}
                    assert by_key["radar-run"].type == "markdown" and "Mistral Large 2" in by_key["radar-run"].data
                    assert (by_key["radar-alerts"].type == "table"
                            and "Mistral Large 2" in str(by_key["radar-alerts"].data))
                    # radar-run comes from the ingest subflow of this run, radar-alerts from its send-alerts task.
                    assert by_key["radar-alerts"].flow_run_id == flow_run.id
                    ingest_run = client.read_flow_run(by_key["radar-run"].flow_run_id)
                    assert ingest_run.parent_task_run_id is not None
                    parent = client.read_task_run(ingest_run.parent_task_run_id)
                    assert parent.flow_run_id == flow_run.id
                    # No Apprise URL (they carry secrets) in any stored parameter of this run or its subflows.
                    runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(
                        any_=[flow_run.id, ingest_run.id])))
                    assert len(runs) == 2
                    assert all(hook.apprise_url not in str(r.parameters) for r in runs)
                    assert "alert_urls" in str(ingest_run.parameters)  # the settings are there, minus the URLs
                    started = client.read_flow_run(flow_run.id).start_time
            # Ctrl-C (to the whole process group, as a terminal sends it): one line, exit 130, no traceback.
            os.killpg(serve.pid, signal.SIGINT)
            assert serve.wait(timeout=60) == 130
            output = (tmp_path / "serve.log").read_text()
            assert "Traceback" not in output
            assert output.strip().splitlines()[-1].startswith("stopped serving radar-scheduled-ingest/radar-test")
        finally:
            _stop_group(serve)
            log.close()

        # The warehouse has the release; the webhook got exactly one alert.
        releases = db.query(db_path, "select org, model from marts.model_releases").to_dicts()
        assert releases == [{"org": "Mistral AI", "model": "Mistral Large 2"}]
        assert db.query(db_path,
                        "select status from ops.runs where run_id <> 'earlier'")["status"].to_list() == ["completed"]
        assert [m["title"] for m in hook.messages] == ["New model release: Mistral AI Mistral Large 2"]
        snapshot = tmp_path / "radar.read.duckdb"
        assert db.query(snapshot, "select count(*) as n from marts.model_releases")["n"][0] == 1
        print(f"\nflow run start -> alert delivered: {hook.attempts[0]['at'] - started.timestamp():.1f} s")


def test_radar_serve_refuses_without_a_prefect_server(tmp_path):
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nurl = "http://127.0.0.1:9/feed.xml"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")   # no profile that could name a server
    result = subprocess.run([str(BIN / "radar"), "serve", "--feeds", str(feeds), "--db", str(tmp_path / "r.duckdb")],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "PREFECT_API_URL is not set" in result.stderr and "prefect server start" in result.stderr
