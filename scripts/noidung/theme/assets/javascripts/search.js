// Search box over this language's index (written by noidung/search/index.py).
//
// Loaded only when the reader focuses the box (partials/search.html holds the
// few lines that import this module). For each query it fetches only the index
// buckets of the words typed (and of adjacent pairs, for phrases), ranks the
// pages there, and fetches the text of the ten results shown:
// - words are folded (fold, the twin of noidung/search/folding.py): "dinh" = "đình";
// - English words are stemmed (stemmer.js, the twin of noidung/search/stemmer.py);
// - all words must match (if no page has them all, pages with most of them come);
//   the last word, while it is being typed, matches the words it begins ("campai");
// - ranking: BM25 weights from the index (title and headings count more), the
//   query's adjacent words found as a phrase (in the title: more), the reader's
//   exact spelling (when the query has marks); pages that list other pages come
//   last, news posts after reference pages that match as well;
// - excerpts are cut from the page's text with the matched words in <mark>.

import { stem } from "./stemmer.js";

const MARKS = /\p{M}/gu;
const SPECIAL = { "đ": "d", "Đ": "D" };
// How many results are shown at once ("more results" shows the next ones).
const PAGE_SIZE = 10;
const EXCERPT_WORDS = 28;
// The word being typed is completed from the vocabulary files (index.py: PREFIX):
// by the COMPLETIONS most frequent terms that begin with it.
const PREFIX = 2;
const COMPLETIONS = 5;
// Score bonuses on top of BM25 (scaled to at most 1): see rank().
const PHRASE_BONUS = 2;
const TITLE_PHRASE_BONUS = 1;
const TITLE_WORDS_BONUS = 0.5;
const EXACT_BONUS = 2;  // more than BM25 and a title together: the reader's spelling first
const LIST_PENALTY = 0.75;
const POST_PENALTY = 0.25;
// Added at index time to a weight whose term is in the page's title or h1.
const TITLE_FLAG = 128;

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

/** The index term of a word (noidung/search/index.py: term_of): folded, English stemmed. */
export function termOf(token, lang) {
  return lang === "en" ? stem(token.folded) : token.folded;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The bucket of a term: crc32 of its UTF-8 bytes (Python's zlib.crc32) mod `buckets`. */
export function bucketOf(term, buckets) {
  let crc = 0xFFFFFFFF;
  for (const byte of new TextEncoder().encode(term)) {
    crc = CRC_TABLE[(crc ^ byte) & 0xFF] ^ (crc >>> 8);
  }
  return ((crc ^ 0xFFFFFFFF) >>> 0) % buckets;
}

/** The query's words as {exact, term}, and its adjacent pairs as terms ("gia dinh"). */
export function queryTerms(query, lang) {
  const words = tokens(query).map((t) => ({ exact: t.exact, folded: t.folded,
                                            term: termOf(t, lang) }));
  const pairs = [];
  for (let i = 1; i < words.length; i++) pairs.push(`${words[i - 1].term} ${words[i].term}`);
  return { words, pairs };
}

/** Postings of an index entry as Map(page -> weight). */
function postings(entry) {
  const map = new Map();
  if (!entry) return map;
  const flat = entry[0];
  for (let i = 0, page = 0; i < flat.length; i += 2) {
    page += flat[i];
    map.set(page, flat[i + 1]);
  }
  return map;
}

/** Pages on which an entry's term is spelt `exact`. */
function spelt(entry, exact) {
  const set = new Set();
  let page = 0;
  for (const gap of entry?.[1]?.[exact] || []) set.add(page += gap);
  return set;
}

/** Pages matching `query`, best first: [page numbers]. `entry(term)` gives a term's
 *  index entry (its bucket already loaded), `meta` is the index's meta.json. */
export function rank(query, meta, entry) {
  const { words, pairs } = queryTerms(query, meta.lang);
  const terms = [...new Set(words.map((w) => w.term))];
  if (!terms.length) return [];
  const lists = terms.map((t) => postings(entry(t)));
  const pairLists = [...new Set(pairs)].map((t) => postings(entry(t)));
  const idf = (list) => Math.log(1 + (meta.pages - list.size + 0.5) / (list.size + 0.5));
  // All words must match; if no page has them all, pages with most of them come.
  const matched = new Map();
  for (const list of lists) for (const page of list.keys()) {
    matched.set(page, (matched.get(page) || 0) + 1);
  }
  const most = Math.max(0, ...matched.values());
  const pages = [...matched.keys()].filter((p) => matched.get(p) === most);
  const weight = (list, page) => idf(list) * ((list.get(page) || 0) % TITLE_FLAG) / meta.scale;
  const inTitle = (list, page) => list.get(page) >= TITLE_FLAG;
  const bm25 = new Map(pages.map((p) => [p, lists.concat(pairLists)
    .reduce((sum, list) => sum + weight(list, p), 0)]));
  const top = Math.max(1e-9, ...bm25.values());
  // The reader's own spelling, for words typed otherwise than their term ("đình", "campaigns").
  const marked = words.filter((w) => w.exact !== w.term);
  const exact = marked.map((w) => spelt(entry(w.term), w.exact));
  const listPages = new Set(meta.lists || []);
  const posts = new Set(meta.posts || []);
  const score = new Map(pages.map((p) => {
    let s = bm25.get(p) / top;
    if (pairLists.length) {
      s += PHRASE_BONUS * pairLists.filter((l) => l.has(p)).length / pairLists.length;
    }
    if (pairLists.length && pairLists.every((l) => inTitle(l, p))) s += TITLE_PHRASE_BONUS;
    else if (lists.every((l) => inTitle(l, p))) s += TITLE_WORDS_BONUS;
    if (exact.length) s += EXACT_BONUS * exact.filter((set) => set.has(p)).length / exact.length;
    // Pages that list other pages come after them; news after the reference pages
    // (campaigns, modules) that match as well.
    if (listPages.has(p)) s -= LIST_PENALTY;
    if (posts.has(p)) s -= POST_PENALTY;
    return [p, s];
  }));
  return pages.sort((a, b) => score.get(b) - score.get(a) || a - b);
}

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt",
    '"': "quot", "'": "#39" }[c]};`);
}

/** An excerpt of `text` around the best match, matched words in <mark> (original spelling). */
export function excerpt(query, text, lang = "vi", length = EXCERPT_WORDS) {
  const q = new Set(tokens(query).map((t) => termOf(t, lang)));
  const words = tokens(text);
  if (!words.length) return "";
  const hit = words.map((w) => q.has(termOf(w, lang)));
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

/** This language's index, read lazily: meta.json once, then buckets and pages as needed. */
class Index {
  constructor(base) {
    this.base = base;  // the URL of the index folder (…/search/)
    this.meta = null;
    this.buckets = new Map();  // files of this build by path: buckets, vocabularies
    this.pages = new Map();
  }

  async json(url, options) {
    const response = await fetch(url, options);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  async open() {
    // Revalidated every time: it names this build's folder, whose files never change.
    if (!this.meta) this.meta = await this.json(new URL("meta.json", this.base), { cache: "no-cache" });
    return this;
  }

  file(path) { return new URL(`${this.meta.dir}/${path}`, this.base); }

  /** A file of this build, fetched once (a failure is retried next time). */
  async cached(path) {
    if (!this.buckets.has(path)) {
      const loading = this.json(this.file(path));
      this.buckets.set(path, loading);
      loading.catch(() => this.buckets.delete(path));
    }
    return this.buckets.get(path);
  }

  async entry(term) {
    return (await this.cached(`b/${bucketOf(term, this.meta.buckets)}.json`))[term];
  }

  /** Pages matching `query`, best first (only the buckets of its terms are fetched). */
  async search(query) {
    const { words, pairs } = queryTerms(query, this.meta.lang);
    const terms = [...new Set([...words.map((w) => w.term), ...pairs])];
    const loaded = new Map(await Promise.all(terms.map(async (t) => [t, await this.entry(t)])));
    // The last word, still being typed (no space after it), when it is no word of the site.
    const last = words[words.length - 1];
    if (last && !loaded.get(last.term) && !/\s$/.test(query) && last.folded.length >= PREFIX) {
      loaded.set(last.term, await this.completed(last.folded));
    }
    return rank(query, this.meta, (t) => loaded.get(t));
  }

  /** An index entry for the terms that begin with `prefix` (the most frequent few):
   *  each page once, with its best weight. */
  async completed(prefix) {
    if (!this.meta.vocabularies) return undefined;
    const head = prefix.slice(0, PREFIX);
    const file = await this.cached(`v/${bucketOf(head, this.meta.vocabularies)}.json`);
    const counts = file[head] || {};
    const terms = Object.keys(counts).filter((t) => t.startsWith(prefix))
      .sort((a, b) => counts[b] - counts[a]).slice(0, COMPLETIONS);
    const best = new Map();
    for (const entry of await Promise.all(terms.map((t) => this.entry(t)))) {
      for (const [page, weight] of postings(entry)) {
        best.set(page, Math.max(best.get(page) || 0, weight));
      }
    }
    if (!best.size) return undefined;
    const flat = [];
    let previous = 0;
    for (const page of [...best.keys()].sort((a, b) => a - b)) {
      flat.push(page - previous, best.get(page));
      previous = page;
    }
    return [flat];
  }

  /** The shown results: [{url, title, section, text}] (one small file each). */
  async load(pages) {
    const root = new URL("../", this.base);  // the language's root: URLs are relative to it
    return Promise.all(pages.map(async (n) => {
      if (!this.pages.has(n)) {
        const loading = this.json(this.file(`p/${n}.json`));
        this.pages.set(n, loading);
        loading.catch(() => this.pages.delete(n));
      }
      const d = await this.pages.get(n);
      return { url: new URL(d.u, root).href, title: d.t, section: d.s, text: d.x };
    }));
  }
}

/** Search `index` for `query`: the first results loaded, the rest as page numbers. */
async function find(index, query) {
  const found = await index.search(query.normalize("NFC"));
  return { total: found.length, results: await index.load(found.slice(0, PAGE_SIZE)),
           rest: found.slice(PAGE_SIZE) };
}

// ---------------------------------------------------------------- the box

/** Shortest query for which "nothing here" offers the other language's search. */
const ELSEWHERE_MIN = 3;

function setup(form) {
  const input = form.querySelector("input[type=search]");
  const list = form.querySelector("[data-search-results] ol");
  const region = form.querySelector("[data-search-results]");
  const status = form.querySelector("[data-search-status]");
  const index = new Index(new URL(form.dataset.index, document.baseURI));
  let loading = null;
  let generation = 0;

  /** This language's index, opened once (a failure is retried next time). */
  function engine() {
    if (!loading) {
      loading = index.open();
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
      // Absolute, from the index folder's own URL: any prefix works.
      link.href = r.url;
      link.className = "nd-search__link";
      link.innerHTML = `<span class="nd-search__section">${escapeHtml(r.section)}</span>`
        + `<span class="nd-search__title">${escapeHtml(r.title)}</span>`
        + `<span class="nd-search__excerpt">${excerpt(query, r.text, index.meta.lang)}</span>`;
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
    if (found.total === 0 && form.dataset.elsewhere && query.length >= ELSEWHERE_MIN) {
      // Nothing here: perhaps the words are the other language's. Offer its search
      // (not for the first letter or two of a word still being typed).
      const url = new URL(form.dataset.elsewhere, document.baseURI);
      url.search = new URLSearchParams({ q: query }).toString();
      const link = document.createElement("a");
      link.href = url.href;
      link.textContent = form.dataset.elsewhereLabel;
      link.dataset.searchElsewhere = "";
      status.append(" · ", link);
    }
  }

  more.addEventListener("click", async () => {
    const next = rest.slice(0, PAGE_SIZE);
    rest = rest.slice(PAGE_SIZE);
    const added = append(shownQuery, await index.load(next));
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
      // Offline, or the index is missing: say so instead of showing nothing.
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
