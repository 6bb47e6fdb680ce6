"""The designer's scripted playthroughs of scenarios/1939.yaml reach their endings."""

from __future__ import annotations

import pytest

from game.engine import Action, Game
from game.engine.script import Step, play_script
from game.scenario import load_scenario
from tests.test_scenario_1939 import SCENARIO


@pytest.fixture(scope="module")
def sc():
    return load_scenario(SCENARIO)


# Scripted human playthroughs (the designer's `run --script` games), one per ending: (seed, steps).
# Each step: (week, kind, target, clauses or option).
PLAYTHROUGHS = {
    'triple_alliance': (3, [
        (1, 'act', 'speech_collective_security', None),
        (1, 'act', 'offer_supplies_to_poland', None),
        (2, 'act', 'press_the_west', None),
        (3, 'choose', 'litvinov_question', 'keep'),
        (4, 'act', 'speech_collective_security', None),
        (5, 'act', 'press_the_west', None),
        (5, 'act', 'raise_passage_question', None),
        (6, 'act', 'send_zhukov', None),
        (7, 'choose', 'supreme_soviet_speech', 'say_nothing'),
        (7, 'propose', 'anglo_french_alliance', ['mutual_assistance', 'no_separate_peace', 'military_convention']),
        (7, 'act', 'speech_collective_security', None),
        (8, 'choose', 'far_east_commitment', 'hold'),
        (8, 'act', 'press_the_west', None),
        (8, 'act', 'press_poland_through_france', None),
        (9, 'choose', 'strang_agenda', 'convention'),
        (10, 'choose', 'baltic_list', 'accept_list'),
        (10, 'act', 'speech_collective_security', None),
        (11, 'choose', 'zhdanov_article', 'hold_back'),
        (11, 'act', 'press_the_west', None),
        (12, 'choose', 'zhukov_asks', 'aircraft_only'),
        (13, 'choose', 'danzig_question', 'stand_by_poland'),
        (14, 'choose', 'wohlthat_report', 'file_it'),
        (14, 'act', 'speech_collective_security', None),
        (14, 'act', 'press_the_west', None),
        (17, 'accept', 'anglo_french_alliance', None),
    ]),
    'nazi_soviet_pact': (2, [
        (1, 'act', 'open_secret_contacts', None),
        (1, 'act', 'accelerate_rearmament', None),
        (2, 'act', 'deepen_german_contacts', None),
        (3, 'choose', 'litvinov_question', 'dismiss'),
        (3, 'act', 'signal_berlin', None),
        (5, 'choose', 'political_basis', 'political_basis'),
        (5, 'act', 'deepen_german_contacts', None),
        (6, 'act', 'send_zhukov', None),
        (7, 'choose', 'supreme_soviet_speech', 'counter_draft'),
        (7, 'act', 'ask_about_spheres', None),
        (7, 'act', 'signal_berlin', None),
        (8, 'choose', 'far_east_commitment', 'hold'),
        (8, 'act', 'deepen_german_contacts', None),
        (8, 'act', 'ask_intelligence', None),
        (9, 'choose', 'strang_agenda', 'mark_time'),
        (10, 'choose', 'baltic_list', 'no_answer'),
        (10, 'act', 'ask_about_spheres', None),
        (10, 'act', 'signal_berlin', None),
        (11, 'choose', 'zhdanov_article', 'publish'),
        (11, 'act', 'deepen_german_contacts', None),
        (11, 'act', 'reinforce_far_east', None),
        (12, 'choose', 'zhukov_asks', 'send'),
        (13, 'choose', 'danzig_question', 'reassure_berlin'),
        (13, 'act', 'ask_about_spheres', None),
        (14, 'choose', 'wohlthat_report', 'believe'),
        (17, 'propose', 'german_pact', [
            'non_aggression', 'trade_credit', 'secret_protocol', 'sphere_baltic', 'sphere_poland', 'sphere_bessarabia', 'lithuania_soviet',
        ]),
        (18, 'choose', 'passage_question', 'insist'),
        (18, 'choose', 'molotov_schulenburg_aug15', 'ask_pact'),
        (18, 'choose', 'special_protocol_request', 'special_protocol'),
        (18, 'choose', 'soviet_draft', 'no_draft'),
        (18, 'choose', 'hitler_telegram', 'receive'),
    ]),
    'non_aggression_only': (5, [
        (1, 'act', 'speech_collective_security', None),
        (1, 'act', 'accelerate_rearmament', None),
        (3, 'choose', 'litvinov_question', 'dismiss'),
        (4, 'act', 'send_zhukov', None),
        (5, 'choose', 'political_basis', 'political_basis'),
        (7, 'choose', 'supreme_soviet_speech', 'counter_draft'),
        (7, 'act', 'reinforce_far_east', None),
        (9, 'choose', 'strang_agenda', 'mark_time'),
        (9, 'act', 'deepen_german_contacts', None),
        (9, 'act', 'ask_intelligence', None),
        (10, 'choose', 'baltic_list', 'no_answer'),
        (12, 'choose', 'zhukov_asks', 'aircraft_only'),
        (12, 'act', 'deepen_german_contacts', None),
        (12, 'act', 'accelerate_rearmament', None),
        (13, 'choose', 'danzig_question', 'silence'),
        (14, 'choose', 'wohlthat_report', 'file_it'),
        (15, 'act', 'ask_intelligence', None),
        (15, 'act', 'raise_passage_question', None),
        (18, 'choose', 'passage_question', 'insist'),
        (18, 'choose', 'molotov_schulenburg_aug15', 'ask_pact'),
        (18, 'choose', 'special_protocol_request', 'pact_only'),
        (18, 'choose', 'soviet_draft', 'treaty_only'),
        (18, 'choose', 'hitler_telegram', 'receive'),
        (19, 'choose', 'military_talks_adjourned', 'adjourn'),
        (19, 'choose', 'ribbentrop_in_moscow', 'sign_treaty_only'),
    ]),
    'isolation': (7, [
        (1, 'act', 'speech_collective_security', None),
        (1, 'act', 'accelerate_rearmament', None),
        (3, 'choose', 'litvinov_question', 'dismiss'),
        (4, 'act', 'send_zhukov', None),
        (4, 'act', 'raise_passage_question', None),
        (5, 'choose', 'political_basis', 'trade_only'),
        (5, 'act', 'press_the_west', None),
        (7, 'choose', 'supreme_soviet_speech', 'counter_draft'),
        (7, 'act', 'insist_indirect_aggression', None),
        (8, 'choose', 'far_east_commitment', 'hold'),
        (8, 'propose', 'anglo_french_alliance', [
            'mutual_assistance', 'no_separate_peace', 'border_guarantees', 'indirect_aggression', 'military_convention', 'passage',
        ]),
        (8, 'act', 'press_the_west', None),
        (9, 'choose', 'strang_agenda', 'baltic'),
        (9, 'act', 'speech_collective_security', None),
        (9, 'act', 'press_poland_through_france', None),
        (10, 'choose', 'baltic_list', 'insist'),
        (11, 'choose', 'zhdanov_article', 'publish'),
        (11, 'act', 'press_the_west', None),
        (11, 'act', 'reinforce_far_east', None),
        (12, 'choose', 'zhukov_asks', 'hold'),
        (12, 'act', 'press_poland_through_france', None),
        (12, 'act', 'speech_collective_security', None),
        (13, 'choose', 'danzig_question', 'silence'),
        (14, 'choose', 'wohlthat_report', 'file_it'),
        (14, 'act', 'press_the_west', None),
        (14, 'act', 'demand_senior_delegation', None),
        (18, 'choose', 'passage_question', 'insist'),
        (18, 'choose', 'molotov_schulenburg_aug15', 'noncommittal'),
        (18, 'choose', 'hitler_telegram', 'decline'),
        (19, 'choose', 'military_talks_adjourned', 'adjourn'),
    ]),
    'paper_alliance': (4, [
        (1, 'act', 'speech_collective_security', None),
        (3, 'choose', 'litvinov_question', 'keep'),
        (7, 'choose', 'supreme_soviet_speech', 'welcome'),
        (7, 'accept', 'anglo_french_alliance', None),
    ]),
}


@pytest.mark.parametrize("ending", list(PLAYTHROUGHS))
def test_scripted_playthrough_reaches_its_ending(sc, ending):
    seed, rows = PLAYTHROUGHS[ending]
    steps = []
    for week, kind, target, extra in rows:
        clauses = tuple(extra) if kind == "propose" else ()
        option = extra if kind == "choose" else ""
        steps.append(Step(Action(kind, "ussr", target, clauses, option), week, f"{ending} week {week}"))
    game = Game.new(sc, seed=seed, humans=["ussr"])
    play_script(game, steps)
    assert game.state.outcome == ending
