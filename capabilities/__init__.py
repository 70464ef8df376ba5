"""Capabilities: what users ask of the graph, one module per verb.

The stage between the store and the interfaces (corpus → extract → graph → store →
**capabilities** → interfaces). Each module has one public verb that takes plain values
and a :class:`capabilities.source.GraphSource`, and returns typed results (dataclasses
with a ``to_json()``); the CLI (``perwali/``), the HTTP API (``server/api/``) and the web
pages are thin adapters over the same functions.
"""
