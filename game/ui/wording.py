"""Words for numbers and effects: presentation of engine data, not rules.

Effects are worded by the engine (game.engine.effects), which leaves out hidden meters.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.decisive import decisive_text
from ..scenario.calendar import day_words
from ..scenario.model import Scenario
from ..scenario.vocabulary import OfferStatus


def known_consequences(known: Sequence[str]) -> str:
    """'Known consequences: ...' for effects the engine has worded ('' if none is known)."""
    return "Known consequences: " + "; ".join(known) + "." if known else ""


def done_notice(action, sc: Scenario) -> str:
    """What the notice says once the engine has accepted an action ('' if it says nothing): its kind's words."""
    from ..engine.actions import ACTION_KINDS

    return ACTION_KINDS[action.kind].confirmation(sc, action)


def undone_notice(action, sc: Scenario) -> str:
    """What the notice says once a step has been taken back."""
    what = {"act": lambda: sc.action(action.target).name, "choose": lambda: f"your answer to ‘{sc.event(action.target).title}’",
            "propose": lambda: f"the draft of the {sc.offer(action.target).name}"}
    return f"Undone: {what.get(action.kind, lambda: f'your {action.kind} ({action.target})')()}."


# Shorter wordings a button falls back to when its whole label and its key hint do not fit (large text).
SHORT_LABELS: dict[str, tuple[str, ...]] = {
    "Propose this draft": ("Propose draft", "Propose"), "Export debrief (HTML)": ("Export debrief", "Export"),
    "Reset draft": ("Reset",), "Back to title": ("To title", "Title"), "Quit to title": ("Quit",),
    "Save the game": ("Save",), "Load a game": ("Load",), "Sources and credits": ("Credits",),
    "To the desk": ("Desk",), "Export for grading": ("Export",), "New class game": ("Class game",),
}


# The desk's buttons at the top right (from the right) and its tabs: id -> (label, tooltip).
DESK_BUTTONS = {
    "end_week": ("End week", "Resolve the week: the other powers act, drafts travel and are answered, events fire. "
                             "Unused action points are lost."),
    "pause": ("Menu", "Save, load, settings, quit."),
    "archive": ("Archive", "Source cards unlocked so far."),
    "briefing": ("Briefing", "Your situation and objectives."),
    "map": ("Map", "The map on the whole window."),
    "undo": ("Undo", "Take back your last step of this week (Ctrl+Z too); every step can be undone until the week "
                     "ends, except one that cannot be taken back."),
}
DESK_TABS = {
    "actions": ("Actions", "What you can do this week, and why some things are not possible yet."),
    "treaties": ("Treaties", "The treaties you are party to: open one to negotiate."),
    "powers": ("Powers", "A dossier on each power: trust both ways, its people, its treaties."),
    "telegrams": ("Telegrams", "Everything that reached your desk, newest first."),
}

# The title screen's menu, the menu over the desk and the ending's buttons: id -> (label, tooltip).
TITLE_MENU = {
    "new": ("New game", "Start the scenario from its beginning."),
    "class": ("New class game", "Teams at this window: seats, team names, the class code and options."),
    "continue": ("Continue", "Resume the latest autosave."),
    "load": ("Load a game", "Choose a saved game."),
    "scenario": ("Scenario", "Choose the scenario (also your mods)."),
    "settings": ("Settings", "Text size, contrast, window."),
    "handouts": ("Handouts", "Write the role cards, source handouts and teacher's sheet to print."),
    "credits": ("Sources and credits", "The scenario's sources, who made the map and fonts, and the keys."),
    "quit": ("Quit", "Close the game."),
}
NO_AUTOSAVE = "There is no autosave yet."
CLASS_FLAGS = {"hide_odds": "Hide the odds of drafts", "hide_consequences": "Hide known consequences",
               "require_reason": "A reason for every decision"}
PAUSE_MENU = {
    "resume": ("Resume", "Back to the desk."),
    "save": ("Save the game", "Write a new save file (the autosave is kept too)."),
    "load": ("Load a game", "Choose a saved game."),
    "settings": ("Settings", "Text size, contrast, window."),
    "briefing": ("Briefing", "Your situation and objectives."),
    "archive": ("Archive", "The source cards unlocked so far."),
    "export": ("Export for grading", "Write now the one-page grading sheet to print, the full report and the "
                                     "decisions as a table (CSV)."),
    "title": ("Quit to title", "Autosaves, then returns to the title screen."),
}
ENDING_BUTTONS = {
    "export": ("Export debrief (HTML)", "Write the one-page grading sheet, the full debrief (HTML, to print or "
                                        "share) and the decisions (CSV)."),
    "archive": ("Archive", "Every source card you unlocked."),
    "map": ("Map", "The map as the game left it."),
    "title": ("Back to title", "Start again or load a game."),
}

# The negotiation table's buttons: id -> (label, tooltip); {cost} and {s}: the action points a draft costs.
ANSWERS = {
    "propose": ("Propose this draft", "Send your draft ({cost} action point{s})."),
    "accept": ("Accept", "Accept the draft on the table as it stands."),
    "reject": ("Reject", "Reject the draft on the table."),
    "stall": ("Stall", "Leave it unanswered for now (costs nothing)."),
    "reset": ("Reset draft", "Back to the draft on the table."),
    "back": ("Back", "Back to the desk."),
}
WATCHING = "You are watching these talks"
WATCHING_TIP = "Follow these talks: you read their drafts and answers, but you are not a party to them."
WATCHING_TEXT = ("Your government is not a party: it reads each draft and answer as they come, but cannot "
                 "propose or answer. Secret clauses, if any, are not shown to it.")


def trust_word(value: float) -> str:
    if value < 20:
        return "hostile"
    if value < 40:
        return "suspicious"
    if value < 60:
        return "guarded"
    if value < 80:
        return "cordial"
    return "close"


# A gauge's colour in words, for its tooltip (the engine's Gauge.standing).
STANDING = {"good": " Green: better for you than at the start.", "bad": " Red: worse for you than at the start.",
            "": ""}

# The signing card a treaty ending opens with.
SIGNING_BUTTON = "To the ending"
SIGNING_SECRET = "Secret clauses, known only to the parties"


def signing_title(place: str, date) -> str:
    """'SIGNED AT MOSCOW, 23 AUGUST 1939' (without the place when the scenario does not give it)."""
    when = day_words(date) if date else ""
    return (f"Signed at {place}, {when}" if place else f"Signed, {when}").upper()


def signed_by(signers) -> str:
    """'Signed for USSR by Vyacheslav Molotov, People's Commissar for Foreign Affairs; for Germany by ...'."""
    parts = [f"for {short} by {name}" + (f", {title}" if title else "") if name else f"for {short}"
             for name, title, short in signers]
    return "Signed " + "; ".join(parts) + "."


# The ending's verdict (the engine's verdict.verdicts): its heading and what it is computed from.
VERDICT_HEAD = "How you did, against history and the simulated policies"
DECISIVE_HEAD = "The decisions that decided it"
DECISIVE_NOTE = "Your decisions whose own effects moved your scores most (what events later made of them is not counted)."


def decisive_line(decision: dict) -> str:
    """One decisive decision: what, its last day, and each score it moved (Security in the West +40)."""
    return decisive_text(decision)

VERDICT_NOTE = ("Computed from {games} games of the scenario's own policies for your power, every other power "
                "played by the game. History: the historical policy's result.")

# The week's report: the heading of what changed, and the word before a change good or bad for the player.
CHANGES_HEAD = "WHAT CHANGED, AND WHY"
REPLIES_HEAD = "ANSWERS TO YOUR DRAFTS"
CHANGE_WORD = {"good": "Better: ", "bad": "Worse: ", "": ""}

# A party that stands by the draft on the table, in the forecast (the engine's Odds.stand).
STANDS = {"sent": "sent this draft; it signs if the others accept it",
          "accepted": "has accepted this draft; it signs if the others accept it"}

STATUS = {OfferStatus.CLOSED: "not on the table", OfferStatus.OPEN: "open for drafts",
          OfferStatus.PROPOSED: "a draft is travelling", OfferStatus.SIGNED: "signed"}


def pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def chance(lo: float, hi: float) -> str:
    """A range of probabilities in words: "40%–70% chance", or one figure when both ends round alike."""
    a, b = pct(lo), pct(hi)
    if a == b:
        if b == "0%":
            return "almost no chance"
        if a == "100%":
            return "almost certain"
        return f"about {a} chance"
    return f"{a}–{b} chance"


def unused_points(left: int) -> str:
    """The question before a week ends with action points that could still be spent."""
    return f"{left} point{'s' if left != 1 else ''} unused — end the week?"


def team_words(short: str, team: str = "") -> str:
    """A seat as the class calls it: its team's name with the power's short name, else "the USSR team"."""
    return f"{team} ({short})" if team else f"the {short} team"


def handover_title(short: str, team: str = "") -> str:
    """The hand-over screen's title: which team sits down next."""
    return f"Pass to {team_words(short, team)}"


HANDOVER_TAKE = "Show our desk"
HANDOVER_HIDE = "Only {team} should see the screen now. When you are ready, press {key} or click “Show our desk”."
PUBLIC_NEWS_HEAD = "Public news this week (every team has seen it):"
SEAT_STATUS = {"done": "has ended the week", "next": "is next", "waiting": "waits"}


CONSOLE = {
    "title": "Teacher's console",
    "pause": "Pause the timer", "resume": "Let the timer run",
    "no_timer": "This class has no timer for a seat's turn (set one when the game is made).",
    "inject": "Bring in an event…", "no_events": "This scenario marks no event that a teacher may bring in.",
    "rewind": "Roll back to a week…",
    "rewind_tip": "Every seat goes back to the start of an earlier week (or of this one).",
    "hand": "Hand {short} to the game", "give_back": "Give {short} back to its team",
    "seats": "Who plays each seat…",
    "seats_tip": "Hand a seat to the game (a team that is absent or behind), or give it back to its team.",
    "seats_title": "Who plays each seat",
    "seats_intro": "Press a seat (or its number, then Enter) to hand it to the game, which plays it from now on; "
                   "press it again to give it back to its team. One seat always stays with its team.",
    "stop": "End the game now", "stop_tip": "The game ends here, stopped by the teacher; the debrief can be exported.",
    "stop_what": "End the game now, stopped by the teacher?",
    "stop_why": "The seats cannot play on. The debrief and the table of decisions can still be exported.",
    "close": "Close the console",
    "no_leanings": "No draft on the table waits for a power the game plays.",
    "pin_title": "The teacher's PIN",
    "pin_text": "Type the class's PIN and press Enter to open the teacher's console. It shows what no team may see.",
    "pin_wrong": "That is not this class's PIN.",
    "inject_title": "Bring an event into this week",
    "inject_yes": "Bring it in", "inject_first": "Choose an event first.",
    "note_label": "Your note: why bring it in now? (kept for the debrief; no team sees it)",
    "note_placeholder": "Why now? For example: to see how the teams react to a leak.",
    "rewind_title": "Roll back to the start of a week",
    "rewind_what": "Roll the game back to the start of week {week}?",
    "rewind_why": "Every step every seat (and the teacher) took since then is undone for all seats; the week's "
                  "news comes again.",
}
CONSOLE_HEADS = {"seats": "Seats", "gauges": "Every gauge (those the teams cannot see are marked)",
                 "leanings": "How the game's powers lean on the drafts on the table",
                 "inboxes": "What reached each seat (latest first)", "checkpoints": "Checkpoints",
                 "steps": "Your steps so far"}


def seat_line(short: str, team: str, policy: str, waiting: bool) -> str:
    """A seat on the console: who plays it and whether the week waits for it."""
    who = f" ({team})" if team else ""
    if policy:
        return f"{short}{who}: played by the game" + ("" if policy == "ai" else f" (policy ‘{policy}’)")
    return f"{short}{who}: played by its team, " + ("its turn is not over" if waiting else "has ended the week")


JOIN_CHOICES = {"": "no", "local": "this computer", "network": "school network"}
HOSTING = {
    "join_label": "Join from devices",
    "join_tip": "Let teams join from their own devices: each team plays in a web browser on its own laptop, "
                "Chromebook or phone, with a join code shown on this window, which becomes the projector's public "
                "view and your console. Press for: this computer only (to try it), the school network, no.",
    "start": "Start the game", "start_host": "Start hosting",
    "start_tip": "Start with these seats and options; the first team's hand-over comes first.",
    "start_host_tip": "Start with these seats and options; this window then shows the address and each team's "
                      "join code.",
    "title": "Join the game from your own device",
    "open": "Open this address in a web browser (or scan the code):",
    "watch": "Students without a seat can open it too and watch the public view.",
    "seats": "Seats and join codes", "news": "Public news this week", "gauges": "What every power is shown",
    "treaties": "Treaties signed",
    "joined": "joined", "not_joined": "not joined yet", "by_game": "played by the game",
    "done": "has ended the week", "playing": "joined, playing its week", "game_over": "the game has ended",
    "hidden_code": "•••• •••• (joined)", "new_code_card": "•••• •••• (new code)",
    "new_code_state": "not joined: ask the teacher",
    "export": "Export the debrief",
    "export_tip": "Write the grading sheet, the full report and the table of decisions, as the game stands now.",
    "console_over": "The game is over: export the debrief.",
    "stop": "Stop hosting", "stop_title": "Stop hosting this game?",
    "stop_text": "The teams' browsers lose the game until it is hosted again. Nothing is lost: the game is saved after "
                 "every step, in {save}. To go on with it, run “python main.py host --resume” with that file: the "
                 "same join codes work.",
    "console": "Teacher's console",
    "console_tip": "Behind the PIN: every seat and its join code, a new code for a seat, and the teacher's steps.",
    "show_codes": "Show joined seats' codes on the projector", "hide_codes": "Hide joined seats' codes again",
    "codes_tip": "For teams that must join again with their first code (a new lesson, a closed page): the "
                 "projector shows the codes of seats that joined, until you hide them. A new code is never shown "
                 "there.",
    "timer": "{left} left for the week", "timer_paused": "{left} left for the week (paused)",
    "ended": "The game has ended: {title}.",
    "revoke": "{short}: {code}",
    "revoke_what": "Give {short} a new join code?",
    "revoke_why": "Every device that joined {short} with its code {code} is shut out at once, and that code no "
                  "longer works. The new code is shown here only, for you to tell the team.",
    "revoke_yes": "Give a new code",
    "code_title": "{short}'s new join code",
    "code_text": "Tell it to the team quietly, or write it on a slip of paper: it is not shown on the projector, "
                 "whose card says only that {short} has a new code. The team types it on its page, which is back at "
                 "the join form. Join codes (N) in this console shows it again.",
    "code_done": "Done",
    "no_port": "The game could not be hosted: {why}. If another program (or another hosted game) uses port {port}, "
               "close it and start again.",
    "revoke_list": "Join codes…", "codes_title": "Join codes",
    "revoke_intro": "For you alone: tell a team its code quietly. Press a seat for a new code (one lost or seen by "
                    "another team); the devices that joined with the old one are shut out.",
    "codes_list_tip": "Every seat's join code (for you alone), and a new code for a seat.",
    "code_new": "new code, not shown on the projector",
    "saved_title": "This class's game is saved already",
    "saved_text": "A game of this class and class code was hosted before and is saved in {save}. It is not "
                  "overwritten. Go on with it (its own seats, options and join codes, as it was left), or go back "
                  "and give another class name or class code for a new game.",
    "go_on": "Go on with it",
    "not_hosted": "The game could not be hosted: {why}.",
    "time_up": "The time for the week ran out: the seats still playing have ended it with their default answers.",
}


LESSON_END = {
    "title": "The lesson ends here", "news": "What happened so far", "news_who": "The news every team saw:",
    "saved": "The game is saved under the class's name and code; load it (Menu, Load) to play on next lesson:",
    "saved_hosted": "The hosted game is saved after every step. Next lesson, host it again from this save "
                    "(main.py host --resume SAVE, with --stop CHECKPOINT for where that lesson ends):",
    "not_saved": "The game could not be saved ({problem}). Export the debrief before you leave.",
    "exported": "The grading sheet to print (beside the full report and the table of decisions):",
    "no_news": "Nothing has happened yet.",
    "export": "Export the debrief", "title_screen": "To the title", "quit": "Quit",
}


def help_paragraphs(role: str, ends: str, unit: str) -> tuple[str, str, str, str]:
    """The F1 help: playing, the board, the keys, saving; `role` and `ends` are the scenario's sentences."""
    play = (f"{role} You play one {unit} at a time. Each {unit} you have a few action points. "
            "On the desk: Actions (key 1) lists what you can do now, with its cost and known consequences, "
            "and why the rest is not possible yet. Treaties (2) opens the negotiation table: tick the "
            "clauses you want, read how likely each side is to accept, then propose; when a draft reaches "
            "you, accept, reject or stall. Powers (3) holds a dossier on each government; Telegrams (4) "
            f"everything that reached you. When you are done, End {unit} (E): the other powers act, drafts "
            "travel, events happen. Questions that need your answer open by themselves.")
    board = ("The gauges under the map have tooltips that explain every number; the map shows who holds "
             f"each territory (colour) and whose sphere of interest it is in (stripes). {ends}")
    keys = ("Tab / Shift+Tab or the arrow keys: move between controls. Enter or Space: press. Esc: back, "
            "or the menu on the desk. The letter or number shown on a button presses it. PageUp/PageDown "
            "and the mouse wheel scroll. F1: this help. F11: fullscreen. Ctrl+Plus / Ctrl+Minus: text size. "
            "Ctrl+H: high contrast. F5: read the scenario file again (for scenario writers: the game goes on "
            "with the new content, or a panel shows the file's errors). F9 in a class game: the teacher's console "
            "(after the class's PIN).")
    saving = (f"The game saves itself at the end of every {unit} (Continue on the title screen). The menu (Esc) "
              "saves a copy on demand and loads any save.")
    return play, board, keys, saving
