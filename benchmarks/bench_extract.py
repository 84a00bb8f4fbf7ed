"""Scale benchmark of the extractor: loading + mention extraction + quantity (and date) extraction.

    python benchmarks/bench_extract.py [--sizes 100 1000 10000] [--workers 2] [--dask]
                                       [--dask-scheduler ADDRESS] [--write-readme]
    python benchmarks/bench_extract.py --rate [--rate-docs 200] [--rate-repeat 3]
    python benchmarks/bench_extract.py --distributed [--distributed-docs 400] [--parquet DIR]
                                       [--dask-scheduler ADDRESS]

``--rate``: MB/s of mentions + quantities + dates (``Extractor.counts``) with one worker, in
this process, and in the same run the baseline of issue 13 on the same texts: the gazetteer
automaton (``gazetteer.mentions.Gazetteer``) plus one regular-expression pass for numbers and
dates; it prints both rates and their ratio. Each side runs ``--rate-repeat`` times, the two
alternating, and its best run counts (the machine may be shared); rates are given in wall-clock
time and, in brackets, in CPU time of the process.

``--distributed``: the per-document step for real on a ``dask.distributed`` ``LocalCluster``
with 1 and 2 worker processes (or on an existing cluster, ``--dask-scheduler``), checked to
give, document by document, exactly the counts of the process pool; then the mentions and
claims (extracted quantities with their context) of the corpus written as Parquet, one file
per partition (``mentions/part-NNNNN.parquet``, ``claims/part-NNNNN.parquet``), by the pool
and by Dask, and the two datasets compared.

For each N it builds a synthetic corpus of N documents in a temporary folder (not timed):
each document is a seeded random recombination of the seeds' sentences (page furniture
excluded), about ``--doc-kb`` kB long. Then, timed, it streams the file paths to a pool of
``--workers`` processes (``imap_unordered`` over a generator, so no list of texts is ever
held): each worker reads the file strictly (``files.read_seed_text``: UTF-8, not binary),
segments it, matches the gazetteer and extracts quantities and dates, and returns only
counts. Each N runs in a fresh process so that its peak memory is its own.

Peak RSS is the parent's peak plus each worker's peak (``resource.getrusage``): an upper
bound, since pages shared after ``fork`` are counted in every process.

``--dask`` runs the same per-document step with ``dask.bag`` (local processes, or a
cluster with ``--dask-scheduler tcp://host:8786``); Dask and distributed are in the lock.

Nothing under version control is written unless ``--write-readme`` is given, which puts
the table into README.md and benchmarks/README.md between their markers.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import types
from multiprocessing import Pool
from pathlib import Path

import numpy as np
import pandas as pd

from kzanalysis.corpus.sentences import sentences
from kzanalysis.corpus.sources import load_exclusions, load_texts
from kzanalysis.extract.dates import document_date
from kzanalysis.extract.extractor import Extractor
from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.gazetteer.mentions import Gazetteer, _fold
from kzanalysis.io.files import read_seed_text, write_bytes_atomic, write_text_atomic
from kzanalysis.io.paths import project_root

SEED = 20240601
SENTENCES_PER_PARAGRAPH = 5
DOC_DATE = "2023-06-30"
README_START = "<!-- benchmark:start -->"
README_END = "<!-- benchmark:end -->"

_STATE = "_kzanalysis_bench_state"  # a module in sys.modules: one extractor per worker process


def sentence_pool(root: Path | None = None) -> list[str]:
    """Every sentence and bullet of the seeds (headings and excluded spans left out), in corpus order."""
    texts = load_texts(root)
    sents = sentences(texts, load_exclusions(root))
    return sents.loc[sents["kind"] != "heading", "sentence"].tolist()


def synthetic_documents(n: int, pool: list[str], doc_chars: int, seed: int = SEED):
    """Yield (name, text) for ``n`` documents of about ``doc_chars`` characters, made by
    drawing seed sentences at random (``numpy.random.default_rng(seed)``), in paragraphs."""
    rng = np.random.default_rng(seed)
    for i in range(n):
        parts, size, paragraph = [], 0, []
        while size < doc_chars:
            sentence = pool[int(rng.integers(len(pool)))]
            paragraph.append(sentence)
            size += len(sentence) + 1
            if len(paragraph) == SENTENCES_PER_PARAGRAPH:
                parts.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            parts.append(" ".join(paragraph))
        yield f"doc{i:06d}.txt", "\n".join(parts) + "\n"


def _extractor() -> Extractor:
    """This process's extractor, built on first use. It is kept in ``sys.modules`` rather
    than in a global of this script because Dask ships functions of ``__main__`` to its
    workers by value, each task with its own copy of the script's globals."""
    state = sys.modules.get(_STATE)
    if state is None:
        state = types.ModuleType(_STATE)
        state.extractor = Extractor.from_tables(load_aliases(), load_actors())
        sys.modules[_STATE] = state
    return state.extractor


def _init_worker() -> None:
    _extractor()


def process_path(path: str) -> tuple[int, int, int, int, int, int, int]:
    """(characters, sentences, mentions, quantities, dates, worker pid, worker peak RSS kB) of one file."""
    text = read_seed_text(Path(path))
    n_sent, n_ment, n_quant, n_dates = _extractor().counts(text, document_date(DOC_DATE))
    return (len(text), n_sent, n_ment, n_quant, n_dates, os.getpid(),
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def run_one(n: int, workers: int, doc_kb: float, use_dask: bool, scheduler: str | None) -> dict:
    """Build the corpus for ``n`` documents, then time loading + extraction; return the measures."""
    pool = sentence_pool()
    with tempfile.TemporaryDirectory(prefix="kzanalysis-bench-") as tmp:
        folder = Path(tmp)
        for name, text in synthetic_documents(n, pool, int(doc_kb * 1000)):
            write_bytes_atomic(folder / name, text.encode("utf-8"))
        paths = (str(folder / f"doc{i:06d}.txt") for i in range(n))
        totals = np.zeros(5, dtype=np.int64)
        worker_peaks: dict[int, int] = {}
        start = time.perf_counter()
        if use_dask:
            results = _dask_results(list(paths), workers, scheduler)
        elif workers > 1:
            executor = Pool(workers, initializer=_init_worker)
            results = executor.imap_unordered(process_path, paths, chunksize=16)
        else:
            _init_worker()
            results = map(process_path, paths)
        for chars, n_sent, n_ment, n_quant, n_dates, pid, peak in results:
            totals += (chars, n_sent, n_ment, n_quant, n_dates)
            worker_peaks[pid] = max(worker_peaks.get(pid, 0), peak)
        seconds = time.perf_counter() - start
        if not use_dask and workers > 1:
            executor.close()
            executor.join()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_kb = own + sum(peak for pid, peak in worker_peaks.items() if pid != os.getpid())
    return {"n": n, "mb": totals[0] / 1e6, "seconds": seconds, "peak_mb": peak_kb / 1024,
            "docs_per_s": n / seconds, "sentences": int(totals[1]), "mentions": int(totals[2]),
            "quantities": int(totals[3]), "dates": int(totals[4])}


def _dask_results(paths: list[str], workers: int, scheduler: str | None):
    import dask.bag as db
    bag = db.from_sequence(paths, partition_size=64).map(process_path)
    if scheduler:
        from dask.distributed import Client
        with Client(scheduler):
            return bag.compute()
    return bag.compute(scheduler="processes", num_workers=workers)


#: The baseline's one pass for numbers and dates: digit groups with separators and decimals,
#: number words, month names (full and abbreviated).
_BASELINE_NUMBERS_DATES = re.compile(
    r"\d[\d,.]*\d|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|"
    r"trillion|percent|January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b", re.IGNORECASE)


def baseline_counts(gazetteer: Gazetteer, text: str) -> tuple[int, int]:
    """The baseline of issue 13 on one text: (automaton hits, number-or-date matches)."""
    hits = sum(1 for _ in gazetteer.automaton.iter(_fold(text))) if gazetteer.automaton is not None else 0
    return hits, sum(1 for _ in _BASELINE_NUMBERS_DATES.finditer(text))


def _timed(run, repeat: int) -> tuple[float, float, object]:
    """(best wall seconds, best CPU seconds of this process, result) of ``repeat`` calls of ``run``.

    The best of a few runs is the usual measure on a shared machine: other processes only ever
    add time. CPU time (``time.process_time``) leaves out the time the process waits for a core."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return min(walls), min(cpus), result


def rate(n: int, doc_kb: float, repeat: int = 3) -> dict:
    """MB/s of ``Extractor.counts`` and of the baseline on the same ``n`` texts, one worker, one
    process; each side timed ``repeat`` times, alternately, and its best run kept."""
    texts = [text for _, text in synthetic_documents(n, sentence_pool(), int(doc_kb * 1000))]
    mb = sum(len(t) for t in texts) / 1e6
    extractor = Extractor.from_tables(load_aliases(), load_actors())
    gazetteer = Gazetteer.from_aliases(load_aliases())
    day = document_date(DOC_DATE)
    extractor.counts(texts[0], day)  # compiled patterns and caches warm, as in a long run

    def extract() -> np.ndarray:
        found = np.zeros(4, dtype=np.int64)
        for text in texts:
            found += extractor.counts(text, day)
        return found

    def base_line() -> np.ndarray:
        base = np.zeros(2, dtype=np.int64)
        for text in texts:
            base += baseline_counts(gazetteer, text)
        return base

    runs = [(_timed(extract, 1), _timed(base_line, 1)) for _ in range(repeat)]
    extraction, extraction_cpu = min(r[0][0] for r in runs), min(r[0][1] for r in runs)
    baseline, baseline_cpu = min(r[1][0] for r in runs), min(r[1][1] for r in runs)
    found, base = runs[0][0][2], runs[0][1][2]
    return {"n": n, "mb": mb, "repeat": repeat, "extraction_s": extraction, "extraction_mb_s": mb / extraction,
            "extraction_cpu_mb_s": mb / extraction_cpu, "baseline_s": baseline, "baseline_mb_s": mb / baseline,
            "baseline_cpu_mb_s": mb / baseline_cpu, "ratio": extraction / baseline,
            "ratio_cpu": extraction_cpu / baseline_cpu,
            "mentions": int(found[1]), "quantities": int(found[2]), "dates": int(found[3]),
            "baseline_hits": int(base[0]), "baseline_numbers_dates": int(base[1])}


def rate_report(r: dict) -> str:
    return "\n".join([
        f"rate on {r['n']:,} documents ({r['mb']:.2f} MB), one worker, one process, best of {r['repeat']} runs "
        "(wall clock; CPU time of the process in brackets):",
        f"  mentions + quantities + dates (Extractor.counts): {r['extraction_mb_s']:.2f} MB/s "
        f"[{r['extraction_cpu_mb_s']:.2f} MB/s CPU] ({r['extraction_s']:.2f} s; {r['mentions']:,} mentions, "
        f"{r['quantities']:,} quantities, {r['dates']:,} dates)",
        f"  baseline (automaton + one regex pass for numbers and dates): {r['baseline_mb_s']:.2f} MB/s "
        f"[{r['baseline_cpu_mb_s']:.2f} MB/s CPU] ({r['baseline_s']:.2f} s; {r['baseline_hits']:,} automaton hits, "
        f"{r['baseline_numbers_dates']:,} matches)",
        f"  baseline / extraction = {r['ratio']:.1f}x [{r['ratio_cpu']:.1f}x CPU] (issue 13 target <= 5x: "
        f"{'met' if r['ratio'] <= 5 else 'NOT met'}); extraction >= 2 MB/s: "
        f"{'met' if r['extraction_mb_s'] >= 2 else 'NOT met'} [CPU: {'met' if r['extraction_cpu_mb_s'] >= 2 else 'NOT met'}]"])


def document_counts(path: str) -> tuple[str, int, int, int, int, int]:
    """(file name, characters, sentences, mentions, quantities, dates) of one file: what the engines must agree on."""
    chars, n_sent, n_ment, n_quant, n_dates, _pid, _rss = process_path(path)
    return Path(path).name, chars, n_sent, n_ment, n_quant, n_dates


def write_partition(job: tuple[int, list[str], str]) -> tuple[int, int, int]:
    """Mentions and claims of one partition of files, as ``mentions/part-NNNNN.parquet`` and
    ``claims/part-NNNNN.parquet`` under the output folder; return (partition, mentions, claims)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    index, paths, out = job
    day = document_date(DOC_DATE)
    mentions, claims = [], []
    for path in paths:
        doc_id = Path(path).stem
        found = _extractor().extract(doc_id, read_seed_text(Path(path)), day)
        mentions.append(found["mentions"])
        claims.append(found["quantities"])
    written = []
    for name, frames in (("mentions", mentions), ("claims", claims)):
        frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        frame = frame.astype({c: "string" for c in frame.columns if frame[c].dtype == object})
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), folder / f"part-{index:05d}.parquet")
        written.append(len(frame))
    return index, written[0], written[1]


def read_dataset(folder: Path, name: str) -> pd.DataFrame:
    """One Parquet dataset written by ``write_partition``, parts in order."""
    parts = sorted((folder / name).glob("part-*.parquet"))
    return pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)


def distributed(n: int, doc_kb: float, parquet: Path | None, scheduler: str | None, partition: int = 32) -> str:
    """Pool vs Dask (LocalCluster 1 and 2 workers, or ``scheduler``): counts and Parquet, compared."""
    from dask.distributed import Client, LocalCluster

    out = []
    with tempfile.TemporaryDirectory(prefix="kzanalysis-dist-") as tmp:
        folder = Path(tmp) / "corpus"
        for name, text in synthetic_documents(n, sentence_pool(), int(doc_kb * 1000)):
            write_bytes_atomic(folder / name, text.encode("utf-8"))
        paths = [str(folder / f"doc{i:06d}.txt") for i in range(n)]
        mb = sum(Path(p).stat().st_size for p in paths) / 1e6
        chunks = [(i, paths[i * partition:(i + 1) * partition], "") for i in range((n + partition - 1) // partition)]
        started = time.perf_counter()
        with Pool(2, initializer=_init_worker) as executor:
            reference = sorted(executor.map(document_counts, paths, chunksize=16))
        out.append(f"process pool, 2 workers: counts of {n:,} documents ({mb:.1f} MB) in {time.perf_counter() - started:.2f} s")
        parquet_root = parquet or Path(tmp) / "parquet"
        pool_out = parquet_root / "pool"
        started = time.perf_counter()
        with Pool(2, initializer=_init_worker) as executor:
            written = executor.map(write_partition, [(i, c, str(pool_out)) for i, c, _ in chunks])
        out.append(f"process pool, 2 workers: mentions + claims as Parquet ({len(chunks)} partitions, "
                   f"{sum(w[1] for w in written):,} mentions, {sum(w[2] for w in written):,} claims) in "
                   f"{time.perf_counter() - started:.2f} s -> {pool_out}")
        clusters = [(f"existing cluster {scheduler}", None)] if scheduler else \
            [(f"LocalCluster, {k} worker(s)", k) for k in (1, 2)]
        for label, workers in clusters:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) \
                if workers else None
            with Client(cluster if cluster is not None else scheduler) as client:
                client.run(_init_worker)
                started = time.perf_counter()
                counts = sorted(client.gather(client.map(document_counts, paths, batch_size=64)))
                seconds = time.perf_counter() - started
                same = counts == reference
                out.append(f"{label}: counts in {seconds:.2f} s ({mb / seconds:.2f} MB/s); "
                           f"identical to the process pool: {'yes' if same else 'NO'}")
                dask_out = parquet_root / ("dask-" + (str(workers) if workers else "cluster"))
                started = time.perf_counter()
                futures = client.map(write_partition, [(i, c, str(dask_out)) for i, c, _ in chunks], pure=False)
                client.gather(futures)
                seconds = time.perf_counter() - started
                equal = all(read_dataset(dask_out, name).equals(read_dataset(pool_out, name))
                            for name in ("mentions", "claims"))
                out.append(f"{label}: Parquet in {seconds:.2f} s -> {dask_out}; identical to the pool's: "
                           f"{'yes' if equal else 'NO'}")
                if not (same and equal):
                    raise SystemExit("\n".join(out) + "\nbench_extract: Dask and the process pool differ")
            if cluster is not None:
                cluster.close()
        if parquet is None:
            out.append("(Parquet written to a temporary folder; --parquet DIR keeps it)")
    return "\n".join(out)


def table(rows: list[dict]) -> str:
    """The results as a Markdown table."""
    lines = ["| N documents | MB of text | seconds | peak RSS (MB) | docs/s | mentions | quantities | dates |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['mb']:.1f} | {r['seconds']:.2f} | {r['peak_mb']:.0f} | {r['docs_per_s']:.0f} "
                     f"| {r['mentions']:,} | {r['quantities']:,} | {r['dates']:,} |")
    return "\n".join(lines)


def checks(rows: list[dict]) -> list[str]:
    """The issue's targets, each with its verdict."""
    by_n = {r["n"]: r for r in rows}
    out = []
    if 1000 in by_n:
        s = by_n[1000]["seconds"]
        out.append(f"1,000 documents in {s:.2f} s (target < 10 s): {'met' if s < 10 else 'NOT met'}")
    for small, large in [(100, 1000), (1000, 10000)]:
        if small in by_n and large in by_n:
            ratio = by_n[large]["seconds"] / by_n[small]["seconds"]
            out.append(f"{large:,} vs {small:,} documents: {ratio:.1f}x the time (target <= 12x): "
                       f"{'met' if ratio <= 12 else 'NOT met'}")
    if 10000 in by_n:
        mb = by_n[10000]["peak_mb"]
        out.append(f"peak memory at 10,000 documents {mb:.0f} MB (target < 1024 MB): {'met' if mb < 1024 else 'NOT met'}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000], help="corpus sizes N")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (1 = no pool)")
    parser.add_argument("--doc-kb", type=float, default=10.0, help="approximate size of a document in kB")
    parser.add_argument("--dask", action="store_true", help="run the per-document step on dask.bag")
    parser.add_argument("--dask-scheduler", metavar="ADDRESS", help="a dask.distributed scheduler, e.g. tcp://host:8786")
    parser.add_argument("--write-readme", action="store_true", help="write the table into README.md and benchmarks/README.md")
    parser.add_argument("--rate", action="store_true", help="MB/s of extraction and of the baseline, one worker")
    parser.add_argument("--rate-docs", type=int, default=200, help="documents for --rate")
    parser.add_argument("--rate-repeat", type=int, default=3, help="timed runs of each side for --rate (best kept)")
    parser.add_argument("--distributed", action="store_true",
                        help="Dask LocalCluster (1 and 2 workers) vs the process pool, and Parquet output")
    parser.add_argument("--distributed-docs", type=int, default=400, help="documents for --distributed")
    parser.add_argument("--parquet", type=Path, help="folder for the Parquet output of --distributed (kept)")
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)  # one size, in this process, JSON out
    args = parser.parse_args(argv)
    if args.rate or args.distributed:
        if args.rate:
            print(rate_report(rate(args.rate_docs, args.doc_kb, args.rate_repeat)), flush=True)
        if args.distributed:
            print(distributed(args.distributed_docs, args.doc_kb, args.parquet, args.dask_scheduler), flush=True)
        return 0
    if args.dask or args.dask_scheduler:
        try:
            import dask.bag  # noqa: F401
        except ImportError:
            print("bench_extract: --dask needs Dask, which is optional and not in requirements/lock.txt. "
                  "Install it into the environment with `.venv/bin/python -m pip install 'dask[bag]'` "
                  "(and 'dask[distributed]' for --dask-scheduler), then run again.", file=sys.stderr)
            return 2
    if args.single:
        print(json.dumps(run_one(args.single, args.workers, args.doc_kb, args.dask or bool(args.dask_scheduler),
                                 args.dask_scheduler)))
        return 0
    rows = []
    for n in args.sizes:
        command = [sys.executable, __file__, "--single", str(n), "--workers", str(args.workers),
                   "--doc-kb", str(args.doc_kb)]
        if args.dask:
            command.append("--dask")
        if args.dask_scheduler:
            command += ["--dask-scheduler", args.dask_scheduler]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
        print(f"  N={n:,}: {rows[-1]['seconds']:.2f} s", file=sys.stderr)
    engine = "dask.bag" if args.dask else f"{args.workers} worker process(es)"
    text = table(rows) + f"\n\nEngine: {engine}; documents of about {args.doc_kb:g} kB.\n\n" + \
        "\n".join(f"- {c}" for c in checks(rows))
    print(text)
    if args.write_readme:
        from kzanalysis.evaluate import replace_section
        for path in (project_root() / "README.md", Path(__file__).resolve().parent / "README.md"):
            write_text_atomic(path, replace_section(path.read_text(encoding="utf-8"), README_START, README_END, text))
            print(f"wrote the table into {path.relative_to(project_root()).as_posix()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
