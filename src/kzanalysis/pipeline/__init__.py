"""The steps ``make`` runs: validate every input (``check``) and verify reproducibility (``verify``)."""
from kzanalysis.pipeline.check import check_all, summary
from kzanalysis.pipeline.verify import compare_folders, copy_project, verify

__all__ = ['check_all', 'compare_folders', 'copy_project', 'summary', 'verify']
