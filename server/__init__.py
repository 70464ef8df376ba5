"""The SPARQL 1.1 endpoint: a Flask application over the store (see server/README.md)."""
