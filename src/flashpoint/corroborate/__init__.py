"""flashpoint.corroborate."""
