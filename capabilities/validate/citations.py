"""Citations of the provisions the shapes encode, read from the graph (``rdfs:label``)."""

from __future__ import annotations

from capabilities.source import GraphSource, cached
from capabilities.validate import engine
from extract.iri import Iri, IriError


class Citations:
    """Provision IRI -> its citation in the standard form, and its pasal/ayat/huruf."""

    def __init__(self, labels: dict[str, str]):
        self.labels = labels

    def citation(self, provision: str) -> str:
        """The unit's ``rdfs:label`` in the store; the IRI if the store lacks it."""
        return self.labels.get(provision, provision)

    def exists(self, provision: str) -> bool:
        return provision in self.labels

    @staticmethod
    def location(provision: str) -> tuple[str | None, str | None, str | None]:
        """``(pasal, ayat, huruf)`` of a provision IRI (``None`` for the levels it lacks)."""
        try:
            path = dict(Iri.parse(provision).path)
        except IriError:
            return None, None, None
        return path.get("pasal"), path.get("ayat"), path.get("huruf")


def all_provisions() -> list[str]:
    """Every provision any shape encodes."""
    return sorted(
        {
            info.provision
            for reg in engine.regulations()
            for info in engine.shape_infos(reg).values()
        }
    )


def load_citations(source: GraphSource) -> Citations:
    """The citations of every provision of the shapes, cached per build of the graph."""
    return cached(source, "validate.citations", _read)


def _read(source: GraphSource) -> Citations:
    values = " ".join(f"<{iri}>" for iri in all_provisions())
    rows = source.select(
        f"SELECT ?unit ?label WHERE {{ VALUES ?unit {{ {values} }} ?unit rdfs:label ?label }}"
    )
    return Citations({row["unit"]: row["label"] for row in rows})
