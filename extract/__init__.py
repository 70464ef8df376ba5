"""Text -> structure -> meaning -> RDF: the extraction pipeline (see README, Architecture)."""
