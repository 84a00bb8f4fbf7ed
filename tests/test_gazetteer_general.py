"""The gazetteer grown from general lists (issue 16): what the project's own tables must hold."""
from __future__ import annotations

import pytest

from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.gazetteer.mentions import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_aliases(load_aliases())


def actors_in(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], actor) for s, e, _alias, actor in gazetteer.find(text)]


def test_every_state_is_found_by_its_own_name():
    actors, aliases = load_actors(), load_aliases()
    names = set(zip(aliases["alias"].str.casefold(), aliases["actor_id"]))
    states = actors[(actors["kind"] == "state") & (actors["actor_id"] != "ussr")]
    missing = [row.name for row in states.itertuples() if (row.name.casefold(), row.actor_id) not in names]
    assert missing == []


def test_heads_of_state_and_foreign_ministers_are_actors(gazetteer):
    text = ("Tokayev met Sadyr Japarov, Emomali Rahmon, Serdar Berdimuhamedov, Ilham Aliyev and Lukashenko; "
            "Foreign Minister Yermek Kosherbayev spoke with Lavrov.")
    assert [actor for _, actor in actors_in(gazetteer, text)] == [
        "tokayev", "japarov", "rahmon", "serdar_berdimuhamedov", "ilham_aliyev", "lukashenko", "kosherbayev",
        "lavrov"]


def test_a_longer_name_wins_over_a_shared_surname(gazetteer):
    assert actors_in(gazetteer, "Heydar Aliyev and Akylbek Japarov") == [
        ("Heydar Aliyev", "heydar_aliyev"), ("Akylbek Japarov", "akylbek_japarov")]


def test_names_that_contain_a_state_name_are_their_own_actors(gazetteer):
    assert actors_in(gazetteer, "(France 24, October 27) and South America, not America alone") == [
        ("France 24", "france24"), ("South America", "south_america"), ("America", "usa")]


def test_formats_agencies_and_companies_are_found(gazetteer):
    text = "At the C5+1 summit, Xinhua reported, KazMunayGas and CNPC signed a deal."
    assert [actor for _, actor in actors_in(gazetteer, text)] == ["c5plus1", "xinhua", "kazmunaygas", "cnpc"]
