// The phone page of Atelier Charte / Charter Workshop (issue 15; API: docs/phone-api.md).
// No framework, no build step. Everything the server sends is shown with textContent,
// never as HTML. The page polls /api/state, keeps what the person is filling in when a
// poll arrives, resynchronises when it becomes visible or the network returns, and sends
// one submission at a time, retried with the same client_id until it gets an answer.
"use strict";

(function () {
  const POLL_MS = 2500;
  const HIDDEN_POLL_MS = 10000;
  const MAX_RETRY_MS = 10000;

  let strings = { fr: {}, en: {} };
  let lang = document.documentElement.lang || "fr";
  let chosenLang = null; // the person's choice with the switch, kept on this phone
  let state = null;
  let etag = null;
  let me = null; // the /api/me body, or {error: "no_link"|"link_revoked"}
  let shownKey = null; // what the view shows: "b:<id>", "r:<id>:<round>" or "w"
  let selected = null; // the choice value picked for sending
  let pending = null; // {body, attempt, choice}
  let receipts = {}; // ballot id -> {at, receipt, changed, label}
  const drafts = { reason: "", code: "" }; // what is being typed survives every re-render
  let offline = false;
  let pollTimer = null;
  let retryTimer = null;

  const $ = (id) => document.getElementById(id);

  try {
    chosenLang = window.localStorage.getItem("cw_lang");
  } catch (e) {
    chosenLang = null;
  }

  function t(key, vars) {
    const table = strings[lang] || {};
    let text = key in table ? table[key] : (strings.fr[key] || key);
    if (vars) {
      text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
    }
    return text;
  }

  // « 09:42 » → « 9 h 42 » in French, « 9:42 » in English.
  function clock(at) {
    const m = /^(\d{1,2}):(\d{2})/.exec(at || "");
    return m ? t("time", { h: String(Number(m[1])), m: m[2] }) : at || "";
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else if (name === "value") node.value = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children || []) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function say(message) {
    const status = $("status");
    status.removeAttribute("data-i18n");
    status.textContent = message;
  }

  function newClientId() {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // -- network -------------------------------------------------------------------------
  async function getJson(path, headers) {
    const response = await fetch(path, {
      credentials: "same-origin",
      cache: "no-store",
      headers: headers || {},
    });
    let body = null;
    if (response.status !== 304) {
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
    }
    return { status: response.status, body: body, headers: response.headers };
  }

  function schedulePoll(ms) {
    window.clearTimeout(pollTimer);
    pollTimer = window.setTimeout(poll, ms);
  }

  async function poll() {
    window.clearTimeout(pollTimer);
    try {
      const r = await getJson("/api/state", etag ? { "If-None-Match": etag } : {});
      if (offline) {
        offline = false;
        say(t("back_online"));
      }
      if (r.status === 200 && r.body) {
        const changed = !state || state.version !== r.body.version;
        etag = r.headers.get("ETag");
        state = r.body;
        if (changed) {
          if (!chosenLang && state.lang && state.lang !== lang && strings[state.lang]) {
            lang = state.lang;
          }
          await refreshMe();
          render();
        }
      }
    } catch (e) {
      if (!offline) {
        offline = true;
        say(t("offline"));
      }
    }
    schedulePoll(document.hidden ? HIDDEN_POLL_MS : POLL_MS);
  }

  async function refreshMe() {
    try {
      const r = await getJson("/api/me");
      if (r.status === 200 && r.body) me = r.body;
      else if (r.status === 401 && r.body) me = { error: r.body.error };
    } catch (e) {
      // keep what we knew; the next poll tries again
    }
  }

  function resync() {
    if (document.hidden) return;
    if (pending) sendPending();
    poll();
  }

  // -- submission ----------------------------------------------------------------------
  function submit() {
    const ballot = state && state.ballot;
    if (!ballot || pending) return;
    const choice = ballot.choices.find((c) => c.value === selected);
    if (!choice) {
      say(t("choose_first"));
      return;
    }
    const body = { client_id: newClientId(), ballot_id: ballot.id, choice: choice.value };
    if (choice.reason === "required") {
      const reason = drafts.reason.trim();
      if (!reason) {
        say(t("reason_missing"));
        $("reason").focus();
        return;
      }
      body.reason = reason;
    }
    if (ballot.credential === "code") {
      const code = drafts.code.trim();
      if (!code) {
        say(t("code_missing"));
        $("code").focus();
        return;
      }
      body.code = code;
    }
    pending = { body: body, attempt: 0, label: choice.label };
    sendPending();
  }

  async function sendPending() {
    if (!pending) return;
    window.clearTimeout(retryTimer);
    const current = pending;
    updateSendButton();
    say(t("sending"));
    let r;
    try {
      const response = await fetch("/api/vote", {
        method: "POST",
        credentials: "same-origin",
        cache: "no-store",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(current.body),
      });
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      r = { status: response.status, body: body };
    } catch (e) {
      r = null; // network error: retry with the same client_id
    }
    if (current !== pending) return;
    if (r === null || r.status === 503) {
      const wait = Math.min(1000 * 2 ** current.attempt, MAX_RETRY_MS);
      current.attempt += 1;
      say(t("retrying", { s: Math.round(wait / 1000) }));
      retryTimer = window.setTimeout(sendPending, wait);
      return;
    }
    pending = null;
    const ballotId = current.body.ballot_id;
    if (r.status === 200 && r.body && r.body.recorded) {
      receipts[ballotId] = {
        at: r.body.at,
        receipt: r.body.receipt,
        changed: r.body.changed,
        label: current.label,
      };
      selected = null;
      drafts.reason = "";
      drafts.code = "";
      await refreshMe();
      renderBallotParts();
      say(receiptText(receipts[ballotId]));
    } else if (r.body && r.body.error === "already_voted") {
      receipts[ballotId] = receipts[ballotId] || { already: true };
      renderBallotParts();
      say(current.attempt > 0 ? t("already_recorded") : t("already_voted"));
    } else if (r.body && r.body.error === "ballot_changed") {
      say(t("ballot_changed"));
      poll();
    } else {
      if (r.body && (r.body.error === "no_link" || r.body.error === "link_revoked")) {
        me = { error: r.body.error };
        renderBallotParts();
      }
      const message = r.body && r.body.message ? r.body.message[lang] || r.body.message.fr : "";
      say(t("error", { message: message || String(r.status) }));
      updateSendButton();
    }
  }

  function receiptText(receipt) {
    if (!receipt || receipt.already) return t("already_voted");
    const key = receipt.changed ? "receipt_changed" : "receipt";
    return t(key, { time: clock(receipt.at), receipt: receipt.receipt });
  }

  // -- rendering -----------------------------------------------------------------------
  function render() {
    renderChrome();
    const ballot = state && state.ballot;
    const result = state && !ballot ? state.result : null;
    const key = ballot ? "b:" + ballot.id : result ? "r:" + result.ballot_id + ":" + result.round : "w";
    if (key !== shownKey) {
      const first = shownKey === null;
      selected = null;
      drafts.reason = "";
      shownKey = key;
      rebuild();
      if (!first && ballot) say(t("new_ballot", { title: ballot.clause.title }));
      else if (!first && result) say(t("result_shown"));
      else if (first) say("");
    } else {
      renderBallotParts();
    }
  }

  function rebuild() {
    // Keep what the person typed when the view is rebuilt for a language switch.
    const view = $("view");
    view.replaceChildren();
    const ballot = state && state.ballot;
    if (ballot) view.append(ballotView(ballot));
    else if (state && state.result) view.append(resultView(state.result));
    else view.append(el("p", { class: "waiting", text: t("waiting") }));
    partsKey = null;
    renderBallotParts(true);
  }

  function renderChrome() {
    document.documentElement.lang = lang;
    document.title = t("page_title");
    for (const node of document.querySelectorAll("[data-i18n]")) {
      node.textContent = t(node.getAttribute("data-i18n"));
    }
    $("lang-switch").setAttribute("aria-label", t("switch_label"));
    for (const button of document.querySelectorAll(".lang-btn")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
    }
    if (state && state.workshop) {
      $("workshop-title").textContent = state.workshop.title;
      $("workshop-org").textContent = state.workshop.organisation;
      $("workshop-title").lang = state.lang;
      $("workshop-org").lang = state.lang;
    }
  }

  // Server text is in the workshop's language: say so to screen readers.
  function serverLang() {
    return state && state.lang ? state.lang : lang;
  }

  function ballotView(ballot) {
    const section = el("section", { class: "ballot", "aria-labelledby": "ballot-h" });
    section.append(
      el("h1", { id: "ballot-h" }, [
        el("span", { class: "kicker", text: t("clause") + " · " + t("round", { n: ballot.round }) }),
        el("span", { class: "clause-title", lang: serverLang(), text: ballot.clause.title }),
      ]),
    );
    const amendment = ballot.amendment;
    // The amended wording is the one voted: shown once, with its changes marked.
    if (!amendment || amendment.after !== ballot.clause.text) {
      section.append(
        el("h2", { class: "sr", text: t("text_of_clause") }),
        el("div", { class: "clause-text", lang: serverLang(), text: ballot.clause.text }),
      );
    }
    if (amendment) {
      section.append(
        el("h2", { text: t("amendment") }),
        el("p", { class: "hint", text: t("amendment_help") }),
        diffView(amendment.before || "", amendment.after || ""),
      );
    }
    const how = el("section", { class: "how", "aria-labelledby": "how-h" }, [
      el("h2", { id: "how-h", text: t("how") }),
      el("p", { text: t("capture." + captureKey(ballot)) }),
      el("p", { text: t("method." + ballot.method) }),
    ]);
    if (ballot.rules && ballot.rules.length) {
      how.append(
        el("p", { class: "hint" }, [
          t("rules") + " ",
          el("span", { lang: serverLang(), text: ballot.rules.join(" · ") }),
        ]),
      );
    }
    section.append(how);
    section.append(el("div", { id: "vote-area" }));
    section.append(el("div", { id: "receipt", class: "receipt", hidden: true }));
    section.append(el("p", { class: "hint", text: t("no_tally") }));
    return section;
  }

  function captureKey(ballot) {
    if (ballot.credential === "code") return "codes";
    return ballot.capture === "nominative" ? "nominative" : "secret";
  }

  // What can be done now: the choices and the send button, or why not.
  let partsKey = null;

  function renderBallotParts(force) {
    const ballot = state && state.ballot;
    renderIdentity(ballot);
    const area = $("vote-area");
    if (!ballot || !area) return;
    const receipt = receipts[ballot.id];
    const byLink = ballot.credential !== "code";
    const meVoted = byLink && me && !me.error && me.voted;
    const finalDone = !ballot.can_change && (receipt || meVoted);
    const blocked = byLink && me && me.error;
    // Rebuild only when what can be done changed: a poll never wipes what is being typed.
    const key = JSON.stringify([
      lang, ballot.id, blocked || null, !!finalDone, meVoted ? me.choice || "" : null,
      selected, receipt ? receipt.receipt || "already" : null, me && me.at,
    ]);
    if (key === partsKey && !force && area.firstChild) return;
    partsKey = key;
    const focused = document.activeElement && document.activeElement.id;
    area.replaceChildren();
    if (blocked) {
      area.append(el("p", { class: "notice", role: "note", text: t(me.error) }));
    } else if (finalDone) {
      const text = receipt && !receipt.already ? null : me && me.at
        ? t("already_voted_at", { time: clock(me.at) })
        : t("already_voted_final");
      if (text) area.append(el("p", { class: "notice", text: text }));
    } else {
      area.append(choicesView(ballot));
    }
    renderReceipt(ballot, receipt);
    if (focused && $(focused) && document.activeElement !== $(focused)) $(focused).focus();
    updateSendButton();
  }

  function choicesView(ballot) {
    const wrap = el("div", { class: "choices-wrap" });
    const recorded = me && !me.error && me.voted ? me.choice : null;
    const group = el("div", { class: "choices", role: "group", "aria-labelledby": "choice-h" });
    wrap.append(el("h2", { id: "choice-h", text: t("your_choice") }));
    if (ballot.credential === "code") {
      wrap.append(
        el("label", { for: "code", class: "field-label", text: t("code_label") }),
        el("p", { id: "code-hint", class: "hint", text: t("code_hint") }),
        el("input", {
          id: "code",
          class: "code",
          type: "text",
          inputmode: "text",
          autocomplete: "off",
          autocapitalize: "characters",
          spellcheck: "false",
          maxlength: "32",
          "aria-describedby": "code-hint",
          value: drafts.code,
        }),
      );
    }
    wrap.append(group);
    for (const choice of ballot.choices) {
      const pressed = choice.value === selected;
      const button = el(
        "button",
        {
          type: "button",
          class: "choice",
          "data-value": choice.value,
          "aria-pressed": String(pressed),
          onclick: () => pick(choice.value),
        },
        [
          el("span", { class: "mark", "aria-hidden": "true", text: pressed ? "●" : "○" }),
          el("span", { class: "label", lang: serverLang(), text: choice.label }),
          choice.value === recorded
            ? el("span", { class: "current", text: "✓ " + t("current_vote") })
            : null,
        ],
      );
      group.append(button);
    }
    const picked = ballot.choices.find((c) => c.value === selected);
    if (picked && picked.reason === "required") {
      wrap.append(
        el("label", { for: "reason", class: "field-label", text: t("reason_label") }),
        el("p", { id: "reason-hint", class: "hint", text: t("reason_hint") }),
        el("textarea", {
          id: "reason",
          rows: "4",
          maxlength: "2000",
          required: true,
          "aria-required": "true",
          "aria-describedby": "reason-hint",
          value: drafts.reason,
        }),
      );
    }
    const verb = recorded && ballot.can_change ? "change" : "send";
    const send = el("button", {
      type: "button",
      id: "send",
      class: "send",
      onclick: submit,
      text: picked ? t(verb, { choice: picked.label }) : t(verb + "_none"),
    });
    wrap.append(send);
    for (const id of ["reason", "code"]) {
      const field = wrap.querySelector("#" + id);
      if (field) field.addEventListener("input", () => { drafts[id] = field.value; });
    }
    return wrap;
  }

  function pick(value) {
    selected = value; // what was typed (reason, code) is kept by renderBallotParts
    renderBallotParts();
    const button = document.querySelector('.choice[data-value="' + CSS.escape(value) + '"]');
    if (button) button.focus();
    updateSendButton();
  }

  function updateSendButton() {
    const send = $("send");
    if (!send) return;
    if (pending) {
      send.setAttribute("aria-disabled", "true");
      send.textContent = t("sending");
    } else {
      send.removeAttribute("aria-disabled");
    }
  }

  function renderReceipt(ballot, receipt) {
    const box = $("receipt");
    if (!box) return;
    box.replaceChildren();
    if (!receipt || receipt.already) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    box.append(
      el("p", { class: "receipt-main" }, [
        el("span", { class: "tick", "aria-hidden": "true", text: "✓ " }),
        receiptText(receipt),
      ]),
    );
    if (ballot.capture === "nominative" && receipt.label) {
      box.append(el("p", { text: t("receipt_choice", { choice: receipt.label }) }));
    }
    box.append(el("p", { text: ballot.can_change ? t("receipt_can_change") : t("receipt_final") }));
  }

  function renderIdentity(ballot) {
    const node = $("identity");
    const show = me && !me.error && me.name && !(ballot && ballot.credential === "code");
    node.hidden = !show;
    if (show) {
      node.replaceChildren(t("you_are") + " ", el("strong", { text: me.name }));
    }
  }

  function resultView(result) {
    const outcome = result.outcome === "adopted" || result.outcome === "rejected"
      ? result.outcome : "other";
    const section = el("section", { class: "result", "aria-labelledby": "result-h" }, [
      el("h1", { id: "result-h" }, [
        el("span", { class: "kicker", text: t("result") + " · " + t("round", { n: result.round }) }),
        el("span", { class: "clause-title", lang: serverLang(), text: result.clause_title }),
      ]),
      el("p", { class: "outcome outcome-" + outcome }, [
        el("span", { class: "symbol", "aria-hidden": "true", text: t("outcome." + outcome) + " " }),
        el("span", { lang: serverLang(), text: result.outcome_label }),
      ]),
      el("p", { class: "sentence", lang: serverLang(), text: result.sentence }),
    ]);
    if (result.totals && result.totals.length) {
      const table = el("table", { class: "count" }, [el("caption", { text: t("count_caption") })]);
      const body = el("tbody");
      for (const row of result.totals) {
        body.append(el("tr", {}, [
          el("th", { scope: "row", lang: serverLang(), text: row.label }),
          el("td", { text: String(row.n) }),
        ]));
      }
      table.append(body);
      section.append(table);
    }
    const mine = receipts[result.ballot_id];
    if (mine && !mine.already) {
      section.append(el("p", { class: "hint", text: t("your_vote_in_round", {
        time: clock(mine.at), receipt: mine.receipt }) }));
    }
    return section;
  }

  // -- amendment diff (the words kept, removed and added come from diff.js) -------------
  function diffView(before, after) {
    const box = el("div", { class: "diff", lang: serverLang() });
    for (const [kind, text] of window.CharterDiff.changes(before, after)) {
      if (kind === "same") {
        box.append(text);
      } else {
        box.append(el(kind, {}, [
          el("span", { class: "sr", text: t(kind + "_start") }),
          text,
          el("span", { class: "sr", text: t(kind + "_end") }),
        ]));
      }
    }
    return box;
  }

  // -- start ---------------------------------------------------------------------------
  function setLanguage(next) {
    if (!strings[next] || next === lang) return;
    lang = next;
    chosenLang = next;
    try {
      window.localStorage.setItem("cw_lang", next);
    } catch (e) {
      // private mode: the choice lasts as long as the page
    }
    renderChrome();
    if (state) rebuild();
  }

  async function start() {
    for (const button of document.querySelectorAll(".lang-btn")) {
      button.addEventListener("click", () => setLanguage(button.dataset.lang));
    }
    document.addEventListener("visibilitychange", resync);
    window.addEventListener("online", resync);
    window.addEventListener("offline", () => {
      offline = true;
      say(t("offline"));
    });
    window.addEventListener("pageshow", (event) => { if (event.persisted) resync(); });
    while (true) {
      try {
        const r = await getJson("/static/strings.json");
        if (r.status === 200 && r.body && r.body.fr && r.body.en) {
          strings = r.body;
          break;
        }
      } catch (e) {
        // the network is not there yet
      }
      await new Promise((done) => window.setTimeout(done, 2000));
    }
    if (chosenLang && strings[chosenLang]) lang = chosenLang;
    else chosenLang = null;
    renderChrome();
    say(t("loading"));
    poll();
  }

  start();
})();
