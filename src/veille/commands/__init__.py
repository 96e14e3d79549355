"""CLI sub-commands that drive the store (ingest, entity lookup, export)."""
