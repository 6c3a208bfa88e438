// Placeholder phone page (issue 15): polls /api/state, votes through /api/vote.
"use strict";
const $ = (id) => document.getElementById(id);
let shown = null, pending = null, version = null;

function newId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function poll() {
  try {
    const r = await fetch("/api/state", { credentials: "same-origin" });
    if (r.ok) render(await r.json());
  } catch (e) { $("status").textContent = "Hors ligne / Offline"; }
}

async function who() {
  const r = await fetch("/api/me", { credentials: "same-origin" });
  $("me").textContent = r.ok ? (await r.json()).name : "";
}

function render(state) {
  if (state.version === version) return;
  version = state.version;
  $("title").textContent = state.workshop.title;
  who();
  const b = state.ballot;
  $("ballot").hidden = !b;
  if (b && (!shown || shown.id !== b.id)) {
    shown = b;
    $("clause").textContent = b.clause.title;
    $("text").textContent = b.clause.text;
    $("rules").textContent = b.rules.join(" · ");
    $("code-label").hidden = b.credential !== "code";
    $("reason-label").hidden = !b.choices.some((c) => c.reason === "required");
    const box = $("choices");
    box.replaceChildren();
    for (const c of b.choices) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = c.label;
      button.addEventListener("click", () => vote(b.id, c.value));
      box.append(button);
    }
  }
  if (!b) shown = null;
  const res = state.result;
  $("result").hidden = !res || !!b;
  if (res) {
    $("result-title").textContent = res.clause_title + " : " + res.outcome_label;
    $("sentence").textContent = res.sentence;
  }
}

async function vote(ballotId, choice) {
  pending = { client_id: newId(), ballot_id: ballotId, choice };
  if ($("reason").value) pending.reason = $("reason").value;
  if (!$("code-label").hidden) pending.code = $("code").value;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const r = await fetch("/api/vote", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(pending),
      });
      const body = await r.json();
      if (r.ok) { $("status").textContent = "Vote enregistré à " + body.at + ", code " + body.receipt; return; }
      if (r.status !== 503) { $("status").textContent = body.message.fr + " / " + body.message.en; return; }
    } catch (e) { /* retry with the same client_id */ }
    await new Promise((ok) => setTimeout(ok, 1000));
  }
}

document.addEventListener("visibilitychange", () => { if (!document.hidden) { version = null; poll(); } });
window.addEventListener("online", () => { version = null; poll(); });
poll();
setInterval(poll, 2500);
