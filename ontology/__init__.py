"""The OWL ontology: its owlready2 source, role and topic tables, build and HermiT checks."""
