"""pbkg: a knowledge graph of regional Party-building relationships built from Chinese news articles."""

__version__ = "0.1.0"
