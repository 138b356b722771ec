"""scenariodesk: election news and analysis -> a cited, quantified scenario matrix."""

__version__ = "0.1.0"
