"""A class's network game: the host (the only authority), join codes and tokens, the JSON each client is sent and
the web server (aiohttp) that serves it. Never imports pygame (see docs/NETWORK.md)."""
