"""One test (or more) per effect on offers and treaties: open, close, propose, clauses, sign (the effects are
written and fired as in tests/test_effects.py, whose helpers these use)."""

from __future__ import annotations

from game.engine.actions import Action
from game.engine.game import Game
from tests.test_effects import event, play, scenario, titles

# ------------------------------------------------------------------------------------------- offers

def test_open_offer():
    game = play("open_offer: pact")
    ostate = game.st.offers["pact"]
    assert ostate.status == "open" and ostate.clauses == ["non_aggression", "protocol"]
    assert "The Red-Grey pact is on the table" in titles(game, "red")
    assert "The Red-Grey pact is on the table" in titles(game, "grey")
    assert "The Red-Grey pact is on the table" not in titles(game, "blue")


def test_open_offer_on_an_open_or_proposed_offer_changes_nothing():
    game = play("propose: {offer: alliance, by: red, clauses: [passage]}", "open_offer: alliance")
    assert game.st.offers["alliance"].status == "proposed"
    assert not any("on the table" in t for t in titles(game, None))


def test_close_offer_drops_the_drafts():
    game = play("propose: {offer: alliance, by: red, clauses: [passage]}", "close_offer: alliance")
    ostate = game.st.offers["alliance"]
    assert (ostate.status, ostate.waiting, ostate.accepted, ostate.proposer) == ("closed", {}, [], None)
    game.st.turn = 5
    assert game.drafts_for("blue") == []
    assert not game.check(Action("propose", "red", "alliance", ("assistance",))).ok
    assert "The Red-Blue alliance is off the table" in titles(game, "blue")
    assert "The Red-Blue alliance is off the table" not in titles(game, "grey")


def test_close_offer_leaves_a_signed_treaty_alone():
    replace = (("    title: Alliance\n    when: {treaty: alliance}\n", "    title: Alliance\n    when: {flag: done}\n"),)
    game = play("sign: alliance", "close_offer: alliance", replace=replace)
    assert game.st.offers["alliance"].status == "signed"


def test_propose_with_clauses_keeps_required_ones():
    game = play("propose: {offer: alliance, by: red, clauses: [passage]}")
    ostate = game.st.offers["alliance"]
    assert ostate.status == "proposed" and ostate.clauses == ["assistance", "passage"]
    assert ostate.proposer == "red" and ostate.accepted == ["red"]
    assert ostate.waiting == {"blue": game.st.turn + 1}  # blue's reply_weeks is 1
    assert "Red Republic proposes the Red-Blue alliance" in titles(game, "blue")
    assert "Red Republic proposes the Red-Blue alliance" not in titles(game, "grey")


def test_propose_add_and_remove_edit_the_current_draft():
    game = play("propose: {offer: alliance, by: blue, add: [passage]}")
    assert game.st.offers["alliance"].clauses == ["assistance", "passage"]
    assert game.st.offers["alliance"].waiting == {"red": game.st.turn}  # red answers at once (reply_weeks 0)
    assert game.drafts_for("red") == ["alliance"]
    game = play("propose: {offer: pact, by: grey, remove: [protocol]}")
    assert game.st.offers["pact"].clauses == ["non_aggression"] and game.st.offers["pact"].status == "proposed"
    game = play("propose: {offer: pact, by: grey, remove: [non_aggression]}")
    assert game.st.offers["pact"].clauses == ["non_aggression", "protocol"]  # required: kept
    game = play("propose: {offer: pact, by: grey}")
    assert game.st.offers["pact"].clauses == ["non_aggression", "protocol"] and game.st.offers["pact"].proposer == "grey"


def test_propose_does_not_touch_a_signed_treaty():
    replace = (("    title: Alliance\n    when: {treaty: alliance}\n", "    title: Alliance\n    when: {flag: done}\n"),)
    game = play("sign: alliance", "propose: {offer: alliance, by: blue, add: [passage]}", replace=replace)
    ostate = game.st.offers["alliance"]
    assert ostate.status == "signed" and ostate.clauses == ["assistance"]


def test_add_clause_and_remove_clause():
    game = play("add_clause: {offer: alliance, clause: passage}")
    assert game.st.offers["alliance"].clauses == ["assistance", "passage"]
    assert game.st.offers["alliance"].status == "open"
    game = play("add_clause: {offer: alliance, clause: passage}", "remove_clause: {offer: alliance, clause: passage}")
    assert game.st.offers["alliance"].clauses == ["assistance"]
    game = play("remove_clause: {offer: pact, clause: protocol}")
    assert game.st.offers["pact"].clauses == ["non_aggression"]


def test_add_clause_on_a_proposed_draft_needs_new_acceptances():
    game = play("propose: {offer: alliance, by: red, clauses: [assistance]}", "add_clause: {offer: alliance, clause: passage}")
    ostate = game.st.offers["alliance"]
    assert ostate.clauses == ["assistance", "passage"] and ostate.accepted == ["red"] and ostate.status == "proposed"


def test_remove_clause_keeps_required_clauses():
    game = play("remove_clause: {offer: pact, clause: non_aggression}")
    assert game.st.offers["pact"].clauses == ["non_aggression", "protocol"]


TRIPLE = """\
  - id: triple
    name: Triple pact
    parties: [red, blue, grey]
    open: true
    clauses:
      - {id: core, name: Core, required: true, default: true}
      - {id: extra, name: Extra}
"""


def test_a_changed_draft_is_not_signed_without_every_party():
    sc = scenario(event("e", "add_clause: {offer: triple, clause: extra}"), offers=TRIPLE)
    game = Game.new(sc, seed=1, humans=["red", "blue", "grey"])
    game.st.reply_weeks["blue"] = 0
    assert game.submit(Action("propose", "red", "triple", ("core",))).ok
    assert game.submit(Action("accept", "blue", "triple")).ok
    game.fire(sc.event("e"))
    ostate = game.st.offers["triple"]
    assert ostate.accepted == ["red"] and set(ostate.waiting) == {"blue", "grey"}
    assert game.drafts_for("blue") == ["triple"]  # blue is asked again (it had answered the old draft)
    assert game.submit(Action("accept", "grey", "triple")).ok
    assert ostate.status == "proposed"  # blue has not accepted 'extra' yet
    assert game.submit(Action("accept", "blue", "triple")).ok
    assert ostate.status == "signed" and ostate.clauses == ["core", "extra"]


# ------------------------------------------------------------------------------------------- sign

def test_sign_applies_clause_and_offer_effects_and_checks_outcomes():
    game = play("sign: alliance", "meter: {id: urgency, set: 9}")
    ostate = game.st.offers["alliance"]
    assert ostate.status == "signed" and ostate.signed_turn == game.st.turn
    assert game.st.meters["security"] == 50  # the alliance's on_sign: +30
    assert game.st.outcome == "alliance_signed"  # outcomes are checked at once ...
    assert game.st.meters["urgency"] == 0  # ... and the rest of the list is skipped


def test_sign_logs_secret_clauses_only_to_the_parties():
    game = play("open_offer: pact", "sign: pact")
    assert game.st.territories["buffer"].sphere == "red"  # the secret protocol's on_sign
    assert game.st.outcome == "pact_signed"
    public = [e for e in game.inbox("blue") if e.kind == "sign"]
    assert len(public) == 1 and "Non-aggression" in public[0].text and "Secret protocol" not in public[0].text
    for party in ("red", "grey"):
        secret = [e for e in game.inbox(party) if e.kind == "sign" and "Secret protocol" in e.text]
        assert len(secret) == 1 and secret[0].visible_to == ("grey", "red")
    assert not any("Secret protocol" in e.text for e in game.inbox("blue"))


def test_signing_twice_applies_the_effects_once():
    replace = (("    title: Alliance\n    when: {treaty: alliance}\n", "    title: Alliance\n    when: {flag: done}\n"),)
    game = play("sign: alliance", "sign: alliance", replace=replace)
    assert game.st.meters["security"] == 50 and not game.over
