"""Scale benchmark of the extractor: loading + mention extraction + quantity (and date) extraction.

    python benchmarks/bench_extract.py [--sizes 100 1000 10000] [--workers 2] [--dask]
                                       [--dask-scheduler ADDRESS] [--write-readme]

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
cluster with ``--dask-scheduler tcp://host:8786``); Dask is optional and not in the lock.

Nothing under version control is written unless ``--write-readme`` is given, which puts
the table into README.md and benchmarks/README.md between their markers.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np

from kzanalysis.corpus.sentences import sentences
from kzanalysis.corpus.sources import load_exclusions, load_texts
from kzanalysis.extract.dates import document_date
from kzanalysis.extract.extractor import Extractor
from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.io.files import read_seed_text, write_bytes_atomic, write_text_atomic
from kzanalysis.io.paths import project_root

SEED = 20240601
SENTENCES_PER_PARAGRAPH = 5
DOC_DATE = "2023-06-30"
README_START = "<!-- benchmark:start -->"
README_END = "<!-- benchmark:end -->"

_EXTRACTOR: Extractor | None = None  # one per worker process, built by _init_worker


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


def _init_worker() -> None:
    global _EXTRACTOR
    _EXTRACTOR = Extractor.from_tables(load_aliases(), load_actors())


def process_path(path: str) -> tuple[int, int, int, int, int, int, int]:
    """(characters, sentences, mentions, quantities, dates, worker pid, worker peak RSS kB) of one file."""
    if _EXTRACTOR is None:
        _init_worker()
    text = read_seed_text(Path(path))
    n_sent, n_ment, n_quant, n_dates = _EXTRACTOR.counts(text, document_date(DOC_DATE))
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
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)  # one size, in this process, JSON out
    args = parser.parse_args(argv)
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
