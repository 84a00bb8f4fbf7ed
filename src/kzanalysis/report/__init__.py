"""Executing notebooks and rendering the report (HTML, PDF); tables for reading."""
from kzanalysis.report.build import build_report, write_notebook_pages, write_pdf
from kzanalysis.report.display import MISSING, Table, format_value, formatted, show
from kzanalysis.report.html import CSS, REPORT_TITLE, render_html, render_notebook, report_date, source_link
from kzanalysis.report.notebooks import ReportError, coalesce_streams, execute_notebook, notebook_paths, run_notebooks
from kzanalysis.report.sanitise import SAFE_ATTRIBUTES, SAFE_TAGS, safe_html

__all__ = ['CSS', 'MISSING', 'REPORT_TITLE', 'ReportError', 'SAFE_ATTRIBUTES', 'SAFE_TAGS', 'Table', 'build_report', 'coalesce_streams', 'execute_notebook', 'format_value', 'formatted', 'notebook_paths', 'render_html', 'render_notebook', 'report_date', 'run_notebooks', 'safe_html', 'show', 'source_link', 'write_notebook_pages', 'write_pdf']
