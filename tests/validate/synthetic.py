"""Generated organisations of any size, for benchmarks (bench/validate_speed.py).

``organisation(n)`` gives the template tables of about ``n`` pegawai: Perangkat Daerah of
~250 people, each with Bidang (Administrator) and Seksi (Pengawas), JF of every jenjang and
Pelaksana placed lawfully for Palu, one team per Bidang and some assignments; every 50th
person carries a fault (a Pelaksana appraised by a JF), so reports are not empty.
"""

from __future__ import annotations

JENJANG = ("ahli_muda", "ahli_pertama", "terampil", "mahir")


def organisation(n: int) -> dict[str, list[dict[str, str]]]:
    """Template tables with about ``n`` pegawai."""
    units, people, teams, members, tasks = [], [], [], [], []
    count = 0
    pd_index = 0
    while count < n:
        pd_index += 1
        pd = f"PD{pd_index}"
        units.append(_unit(pd, f"Dinas {pd_index}", "perangkat_daerah", ""))
        head = _person(f"{pd}-K", pd, "jpt_pratama", "", "", pd, "IV/c")
        people.append(head)
        count += 1
        for b in range(1, 5):
            bidang = f"{pd}-B{b}"
            units.append(_unit(bidang, f"Bidang {b}", "unit_organisasi", pd))
            kabid = _person(f"{bidang}-K", bidang, "administrator", "", head["nip"], bidang, "IV/a")
            people.append(kabid)
            count += 1
            team = f"T-{bidang}"
            teams.append(_team(team, bidang))
            for s in range(1, 4):
                seksi = f"{bidang}-S{s}"
                units.append(_unit(seksi, f"Seksi {s}", "unit_organisasi", bidang))
                kasi = _person(f"{seksi}-K", seksi, "pengawas", "", kabid["nip"], seksi, "III/d")
                people.append(kasi)
                count += 1
                for i in range(18):
                    nip = f"{seksi}-{i:02d}"
                    if i % 3 == 0:
                        person = _person(nip, seksi, "pelaksana", "", kasi["nip"], "", "II/c")
                    else:
                        jenjang = JENJANG[1 + i % 3] if i % 3 else JENJANG[1]
                        person = _person(nip, seksi, "fungsional", jenjang, kasi["nip"], "", "III/a")
                    if count % 50 == 0 and i % 3 == 0:
                        person["penilai_kinerja_nip"] = f"{seksi}-01"
                    people.append(person)
                    count += 1
                    if s == 1 and i < 3:
                        members.append(
                            {"kode_tim": team, "nip": nip, "peran": "ketua" if i == 1 else "anggota"}
                        )
                    if s == 2 and i == 0:
                        tasks.append(_task(f"A-{nip}", nip, seksi))
    return {
        "unit": units,
        "pegawai": people,
        "tim": teams,
        "anggota_tim": members,
        "penugasan": tasks,
    }


def _unit(code, name, jenis, induk):
    return {"kode_unit": code, "nama_unit": name, "jenis": jenis, "induk": induk}


def _person(nip, unit, jabatan, jenjang, atasan, leads, golongan):
    return {
        "nip": nip, "nama": f"Pegawai {nip}", "kode_unit": unit, "jabatan": jabatan,
        "jenjang": jenjang, "golongan": golongan, "atasan_nip": atasan,
        "penilai_kinerja_nip": atasan, "pimpinan_unit": leads, "hasil_penyetaraan": "tidak",
        "delegasi_penilai": "tidak",
    }


def _team(code, owner):
    return {
        "kode_tim": code, "nama_tim": f"Tim {code}", "lingkup": "unit",
        "unit_pemilik_kinerja": owner, "dasar_penetapan": "surat_perintah",
        "ditetapkan_oleh": "pejabat_penilai_kinerja",
        "memuat": "maksud_tujuan;target_kinerja;durasi",
    }


def _task(code, nip, unit):
    return {
        "kode_penugasan": code, "nip": nip, "cara": "penunjukan", "lingkup": "unit",
        "unit_tujuan": unit, "dasar_penetapan": "surat_perintah",
        "ditetapkan_oleh": "pejabat_penilai_kinerja",
        "memuat": "maksud_tujuan;target_kinerja;durasi", "disetujui_atasan": "ya",
    }
