"""Paths, the project's error type, strict file reading, atomic writes, and tables read against ``datapackage.json``."""
from kzanalysis.io.errors import DataError, Problem, problems_table, raise_if_any
from kzanalysis.io.files import MAX_SEED_BYTES, NOT_INPUTS, copy_inputs, read_seed_text, remove_stale_temporaries, seed_problems, sha256_of, write_bytes_atomic, write_text_atomic
from kzanalysis.io.paths import Layout, layout, project_root, relative
from kzanalysis.io.tables import MAX_TABLE_BYTES, Resource, cache_dir, load_package, load_resource, read_resource, resource, resource_names, to_csv_text, validation_stamp

__all__ = ['DataError', 'Layout', 'MAX_SEED_BYTES', 'MAX_TABLE_BYTES', 'NOT_INPUTS', 'Problem', 'Resource', 'cache_dir', 'copy_inputs', 'layout', 'load_package', 'load_resource', 'problems_table', 'project_root', 'raise_if_any', 'read_resource', 'read_seed_text', 'relative', 'remove_stale_temporaries', 'resource', 'resource_names', 'seed_problems', 'sha256_of', 'to_csv_text', 'validation_stamp', 'write_bytes_atomic', 'write_text_atomic']
