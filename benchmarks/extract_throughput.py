"""Extraction throughput: MB/s of article text on one core, ours next to quantulum3.

The text is news-style sentences written for this benchmark (English, Indonesian,
French), shuffled into articles of about 2.5 KB and repeated to about 1 MB per language.
Each article is one ``extract_text`` call, as in an audit of many articles. quantulum3
(``from quantulum3 import parser; parser.parse(text)``) reads a prefix of the same English
articles (about 30 KB: it is roughly a thousand times slower). Each measurement is a
warm-up run and then the best of 3 (``time.perf_counter``). The ratio is our English MB/s
over quantulum3's; the target is at least 50x. Figures found per KB are printed so that
an extractor that finds nothing cannot look fast.

It also times ``factcheck --help`` (a subprocess, best of 5; target under 0.3 s) when
the console script is installed.

Run ``python benchmarks/extract_throughput.py`` (``--mb``, ``--quantulum-kb``, ``--runs``,
``--json FILE``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

LangCode = Literal["id", "fr", "en"]
TARGET_RATIO = 50.0
TARGET_HELP_SECONDS = 0.3
ARTICLE_SENTENCES = 14
MB = 1_000_000

EN = """\
The ministry said the new toll road will cost $4.2 billion and open in March 2026.
Revenue rose 12.5% to US$ 835 million in the third quarter, beating forecasts of $790 million.
Inflation eased to 2.8 percent in October from 3.1 percent a month earlier.
The central bank kept its benchmark rate at 6.25% for a fifth straight meeting on Thursday.
Exports of palm oil fell 7% to 2.1 million tonnes in the first half of 2024.
The utility plans to add 3.5 gigawatts of solar capacity by 2030 at a cost of about €2.8bn.
Crude output averaged 605,000 barrels per day last year, below the target of 660,000.
The rupiah weakened to 16,210 per US dollar, its lowest level since April.
Analysts expect net profit of between $1.1 billion and $1.3 billion for the full year.
The company will cut 1,200 jobs and close three plants by the end of 2025.
Gold traded at $2,341 an ounce on Monday, up 0.6% from Friday's close.
The new line is 142 km long and carries up to 28,000 passengers a day.
Shares jumped as much as 9.4% after the firm announced a £350 million buyback.
Rice prices climbed to Rp 14,500 per kilogram in several markets last week.
The smelter will process 1.8 million tonnes of nickel ore a year and employ 4,000 people.
Foreign reserves stood at $150.2 billion at the end of June, equal to 6.4 months of imports.
The budget deficit is projected at 2.29% of GDP, or about Rp 522.8 trillion.
A 60-megawatt wind farm near the coast began commercial operation in January.
Nearly 40% of respondents said they had cut spending on food over the past 12 months.
The fund raised more than $500 million from investors in Asia and Europe.
The plant's 2 x 350 MW units burn about 3 million tonnes of coal a year.
Average rent in the capital rose 18 per cent, to about £1,950 a month.
The deal values the startup at roughly $12 billion, or 24 times its annual sales.
Drought shrank the harvest to 31.5 million tonnes, the smallest in a decade.
Fuel subsidies cost the state Rp 164 trillion in 2023, up from Rp 140 trillion in 2022.
The dam holds 1.2 billion cubic metres of water and irrigates 45,000 hectares of farmland.
Ticket prices start at $19.99 and rise to $249 for premium seats.
The lender's bad-loan ratio improved to 2.1% from 2.6% a year earlier.
Electric-vehicle sales more than doubled to 17,000 units in the first nine months.
The agency approved a $75 million loan to expand 1,400 kilometres of rural roads.
The euro fell 0.4% to $1.0835 while the yen held near 151.2 per dollar.
Microchip exports reached $11.6 billion in May, up three quarters from a year earlier.
The refinery upgrade, priced at $6 billion, will raise capacity by 100,000 barrels a day.
About half of the 2.7 million households in the province still lack piped water.
Coffee futures hit $3.80 a pound, the highest since 1977, after frost hit Brazil.
The ministry expects 14.3 million foreign tourists in 2025, spending an average of $1,250 each.
The bridge spans 5.4 km and required 120,000 cubic meters of concrete.
Carbon emissions fell 4.2% to 612 million tonnes of CO2 equivalent.
Its market value has fallen by two-thirds since the 2021 peak of $48 billion.
Wages will rise by between 5% and 7% next year, the union said on 12 September 2024.
"""

ID = """\
Pemerintah menganggarkan Rp 71,2 triliun untuk program makan bergizi pada tahun 2025.
Nilai ekspor batu bara turun 18,5% menjadi US$ 30,1 miliar sepanjang Januari hingga Agustus.
Inflasi tahunan tercatat 2,12 persen pada September, lebih rendah dari bulan sebelumnya.
Bank Indonesia mempertahankan suku bunga acuan di level 6,00% pada rapat Rabu lalu.
Kurs rupiah ditutup melemah ke Rp16.245 per dolar AS pada perdagangan sore.
Proyek kereta cepat sepanjang 142,3 km itu menelan biaya sekitar US$ 7,3 miliar.
Produksi beras nasional diperkirakan mencapai 31,2 juta ton, naik 1,5 persen dari tahun lalu.
Harga cabai rawit melonjak menjadi Rp 85.000 per kilogram di sejumlah pasar tradisional.
Perusahaan membukukan laba bersih Rp 3,4 triliun, tumbuh 11% dibandingkan periode yang sama.
PLN menargetkan tambahan kapasitas pembangkit surya sebesar 4,7 gigawatt hingga 2030.
Cadangan devisa naik menjadi US$ 149,9 miliar pada akhir Juli 2024.
Sekitar tiga perempat dari 2.500 responden mengaku mengurangi belanja bulanan.
Lifting minyak rata-rata hanya 576 ribu barel per hari, di bawah target APBN.
Defisit anggaran diproyeksikan 2,7% dari PDB atau sekitar Rp 609,7 triliun.
Bendungan itu mampu mengairi 12.000 hektare sawah dan menampung 90 juta meter kubik air.
Investasi asing langsung mencapai Rp 204,2 triliun pada kuartal ketiga, naik 16,7 persen.
Harga emas batangan naik Rp 12.000 menjadi Rp 1.418.000 per gram pada Senin pagi.
Jumlah penumpang bandara melonjak 25% menjadi 7,8 juta orang selama masa libur.
Smelter itu akan mengolah 2 juta ton bijih nikel per tahun dengan investasi US$ 1,2 miliar.
Subsidi energi sepanjang tahun lalu mencapai Rp 159,6 triliun, setara US$ 10,2 miliar.
Menurut survei, hampir 60 persen pelaku usaha kecil belum memakai pembayaran digital.
Kapasitas pelabuhan baru ditingkatkan menjadi 3,5 juta TEU per tahun mulai 2026.
Penjualan mobil listrik naik dua kali lipat menjadi 23.000 unit hingga Oktober.
Nilai tukar rupiah diasumsikan Rp 15.900 per dolar AS dalam APBN 2025.
Utang luar negeri swasta turun 1,8% menjadi US$ 196,2 miliar pada Juni.
Pabrik baterai di Karawang berkapasitas 10 gigawatt jam dan menyerap 1.000 tenaga kerja.
Harga minyak goreng curah dipatok Rp 15.700 per liter oleh pemerintah.
Luas kebakaran hutan tahun ini mencapai 267.000 hektare, lebih kecil dari tahun sebelumnya.
Kredit perbankan tumbuh 10,9% secara tahunan menjadi Rp 7.579 triliun.
Proyek jalan tol 110 kilometer itu ditargetkan rampung pada Desember 2025.
Ekspor CPO ke India naik 35 persen menjadi 5,1 juta ton pada semester pertama.
Lebih dari separuh dari Rp 1.200 triliun dana pihak ketiga berasal dari tabungan.
"""

FR = """\
Le gouvernement prévoit un déficit de 5,1 % du PIB en 2025, soit environ 150 milliards d'euros.
Le chiffre d'affaires a progressé de 8,4 % à 12,6 milliards d'euros au troisième trimestre.
L'inflation a ralenti à 1,8 % sur un an en octobre, selon l'Insee.
La BCE a abaissé son taux de dépôt de 25 points de base à 3,25 % jeudi.
Le nouveau parc éolien en mer, d'une puissance de 500 MW, coûtera près de 2 milliards d'euros.
Le prix du gazole est remonté à 1,72 euro le litre en moyenne la semaine dernière.
La ligne à grande vitesse de 182 km doit ouvrir en décembre 2027.
Les exportations de vin ont reculé de 3 % à 15,3 milliards d'euros l'an dernier.
Le groupe va supprimer 1 200 postes et investir 400 millions d'euros dans ses usines.
L'euro s'échangeait à 1,0842 dollar en fin de séance, en baisse de 0,3 %.
La récolte de blé tendre est estimée à 25,2 millions de tonnes, la plus faible depuis 1983.
Près de la moitié des ménages disent avoir réduit leurs dépenses alimentaires.
Le barrage retient 1,4 milliard de mètres cubes d'eau et irrigue 30 000 hectares.
La dette publique atteint 3 228 milliards d'euros, soit 112 % du PIB.
Le loyer moyen à Paris a grimpé à 1 350 € par mois, en hausse de 4 %.
La centrale de 1 650 mégawatts produira environ 13 térawattheures par an.
Les ventes de voitures électriques ont bondi de 27 % à 298 000 unités.
La start-up a levé 230 millions de dollars auprès de fonds américains et européens.
Le chômage est resté stable à 7,3 % de la population active au deuxième trimestre.
Le budget prévoit 60 milliards d'euros d'économies, dont 40 milliards sur les dépenses.
Le cours de l'or a dépassé 2 400 dollars l'once pour la première fois.
Les trois quarts des 2 000 entreprises interrogées prévoient d'embaucher en 2025.
Le réseau de chaleur alimente 12 000 logements grâce à 45 km de canalisations.
La facture d'électricité augmentera de 9,8 % au 1er février pour 20 millions de foyers.
Le fonds souverain a investi plus de 1,5 Md€ dans l'hydrogène depuis 2021.
La consommation de gaz a baissé de 11 % l'hiver dernier, à 381 térawattheures.
Les aides à la rénovation atteindront 5 milliards d'euros, contre 3,4 milliards un an plus tôt.
Le pétrole Brent a clôturé à 78,40 dollars le baril, en repli de 1,2 %.
La surface agricole bio couvre 2,8 millions d'hectares, soit 10,4 % du total.
Le salaire minimum passe à 11,88 euros brut de l'heure, soit 1 801,80 euros par mois.
La société prévoit un résultat net compris entre 900 millions et 1 milliard d'euros.
Environ 300 000 tonnes de déchets plastiques ont été recyclées l'an dernier.
"""

# Sentences without figures: real articles carry a figure in a minority of their
# sentences (the seed articles hold about 2 figures per KB), so articles mix both.
PROSE: dict[LangCode, str] = {
    "en": """\
The minister told reporters that the government would review the plan with regional leaders.
Analysts said investors were waiting for clearer signals from the central bank.
The company declined to comment on the report, citing a pending regulatory review.
Critics argue that the project has been delayed by land disputes and weak planning.
Officials expect demand to recover once supply chains return to normal.
The agreement still needs the approval of parliament before it can take effect.
Several lenders have tightened their criteria for new borrowers in recent months.
The board will meet again next week to discuss the succession of the chief executive.
Residents near the site have complained about dust and traffic from the construction.
Economists warned that a weaker currency could push up the price of imported goods.
""",
    "id": """\
Menteri mengatakan pemerintah akan meninjau rencana itu bersama para kepala daerah.
Para analis menilai investor masih menunggu sinyal yang lebih jelas dari bank sentral.
Perusahaan enggan berkomentar karena laporan tersebut masih dalam kajian regulator.
Pengamat menyebut proyek itu tertunda akibat sengketa lahan dan perencanaan yang lemah.
Pejabat memperkirakan permintaan pulih setelah rantai pasok kembali normal.
Kesepakatan itu masih memerlukan persetujuan parlemen sebelum berlaku.
Sejumlah bank memperketat syarat bagi peminjam baru dalam beberapa bulan terakhir.
Dewan direksi akan kembali bertemu pekan depan untuk membahas pergantian pimpinan.
Warga sekitar lokasi mengeluhkan debu dan kemacetan akibat pembangunan.
Ekonom mengingatkan pelemahan rupiah dapat mendorong kenaikan harga barang impor.
""",
    "fr": """\
Le ministre a indiqué que le gouvernement réexaminerait le projet avec les élus locaux.
Les analystes estiment que les marchés attendent des signaux plus clairs de la banque centrale.
L'entreprise n'a pas souhaité commenter, invoquant un examen réglementaire en cours.
Les critiques jugent que le chantier a pris du retard à cause de litiges fonciers.
Les responsables s'attendent à un rebond de la demande une fois les chaînes logistiques rétablies.
L'accord doit encore être approuvé par le Parlement avant d'entrer en vigueur.
Plusieurs banques ont durci leurs critères d'octroi de crédit ces derniers mois.
Le conseil se réunira la semaine prochaine pour évoquer la succession du directeur général.
Les riverains se plaignent de la poussière et du trafic liés aux travaux.
Les économistes préviennent qu'une monnaie plus faible renchérirait les importations.
""",
}
PROSE_PER_FIGURE_SENTENCE = 2

TEXTS: dict[LangCode, str] = {"en": EN, "id": ID, "fr": FR}


def articles(lang: LangCode, target_bytes: int, seed: int = 7) -> list[str]:
    """Articles of shuffled sentences, about ``target_bytes`` of UTF-8 in all."""
    sentences = [s for s in TEXTS[lang].splitlines() if s.strip()]
    prose = [s for s in PROSE[lang].splitlines() if s.strip()]
    rng = random.Random(f"{seed}-{lang}")
    out: list[str] = []
    size = 0
    while size < target_bytes:
        figured = rng.sample(sentences, ARTICLE_SENTENCES // (1 + PROSE_PER_FIGURE_SENTENCE))
        plain = rng.choices(prose, k=ARTICLE_SENTENCES - len(figured))
        picked = figured + plain
        rng.shuffle(picked)
        paragraphs = [" ".join(picked[i : i + 4]) for i in range(0, len(picked), 4)]
        article = "\n\n".join(paragraphs) + "\n"
        out.append(article)
        size += len(article.encode("utf-8"))
    return out


def prefix(docs: Sequence[str], max_bytes: int) -> list[str]:
    """The first articles of ``docs`` up to ``max_bytes`` (at least one)."""
    out: list[str] = []
    size = 0
    for doc in docs:
        n = len(doc.encode("utf-8"))
        if out and size + n > max_bytes:
            break
        out.append(doc)
        size += n
    return out


@dataclass
class Measure:
    engine: str
    lang: str
    articles: int
    bytes: int
    seconds: float
    cpu_seconds: float  # process CPU time of the best run: far below ``seconds`` = contention
    figures: int

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds if self.seconds > 0 else float("inf")

    @property
    def figures_per_kb(self) -> float:
        return self.figures / (self.bytes / 1000) if self.bytes else 0.0


def measure(
    engine: str, lang: str, fn: Callable[[str], int], docs: Sequence[str], runs: int
) -> Measure:
    """Warm up on the first articles, then the best of ``runs`` full passes."""
    for doc in docs[:3]:
        fn(doc)
    best, best_cpu = float("inf"), 0.0
    figures = 0
    for i in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        figures = sum(fn(doc) for doc in docs)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"  {engine} {lang} run {i + 1}/{runs}: {wall:.3f} s", file=sys.stderr)
        if wall < best:
            best, best_cpu = wall, cpu
    size = sum(len(d.encode("utf-8")) for d in docs)
    return Measure(engine, lang, len(docs), size, best, best_cpu, figures)


def ours(lang: LangCode) -> Callable[[str], int]:
    from factcheck.extract import extract_text

    def run(text: str) -> int:
        return len(extract_text(text, lang))

    return run


def quantulum() -> Callable[[str], int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser

    def run(text: str) -> int:
        return len(parser.parse(text))

    return run


def help_time(runs: int = 5) -> tuple[float, int, str] | None:
    """Best wall time of ``factcheck --help``, its exit code and the script's path; None
    without the script. The interpreter's own bin/ comes first (no pyenv shim)."""
    bindir = str(Path(sys.executable).parent)
    exe = shutil.which("factcheck", path=os.pathsep.join([bindir, os.environ.get("PATH", "")]))
    if exe is None:
        return None
    best = float("inf")
    code = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([exe, "--help"], capture_output=True, check=False)
        best = min(best, time.perf_counter() - t0)
        code = proc.returncode
    return best, code, exe


def _idle_ticks() -> dict[int, int]:
    """Idle (+ iowait) ticks per CPU from /proc/stat; empty where there is none."""
    ticks: dict[int, int] = {}
    try:
        lines = Path("/proc/stat").read_text().splitlines()
    except OSError:
        return ticks
    for line in lines:
        name, *fields = line.split()
        if name.startswith("cpu") and name[3:].isdigit() and len(fields) > 4:
            ticks[int(name[3:])] = int(fields[3]) + int(fields[4])
    return ticks


def pin_one_core() -> str:
    """Run on the idlest allowed core (and keep numeric libraries to one thread)."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if not (hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity")):
        return "not pinned (no sched_setaffinity)"
    allowed = sorted(os.sched_getaffinity(0))
    before = _idle_ticks()
    time.sleep(0.3)
    after = _idle_ticks()
    idle = {c: after.get(c, 0) - before.get(c, 0) for c in allowed}
    cpu = max(allowed, key=lambda c: (idle[c], -c))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu} (the idlest of {allowed})"


def run(mb: float = 1.0, quantulum_kb: float = 30.0, runs: int = 3) -> dict[str, Any]:
    """Measure everything; a JSON-serialisable summary."""
    pinned = pin_one_core()
    measures: list[Measure] = []
    notes: list[str] = []
    english = articles("en", int(mb * MB))
    try:
        for lang in ("en", "id", "fr"):
            docs = english if lang == "en" else articles(lang, int(mb * MB))
            measures.append(measure("factcheck", lang, ours(lang), docs, runs))
    except ImportError as exc:
        notes.append(f"factcheck.extract not importable: {exc}")
    try:
        q_docs = prefix(english, int(quantulum_kb * 1000))
        measures.append(measure("quantulum3", "en", quantulum(), q_docs, runs))
    except ImportError as exc:
        notes.append(f"quantulum3 not importable ({exc}); pip install -e '.[dev]'")
    by_key = {(m.engine, m.lang): m for m in measures}
    ratio: float | None = None
    if ("factcheck", "en") in by_key and ("quantulum3", "en") in by_key:
        ratio = by_key["factcheck", "en"].mb_per_s / by_key["quantulum3", "en"].mb_per_s
    helped = help_time()
    return {
        "cpu": pinned,
        "measures": [
            asdict(m) | {"mb_per_s": m.mb_per_s, "figures_per_kb": m.figures_per_kb}
            for m in measures
        ],
        "ratio_en": ratio,
        "target_ratio": TARGET_RATIO,
        "help_seconds": helped[0] if helped else None,
        "help_exit_code": helped[1] if helped else None,
        "help_command": helped[2] if helped else None,
        "target_help_seconds": TARGET_HELP_SECONDS,
        "notes": notes,
    }


def print_report(r: dict[str, Any]) -> None:
    print(f"one core: {r['cpu']}")
    head = (
        f"{'engine':<11} {'lang':<4} {'articles':>8} {'bytes':>10} {'best s':>8} "
        f"{'cpu s':>8} {'MB/s':>9} {'figures/KB':>10}"
    )
    print(head)
    print("-" * len(head))
    for m in r["measures"]:
        print(
            f"{m['engine']:<11} {m['lang']:<4} {m['articles']:>8} {m['bytes']:>10,} "
            f"{m['seconds']:>8.3f} {m['cpu_seconds']:>8.3f} {m['mb_per_s']:>9.4f} "
            f"{m['figures_per_kb']:>10.2f}"
        )
    if r["ratio_en"] is not None:
        verdict = "ok" if r["ratio_en"] >= r["target_ratio"] else "BELOW TARGET"
        print(
            f"ratio ours/quantulum3 (en): {r['ratio_en']:.0f}x "
            f"(target >= {r['target_ratio']:.0f}x) {verdict}"
        )
    if r["help_seconds"] is None:
        print("factcheck --help: skipped (console script not installed: pip install -e .)")
    else:
        verdict = "ok" if r["help_seconds"] < r["target_help_seconds"] else "ABOVE TARGET"
        print(
            f"factcheck --help: {r['help_seconds']:.3f} s best of 5, exit {r['help_exit_code']} "
            f"(target < {r['target_help_seconds']} s) {verdict}  [{r['help_command']}]"
        )
    for note in r["notes"]:
        print(f"note: {note}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=1.0, help="MB of text per language (ours)")
    ap.add_argument("--quantulum-kb", type=float, default=30.0, help="KB of text for quantulum3")
    ap.add_argument("--runs", type=int, default=3, help="timed runs; the best counts")
    ap.add_argument("--json", type=Path, help="also write the summary as JSON here")
    args = ap.parse_args(argv)
    results = run(args.mb, args.quantulum_kb, args.runs)
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
