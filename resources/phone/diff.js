// The amendment diff of the phone page: which words of a clause an amendment keeps,
// removes and adds, as [kind, text] runs ("same", "del", "ins"). A longest common
// subsequence on words, spaces and punctuation, then made readable. No dependency.
"use strict";

window.CharterDiff = (function () {
  function tokens(text) {
    // words, runs of spaces and single punctuation marks: « soir. » → « soir, … » keeps « soir »
    return text.match(/\s+|[\p{L}\p{N}\p{M}’'_-]+|[^\s\p{L}\p{N}\p{M}’'_-]/gu) || [];
  }

  function diff(a, b) {
    const n = a.length, m = b.length;
    if (n * m > 250000) return [["del", a.join("")], ["ins", b.join("")]];
    const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    const out = [];
    const push = (kind, text) => {
      const last = out[out.length - 1];
      if (last && last[0] === kind) last[1] += text;
      else out.push([kind, text]);
    };
    let i = 0, j = 0;
    while (i < n && j < m) {
      if (a[i] === b[j]) { push("same", a[i]); i++; j++; }
      else if (lcs[i + 1][j] >= lcs[i][j + 1]) push("del", a[i++]);
      else push("ins", b[j++]);
    }
    while (i < n) push("del", a[i++]);
    while (j < m) push("ins", b[j++]);
    return readable(out);
  }

  // « Pour un usage » → « Les déclinaisons » reads as one removal then one addition, not
  // word against word: spaces kept between two changes join them, and each run of changes
  // shows everything removed, then everything added.
  function readable(ops) {
    const out = [];
    let del = "", ins = "";
    const flush = () => {
      if (del) out.push(["del", del]);
      if (ins) out.push(["ins", ins]);
      del = ins = "";
    };
    ops.forEach(([kind, text], k) => {
      const between = k > 0 && k < ops.length - 1 && ops[k - 1][0] !== "same" &&
        ops[k + 1][0] !== "same";
      if (kind === "same" && !(between && /^\s+$/.test(text))) {
        flush();
        out.push(["same", text]);
      } else if (kind === "same") {
        del += text;
        ins += text;
      } else if (kind === "del") {
        del += text;
      } else {
        ins += text;
      }
    });
    flush();
    return out;
  }

  function changes(before, after) {
    return diff(tokens(before), tokens(after));
  }

  return { changes: changes };
})();
