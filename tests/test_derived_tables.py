"""The tables in data/derived/ (outputs of `kzanalysis build`) are described in datapackage.json and valid."""
from __future__ import annotations

from kzanalysis.io.paths import layout
from kzanalysis.io.tables import read_resource, resource, resource_names


def derived_resources() -> list[str]:
    derived = layout().derived
    return [n for n in resource_names() if resource(n).path.is_relative_to(derived)]


def test_every_derived_file_is_described_and_every_description_has_its_file():
    described = {resource(n).path.name for n in derived_resources()}
    on_disk = {p.name for p in layout().derived.glob("*.csv")}
    assert described == on_disk


def test_derived_tables_are_valid_against_their_schemas():
    for name in derived_resources():
        frame, problems = read_resource(name)
        assert not problems, [str(p) for p in problems]
        assert len(frame) > 0, name
