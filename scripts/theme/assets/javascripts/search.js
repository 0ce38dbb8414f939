// Search box over the language's Pagefind bundle (scripts/search/).
//
// Loaded only when the reader focuses the box (partials/search.html holds the
// few lines that import this module), and this module imports Pagefind only
// then. Pagefind finds the pages; this file adds what Vietnamese readers need:
// - folding (fold) identical to scripts/search/folding.py: "dinh" = "đình";
// - re-ranking of Pagefind's first results: the query as a phrase of adjacent
//   syllables first, then (when the query has diacritics) the exact spelling;
// - excerpts cut from the original text with the matched words in <mark>.

const MARKS = /\p{M}/gu;
const SPECIAL = { "đ": "d", "Đ": "D" };
// Separates the page text from the folded words added at index time (records.py).
const FOLDED_MARKER = "\u2063\u2063";
// How many of Pagefind's results are loaded, re-ranked and shown.
const RERANK = 10;
const EXCERPT_WORDS = 28;

/** One character folded, or unchanged when folding would not give exactly one. */
function foldChar(ch) {
  if (ch in SPECIAL) return SPECIAL[ch];
  const base = ch.normalize("NFD").replace(MARKS, "");
  return [...base].length === 1 && base.length === ch.length ? base : ch;
}

/** NFC, then tone and vowel marks dropped and đ/Đ mapped to d/D; case and length kept. */
export function fold(text) {
  let out = "";
  for (const ch of text.normalize("NFC")) out += foldChar(ch);
  return out;
}

/** Words of a text with their offsets: [{start, end, exact, folded}] (lower case). */
export function tokens(text) {
  const folded = fold(text);
  const nfc = text.normalize("NFC");
  const result = [];
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    result.push({ start, end, exact: nfc.slice(start, end).toLowerCase(),
                  folded: m[0].toLowerCase() });
  }
  return result;
}

/** The page's own text: the folded words Pagefind needed are cut off. */
export function pageText(content) {
  const i = content.indexOf(FOLDED_MARKER);
  return (i < 0 ? content : content.slice(0, i)).trim();
}

function sameWord(word, query) {
  // Equal, or one a prefix of the other when both are long: English stems
  // ("campaigns" found "campaign"); never for short Vietnamese syllables.
  if (word === query) return true;
  const short = Math.min(word.length, query.length);
  return short >= 4 && (word.startsWith(query) || query.startsWith(word));
}

function phraseAt(words, query, key) {
  outer: for (let i = 0; i + query.length <= words.length; i++) {
    for (let j = 0; j < query.length; j++) {
      if (words[i + j][key] !== query[j][key]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Relevance of one page to the query, on top of Pagefind's order. */
export function score(query, title, content, pagefindRank = 0, isList = false) {
  const q = tokens(query);
  if (!q.length) return 0;
  const words = tokens(content);
  const titleWords = tokens(title);
  const marked = q.some((w) => w.exact !== w.folded);
  // Pagefind's order breaks ties; pages that mostly list other pages (topic
  // and section indexes, marked at index time) come after the pages themselves.
  let s = (RERANK - Math.min(pagefindRank, RERANK)) / RERANK - (isList ? 0.75 : 0);
  if (q.length > 1 && phraseAt(words, q, "folded") >= 0) s += 2;
  if (q.length > 1 && phraseAt(titleWords, q, "folded") >= 0) s += 1;
  else if (q.every((w) => titleWords.some((t) => sameWord(t.folded, w.folded)))) s += 0.5;
  if (marked) {
    if (q.length > 1 && phraseAt(words, q, "exact") >= 0) s += 2;
    const exact = new Set(words.map((w) => w.exact));
    s += q.filter((w) => exact.has(w.exact)).length / q.length;
  }
  return s;
}

/** Results sorted by `score` (stable: Pagefind's order breaks ties). */
export function rerank(query, results) {
  return results
    .map((r, i) => ({ r, i, s: score(query, r.title, r.text, i, r.isList) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.r);
}

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt",
    '"': "quot", "'": "#39" }[c]};`);
}

/** An excerpt of `text` around the best match, matched words in <mark> (original spelling). */
export function excerpt(query, text, length = EXCERPT_WORDS) {
  const q = tokens(query).map((w) => w.folded);
  const words = tokens(text);
  if (!words.length) return "";
  const hit = words.map((w) => q.some((x) => sameWord(w.folded, x)));
  // The window with the most matched words; a phrase match counts double.
  let best = 0, bestScore = -1;
  for (let i = 0; i < words.length; i++) {
    if (!hit[i]) continue;
    let sc = 0;
    for (let j = i; j < Math.min(words.length, i + length); j++) sc += hit[j] ? 1 : 0;
    if (i + 1 < words.length && hit[i + 1]) sc += 1;
    if (sc > bestScore) { bestScore = sc; best = i; }
  }
  const first = Math.max(0, best - Math.floor(length / 4));
  const last = Math.min(words.length, first + length) - 1;
  let out = first > 0 ? "… " : "";
  let pos = words[first].start;
  for (let i = first; i <= last; i++) {
    out += escapeHtml(text.slice(pos, words[i].start));
    const word = escapeHtml(text.slice(words[i].start, words[i].end));
    out += hit[i] ? `<mark>${word}</mark>` : word;
    pos = words[i].end;
  }
  out += escapeHtml(text.slice(pos, last + 1 < words.length ? pos : text.length).trimEnd());
  return out + (last + 1 < words.length ? " …" : "");
}

/** Ask Pagefind for the query as typed (it ranks the exact spelling first), and
 *  folded too when that differs and the typed query found fewer than a page of
 *  results: the folded words' index chunks cost bytes, and are only needed to
 *  reach pages that spell "d" where the reader typed "đ". */
async function find(pagefind, query) {
  const typed = query.normalize("NFC");
  const folded = fold(typed);
  const seen = new Set();
  const merged = [];
  const add = (answer) => {
    for (const result of answer?.results || []) {
      if (!seen.has(result.id)) { seen.add(result.id); merged.push(result); }
    }
  };
  add(await pagefind.search(typed));
  if (folded !== typed && merged.length < RERANK) add(await pagefind.search(folded));
  const results = await load(merged.slice(0, RERANK));
  return { total: merged.length, results: rerank(typed, results), rest: merged.slice(RERANK) };
}

/** Fetch the fragments of some of Pagefind's results (one request each). */
async function load(results) {
  const data = await Promise.all(results.map((r) => r.data()));
  return data.map((d) => ({ url: d.url, title: d.meta.title || "",
                            section: d.meta.section || "", isList: d.meta.list === "1",
                            text: pageText(d.content) }));
}

// ---------------------------------------------------------------- the box

function setup(form) {
  const input = form.querySelector("input[type=search]");
  const list = form.querySelector("[data-search-results] ol");
  const region = form.querySelector("[data-search-results]");
  const status = form.querySelector("[data-search-status]");
  const bundle = new URL(form.dataset.bundle, document.baseURI);
  let loading = null;
  let generation = 0;

  /** This language's Pagefind, imported once (a failed import is retried next time). */
  function engine() {
    if (!loading) {
      loading = import(new URL("pagefind.js", bundle).href).then(async (pagefind) => {
        await pagefind.init();
        return pagefind;
      });
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  function say(text) { status.textContent = text; }

  function count(n) {
    if (n === 0) return form.dataset.none;
    return (n === 1 ? form.dataset.one : form.dataset.other).replace("#", String(n));
  }

  // (An older page without the button still searches.)
  const more = region.querySelector("[data-search-more]") || document.createElement("button");
  let rest = [];
  let shownQuery = "";

  function append(query, results) {
    const added = [];
    for (const r of results) {
      const item = document.createElement("li");
      item.className = "nd-search__result";
      const link = document.createElement("a");
      // Pagefind gives paths from the server root, its bundle's folder included
      // ("/en/..." or "/prefix/en/..."), so any prefix works.
      link.href = r.url;
      link.className = "nd-search__link";
      link.innerHTML = `<span class="nd-search__section">${escapeHtml(r.section)}</span>`
        + `<span class="nd-search__title">${escapeHtml(r.title)}</span>`
        + `<span class="nd-search__excerpt">${excerpt(query, r.text)}</span>`;
      item.append(link);
      list.append(item);
      added.push(link);
    }
    more.hidden = rest.length === 0;
    return added;
  }

  function show(query, found) {
    list.replaceChildren();
    rest = found.rest;
    shownQuery = query;
    append(query, found.results);
    region.hidden = false;
    region.dataset.query = query;  // which query the list answers (tests wait on it)
    say(count(found.total));
  }

  more.addEventListener("click", async () => {
    const next = rest.slice(0, RERANK);
    rest = rest.slice(RERANK);
    const added = append(shownQuery, await load(next));
    if (added.length) added[0].focus();
  });

  async function run() {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      region.hidden = true;
      say("");
      return;
    }
    try {
      const found = await find(await engine(), query);
      if (mine === generation) show(query, found);
    } catch (error) {
      // Offline, or the bundle is missing: say so instead of showing nothing.
      say(form.dataset.error);
      throw error;
    }
  }

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });

  function links() { return [...list.querySelectorAll("a")]; }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });

  form.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (at >= 0 || !region.hidden) {
        region.hidden = true;
        input.focus();
      } else {
        form.dispatchEvent(new CustomEvent("search:close"));
      }
    }
  });

  input.addEventListener("focus", () => {
    if (list.children.length) region.hidden = false;
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target)) region.hidden = true;
  });

  engine().catch(() => {});  // start loading while the reader types; errors show on search
  if (input.value.trim()) run();
}

// (No document under Node, where the pure functions above can be tested too.)
const form = globalThis.document?.querySelector("[data-search]");
if (form && !form.dataset.ready) {
  form.dataset.ready = "1";
  setup(form);
}
