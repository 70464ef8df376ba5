"""Topic tags: every Pasal and ayat gets one; heading and text rules (table-driven)."""

from __future__ import annotations

import pytest

from extract.topics import tag_topics
from tests.conftest import CORPUS_IDS


def topics_of(regulation, path: str) -> set[str]:
    parts = path.split("/")
    want = tuple(zip(parts[::2], parts[1::2], strict=True))
    return {t.topic for t in tag_topics(regulation) if t.provision.path == want}


@pytest.mark.parametrize("regulation_id", CORPUS_IDS)
def test_every_pasal_and_ayat_has_a_topic(corpus, regulation_id):
    regulation = corpus[regulation_id]
    tagged = {t.provision for t in tag_topics(regulation)}
    units = [u for u in regulation.units() if u.kind in ("pasal", "ayat")]
    assert units and all(u.iri in tagged for u in units)


@pytest.mark.parametrize(
    ("regulation_id", "path", "present", "absent"),
    [
        # Bagian heading "Penugasan"
        ("palu-28-2023", "pasal/23/ayat/5", {"penugasan"}, set()),
        ("palu-28-2023", "pasal/23/ayat/3", {"penugasan", "pengajuan-sukarela"}, set()),
        # team across agencies vs individual assignment across agencies
        (
            "palu-28-2023",
            "pasal/21/ayat/4",
            {"tim-lintas-perangkat-daerah", "surat-perintah"},
            set(),
        ),
        (
            "palu-28-2023",
            "pasal/20/ayat/4",
            {"penugasan-individu"},
            {"tim-lintas-perangkat-daerah"},
        ),
        ("tebing-tinggi-21-2024", "pasal/9/ayat/4", {"tim-lintas-perangkat-daerah"}, set()),
        ("cilegon-17-2023", "pasal/9/ayat/2", {"tim-lintas-instansi"}, set()),
        # BAB heading; Paragraf heading (Cilegon)
        ("palu-28-2023", "pasal/31/ayat/4", {"proses-bisnis"}, set()),
        ("cilegon-17-2023", "pasal/11/ayat/1", {"pertanggungjawaban"}, set()),
        ("semarang-85-2023", "pasal/18/ayat/1", {"monitoring-evaluasi"}, set()),
        # definitions and closing articles get only their own topic
        ("palu-28-2023", "pasal/1", {"definisi"}, {"spbe", "penugasan"}),
        ("palu-28-2023", "pasal/32", {"ketentuan-penutup"}, set()),
        # "Pejabat Penilai Kinerja" is no signal of performance management
        ("palu-28-2023", "pasal/23/ayat/5", set(), {"pengelolaan-kinerja"}),
        ("cilegon-17-2023", "pasal/14/ayat/4", {"spbe"}, set()),
        # fallback
        ("palu-28-2023", "pasal/2", {"sistem-kerja"}, set()),
    ],
)
def test_topics(corpus, regulation_id, path, present, absent):
    topics = topics_of(corpus[regulation_id], path)
    assert present <= topics
    assert not absent & topics


def test_heading_component(corpus):
    tags = [t for t in tag_topics(corpus["palu-28-2023"]) if t.provision.path == (("pasal", "27"),)]
    assert ("pertanggungjawaban", "topic_heading") in {(t.topic, t.component) for t in tags}
