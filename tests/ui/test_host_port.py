"""Join from devices when the host's port is taken: the teacher is told, and nothing is left to resume."""

from __future__ import annotations

import socket

from game.ui import hosting
from game.ui.settings import saves_dir
from tests.ui.test_host_window import set_up


def test_a_port_taken_leaves_no_hosted_save_so_the_same_set_up_starts_afresh(app, monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setattr(hosting, "PORT", taken.getsockname()[1])
        set_up(app, 1)
        assert app.host is None and not list(saves_dir().glob("host-*"))
