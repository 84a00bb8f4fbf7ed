"""Executing notebooks and rendering the report (HTML, PDF); tables for reading."""
from kzanalysis.report.assets import CSS, SCRIPT
from kzanalysis.report.build import build_report, write_notebook_pages, write_pdf
from kzanalysis.report.cache import SKIPPED_NAMES, STAMP_DIR, digest, files_under, forget, is_project_notebook, is_up_to_date, notebook_figures, notebook_key, notebook_source, package_dir, project_inputs, record, stamp_path
from kzanalysis.report.citations import ENTRY_COLUMNS, agency_note, commit_id, document_list, how_to_cite, link_references, reference_entries, reference_list, row_anchors, source_link
from kzanalysis.report.claimreview import BEST_RATING, PROJECT, RATING_SCALE, REPORT_PAGE, WORST_RATING, claim_reviews, claimreview_jsonld, write_claimreview, write_report_claimreview
from kzanalysis.report.display import Table, column_kind, format_value, formatted, header_text, show
from kzanalysis.report.front import KEY_PER_CHAPTER, README_SECTIONS, first_sentence, key_findings_section, key_points, provenance_text, readme_sections, top_level_bullets
from kzanalysis.report.html import CELL_TAGS, EDITIONS, REPORT_TITLE, render_html, render_notebook, report_date
from kzanalysis.report.notebooks import ReportError, coalesce_streams, execute_notebook, notebook_paths, run_notebooks
from kzanalysis.report.passages import CONTEXT, PASSAGE_COLUMNS, claim_passages, claims_appendix
from kzanalysis.report.sanitise import SAFE_ATTRIBUTES, SAFE_TAGS, safe_html
from kzanalysis.report.tablefit import OVERFLOW_COLUMNS, TOLERANCE_PX, overflowing_tables

__all__ = ['BEST_RATING', 'CELL_TAGS', 'CONTEXT', 'CSS', 'EDITIONS', 'ENTRY_COLUMNS', 'KEY_PER_CHAPTER', 'OVERFLOW_COLUMNS', 'PASSAGE_COLUMNS', 'PROJECT', 'RATING_SCALE', 'README_SECTIONS', 'REPORT_PAGE', 'REPORT_TITLE', 'ReportError', 'SAFE_ATTRIBUTES', 'SAFE_TAGS', 'SCRIPT', 'SKIPPED_NAMES', 'STAMP_DIR', 'TOLERANCE_PX', 'Table', 'WORST_RATING', 'agency_note', 'build_report', 'claim_passages', 'claim_reviews', 'claimreview_jsonld', 'claims_appendix', 'coalesce_streams', 'column_kind', 'commit_id', 'digest', 'document_list', 'execute_notebook', 'files_under', 'first_sentence', 'forget', 'format_value', 'formatted', 'header_text', 'how_to_cite', 'is_project_notebook', 'is_up_to_date', 'key_findings_section', 'key_points', 'link_references', 'notebook_figures', 'notebook_key', 'notebook_paths', 'notebook_source', 'overflowing_tables', 'package_dir', 'project_inputs', 'provenance_text', 'readme_sections', 'record', 'reference_entries', 'reference_list', 'render_html', 'render_notebook', 'report_date', 'row_anchors', 'run_notebooks', 'safe_html', 'show', 'source_link', 'stamp_path', 'top_level_bullets', 'write_claimreview', 'write_notebook_pages', 'write_pdf', 'write_report_claimreview']
