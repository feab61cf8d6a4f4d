"""flashpoint.evaluate."""
