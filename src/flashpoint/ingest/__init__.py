"""flashpoint.ingest."""
