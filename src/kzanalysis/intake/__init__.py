"""Growing the corpus: add a document, review its candidates, accept them into the curated tables."""
from kzanalysis.intake.accept import ACCEPT_VALUES, AcceptResult, CHECK_TABLES, TO_CLASSIFY, accept_candidates, read_review
from kzanalysis.intake.add import DEFAULT_RIGHTS, DOC_ID_PATTERN, add_document
from kzanalysis.intake.staging import AddResult, CLI, MAX_CONTROL_SHARE, Transaction, appended, backup_dir, candidates_dir, csv_line, default_doc_id, next_backup_path, parse_iso_date, review_csv, staged_problems, text_problems

__all__ = ['ACCEPT_VALUES', 'AcceptResult', 'AddResult', 'CHECK_TABLES', 'CLI', 'DEFAULT_RIGHTS', 'DOC_ID_PATTERN', 'MAX_CONTROL_SHARE', 'TO_CLASSIFY', 'Transaction', 'accept_candidates', 'add_document', 'appended', 'backup_dir', 'candidates_dir', 'csv_line', 'default_doc_id', 'next_backup_path', 'parse_iso_date', 'read_review', 'review_csv', 'staged_problems', 'text_problems']
