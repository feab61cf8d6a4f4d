"""flashpoint.batch."""
