"""flashpoint.alerts."""
