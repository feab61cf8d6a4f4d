"""`serve --workers N`: the settings travel to the workers through the environment; the workers answer."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from flashpoint import open_store
from flashpoint.api.server import settings_environment
from flashpoint.settings import Settings


def test_server_settings_environment_rebuilds_the_settings(tmp_path: Path) -> None:
    settings = Settings(
        db=str(tmp_path / "x.db"),
        gazetteer=tmp_path / "g.sqlite",
        actors_files=(tmp_path / "a.yaml", tmp_path / "b.yaml"),
        allow_private_urls=True,
        cluster_km=12.5,
        cluster_days=4,
    )
    assert Settings.load(env=settings_environment(settings)) == settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_server_workers_answer(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    open_store(str(db)).close()
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [
        sys.executable,
        "-m",
        "flashpoint.cli",
        "--db",
        str(db),
        "serve",
        "--workers",
        "2",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        answers: list[int] = []
        while time.monotonic() < deadline and process.poll() is None:
            try:
                answers = [
                    httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code for _ in range(4)
                ]
                break
            except httpx.HTTPError:
                time.sleep(0.5)
        assert answers == [200, 200, 200, 200], (
            process.poll(),
            process.stderr.read() if process.stderr else "",
        )
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and its workers, all started here
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
