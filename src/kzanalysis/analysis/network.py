"""analysis.network (from balance.py)."""
from __future__ import annotations

from itertools import combinations

import pandas as pd

from kzanalysis.analysis.attention import DEFAULT_KINDS, counted_mentions

#: Actor kinds folded into their country in the co-mention network (Putin counts as Russia).
FOLDED_KINDS = ("person", "company")

#: Drawing of the co-mention network: nodes on the ring (besides the centre), the fewest
#: sentences for a spoke to the centre, and for a chord between two ring nodes.
RING_NODES = 18
MIN_SPOKE = 2
MIN_CHORD = 3


def actor_nodes(mentions: pd.DataFrame, actors: pd.DataFrame,
                folded_kinds: tuple[str, ...] = FOLDED_KINDS) -> pd.DataFrame:
    """The mentions with ``node``: the actor, or its country for persons and companies.

    Folding persons into their state (Putin → russia, Tokayev → kazakhstan) makes the
    network about states and organisations; an actor of a folded kind without a country
    stays itself.

    Columns: those of ``mentions`` plus node (actor id) and node_vector (its vector).
    """
    info = actors.set_index("actor_id")
    out = mentions.copy()
    kind = out["actor_id"].map(info["kind"])
    country = out["actor_id"].map(info["country"]).fillna("")
    fold = kind.isin(folded_kinds) & (country != "")
    out["node"] = out["actor_id"].where(~fold, country)
    out["node_vector"] = out["node"].map(info["vector"])
    return out


def co_mentions(mentions: pd.DataFrame, node: str = "actor_id",
                kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """Pairs of nodes named in the same sentence, and in how many sentences.

    ``node``: the column naming what is counted (``actor_id``, ``node`` from
    ``actor_nodes``, or ``vector``). A sentence naming A three times and B once counts
    once for (A, B); a node is never paired with itself.

    Columns: source, target (node ids, source < target), sentences (count); sorted by
    sentences (descending), then source, target.
    """
    frame = counted_mentions(mentions, kinds)
    per_sentence = frame.groupby(["doc_id", "sentence_id"], sort=True)[node].agg(lambda s: sorted(set(s)))
    counts: dict[tuple[str, str], int] = {}
    for names in per_sentence:
        for pair in combinations(names, 2):
            counts[pair] = counts.get(pair, 0) + 1
    out = pd.DataFrame([(a, b, n) for (a, b), n in counts.items()], columns=["source", "target", "sentences"])
    return out.sort_values(["sentences", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


def node_sentences(mentions: pd.DataFrame, node: str = "actor_id",
                   kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """How many sentences name each node. Columns: node, sentences (count); sorted by count, then node."""
    frame = counted_mentions(mentions, kinds)[["doc_id", "sentence_id", node]].drop_duplicates()
    out = frame.groupby(node).size().rename("sentences").reset_index().rename(columns={node: "node"})
    return out.sort_values(["sentences", "node"], ascending=[False, True]).reset_index(drop=True)


def co_mention_matrix(pairs: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Symmetric matrix of co-mention counts (sentences) over ``order``, zero diagonal."""
    matrix = pd.DataFrame(0, index=order, columns=order, dtype=int)
    for row in pairs.itertuples(index=False):
        if row.source in matrix.index and row.target in matrix.index:
            matrix.loc[row.source, row.target] += row.sentences
            matrix.loc[row.target, row.source] += row.sentences
    return matrix


def node_table(node_mentions: pd.DataFrame, actors: pd.DataFrame, kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """The nodes of the co-mention network with their names and vectors.

    ``node_mentions``: ``actor_nodes``. Columns: node, sentences (as in
    ``node_sentences``), name, vector (from ``actors``); sorted by sentences, then node.
    """
    names = actors[["actor_id", "name", "vector"]].rename(columns={"actor_id": "node"})
    return node_sentences(node_mentions, node="node", kinds=kinds).merge(names, on="node")
