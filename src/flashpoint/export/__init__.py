"""flashpoint.export."""
