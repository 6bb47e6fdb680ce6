"""The pygame front end: renders the engine's state and builds actions; no game rules live here."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")   # keep stdout clean (screenshot prints paths)
