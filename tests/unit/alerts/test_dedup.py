from __future__ import annotations

from alerts.dedup import DedupDecision, DedupStage


def test_first_report_is_new_then_same_source_is_duplicate(clock, make_event):
    stage = DedupStage({}, clock)
    d1, alert = stage.observe(make_event())
    assert d1 is DedupDecision.NEW and alert.sources == ["AFP"] and not alert.corroborated
    d2, _ = stage.observe(make_event(article_id="a2"))  # same outlet, another story
    assert d2 is DedupDecision.DUPLICATE
    d3, _ = stage.observe(make_event(source="Reuters"))  # same article id, re-ingested
    assert d3 is DedupDecision.DUPLICATE


def test_second_source_corroborates_third_is_recorded(clock, make_event):
    stage = DedupStage({}, clock)
    stage.observe(make_event())
    clock.advance(minutes=5)
    d, alert = stage.observe(make_event(source="Reuters", article_id="r1"))
    assert d is DedupDecision.CORROBORATED and alert.corroborated and alert.sources == ["AFP", "Reuters"]
    assert alert.last_seen > alert.first_seen
    d, alert = stage.observe(make_event(source="AP", article_id="p1"))
    assert d is DedupDecision.NEW_SOURCE and len(alert.sources) == 3


def test_other_place_or_milestone_is_a_separate_alert(clock, make_event):
    stage = DedupStage({}, clock)
    stage.observe(make_event())
    assert stage.observe(make_event(geonameid=99072, place="Mosul"))[0] is DedupDecision.NEW
    assert stage.observe(make_event(milestone="siege"))[0] is DedupDecision.NEW


def test_window_expiry_makes_it_new_again(clock, make_event):
    state: dict[str, object] = {}
    stage = DedupStage(state, clock)
    stage.observe(make_event())
    clock.advance(hours=25)
    assert stage.observe(make_event(article_id="later"))[0] is DedupDecision.NEW


def test_state_is_plain_json_so_a_faust_table_can_hold_it(clock, make_event):
    import json

    state: dict[str, object] = {}
    DedupStage(state, clock).observe(make_event())
    restored = json.loads(json.dumps(state))
    assert DedupStage(restored, clock).observe(make_event(article_id="x"))[0] is DedupDecision.DUPLICATE
