"""Degrade a clean regulation text the way uncorrected OCR does, seeded and repeatable.

    python -m tests.extract.ocr_noise   # rewrites tests/data/ocr/generated/

Each kind of noise seen on JDIH portals is one small function; :func:`degrade` applies each
at ``rate`` (the share of the places where it can strike), with ``random.Random(seed)``:

* digits for letters and letters for digits in headings, ayat markers and title numbers
  ("Pasal l0", "(l)", "NOMOR 2B"), noisy keywords ("Paaal", "Pa.sal", "Nornor",
  "tcntang", "Pernerintah"), glued words ("Pasal34", "BABII", "PROVINSISULAWESI…");
* the title block and justified paragraphs broken one word per line;
* lost labels ("Menimbang", "Mengingat", item letters and numbers);
* stray symbols on their own lines; closing dates glued ("21September") or unreadable.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

SEED = 20260
LEVELS = (0.0, 0.05, 0.1, 0.2, 0.35, 0.5)

#: Digit -> what OCR prints for it (each has exactly one digit reading back).
_DIGIT_NOISE = {"0": "O", "1": "l", "2": "Z", "5": "S", "6": "G", "8": "B"}
_PASAL_WORD = ("Pasa1", "Pa.sal", "PasaI", "Paaal", "Pasal")
_WORD_NOISE = {"Nomor": "Nornor", "tentang": "tcntang", "Pemerintah": "Pernerintah",
               "Menteri": "Mcntcri", "Dalam": "Dalarn", "Indonesia": "lndonesia"}  # fmt: skip
_MONTH = re.compile(
    r"(pada\s+tanggal\s+)(\d{1,2})\s+(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
    r"September|Oktober|November|Desember)\s+(\d{4})"
)

Noise = Callable[[list[str], float, random.Random], list[str]]


def noisy_number(number: str, rng: random.Random) -> str:
    """``"10"`` -> ``"l0"`` or ``"1O"``: one digit printed as a letter, if any can be."""
    places = [i for i, digit in enumerate(number) if digit in _DIGIT_NOISE]
    if not places:
        return number
    at = rng.choice(places)
    return number[:at] + _DIGIT_NOISE[number[at]] + number[at + 1 :]


def _headings(lines: list[str], rate: float, rng: random.Random) -> list[str]:
    out = []
    for line in lines:
        pasal = re.fullmatch(r"(\s*)Pasal (\d+)(\s*)", line)
        bab = re.fullmatch(r"(\s*)BAB ([IVX]+)(.*)", line)
        ayat = re.match(r"(\s*)\((\d+)\)(.*)", line)
        if pasal and rng.random() < rate:
            word = rng.choice(_PASAL_WORD)
            gap = rng.choice([" ", "", " "])
            line = f"{pasal[1]}{word}{gap}{noisy_number(pasal[2], rng)}{pasal[3]}"
        elif bab and rng.random() < rate:
            numeral = bab[2].replace("I", rng.choice("l1I")) if "I" in bab[2] else bab[2]
            line = f"{bab[1]}BAB{rng.choice(['', ' '])}{numeral}{bab[3]}"
        elif ayat and rng.random() < rate:
            number = ayat[2]
            printed = rng.choice([f"({noisy_number(number, rng)})", f"( {number})"])
            line = f"{ayat[1]}{printed}{ayat[3]}"
        out.append(line)
    return out


def _title_number(lines: list[str], rate: float, rng: random.Random) -> list[str]:
    out, done = [], False
    for line in lines:
        match = re.search(r"\bNOMOR (\d+)", line)
        if match and not done:
            done = True
            if rng.random() < rate * 2:
                line = line.replace(match[0], f"NOMOR {noisy_number(match[1], rng)}", 1)
        out.append(line)
    return out


def _words(lines: list[str], rate: float, rng: random.Random) -> list[str]:
    def swap(match: re.Match) -> str:
        return _WORD_NOISE[match[0]] if rng.random() < rate else match[0]

    pattern = re.compile(r"\b(?:" + "|".join(_WORD_NOISE) + r")\b")
    return [pattern.sub(swap, line) for line in lines]


def _glue(lines: list[str], rate: float, rng: random.Random) -> list[str]:
    out = []
    for line in lines:
        if re.fullmatch(r"\s*PROVINSI [A-Z ]+\s*", line) and rng.random() < rate * 2:
            line = line.replace(" ", "")
        out.append(line)
    return out


def _one_word_per_line(lines: list[str], rate: float, rng: random.Random) -> list[str]:
    """Justified running text (never a heading or a marker line) broken word by word."""
    out = []
    for line in lines:
        words = line.split()
        plain = len(words) > 3 and words[0][:1].islower() and not re.search(r"\d", line)
        if plain and rng.random() < rate:
            out.extend(words)
        else:
            out.append(line)
    return out


def _lost_labels(lines: list[str], rate: float, rng: random.Random) -> list[str]:
    if rng.random() >= rate:
        return lines
    out = []
    for line in lines:
        line = re.sub(r"^(\s*)(?:Menimbang|Mengingat)\s*:\s*", r"\1", line)
        out.append(line)
    return out


def _stray(lines: list[str], rate: float, rng: random.Random) -> list[str]:
    out = []
    for line in lines:
        out.append(line)
        if not line.strip() and rng.random() < rate / 2:
            out.append(rng.choice(["•", "'", "#", "."]))
    return out


def _dates(lines: list[str], rate: float, rng: random.Random) -> list[str]:
    def spoil(match: re.Match) -> str:
        roll = rng.random()
        if roll < rate / 2:
            return f"{match[1].rstrip()}, z s ~ I •"  # unreadable
        if roll < rate:
            return f"{match[1]}{match[2]}{match[3]} {match[4]}"  # "21September 2021"
        return match[0]

    return [_MONTH.sub(spoil, line) for line in lines]


NOISES: tuple[Noise, ...] = (
    _headings,
    _title_number,
    _words,
    _glue,
    _one_word_per_line,
    _lost_labels,
    _stray,
    _dates,
)


def degrade(text: str, rate: float, seed: int = SEED) -> str:
    """``text`` with every kind of noise applied at ``rate`` (0 returns it unchanged)."""
    if rate <= 0:
        return text
    rng = random.Random(f"{seed}:{rate}:{len(text)}")
    lines = text.split("\n")
    for noise in NOISES:
        lines = noise(lines, rate, rng)
    return "\n".join(lines)


def write_samples(corpus: Path, target: Path, levels=(0.1, 0.35)) -> list[Path]:
    """Write each corpus text degraded at ``levels`` into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(corpus.glob("*.txt")):
        for level in levels:
            path = target / f"{source.stem}.ocr{int(level * 100):02d}.txt"
            path.write_text(degrade(source.read_text(encoding="utf-8"), level), encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    repo = Path(__file__).resolve().parents[2]
    for path in write_samples(repo / "corpus", repo / "tests" / "data" / "ocr" / "generated"):
        print(path.relative_to(repo))
