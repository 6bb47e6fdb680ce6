"""The negotiation table: every change to an offer's state, and the index of which drafts await whose answer."""

from __future__ import annotations

from collections.abc import Iterable

from ..scenario.model import Offer, Scenario
from .compiled import Compiled
from .state import GameState, OfferState


class Table:
    """The offers of one game. Nothing else changes an offer's state (its status, draft, proposer, acceptances
    and who still has to answer), so that `awaiting` (each power's offers with a draft waiting for it) stays in
    step. It logs what it does in the state's log (GameState.note)."""

    def __init__(self, sc: Scenario, st: GameState, cx: Compiled):
        self.sc, self.st, self.cx = sc, st, cx
        self.log = st.note
        self.awaiting: dict[str, set[str]] = {p.id: set() for p in sc.powers}
        for offer_id, ostate in st.offers.items():
            for power in ostate.waiting:
                self.awaiting.setdefault(power, set()).add(offer_id)
        self.any_signed = any(o.status == "signed" for o in st.offers.values())  # never undone

    # ------------------------------------------------------------------ queries
    def drafts_for(self, power: str) -> list[str]:
        """Offers whose current draft has reached this power and awaits its answer."""
        if not self.awaiting.get(power):
            return []
        turn, offers = self.st.turn, self.st.offers
        found = []
        for oid in self.cx.offers_of.get(power, ()):
            ostate = offers[oid]
            if ostate.status == "proposed" and power in ostate.waiting and ostate.waiting[power] <= turn:
                found.append(oid)
        return found

    def agreed_by(self, offer_id: str, power: str) -> frozenset[str]:
        """The clauses a power has itself agreed to in this offer: those of every draft it sent, and of the draft
        on the table if it accepted it."""
        found = {c for e in self.st.log if e.kind == "propose" and e.ref == offer_id and e.power == power
                 for c in e.clauses}
        ostate = self.st.offers[offer_id]
        if power in ostate.accepted:
            found.update(ostate.clauses)
        return frozenset(found)

    def stand(self, offer_id: str, power: str, clauses: Iterable[str]) -> str:
        """Where a power stands on this draft if it is the one on the table: "sent" it, "accepted" it, or ""."""
        ostate = self.st.offers[offer_id]
        if ostate.status != "proposed" or set(clauses) != set(ostate.clauses) or power not in ostate.accepted:
            return ""
        return "sent" if power == ostate.proposer else "accepted"

    # ------------------------------------------------------------------ changes
    def open(self, offer: Offer) -> None:
        """Put a closed offer on the table with its draft so far (or its default draft)."""
        ostate = self.st.offers[offer.id]
        if ostate.status == "closed":
            ostate.status = "open"
            ostate.clauses = ostate.clauses or list(offer.default_draft())
            self.log("offer", f"{offer.The} is on the table", offer.description, ref=offer.id,
                     visible_to=offer.audience)

    def close(self, offer: Offer) -> None:
        """Take an open or proposed offer off the table."""
        ostate = self.st.offers[offer.id]
        if ostate.status in ("open", "proposed"):
            ostate.status, ostate.accepted, ostate.proposer = "closed", [], None
            self._set_waiting(offer.id, {})
            self.log("offer", f"{offer.The} is off the table", ref=offer.id, visible_to=offer.audience)

    def propose(self, offer: Offer, power: str, clauses: Iterable[str]) -> None:
        """Put a draft on the table from `power`; it reaches each other party after its reply time."""
        st = self.st
        ostate = st.offers[offer.id]
        ostate.status = "proposed"
        ostate.clauses = list(self.cx.normal_form(offer, clauses))
        ostate.proposer = power
        ostate.accepted = [power]
        self._set_waiting(offer.id, {p: st.turn + st.reply_weeks[p] for p in offer.parties if p != power})
        ostate.rounds += 1
        self._log_draft(offer, power, tuple(ostate.clauses))

    def _log_draft(self, offer: Offer, power: str, clauses: tuple[str, ...]) -> None:
        """Log a draft for the parties and the observers; observers never read its secret clauses."""
        public = tuple(c for c in clauses if not offer.clause(c).secret)
        readers = [(offer.audience, clauses)]
        if offer.observers and public != clauses:
            readers = [(offer.parties, clauses), (offer.observers, public)]
        title = f"{self.sc.power(power).short} proposes {offer.the}"
        for visible_to, shown in readers:
            self.log("propose", title, f"Clauses: {self.cx.clause_names(offer, shown)}.", power=power, ref=offer.id,
                     visible_to=visible_to, clauses=shown)

    def accept(self, offer: Offer, power: str) -> bool:
        """Record the power's acceptance of the draft; True once every party has accepted it."""
        ostate = self.st.offers[offer.id]
        self._set_waiting(offer.id, {p: turn for p, turn in ostate.waiting.items() if p != power})
        ostate.accepted.append(power)
        self.log("accept", f"{self.sc.power(power).short} accepts the draft of {offer.the}", power=power,
                 ref=offer.id, visible_to=offer.audience)
        return not ostate.waiting

    def reject(self, offer: Offer, power: str) -> None:
        """The power rejects the draft: the offer stays on the table with no draft awaiting an answer."""
        ostate = self.st.offers[offer.id]
        ostate.status, ostate.accepted = "open", []
        self._set_waiting(offer.id, {})
        self.log("reject", f"{self.sc.power(power).short} rejects the draft of {offer.the}", power=power,
                 ref=offer.id, visible_to=offer.audience)

    def edit(self, offer: Offer, add: Iterable[str] = (), remove: Iterable[str] = ()) -> None:
        """Change the draft on the table (not a signed one); a proposed draft must then be accepted again by
        every party but its proposer, each from the week it would have seen the draft anyway."""
        ostate = self.st.offers[offer.id]
        if ostate.status == "signed":
            return
        ostate.clauses = list(self.cx.edited(offer, ostate.clauses, add, remove))
        if ostate.status == "proposed":
            turn, proposer = self.st.turn, ostate.proposer
            ostate.accepted = [proposer]
            self._set_waiting(offer.id, {p: ostate.waiting.get(p, turn) for p in offer.parties if p != proposer})

    def sign(self, offer: Offer) -> bool:
        """Mark the current draft signed by every party and log it (its secret clauses only to the parties);
        False if it was signed already. The game then applies the treaty's effects (Game.sign)."""
        st = self.st
        ostate = st.offers[offer.id]
        if ostate.status == "signed":
            return False
        ostate.status, ostate.accepted = "signed", list(offer.parties)
        self._set_waiting(offer.id, {})
        ostate.signed_turn = st.turn
        self.any_signed = True
        names = self.cx.clause_names
        public = tuple(c for c in ostate.clauses if not offer.clause(c).secret)
        self.log("sign", f"{offer.The} is signed", "Clauses: " + names(offer, public) + ".", ref=offer.id,
                 clauses=public)
        secret = tuple(c for c in ostate.clauses if offer.clause(c).secret)
        if secret:
            self.log("sign", f"Secret clauses of {offer.the}", "Secret: " + names(offer, secret) + ".",
                     ref=offer.id, visible_to=offer.parties, clauses=secret)
        return True

    def _set_waiting(self, offer_id: str, waiting: dict[str, int]) -> None:
        """Set who still has to answer an offer's draft, and from which week, keeping `awaiting` in step."""
        ostate: OfferState = self.st.offers[offer_id]
        for power in ostate.waiting:
            self.awaiting[power].discard(offer_id)
        ostate.waiting = waiting
        for power in waiting:
            self.awaiting[power].add(offer_id)
