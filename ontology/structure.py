"""Legal structure: regulations, their units, and the properties the parser writes.

Aligned to ELI: a regulation is an ``eli:LegalResource`` and every unit (BAB down to
angka, Menimbang and Mengingat items, definitions, Lampiran parts) an
``eli:LegalResourceSubdivision``, linked by ``eli:is_part_of``/``eli:has_part``. The ELI
terms used are declared here, with ELI's own meaning; nothing is imported.
"""

from __future__ import annotations

import owlready2 as ow

from extract.vocab import UNIT_CLASSES
from ontology.annotate import Namespaces, declare_properties, new_class, new_property

#: Unit classes: local name -> (label @id, label @en, comment). Keys match vocab.UNIT_CLASSES.
UNITS: dict[str, tuple[str, str, str]] = {
    "Bab": (
        "BAB",
        "chapter",
        "A chapter (BAB), numbered in roman numerals; groups Bagian and Pasal.",
    ),
    "Bagian": (
        "Bagian",
        "part",
        "A part of a BAB ('Bagian Kesatu', 'Kedua', ...); groups Paragraf or Pasal.",
    ),
    "Paragraf": (
        "Paragraf",
        "sub-part (group of articles)",
        "A sub-part of a Bagian, numbered 1, 2, ...; it groups Pasal. Unlike Akoma Ntoso's "
        "'paragraph' (which is the Indonesian ayat), an Indonesian Paragraf sits above the "
        "article, like a subsection of a chapter.",
    ),
    "Pasal": ("Pasal", "article", "An article, the basic citable unit ('Pasal 21')."),
    "Ayat": (
        "ayat",
        "numbered paragraph",
        "A numbered paragraph of a Pasal, printed '(1)'; Akoma Ntoso's 'paragraph'.",
    ),
    "Huruf": (
        "huruf",
        "lettered item",
        "A lettered item 'a.' of a list; part of an ayat, a Pasal, an angka or another huruf.",
    ),
    "Angka": (
        "angka",
        "numbered item",
        "A numbered item '1.' of a list; part of a Pasal, an ayat, a huruf or another angka.",
    ),
    "Menimbang": (
        "butir Menimbang",
        "consideration",
        "A lettered item of the Menimbang (considerations) of the preamble.",
    ),
    "Mengingat": (
        "butir Mengingat",
        "legal basis item",
        "A numbered item of the Mengingat (legal basis); it cites an instrument (pw:cites).",
    ),
    "Definisi": (
        "definisi",
        "definition",
        "A term defined in the Ketentuan Umum (Pasal 1), with its optional abbreviation.",
    ),
    "Lampiran": ("Lampiran", "annex", "An annex (Lampiran) of the regulation, part of it in law."),
    "BagianLampiran": (
        "bagian Lampiran",
        "annex section",
        "A section or item inside a Lampiran (its own headings and lists).",
    ),
}

#: Datatype properties: name -> (label @id, label @en, comment, range or None).
#: Ranges are set only where the datatype is certain; free strings carry no range (they
#: are rdf:langString @id or xsd:string), the SHACL shapes pin them down.
DATA_PROPERTIES: dict[str, tuple[str, str, str, object]] = {
    "text": ("teks", "text", "The unit's own text, @id, whitespace-normalised.", ow.locstr),
    "heading": (
        "judul",
        "heading",
        "Heading of a BAB, Bagian, Paragraf or Lampiran part, @id.",
        ow.locstr,
    ),
    "position": ("urutan", "position", "1-based order among the parent's parts.", int),
    "sourceFile": ("berkas sumber", "source file", "Name of the source text file.", None),
    "startOffset": ("posisi awal", "start offset", "Character offset where the unit starts.", int),
    "endOffset": ("posisi akhir", "end offset", "Character offset just after the unit.", int),
    "headingInferred": (
        "judul direkonstruksi",
        "heading inferred",
        "True when a heading lost in the source was rebuilt by the parser.",
        bool,
    ),
    "ocrRecovered": (
        "dibaca dari derau OCR",
        "OCR recovered",
        "True when a heading, number or title of the unit was read through OCR noise "
        "(one reading only; see the ocr-recovered warning for what was printed).",
        bool,
    ),
    "regulationId": ("id peraturan", "regulation id", "Short id, e.g. 'palu-28-2023'.", None),
    "year": ("tahun", "year", "Year of the regulation.", None),
    "province": ("provinsi", "province", "Province of the enacting region.", None),
    "term": ("istilah", "term", "The term a definition defines.", None),
    "abbreviation": (
        "singkatan",
        "abbreviation",
        "The abbreviation a definition introduces.",
        None,
    ),
    "pinpoint": (
        "rujukan tepat",
        "pinpoint",
        "The cited part of an instrument, e.g. 'Pasal 18 ayat (6)'.",
        None,
    ),
    "placeEnacted": (
        "tempat ditetapkan",
        "place enacted",
        "Where it was signed (Ditetapkan di).",
        None,
    ),
    "placePromulgated": (
        "tempat diundangkan",
        "place promulgated",
        "Where it was promulgated (Diundangkan di).",
        None,
    ),
    "signatoryName": ("nama penanda tangan", "signatory name", "Name of who signed it.", None),
    "signatoryOffice": (
        "jabatan penanda tangan",
        "signatory office",
        "Office of the signatory as printed, e.g. 'Pj. Wali Kota Padang Panjang'.",
        None,
    ),
    "signatoryActing": (
        "penanda tangan penjabat",
        "signatory acting",
        "True when the signatory was acting (Pj.).",
        bool,
    ),
    "promulgatorName": ("nama pengundang", "promulgator name", "Name of who promulgated it.", None),
    "promulgatorOffice": (
        "jabatan pengundang",
        "promulgator office",
        "Office of the promulgator, usually the Sekretaris Daerah.",
        None,
    ),
    "beritaDaerahYear": ("tahun Berita Daerah", "gazette year", "Year of the Berita Daerah.", None),
    "beritaDaerahNumber": (
        "nomor Berita Daerah",
        "gazette number",
        "Number in the Berita Daerah (the city's official gazette).",
        None,
    ),
    "gazetteName": (
        "nama lembaran",
        "gazette name",
        "The gazette as printed: 'Lembaran Negara Republik Indonesia', 'Berita Negara …'.",
        None,
    ),
    "tambahanNumber": (
        "nomor Tambahan",
        "gazette supplement number",
        "Number in the Tambahan Lembaran Negara/Daerah, which carries the Penjelasan.",
        None,
    ),
    "warningCode": ("kode peringatan", "warning code", "Stable code of a parse warning.", None),
    "message": (
        "pesan",
        "message",
        "Human-readable message of a parse warning (Indonesian).",
        None,
    ),
}


def declare(ns: Namespaces) -> None:
    """Declare the ELI terms used, the regulation and unit classes, and their properties."""
    eli, pw = ns.eli, ns.pw
    legal_resource = new_class(
        eli,
        "LegalResource",
        [ow.Thing],
        "sumber hukum",
        "legal resource",
        "ELI: a work in a legislative corpus (here a regulation or a cited instrument).",
    )
    subdivision = new_class(
        eli,
        "LegalResourceSubdivision",
        [legal_resource],
        "bagian sumber hukum",
        "legal resource subdivision",
        "ELI: a component of a legal resource (chapter, article, paragraph, item ...).",
    )
    new_class(
        pw,
        "ProdukHukumDaerah",
        [legal_resource],
        "produk hukum daerah",
        "regional legal product",
        "A regulation of a region (Peraturan Wali Kota, Peraturan Bupati, Peraturan Daerah, "
        "...), the umbrella 'produk hukum daerah'; its kind is its eli:type_document.",
    )
    new_class(
        pw,
        "Instrumen",
        [legal_resource],
        "instrumen hukum",
        "legal instrument",
        "A legal instrument a regulation cites (UUD, UU, PP, Permen, Perda ...), one node "
        "shared by every regulation citing it.",
    )
    for name, (label_id, label_en, comment) in UNITS.items():
        new_class(pw, name, [subdivision], label_id, label_en, comment)
    penjelasan = new_class(
        pw,
        "Penjelasan",
        [subdivision],
        "Penjelasan",
        "elucidation",
        "The official elucidation of a regulation, or one of its parts (pw:explains).",
    )
    new_class(
        pw,
        "PenjelasanUmum",
        [penjelasan],
        "Penjelasan umum",
        "general elucidation",
        "The general part of the Penjelasan ('I. UMUM'): …/penjelasan/umum.",
    )
    new_class(
        pw,
        "PenjelasanUnit",
        [penjelasan],
        "Penjelasan pasal demi pasal",
        "article-by-article elucidation",
        "The entry of 'II. PASAL DEMI PASAL' that explains one Pasal, ayat, huruf or angka "
        "('Pasal 5 / Ayat (1) / Huruf a … Cukup jelas.'): …/penjelasan/pasal/5/ayat/1.",
    )
    warning = new_class(
        pw,
        "ParseWarning",
        [ow.Thing],
        "peringatan penguraian",
        "parse warning",
        "Something the parser noticed in the source and worked around.",
    )
    _declare_eli_properties(ns, legal_resource)
    for name, (label_id, label_en, comment, datatype) in DATA_PROPERTIES.items():
        new_property(
            pw,
            name,
            (ow.DataProperty,),
            label_id,
            label_en,
            comment,
            range_=[datatype] if datatype else None,
        )
    regulation = pw.ProdukHukumDaerah
    object_properties = (
        (
            "defines",
            "mendefinisikan",
            "defines",
            "An angka of Pasal 1 -> its definition.",
            None,
            pw.Definisi,
        ),
        (
            "cites",
            "mengutip",
            "cites",
            "A Mengingat item -> the instrument it cites.",
            None,
            legal_resource,
        ),
        (
            "regulation",
            "peraturan",
            "regulation",
            "Any unit -> the regulation it belongs to.",
            None,
            regulation,
        ),
        (
            "concerns",
            "mengenai",
            "concerns",
            "A parse warning -> the unit it is about.",
            warning,
            None,
        ),
        (
            "explains",
            "menjelaskan",
            "explains",
            "A Penjelasan part -> the body unit it explains.",
            subdivision,
            subdivision,
        ),
        (
            "explainedBy",
            "dijelaskan oleh",
            "explained by",
            "A body unit -> the Penjelasan part that explains it (inverse of pw:explains).",
            subdivision,
            subdivision,
        ),
        (
            "hasWarning",
            "memiliki peringatan",
            "has warning",
            "A regulation or unit -> a parse warning.",
            None,
            warning,
        ),
    )
    declare_properties(pw, ow.ObjectProperty, object_properties)
    pw.explainedBy.inverse_property = pw.explains
    assert set(UNITS) == {iri.rsplit("#", 1)[1] for iri in UNIT_CLASSES.values()}


def _declare_eli_properties(ns: Namespaces, legal_resource) -> None:
    eli = ns.eli
    has_part = new_property(
        eli,
        "has_part",
        (ow.ObjectProperty,),
        "memiliki bagian",
        "has part",
        "ELI: a legal resource -> one of its direct components.",
        domain=[legal_resource],
        range_=[legal_resource],
    )
    is_part_of = new_property(
        eli,
        "is_part_of",
        (ow.ObjectProperty,),
        "bagian dari",
        "is part of",
        "ELI: a component -> the legal resource it is directly part of (a huruf may be part "
        "of an ayat, a Pasal, an angka or another huruf).",
        domain=[legal_resource],
        range_=[legal_resource],
    )
    is_part_of.inverse_property = has_part
    new_property(
        eli,
        "based_on",
        (ow.ObjectProperty,),
        "berdasarkan",
        "based on",
        "ELI: a regulation -> an instrument that empowers it (its legal basis).",
        domain=[legal_resource],
        range_=[legal_resource],
    )
    new_property(
        eli,
        "type_document",
        (ow.ObjectProperty,),
        "jenis dokumen",
        "type of document",
        "ELI: a legal resource -> its kind, a concept of the resource-type scheme.",
        domain=[legal_resource],
        range_=[ns.skos.Concept],
    )
    for name, label_id, label_en, comment in (
        ("passed_by", "ditetapkan oleh", "passed by", "ELI: the agent that enacted it."),
        ("jurisdiction", "yurisdiksi", "jurisdiction", "ELI: the region whose law it is."),
    ):
        new_property(
            eli, name, (ow.ObjectProperty,), label_id, label_en, comment, domain=[legal_resource]
        )
    for name, label_id, label_en, comment, datatype in (
        ("number", "nomor", "number", "ELI: the number of the resource or unit.", None),
        ("title", "judul", "title", "ELI: the title of the resource.", None),
        (
            "date_document",
            "tanggal penetapan",
            "date of document",
            "ELI: the date it was signed, an xsd:date (no rdfs:range: xsd:date is not in the "
            "OWL 2 datatype map).",
            None,
        ),
        (
            "date_publication",
            "tanggal pengundangan",
            "date of publication",
            "ELI: the date it was promulgated, an xsd:date (no rdfs:range, as above).",
            None,
        ),
    ):
        new_property(
            eli,
            name,
            (ow.DataProperty,),
            label_id,
            label_en,
            comment,
            range_=[datatype] if datatype else None,
        )
