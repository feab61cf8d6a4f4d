"""flashpoint.store."""
