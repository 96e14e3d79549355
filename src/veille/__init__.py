"""veille: a cited knowledge base of actors, dated relations and copied passages for international-relations
and security documents in French and English."""

__version__ = "0.1.0"
