/* Moscow 1939: a seat at the table in a browser. Plain script, no build step, no outside resources.
 * It reads the seat's view from the host (GET /api/view), sends actions (POST /api/act, /api/end-turn) and
 * refetches the view whenever the host says something changed (GET /api/ws). Every text from the game is put
 * in the page with textContent, never as HTML. The page holds no rule of the game: what is possible, and why
 * not, comes from the view. */
(function () {
  "use strict";

  var store = window.sessionStorage;          // per tab: two seats may share one browser
  var SETTLE_MS = 200;                        // after a push, wait this long for more before refetching
  var CLOSED_REVOKED = 4001;                  // the host closed a seat's socket: its token was revoked
  var CLOSED_TOO_BIG = 1009;                  // the host closed the socket: a message over its size limit
  var WEIGH_MS = 250;                         // after a tick in a draft, wait this long for more before asking odds
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  var ANSWER_WORDS = {accept: "Accept", reject: "Reject", stall: "Stall"};
  var STATUS_WORDS = {closed: "not on the table", open: "open for drafts", proposed: "a draft is travelling",
    signed: "signed"};

  var state = {
    token: store.getItem("m39.token") || "",
    code: store.getItem("m39.code") || "",
    watching: store.getItem("m39.watching") === "1",
    view: null,
    turn: null,
    drafts: {},             // offer id -> clause ids the team has ticked (kept across refreshes)
    reasons: {},            // step -> the reason typed beside it, until the step is taken (kept across refreshes)
    folds: {},              // fold -> whether the team opened it (kept across refreshes)
    weighTimers: {},        // offer id -> the pending request for the odds of the team's draft
    busy: false,
    socket: null,
    retries: 0,
    retryTimer: null,
    fetching: null,
    clockTimer: null,
    soonTimer: null,
    drawn: {},              // part of the page -> the data it was last drawn from
    again: false
  };

  function $(id) { return document.getElementById(id); }

  /** An element with attributes and children; strings become text nodes (never parsed as HTML). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    var name;
    for (name in attrs || {}) {
      if (!Object.prototype.hasOwnProperty.call(attrs, name) || attrs[name] === null || attrs[name] === undefined ||
          attrs[name] === false) { continue; }
      if (name === "text") { node.textContent = attrs[name]; }
      else if (name === "onclick") { node.addEventListener("click", attrs[name]); }
      else if (name === "onchange") { node.addEventListener("change", attrs[name]); }
      else { node.setAttribute(name, attrs[name] === true ? "" : String(attrs[name])); }
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) { continue; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function fill(node, children) {
    node.textContent = "";
    children.forEach(function (c) { if (c) { node.appendChild(c); } });
  }

  function paragraphs(text, cls) {
    var frag = document.createDocumentFragment();
    String(text || "").split(/\n\s*\n/).forEach(function (para) {
      var t = para.replace(/\s*\n\s*/g, " ").trim();
      if (t) { frag.appendChild(el("p", {"class": cls || null, text: t})); }
    });
    return frag;
  }

  function day(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1] : (iso || "");
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function percent(x) { return Math.round(x * 100) + "%"; }

  function chance(lo, hi) {
    var a = percent(lo), b = percent(hi);
    return a === b ? b + " chance" : a + "–" + b + " chance";
  }

  /* ------------------------------------------------------------------ reading the view */

  function powerName(id) {
    var v = state.view || {};
    var found = (v.powers || []).filter(function (p) { return p.id === id; })[0] ||
      (v.seats || []).filter(function (p) { return p.seat === id; })[0];
    return found ? (found.short || found.name) : id;
  }

  function options() {
    var v = state.view || {};
    return v.classroom || {};
  }

  function reasonLimit() { return Number(((state.view || {}).limits || {}).reason) || 1000; }

  /** The week as every client is told it, in the scenario's words: "Week 3 of 19" and its one date, the same as
   * the desk's ("1 May to 7 May 1939"); once the game is over, "The end" and the day it ended, and the ending. */
  function calendar(v) {
    var c = v.calendar || {};
    return {turn: c.turn, words: c.words || "", dates: c.dates || "", over: !!c.over, ending: c.ending || null,
      unit: c.unit || "week"};
  }

  function waitingFor(v) {
    return (v.waiting_for || []).map(function (n) {
      if (typeof n === "string") { return powerName(n); }
      return (n.short || n.seat) + (n.team ? " (" + n.team + ")" : "");
    });
  }

  /* ------------------------------------------------------------------ talking to the host */

  function setLink(text) { $("link").textContent = text; }

  function say(text) { $("notice").textContent = text; }

  /** A refusal, announced at the top of the desk and, when a button was pressed, shown beside it too (on a phone
   * the top of the desk is far away). */
  function refuse(text, button) {
    $("refusal").textContent = text;
    document.querySelectorAll(".beside").forEach(function (p) { p.remove(); });
    if (text && button && button.parentNode) {
      button.insertAdjacentElement("afterend", el("p", {"class": "error beside", text: text}));
      var step = button.closest("li, article, fieldset");
      var folded = step && step.querySelector("details.step");
      if (folded && !folded.open) { folded.open = true; }
    }
  }

  function request(method, path, body) {
    var headers = {"Accept": "application/json"};
    if (state.token) { headers.Authorization = "Bearer " + state.token; }
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    return fetch(path, {method: method, headers: headers, cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body)})
      .then(function (r) {
        return r.text().then(function (t) {
          var data = {};
          try { data = t ? JSON.parse(t) : {}; } catch (e) { data = {reason: t}; }
          return {status: r.status, data: data};
        });
      });
  }

  /** Sends a request; a refused token is replaced by joining again with the team's stored code. */
  function call(method, path, body) {
    return request(method, path, body).then(function (r) {
      if (r.status !== 401 || !state.code || state.watching) { return r; }
      return join(state.code, true).then(function (ok) { return ok ? request(method, path, body) : r; });
    });
  }

  /** Takes a join code given as ?code= out of the address bar and the tab's history once the seat is joined:
   * a code on the screen or in the history would let anyone at the device join as the team. */
  function dropCodeFromAddress() {
    var params = new URLSearchParams(location.search);
    if (!params.has("code")) { return; }
    params.delete("code");
    var rest = params.toString();
    history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
  }

  function join(code, quietly) {
    return request("POST", "/api/join", {code: code}).then(function (r) {
      if (r.status === 200 && r.data.token) {
        state.token = r.data.token;
        state.code = code;
        state.watching = false;
        store.setItem("m39.token", state.token);
        store.setItem("m39.code", code);
        store.removeItem("m39.watching");
        return true;
      }
      if (!quietly || r.status === 401 || r.status === 403 || r.status === 404) { forget(); }
      $("join-error").textContent = r.data.reason || r.data.error || "That code was not accepted.";
      return false;
    });
  }

  function forget() {
    state.token = "";
    state.code = "";
    store.removeItem("m39.token");
    store.removeItem("m39.code");
  }

  /** Fetches the view now (or once more after the fetch under way, so that no change is missed). */
  function refresh() {
    if (state.fetching) { state.again = true; return state.fetching; }
    state.fetching = call("GET", "/api/view").then(function (r) {
      if (r.status === 401 && !state.watching) {
        showJoin("Your seat's code was not accepted any more. Ask your teacher for the code.");
        return;
      }
      if (r.status !== 200) { throw new Error(r.data.reason || ("the host answered " + r.status)); }
      show(r.data);
    }).catch(function () {
      setLink("The host cannot be reached. Trying again…");
    }).then(function () {
      state.fetching = null;
      if (state.again) { state.again = false; refresh(); }
    });
    return state.fetching;
  }

  /** Refetches the view a moment after the host's first push: a burst of steps (seven teams acting as the week
   * turns) costs one fetch, not one for each step. */
  function soon() {
    if (state.soonTimer) { return; }
    state.soonTimer = setTimeout(function () {
      state.soonTimer = null;
      refresh();
    }, SETTLE_MS);
  }

  function connect() {
    if (state.socket) { return; }
    clearTimeout(state.retryTimer);
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/ws" +
      (state.token && !state.watching ? "?token=" + encodeURIComponent(state.token) : "");
    var socket;
    try { socket = new WebSocket(url); } catch (e) { retry(); return; }
    state.socket = socket;
    socket.onopen = function () {
      state.retries = 0;
      setLink("Connected to the host.");
      refresh();
    };
    socket.onmessage = function (event) {
      var msg = {};
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      if (msg.type === "changed") { soon(); }
    };
    socket.onclose = function (event) {
      state.socket = null;
      if (event.code === CLOSED_REVOKED && !state.watching) {
        setLink("The teacher gave your seat a new code. Joining again…");
        refresh().then(function () { if (state.view) { connect(); } });   // a 401: joins again with the kept code
        return;
      }
      retry(event.code === CLOSED_TOO_BIG ? "The host refused a message as too large." : "");
    };
  }

  /** Reconnects after a drop: 1, 2, 4 … up to 15 seconds apart, a little at random so a class does not
   * knock all at once; a refused token is renewed with the stored code on the next fetch. */
  function retry(why) {
    if (!state.token && !state.watching) { return; }
    var wait = Math.min(15000, 1000 * Math.pow(2, state.retries)) * (0.75 + Math.random() * 0.5);
    state.retries += 1;
    setLink((why ? why + " " : "") + "Connection to the host lost. Trying again in " + Math.ceil(wait / 1000) +
      " s…");
    clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(function () {
      call("GET", "/api/view").then(function (r) {
        if (r.status === 200) { show(r.data); connect(); }
        else if (r.status === 401 && !state.watching) {
          showJoin("Your seat's code was not accepted any more. Ask your teacher for the code.");
        } else { retry(); }
      }).catch(function () { retry(); });
    }, wait);
  }

  function stop() {
    clearTimeout(state.retryTimer);
    if (state.socket) { state.socket.onclose = null; state.socket.close(); state.socket = null; }
  }

  /* ------------------------------------------------------------------ acting */

  /** Sends one action with the reason typed beside its step; on success that reason is forgotten and the view
   * refetched. */
  function act(action, button, step, sure) {
    if (state.busy) { return; }
    var final = button && (state.view.final || {})[button.getAttribute("data-key")];
    if (final && !sure) {
      askFirst(final, button, function () { act(action, button, step, true); });
      return;
    }
    action.power = state.view.seat || state.view.power;
    refuse("");
    confirmed("");
    var section = button && button.closest("section");
    state.busy = true;
    if (button) { button.setAttribute("aria-busy", "true"); }
    call("POST", "/api/act", {action: action, why: (state.reasons[step] || "").trim()}).then(function (r) {
      if (r.data.ok) {
        delete state.reasons[step];
        if (action.kind === "propose") { delete state.drafts[action.target]; }
        return refresh().then(function () { confirmed(done(r.data.result), section); });
      }
      refuse(r.data.reason || "The host refused this.", button);
      return refresh();
    }).catch(function () {
      refuse("The host did not answer. Nothing was done; try again when the connection is back.", button);
    }).then(function () {
      state.busy = false;
      if (button) { button.removeAttribute("aria-busy"); }
    });
  }

  /** The confirmation of a step, at the top of the part of the desk where it was taken (the step's own card may
   * have gone from the list), announced, scrolled into view and given the focus, which would otherwise fall to the
   * page when the pressed button leaves. "" takes the last one away. */
  function confirmed(text, section) {
    document.querySelectorAll("#desk .done").forEach(function (p) { p.remove(); });
    if (!text) { return; }
    var place = [section, $("actions-box")].filter(function (s) { return s && !s.hidden; })[0];
    var note = el("p", {"class": "notice done", role: "status", tabindex: "-1", text: text});
    if (place) { place.querySelector("h2").insertAdjacentElement("afterend", note); } else { say(text); note = $("notice"); }
    note.focus({preventScroll: true});
    note.scrollIntoView({block: "center"});
  }

  /** Asks beside the button before a step that cannot be taken back (the view says which and why, as the window
   * asks): "Are you sure?" with Back, which has the focus, and the step. */
  function askFirst(why, button, go) {
    document.querySelectorAll("#desk .ask").forEach(function (p) { p.remove(); });
    var id = "ask-" + button.getAttribute("data-key").replace(/[^A-Za-z0-9_-]/g, "-");
    var back = el("button", {type: "button", text: "Back"});
    var yes = el("button", {type: "button", "class": "primary", text: "Yes, take this step"});
    var box = el("div", {"class": "ask", role: "group", "aria-labelledby": id},
      el("p", {id: id, "class": "notice", text: "This cannot be taken back. " +
        (why === "This cannot be taken back." ? "" : why + " ") + "Are you sure?"}),
      el("div", {"class": "buttons"}, back, yes));
    back.addEventListener("click", function () { box.remove(); button.focus(); });
    yes.addEventListener("click", function () { box.remove(); go(); });
    button.insertAdjacentElement("afterend", box);
    back.focus();
  }

  function done(result) {
    return (result && result.confirmation) || "Done.";
  }

  function endTurn() {
    var v = state.view;
    var left = v.week.points_left;
    if (left > 0) {
      $("confirm-text").textContent = "You still have " + plural(left, "action point") +
        " this week. Points not spent are lost when the week ends.";
      var dialog = $("confirm");
      dialog.returnValue = "";
      dialog.showModal();
      $("confirm-no").focus();
      return;
    }
    sendEndTurn();
  }

  function sendEndTurn() {
    refuse("");
    call("POST", "/api/end-turn", {}).then(function (r) {
      if (r.status === 200 && r.data.ok !== false) { say(done(r.data.result)); }
      else { refuse(r.data.reason || "The host refused to end the turn.", $("end-turn")); }
      return refresh();
    }).catch(function () { refuse("The host did not answer. Try again when the connection is back."); });
  }

  /* ------------------------------------------------------------------ showing the view */

  function show(v) {
    var before = document.activeElement && document.activeElement.getAttribute("data-key");
    var firstView = !state.view;
    var cal = calendar(v);
    var turned = state.turn !== null && cal.turn !== state.turn;
    state.view = v;
    state.turn = cal.turn;
    startClock(v.timer);
    if (state.watching || v.type === "public") { showWatch(v); } else { showDesk(v); }
    if (turned && !lessonStop(v)) {   // (at the lesson's stop its own line says why nothing begins)
      say(cal.over ? "The game is over." : cal.words + " has begun: " + cal.dates + ".");
    }
    if (before) {
      var again = document.querySelector('[data-key="' + CSS.escape(before) + '"]');
      if (again) { again.focus(); }
    } else if (firstView) {
      $("main").focus({preventScroll: true});
    }
  }

  function showJoin(message) {
    stop();
    state.drawn = {};
    state.view = null;
    state.turn = null;
    $("desk").hidden = true;
    $("watch").hidden = true;
    $("join").hidden = false;
    $("who").textContent = "";
    $("join-error").textContent = message || "";
    setLink("Not connected.");
    $("code").focus();
  }

  function showDesk(v) {
    var w = v.week;
    var cal = calendar(v);
    $("join").hidden = true;
    $("watch").hidden = true;
    $("desk").hidden = false;
    dropCodeFromAddress();
    var me = (v.powers || []).filter(function (p) { return p.id === (v.seat || v.power); })[0];
    var title = (v.briefing && v.briefing.name) || (me && me.name) || v.seat;
    $("power-title").textContent = title;
    $("who").textContent = (v.team ? v.team + " — " : "") + (me ? me.short : title);
    document.title = title + " — Moscow 1939";
    $("when").textContent = cal.words + " · " + cal.dates;
    var stopped = !!lessonStop(v);
    $("points").hidden = cal.over || stopped;
    $("points").textContent = cal.over ? "" : plural(w.points_left, "action point") + " left of " +
      w.points_per_week + " this " + cal.unit + "." + (v.played_by_ai ? " The computer plays your power for now." : "");
    document.querySelectorAll("#desk .week-only, .toc-week").forEach(function (n) { n.hidden = cal.over || stopped; });
    $("lesson").textContent = lessonStop(v);
    $("lesson").hidden = !lessonStop(v);
    $("reason-help").textContent = options().require_reason ?
      "Your class asks a reason for every decision: write it in the box beside the step." :
      "A reason may go with every decision: write it in the box beside the step (open an action to see it).";
    part("ending", cal.ending, function () { showEnding(cal.ending); });
    part("questions", [v.questions, v.question_options, v.inbox, v.classroom, stopped], function () {
      showQuestions(v);
    });
    part("actions", [v.actions, v.classroom], function () { showActions(v); });
    part("treaties", [v.offers, v.watched, v.clauses, v.odds, v.classroom, v.powers, stopped], function () {
      showTreaties(v);
    });
    part("inbox", [v.inbox, v.powers, cal.turn], function () { showInbox("inbox", v.inbox || [], cal.turn,
      "Earlier telegrams and news"); });
    part("gauges", v.gauges, function () { showGauges($("gauges"), v.gauges || []); });
    part("powers", v.powers, function () { showPowers(v); });
    part("briefing", v.briefing, function () { showBriefing(v); });
    part("sources", [v.sources, v.source_cards], function () { showSources(v); });
    $("gauges-summary").textContent = "Show the " + plural((v.gauges || []).length, "gauge") + " you are shown";
    $("sources-summary").textContent = "Show the " + plural((v.source_cards || []).length, "source card") +
      " you have found";
    showEnd(v);
  }

  /** How the game ended, in the scenario's words (the desk's ending screen): its title, the day, its text. */
  function showEnding(ending) {
    $("ending").hidden = !ending;
    if (!ending) { return; }
    $("ending-title").textContent = ending.title;
    $("ending-date").textContent = ending.date;
    fill($("ending-text"), [paragraphs(ending.summary), paragraphs(ending.epilogue)]);
  }

  /** Redraws a part of the page only when what it shows has changed: another team's step leaves the rest of
   * the desk (and a screen reader's place in it) as it was. */
  function part(name, data, draw) {
    var key = JSON.stringify(data === undefined ? null : data);
    if (state.drawn[name] === key) { return; }
    state.drawn[name] = key;
    draw();
  }

  /** The box for the reason of one step (an action, an answer to a question, a draft or an answer to one),
   * written beside that step; what is typed is kept across refreshes until the step is taken. */
  function reasonField(step, what) {
    var id = "why-" + step.replace(/[^A-Za-z0-9_-]/g, "-");
    var required = !!options().require_reason;
    var box = el("textarea", {id: id, "class": "why-box", rows: 2, maxlength: reasonLimit(), required: required,
      "data-key": "why:" + step, "aria-describedby": id + "-count"});
    box.value = state.reasons[step] || "";
    var count = el("p", {"class": "help", id: id + "-count"});
    function counted() {
      state.reasons[step] = box.value;
      count.textContent = box.value.length + " of " + reasonLimit() + " characters";
    }
    box.addEventListener("input", counted);
    counted();
    return el("div", {"class": "reason-field"},
      el("label", {"for": id, text: what + (required ? " (required)" : " (optional)")}), box, count);
  }

  /** A part of a card folded away until the team opens it (it stays open across refreshes once opened). */
  function fold(key, summary) {
    var box = el("details", {"class": "step", "data-fold": key, open: !!state.folds[key]},
      el("summary", {"data-key": "fold:" + key, text: summary}));
    box.addEventListener("toggle", function () { state.folds[key] = box.open; });
    for (var i = 2; i < arguments.length; i++) { if (arguments[i]) { box.appendChild(arguments[i]); } }
    return box;
  }

  /** A button that acts when it may, and when it may not is still reachable and says why. */
  function actionButton(label, key, refusal, onPress, describedBy) {
    var b = el("button", {type: "button", "data-key": key, "aria-describedby": describedBy || null, text: label});
    if (refusal) {
      b.setAttribute("aria-disabled", "true");
      b.addEventListener("click", function () { refuse(refusal, b); });
    } else {
      b.addEventListener("click", function () { onPress(b); });
    }
    return b;
  }

  function named(button, name) {
    // its visible words first, then what it is about: a screen reader or voice control tells the buttons apart
    button.setAttribute("aria-label", name);
    return button;
  }

  function list(items, cls) {
    if (!items || !items.length) { return null; }
    var ul = el("ul", {"class": cls || null});
    items.forEach(function (t) { ul.appendChild(el("li", {text: t})); });
    return ul;
  }

  function consequences(items, id) {
    if (!items || !items.length) { return null; }
    return el("div", {"class": "consequences", id: id || null},
      el("p", {"class": "label", text: "Known consequences:"}), list(items));
  }

  /** The questions awaiting an answer; none once the lesson has stopped (no step of the week is taken then). */
  function showQuestions(v) {
    var qs = lessonStop(v) ? [] : v.questions || [];
    $("questions").hidden = !qs.length;
    $("toc-questions").hidden = !qs.length;
    fill($("questions-body"), qs.map(function (q) {
      var opts = el("ul", {"class": "options"});
      var words = {};
      ((v.question_options || {})[q.event] || []).forEach(function (o) { words[o.id] = o.text; });
      (q.options || []).forEach(function (id, i) {
        var text = words[id] || id.replace(/_/g, " ");
        var cons = (q.consequences || [])[i] || [];
        var cid = "q-" + q.event + "-" + id;
        opts.appendChild(el("li", null,
          actionButton(text, "choose:" + q.event + ":" + id, "", function (b) {
            act({kind: "choose", target: q.event, option: id}, b, "q:" + q.event);
          }, cons.length ? cid : null),
          consequences(cons, cid)));
      });
      var told = (v.inbox || []).filter(function (e) { return e.ref === q.event && e.text; }).pop();
      return el("article", {"class": "question"},
        el("h3", {text: q.title}), q.date ? el("p", {"class": "date", text: day(q.date)}) : null,
        told ? paragraphs(told.text) : null, reasonField("q:" + q.event, "Why your team chooses as it does"), opts);
    }));
  }

  /** The actions the team may take this week, then (folded) those it may not, each with why not. */
  function showActions(v) {
    var open = (v.actions || []).filter(function (a) { return a.available; });
    var closed = (v.actions || []).filter(function (a) { return !a.available; });
    var why = closed.map(function (a) { return a.reason; }).filter(function (r, i, all) { return all.indexOf(r) === i; });
    fill($("actions"), open.length ? open.map(actionCard) :     // (one reason for them all: a question comes first)
      [el("li", {text: "No action is open to your power now" + (why.length === 1 && why[0] ? ": " + why[0] : ".")})]);
    fill($("actions-closed"), closed.map(actionCard));
    $("actions-closed-box").hidden = !closed.length;
    $("actions-closed-summary").textContent = "Not possible this " + calendar(v).unit + " (" + closed.length + ")";
  }

  function actionCard(a) {
    var why = "not-" + a.id;
    var cost = a.cost === 0 ? "Costs nothing" : "Costs " + plural(a.cost, "action point");
    var refusal = a.available ? "" : (a.reason || "Not possible now.");
    var asked = !refusal && !!options().require_reason;     // a required reason is in view, not folded away
    var reason = refusal ? null : reasonField("act:" + a.id, "Why your team takes it");
    return el("li", {"class": a.available ? "card" : "card unavailable"},
      el("h3", {text: a.name}),
      el("p", {"class": "cost", text: cost + (a.done_this_week ? " · taken this week" : "")}),
      refusal ? el("p", {"class": "why-not", id: why, text: "Not possible now: " + refusal}) : null,
      fold("act:" + a.id, refusal || asked ? "What it does" : "What it does, and your reason",
        paragraphs(a.text), consequences(a.consequences), refusal || asked ? null : reason),
      asked ? reason : null,
      named(actionButton("Take this action", "act:" + a.id, refusal, function (b) {
        act({kind: "act", target: a.id}, b, "act:" + a.id);
      }, refusal ? why : null), "Take this action: " + a.name));
  }

  function showTreaties(v) {
    var offers = (v.offers || []).concat(v.watched || []);
    if (!offers.length) {
      fill($("treaties"), [el("p", {text: "You are party to no treaty."})]);
      return;
    }
    fill($("treaties"), offers.map(function (o) { return treaty(v, o); }));
  }

  function treaty(v, o) {
    var clauses = (v.clauses || {})[o.id] || [];
    var names = {};
    clauses.forEach(function (c) { names[c.id] = c.name; });
    var parties = (o.parties || []).map(powerName).join(", ");
    var status = STATUS_WORDS[o.status] || o.status;
    var head = [el("h3", {text: o.name}),
      el("p", {"class": "status", text: "Parties: " + parties + " · " + status +
        (o.proposer ? " · last draft from " + powerName(o.proposer) : "")}),
      paragraphs(o.description)];
    if (o.watching) {
      head.push(el("p", {"class": "help", text: "You watch these talks as an observer: you read the drafts " +
        "but take no part."}));
    }
    if (o.awaits_me) { head.push(el("p", {"class": "notice", text: "A draft awaits your answer."})); }
    if ((o.waiting || []).length && !calendar(v).over) {
      head.push(el("p", {text: "Awaiting answers from: " + o.waiting.map(function (p) {
        return powerName(p[0]);
      }).join(", ") + "."}));
      if (!o.awaits_me && o.waiting.some(function (p) { return p[0] === (v.seat || v.power); })) {
        // awaited but not yet answerable: why not, as the view gives it (e.g. the draft is still on its way)
        var why = (o.answers || []).map(function (k) { return k[1]; }).filter(Boolean)[0];
        head.push(why ? el("p", {"class": "help", text: why}) : null);
      }
    }
    head.push(onTable(o, names));
    head.push(odds(v, o));
    var editable = o.status === "open" || o.status === "proposed";
    var answering = answers(o);
    if (!o.watching && !lessonStop(v) && (answering || editable)) {
      head.push(reasonField("offer:" + o.id, "Why your team answers or drafts as it does"));
      head.push(answering);
      if (editable) {
        head.push(fold("draft:" + o.id, "Write your own draft of the " + o.name, draftEditor(v, o, clauses)));
      }
    }
    return el.apply(null, ["article", {"class": "treaty", "aria-labelledby": null}].concat(head));
  }

  function onTable(o, names) {
    if (!(o.clauses || []).length) { return null; }
    return el("div", null, el("p", {"class": "label", text: "The draft on the table:"}),
      list(o.clauses.map(function (c) { return names[c] || c; })));
  }

  function odds(v, o) {
    if (options().hide_odds) { return null; }
    var d = (v.odds || {})[o.id];
    if (!d || !(d.odds || []).length) { return null; }
    return el("div", {"class": "odds"}, el("p", {"class": "label", text: "How the others would likely answer it:"}),
      oddsList(d));
  }

  /** Each other party's likely answer to a draft, as the engine's view gives it (`DraftView.odds`). */
  function oddsList(d) {
    return list(d.odds.map(function (x) {
        var who = powerName(x.party);
        if (x.stand) { return who + ": stands by this draft (" + x.stand + ")"; }
        if (x.low === null || x.low === undefined) { return who + ": their team decides"; }
        var words = who + ": " + chance(x.low, x.high) + " of accepting";
        if ((x.leanings || []).length) { words += " — " + x.leanings.join("; "); }
        if (x.blocker) { words += " — in the way: " + x.blocker; }
        return words;
      }));
  }

  /** The clauses of the team's draft as it would be sent: those ticked, with the required ones, in order. */
  function chosenClauses(o, clauses) {
    var chosen = (state.drafts[o.id] || (o.clauses || []).slice()).slice();
    clauses.forEach(function (c) { if (c.required && chosen.indexOf(c.id) < 0) { chosen.push(c.id); } });
    var order = clauses.map(function (c) { return c.id; });
    return chosen.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
  }

  /** Asks the host how the others would likely answer the team's own draft (POST /api/odds: the same odds the
   * window's draft editor shows) and shows it under the clauses; a moment after the last tick, once. */
  function weigh(o, clauses, node) {
    clearTimeout(state.weighTimers[o.id]);
    state.weighTimers[o.id] = setTimeout(function () {
      var asked = chosenClauses(o, clauses);
      call("POST", "/api/odds", {offer: o.id, clauses: asked}).then(function (r) {
        if (!node.isConnected) { return; }
        if (!r.data.ok) { fill(node, [el("p", {"class": "help", text: r.data.reason || ""})]); return; }
        showDraftOdds(node, r.data.draft);
      }).catch(function () { fill(node, [el("p", {"class": "help", text: "The odds could not be fetched."})]); });
    }, WEIGH_MS);
  }

  function showDraftOdds(node, d) {
    fill(node, [el("p", {"class": "label", text: "How the others would likely answer your draft:"}),
      d.odds.length ? oddsList(d) : null,
      d.refusal ? el("p", {"class": "why-not", text: "It cannot be sent now: " + d.refusal}) : null]);
  }

  function answers(o) {
    var kinds = o.answers || [];
    if (!o.awaits_me && !kinds.some(function (k) { return !k[1]; })) { return null; }
    var box = el("div", {"class": "buttons", role: "group", "aria-label": "Your answer to the draft of " + o.name});
    kinds.forEach(function (k) {
      box.appendChild(actionButton(ANSWER_WORDS[k[0]] || k[0], k[0] + ":" + o.id, k[1], function (b) {
        act({kind: k[0], target: o.id}, b, "offer:" + o.id);
      }));
    });
    return box;
  }

  function draftEditor(v, o, clauses) {
    var mine = state.drafts[o.id] || (o.clauses || []).slice();
    var fs = el("fieldset", {"class": "draft"}, el("legend", {text: "Your draft of the " + o.name}));
    var weighed = options().hide_odds ? null : el("div", {"class": "odds", id: "draft-odds-" + o.id,
      "aria-live": "polite"});
    clauses.forEach(function (c) {
      var id = "clause-" + o.id + "-" + c.id;
      var box = el("input", {type: "checkbox", id: id, "data-key": id,
        checked: mine.indexOf(c.id) >= 0, disabled: !!c.refusal && mine.indexOf(c.id) < 0 || c.required});
      if (c.required) { box.checked = true; }
      box.addEventListener("change", function () {
        var now = (state.drafts[o.id] || (o.clauses || []).slice()).filter(function (x) { return x !== c.id; });
        if (box.checked) { now.push(c.id); }
        state.drafts[o.id] = now;
        if (weighed) { weigh(o, clauses, weighed); }
      });
      var about = "about-" + id;
      box.setAttribute("aria-describedby", about);
      var details = [c.text];
      if (c.required) { details.push("Required in every draft."); }
      if (c.secret) { details.push("A secret clause."); }
      if (c.refusal) { details.push("Cannot be raised now: " + c.refusal); }
      fs.appendChild(el("div", {"class": "clause"}, box,
        el("label", {"for": id, text: c.name}),
        el("p", {"class": "about", id: about, text: details.join(" ")}),
        consequences(c.effects)));
    });
    var send = actionButton("Propose this draft (" + plural(o.propose_cost, "action point") + ")", "propose:" + o.id,
      "", function (b) {
        act({kind: "propose", target: o.id, clauses: chosenClauses(o, clauses)}, b, "offer:" + o.id);
      });
    if (weighed) {
      fs.appendChild(weighed);
      // the team's own ticks, kept across a refresh, are weighed again; the draft as it starts, the table's, is
      // weighed in the view already
      if (state.drafts[o.id]) { weigh(o, clauses, weighed); } else if ((v.odds || {})[o.id]) {
        showDraftOdds(weighed, v.odds[o.id]);
      }
    }
    fs.appendChild(send);
    return fs;
  }

  /** The telegrams and news of this week, newest first, and the earlier ones folded below them. */
  function showInbox(id, entries, turn, earlier) {
    var now = entries.filter(function (e) { return e.turn === turn; });
    var before = entries.filter(function (e) { return e.turn !== turn; });
    showEntries($(id), now, before.length ? "Nothing yet this " + calendar(state.view).unit + "." : "Nothing yet.");
    showEntries($(id + "-earlier"), before, "");
    $(id + "-earlier-box").hidden = !before.length;
    $(id + "-earlier-summary").textContent = earlier + " (" + before.length + ")";
  }

  function showEntries(node, entries, none) {
    var items = entries.slice().reverse().map(function (e) {
      var who = e.power ? powerName(e.power) + " · " : "";
      return el("li", {"class": "entry kind-" + String(e.kind || "").replace(/[^a-z_]/g, "")},
        el("h3", {text: e.title}),
        el("p", {"class": "date", text: who + day(e.date)}),
        e.text ? paragraphs(e.text) : null,
        e.why ? el("p", {"class": "why", text: "Your reason: " + e.why}) : null);
    });
    fill(node, items.length || !none ? items : [el("li", {text: none})]);
  }

  function showGauges(node, gauges) {
    fill(node, gauges.map(function (g) {
      var id = node.id + "-" + g.id;
      var way = g.good_when === "higher" ? "Higher is better for you." :
        g.good_when === "lower" ? "Lower is better for you." :
          (g.interest ? "It measures the interest of " + g.interest + "." : "");
      var known = typeof g.start === "number";
      var moved = !known ? "" : g.value === g.start ? " (unchanged since the start)" :
        " (" + (g.value > g.start ? "up " : "down ") + Math.abs(Math.round(g.value - g.start)) + " since the start)";
      var standing = !known || !g.good_when || g.good_when === "none" || g.value === g.start ? "" :
        ((g.value > g.start) === (g.good_when === "higher") ? "good" : "bad");
      var about = [g.description, way].filter(Boolean).join(" ");
      return el("li", {"class": "gauge " + standing},
        el("label", {"for": id}, el("strong", {text: g.name + ": " + Math.round(g.value)}), moved),
        el("meter", {id: id, min: g.min, max: g.max, value: g.value}),
        about ? el("p", {"class": "help", text: about}) : null);
    }));
  }

  function showPowers(v) {
    var me = v.seat || v.power;
    fill($("powers"), (v.powers || []).filter(function (p) { return p.id !== me; }).map(function (p) {
      return el("li", {"class": "card"},
        el("h3", {text: p.name}),
        el("p", {text: "Trusts you: " + Math.round(p.theirs) + " · your trust in it: " + Math.round(p.mine)}),
        list((p.people || []).map(function (x) { return x[0] + ", " + x[1]; })),
        (p.objectives || []).length ? el("p", {"class": "label", text: "Its public aims:"}) : null,
        list(p.objectives));
    }));
  }

  function showBriefing(v) {
    var b = v.briefing || {};
    fill($("briefing"), [paragraphs(b.text),
      (b.objectives || []).length ? el("h3", {text: "Your public aims"}) : null, list(b.objectives),
      (b.secret_objectives || []).length ? el("h3", {text: "Your secret aims (only your team sees these)"}) : null,
      list(b.secret_objectives, "secret")]);
  }

  function showSources(v) {
    var cards = v.source_cards || (v.sources || []).map(function (id) { return {id: id, title: id.replace(/_/g, " ")}; });
    var items = cards.map(function (s) {
      var by = [s.author, s.date ? day(s.date) : "", s.perspective].filter(Boolean).join(" · ");
      return el("li", {"class": "card"}, el("h3", {text: s.title || s.id}),
        by ? el("p", {"class": "date", text: by}) : null,
        paragraphs(s.text),
        s.reference ? el("p", {"class": "citation", text: s.reference}) : null);
    });
    fill($("sources"), items.length ? items : [el("li", {text: "No source cards yet."})]);
  }

  /** The lesson's stop at its checkpoint (the host's `lesson` field): one line, or "" while the lesson goes on. */
  function lessonStop(v) {
    var lesson = v.lesson;
    return lesson && lesson.stopped ? "The lesson stops here, at \u201c" + lesson.title + "\u201d, " + lesson.date +
      "; your teacher goes on with it next lesson." : "";
  }

  function showEnd(v) {
    var ended = !!v.turn_ended;
    var over = calendar(v).over;
    var waiting = waitingFor(v);
    $("end-turn").hidden = ended || over;
    $("waiting").textContent = over ? "The game is over." : ended ?
      "Your turn has ended." + (waiting.length ? " Waiting for: " + waiting.join(", ") + "." : "") :
      (waiting.length ? "The week waits for: " + waiting.join(", ") + "." : "");
    if (lessonStop(v)) {
      $("end-turn").hidden = true;
      $("waiting").textContent = "";
    }
  }

  function showWatch(v) {
    $("join").hidden = true;
    $("desk").hidden = true;
    $("watch").hidden = false;
    $("who").textContent = "Watching";
    document.title = "The public view — Moscow 1939";
    var cal = calendar(v);
    $("watch-title").textContent = v.class_name ? "The public view — " + v.class_name : "The public view";
    $("watch-when").textContent = cal.words + " · " + cal.dates;
    var waiting = waitingFor(v);
    $("watch-waiting").textContent = cal.over ? "The game is over: " + (cal.ending ? cal.ending.title : "") + "." :
      (waiting.length ? "The week waits for: " + waiting.join(", ") + "." : "");
    if (lessonStop(v)) $("watch-waiting").textContent = lessonStop(v);
    part("watch-gauges", v.gauges, function () { showGauges($("watch-gauges"), v.gauges || []); });
    part("watch-treaties", [v.treaties, v.seats], function () { showSigned(v); });
    part("watch-news", [v.news, cal.turn], function () { showInbox("watch-news", v.news || [], cal.turn,
      "Earlier news"); });
  }

  function showSigned(v) {
    fill($("watch-treaties"), (v.treaties || []).map(function (t) {
      return el("li", {"class": "card"}, el("h3", {text: t.name}),
        el("p", {"class": "status", text: "Signed by " + (t.parties || []).map(powerName).join(", ")}),
        list(t.clauses));
    }));
    $("watch-treaties-box").hidden = !(v.treaties || []).length;
  }

  /** The class timer: counted down here between the host's updates, which set it right. */
  function startClock(timer) {
    clearInterval(state.clockTimer);
    var node = state.watching ? $("watch-clock") : $("clock");
    $("clock").textContent = "";
    $("watch-clock").textContent = "";
    if (!timer || timer.seconds_left === null || timer.seconds_left === undefined) { return; }
    var ends = Date.now() + timer.seconds_left * 1000;
    function tick() {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      var words = Math.floor(left / 60) + " min " + String(left % 60).padStart(2, "0") + " s left of this week's time";
      node.textContent = timer.waiting ? Math.floor(left / 60) + " min for the week, from when every team has joined."
        : timer.paused ? "The timer is paused: " + words + "." : words + ".";
    }
    tick();
    if (!timer.paused && !timer.waiting) { state.clockTimer = setInterval(tick, 1000); }
  }

  /* ------------------------------------------------------------------ start */

  function start() {
    $("join-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var code = $("code").value.trim();
      if (!code) { $("join-error").textContent = "Type your team's join code."; return; }
      $("join-error").textContent = "";
      join(code, false).then(function (ok) {
        if (ok) { refresh().then(connect); }
      }).catch(function () { $("join-error").textContent = "The host cannot be reached."; });
    });
    $("watch-button").addEventListener("click", function () {
      forget();
      state.watching = true;
      store.setItem("m39.watching", "1");
      refresh().then(connect);
    });
    $("leave-watch").addEventListener("click", function () {
      state.watching = false;
      store.removeItem("m39.watching");
      showJoin("");
    });
    $("end-turn").addEventListener("click", endTurn);
    $("confirm").addEventListener("close", function () {
      if ($("confirm").returnValue === "yes") { sendEndTurn(); }
      $("end-turn").focus();
    });
    var asked = new URLSearchParams(location.search).get("code");
    if (asked) { $("code").value = asked; }
    if (state.token || state.watching) {
      refresh().then(connect);
    } else if (state.code) {
      join(state.code, true).then(function (ok) { if (ok) { refresh().then(connect); } else { showJoin(""); } });
    } else {
      showJoin("");
    }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
