"""``charter-workshop serve``: prints its address, serves, stops cleanly on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from urllib.parse import urlsplit

from workshop.cli import main
from workshop.operations import setup


def test_serve_prints_the_address_serves_links_and_stops_on_ctrl_c(tmp_path):
    path = tmp_path / "a.charter"
    s = setup.create(path, "Atelier", "ACME", "fr")
    setup.add_participant(s, "Łukasz Nguyễn-O’Brien", 1)
    s.close()
    child = subprocess.Popen(
        [sys.executable, "-m", "workshop", "--lang-ui", "en", "serve", str(path),
         "--host", "127.0.0.1", "--port", "0", "--issue-links"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        first = child.stdout.readline()
        assert first.startswith("Phone server: http://127.0.0.1:")
        url = first.split(": ", 1)[1].strip()
        link = child.stdout.readline().rsplit(" : ", 1)[1].strip()
        assert urlsplit(link).path.startswith("/j/")
        with urllib.request.urlopen(url + "healthz", timeout=10) as reply:
            assert reply.status == 200 and reply.read() == b'{"ok":true}'
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=20)
        assert child.returncode == 0, err
        assert "Traceback" not in err and "Server stopped." in out
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()


def test_serve_refuses_an_address_it_cannot_bind_in_one_line(tmp_path, capsys):
    path = tmp_path / "a.charter"
    setup.create(path, "Atelier", "ACME", "fr").close()
    assert main(["serve", str(path), "--host", "203.0.113.9", "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("charter-workshop: Impossible d’écouter sur 203.0.113.9")
    assert len(err.strip().splitlines()) == 1
