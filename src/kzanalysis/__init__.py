"""kzanalysis."""
