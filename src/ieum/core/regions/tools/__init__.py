"""Scripts that regenerate region-pack files from upstream data (run by hand, not at runtime)."""
