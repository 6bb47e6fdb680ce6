"""The pygame front end: renders the engine's state and builds actions; no game rules live here."""
