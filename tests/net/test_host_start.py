"""A host that cannot start leaves nothing behind: the teacher tries again on another port as if afresh."""

from __future__ import annotations

import socket

from game.cli import main


def test_a_new_host_that_cannot_take_its_port_leaves_no_save_and_can_start_again(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MOSCOW1939_HOME", str(tmp_path))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ["host", "--seats", "ussr,britain", "--seed", "3", "--class", "Port", "--headless"]
        assert main([*args, "--port", str(port)]) == 1
    told = capsys.readouterr().err
    assert "cannot serve" in told and "autosave" not in told   # (no save to go on with)
    assert not list((tmp_path / "data" / "saves").glob("host-port-3*"))
