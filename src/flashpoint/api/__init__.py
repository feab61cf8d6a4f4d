"""flashpoint.api."""
