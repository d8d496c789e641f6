from __future__ import annotations

from pathlib import Path

import pytest

from streams.tagging import Tagger, tagging_to_json
from streams.tagging import gazetteer as gz
from streams.tagging.gazetteer import PRIMARY, Gazetteer, Place
from streams.tagging.places import PlaceResolver
from streams.tagging.text import split_sentences


def tiny_gazetteer(*entries: tuple[str, Place | None]) -> Gazetteer:
    """A hand-made gazetteer: ``(name, place)`` pairs; ``place=None`` is a name with no sense."""
    places = [p for _, p in entries if p is not None]
    names: dict[str, tuple[int, ...]] = {}
    for name, place in entries:
        key = name.lower()
        names[key] = names.get(key, ()) + ((places.index(place) << 3 | PRIMARY,) if place is not None else ())
    return Gazetteer([p.geonameid for p in places], [p.name for p in places], [p.country for p in places],
                     [p.lat for p in places], [p.lon for p in places], [p.kind for p in places],
                     [p.population for p in places], [p.admin1 for p in places], names, {}, {}, {}, {})


def test_unresolvable_name_does_not_wipe_out_the_others() -> None:
    raqqa = Place(172955, "Ar Raqqah", "SY", 35.95, 39.01, "city", 531952)
    nowhere = Place(None, "Nowhere", None, None, None, "city", 0)
    gaz = tiny_gazetteer(("Raqqa", raqqa), ("Atlantis", None), ("Nowhere", nowhere))
    text = "From Atlantis and Nowhere the convoy reached Raqqa."
    got = PlaceResolver(gaz).find(text, split_sentences(text))
    assert [(p.text, p.geonameid) for p in got] == [("Nowhere", None), ("Raqqa", 172955)]


def test_cache_is_built_once_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    place = Place(1, "Testville", "US", 1.0, 2.0, "city", 5000)

    def fake_build(min_population: int = 0) -> Gazetteer:
        calls.append(min_population)
        return tiny_gazetteer(("Testville", place))

    monkeypatch.setattr(gz, "build", fake_build)
    first = Gazetteer.load(tmp_path, min_population=1000)
    again = Gazetteer.load(tmp_path, min_population=1000)
    assert calls == [1000] and again.name == first.name == ["Testville"]
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 1 and files[0].startswith("gazetteer-") and files[0].endswith(".pkl")  # no temp files


def test_cache_rebuilt_when_data_version_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(gz, "build", lambda min_population=0: calls.append(1) or tiny_gazetteer())
    Gazetteer.load(tmp_path)
    monkeypatch.setattr(gz, "FORMAT_VERSION", gz.FORMAT_VERSION + 1)
    Gazetteer.load(tmp_path)
    Gazetteer.load(tmp_path, min_population=gz.DEFAULT_MIN_POPULATION + 1)
    assert len(calls) == 3 and len(list(tmp_path.iterdir())) == 3


def test_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(gz, "build", lambda min_population=0: calls.append(1) or tiny_gazetteer())
    (tmp_path / f"gazetteer-{gz.cache_key(gz.DEFAULT_MIN_POPULATION)}.pkl").write_bytes(b"not a pickle")
    Gazetteer.load(tmp_path)
    assert calls == [1]


def test_cache_dir_from_argument_env_or_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_CACHE_DIR", str(tmp_path / "env"))
    assert gz.resolve_cache_dir(None) == tmp_path / "env"
    assert gz.resolve_cache_dir(tmp_path / "arg") == tmp_path / "arg"
    monkeypatch.delenv("WIREWATCH_CACHE_DIR")
    assert gz.resolve_cache_dir(None) == Path.home() / ".cache" / "wirewatch" / "gazetteer"


def test_real_gazetteer_has_countries_states_subdivisions_and_demonyms(tagger: Tagger) -> None:
    gaz = tagger.places.gaz
    kinds = {gaz.kind[i] for key in ("syria", "texas", "ar raqqah", "europe") for i, _ in gaz.candidates(key)}
    assert {"country", "admin1", "continent", "city"} <= kinds
    assert gaz.demonyms["iraqi"] == "IQ" and gaz.demonyms["syrian"] == "SY"


def test_tagging_to_json_shape(tagger: Tagger) -> None:
    out = tagging_to_json(tagger.tag("beirut - Daesh fighters fled Raqqa."), "a1")
    assert list(out) == ["id", "places", "keywords"] and out["id"] == "a1"
    assert list(out["places"][0]) == ["start", "end", "text", "name", "geonameid", "country", "lat", "lon",
                                      "kind", "role", "score"]
    assert list(out["keywords"][0]) == ["start", "end", "text", "term", "group"]
    assert [p["role"] for p in out["places"]] == ["dateline", "body"]


def test_unwritable_cache_dir_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gz, "build", lambda min_population=0: tiny_gazetteer())
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert Gazetteer.load(blocker / "cache").name == []


def _area(gaz: Gazetteer, key: str, country: str) -> int:
    return next(i for i, _ in gaz.candidates(key)
                if gaz.kind[i] in ("admin1", "district") and gaz.country[i] == country)


def test_subdivisions_have_their_own_points_not_their_countrys(tagger: Tagger) -> None:
    """Provinces and counties without a same-name town sit at their own point (countries-states-cities
    data), not at the country's middle: Suffolk in East Anglia, not at Britain's (54, -2)."""
    from streams.tagging.resolve import km

    gaz = tagger.places.gaz
    for key, country, lat, lon in [("suffolk", "GB", 52.2, 1.0), ("uttar pradesh", "IN", 26.9, 80.9),
                                   ("nueva ecija", "PH", 15.6, 121.0), ("kwazulu natal", "ZA", -29.0, 31.0),
                                   ("hubei", "CN", 31.2, 112.3)]:
        i = _area(gaz, key, country)
        assert km(gaz.lat[i] or 0.0, gaz.lon[i] or 0.0, lat, lon) < 161, key


def test_state_points_cover_iso_subdivisions() -> None:
    points = gz._state_points()
    assert len(points) > 4000 and "IN-UP" in points and "GB-SFK" in points
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in points.values())
