"""The steps ``make`` runs: validate every input (``check``) and verify reproducibility (``verify``)."""
from kzanalysis.pipeline.check import CHECK_TABLES, REFERENCE_TABLES, check_all, fact_check_problems, summary
from kzanalysis.pipeline.factcheck import FACTCHECK_FILES, write_factcheck
from kzanalysis.pipeline.rebuild import rebuild
from kzanalysis.pipeline.verify import compare_folders, copy_project, verify
from kzanalysis.pipeline.verify_layout import SPLIT_ROW_COLUMNS, layout_problems, layout_stamp, print_layout_problems, split_rows

__all__ = ['CHECK_TABLES', 'FACTCHECK_FILES', 'REFERENCE_TABLES', 'SPLIT_ROW_COLUMNS', 'check_all', 'compare_folders', 'copy_project', 'fact_check_problems', 'layout_problems', 'layout_stamp', 'print_layout_problems', 'rebuild', 'split_rows', 'summary', 'verify', 'write_factcheck']
