"""kzanalysis: an evidence-first analysis of Kazakhstan's multi-vector foreign policy.

The package loads the corpus (``corpus``), the curated tables (``actors``, ``evidence``,
``reference``), computes analyses as pure functions over DataFrames (``balance``,
``trade``, ``consistency``), saves figures in one house style (``figures``) and renders
the report (``report``). ``kzanalysis check`` validates every input.
"""
__version__ = "0.1.0"
