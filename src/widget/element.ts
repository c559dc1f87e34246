/**
 * <news-search>: search-as-you-type over a Newsroom Search API, in a shadow root.
 * Input and results follow the WAI-ARIA combobox pattern (focus stays in the input and
 * aria-activedescendant points into the listbox); facets are ordinary checkboxes after it.
 * Nothing from the API is ever parsed as HTML: text goes into text nodes and attributes only.
 */
import {
  createClient,
  type DocType,
  type FacetValue,
  SearchApiError,
  type SearchClient,
  type SearchHit,
  type SearchParams,
  type SearchResponse,
  type Suggestion,
} from './client.js';
import { highlighted } from './highlight.js';
import { DEFAULT_STRINGS, fmt, parseStrings, type Strings } from './strings.js';
import { CSS } from './styles.js';
import { readState, writeState } from './url-state.js';

const ALL_TYPES: DocType[] = ['article', 'quote', 'entity'];
const DEBOUNCE_MS = 150;
const MAX_SUGGESTIONS = 6;

// The API lives where widget.js came from unless `endpoint` says otherwise; currentScript is
// only set while the script first runs, so it is read here.
const SCRIPT_ORIGIN = (() => {
  try {
    const src = (document.currentScript as HTMLScriptElement | null)?.src;
    return src ? new URL(src).origin : '';
  } catch {
    return '';
  }
})();

type Kid = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | null | undefined> = {},
  ...kids: Kid[]
) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v);
  // appendChild, not append: workers-types (in the same tsconfig) redeclares Element#append.
  for (const kid of kids)
    if (kid) el.appendChild(typeof kid === 'string' ? document.createTextNode(kid) : kid);
  return el;
}

const list = (s: string | null) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Only web links may be followed: an index can hold `javascript:` URLs. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

let sheet: CSSStyleSheet | null | undefined;

interface Option {
  el: HTMLElement;
  key: string;
  act: () => void;
}

export class NewsSearchElement extends HTMLElement {
  static observedAttributes = ['endpoint', 'types', 'facets', 'per-page', 'placeholder', 'strings', 'lang'];

  private client!: SearchClient;
  private types: DocType[] = ALL_TYPES;
  private facetNames: string[] = [];
  private perPage = 10;
  private s: Strings = DEFAULT_STRINGS;
  private extraStrings: Strings = {};

  private q = '';
  private type: DocType | '' = '';
  private filters: Record<string, string[]> = {};
  private filterLabels = new Map<string, string>();
  private res: SearchResponse | null = null;
  private hits: SearchHit[] = [];
  private suggestions: Suggestion[] = [];
  private error: SearchApiError | null = null;
  private options: Option[] = [];
  private active = -1;
  private open = false;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private ctrl: AbortController | null = null;
  private sseq = 0;
  private sctrl: AbortController | null = null;
  private noSuggest = false;
  private typing = false;
  private appending = false;

  private readonly root = h('div', { class: 'root', part: 'root' });
  private readonly input = h('input', {
    part: 'input',
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'ns-list',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
  });
  private readonly clearBtn = h('button', { class: 'x', part: 'clear', type: 'button', hidden: '' }, '×');
  private readonly status = h('div', { class: 'st', part: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly retryBtn = h('button', { class: 'retry', part: 'retry', type: 'button', hidden: '' });
  private readonly panel = h('div', { class: 'panel', part: 'panel', hidden: '' });
  private readonly tabs = h('div', { class: 'tabs', part: 'tabs', role: 'group' });
  private readonly facetsEl = h('div', { class: 'facets', part: 'facets', role: 'group', hidden: '' });
  private readonly listbox = h('div', { class: 'list', part: 'results', role: 'listbox', id: 'ns-list' });
  private readonly moreBtn = h('button', { class: 'more', part: 'more', type: 'button', hidden: '' });

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    if (sheet === undefined) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      } catch {
        sheet = null;
      }
    }
    // Constructed sheets also work under a CSP without 'unsafe-inline' styles.
    if (sheet) shadow.adoptedStyleSheets = [sheet];
    else shadow.append(h('style', {}, CSS));
    this.root.replaceChildren(
      h('div', { class: 'bar', part: 'search' }, this.input, this.clearBtn),
      this.status,
      this.retryBtn,
      h('div', {}, this.panel),
    );
    // Facets follow the results in the DOM, so narrow screens show results first; wide ones
    // move the facets to a left column with CSS order.
    this.panel.replaceChildren(
      this.tabs,
      h('div', { class: 'main' }, this.listbox, this.moreBtn),
      this.facetsEl,
    );
    shadow.append(this.root);

    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.clearBtn.addEventListener('click', () => {
      this.clear();
      this.input.focus();
    });
    this.retryBtn.addEventListener('click', () => void this.run(this.appending));
    this.moreBtn.addEventListener('click', () => void this.run(true));
    // Keeps focus (and so the combobox) in the input while an option is clicked.
    this.listbox.addEventListener('mousedown', (e) => e.preventDefault());
    this.listbox.addEventListener('click', (e) => {
      const el = (e.target as Element).closest('[role=option]');
      this.options.find((o) => o.el === el)?.act();
    });
    this.facetsEl.addEventListener('change', (e) => this.onFacet(e.target as HTMLInputElement));
  }

  connectedCallback() {
    this.configure();
    window.addEventListener('popstate', this.onPop);
    if (this.syncPrefix !== null) this.fromUrl();
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.onPop);
    clearTimeout(this.timer);
    this.ctrl?.abort();
    this.sctrl?.abort();
  }

  attributeChangedCallback() {
    if (!this.isConnected) return;
    this.configure();
    if (this.q.trim()) void this.run();
  }

  /** Overrides of the UI strings, merged over the `strings` attribute. */
  set strings(value: Strings) {
    this.extraStrings = { ...value };
    if (this.isConnected) this.configure();
  }
  get strings(): Strings {
    return this.s;
  }

  /** Runs a search as if typed (and committed). */
  search(q: string) {
    this.input.value = q;
    this.q = q;
    this.suggestions = [];
    this.open = true;
    this.commit();
  }

  clear() {
    this.input.value = '';
    this.q = '';
    this.typing = false;
    this.reset();
    this.toUrl('push');
  }

  private get syncPrefix(): string | null {
    const v = this.getAttribute('sync-url');
    return v === null ? null : v || 'ns-';
  }

  private configure() {
    this.s = { ...DEFAULT_STRINGS, ...parseStrings(this.getAttribute('strings')), ...this.extraStrings };
    const endpoint = this.getAttribute('endpoint') || SCRIPT_ORIGIN || location.origin;
    if (this.client?.endpoint !== endpoint.replace(/\/+$/, '')) {
      this.client = createClient(endpoint);
      this.noSuggest = false;
    }
    const types = list(this.getAttribute('types')).filter((t): t is DocType =>
      ALL_TYPES.includes(t as DocType),
    );
    this.types = types.length ? [...new Set(types)] : ALL_TYPES;
    if (this.type && !this.types.includes(this.type)) this.type = '';
    this.facetNames = list(this.getAttribute('facets'));
    const per = Number(this.getAttribute('per-page'));
    this.perPage = Number.isInteger(per) && per >= 1 ? Math.min(per, 100) : 10;

    this.input.placeholder = this.getAttribute('placeholder') ?? this.s.placeholder!;
    this.input.setAttribute('aria-label', this.s.label!);
    this.listbox.setAttribute('aria-label', this.s.label!);
    this.clearBtn.setAttribute('aria-label', this.s.clear!);
    this.retryBtn.textContent = this.s.retry!;
    this.moreBtn.textContent = this.s.more!;
    this.tabs.setAttribute('aria-label', this.s.types!);
    this.facetsEl.setAttribute('aria-label', this.s.filters!);
    this.renderTabs();
    this.render();
  }

  private onInput() {
    this.q = this.input.value;
    this.open = true;
    clearTimeout(this.timer);
    if (!this.q.trim()) {
      this.clear();
      return;
    }
    this.clearBtn.hidden = false;
    this.timer = setTimeout(() => {
      void this.run();
      void this.suggest();
      this.toUrl(this.typing ? 'replace' : 'push');
      this.typing = true;
    }, DEBOUNCE_MS);
  }

  private onKey(e: KeyboardEvent) {
    if (e.isComposing) return;
    const n = this.options.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!n) return;
        e.preventDefault();
        if (!this.open) {
          this.open = true;
          this.render();
        }
        // -1 (the input itself) is part of the cycle, as in most comboboxes.
        this.setActive(
          ((((this.active + 1 + (e.key === 'ArrowDown' ? 1 : -1)) % (n + 1)) + n + 1) % (n + 1)) - 1,
        );
        return;
      case 'Enter': {
        e.preventDefault();
        const option = this.open ? this.options[this.active] : undefined;
        if (option) option.act();
        else if (this.q.trim()) this.commit();
        return;
      }
      case 'Escape':
        if (this.open && (this.options.length || this.res || this.error)) {
          e.preventDefault();
          this.open = false;
          this.setActive(-1);
          this.render();
        } else if (this.input.value) {
          e.preventDefault();
          this.clear();
        }
        return;
    }
  }

  private onFacet(box: HTMLInputElement) {
    const facet = box.dataset.facet!;
    const value = box.value;
    const on = new Set(this.filters[facet] ?? []);
    if (box.checked) on.add(value);
    else on.delete(value);
    if (on.size) this.filters[facet] = [...on];
    else delete this.filters[facet];
    this.filterLabels.set(`${facet}\n${value}`, box.dataset.label ?? value);
    this.typing = false;
    this.toUrl('push');
    void this.run();
  }

  private readonly onPop = () => {
    if (this.syncPrefix !== null) this.fromUrl();
  };

  private fromUrl() {
    const state = readState(location.search, this.syncPrefix!, this.facetNames);
    this.input.value = this.q = state.q;
    this.type = this.types.includes(state.type as DocType) ? state.type : '';
    this.filters = state.filters;
    this.typing = false;
    this.renderTabs();
    if (state.q.trim()) {
      this.open = true;
      this.clearBtn.hidden = false;
      void this.run();
    } else this.reset();
  }

  private toUrl(mode: 'push' | 'replace') {
    const prefix = this.syncPrefix;
    if (prefix === null) return;
    const href = writeState(location.href, prefix, {
      q: this.q.trim(),
      type: this.type,
      filters: this.filters,
    });
    if (href === location.href) return;
    if (mode === 'push') history.pushState(null, '', href);
    else history.replaceState(history.state, '', href);
  }

  /** An explicit search (Enter, a suggestion, a tab): no debounce, and a new history entry. */
  private commit() {
    clearTimeout(this.timer);
    this.sctrl?.abort();
    this.sseq++;
    this.suggestions = [];
    this.clearBtn.hidden = !this.q;
    this.typing = false;
    this.toUrl('push');
    void this.run();
  }

  private reset() {
    clearTimeout(this.timer);
    this.ctrl?.abort();
    this.sctrl?.abort();
    this.seq++;
    this.sseq++;
    this.res = null;
    this.hits = [];
    this.suggestions = [];
    this.error = null;
    this.open = false;
    // The aborted request will not reach its own clean-up (it is no longer the newest).
    this.root.classList.remove('busy');
    this.listbox.removeAttribute('aria-busy');
    this.clearBtn.hidden = true;
    this.status.textContent = '';
    this.render();
  }

  private async run(append = false): Promise<void> {
    clearTimeout(this.timer);
    const q = this.q.trim();
    if (!q) return this.reset();
    // Each request gets a number and only the newest may render, even when an aborted
    // request's response is already on its way.
    const seq = ++this.seq;
    this.ctrl?.abort();
    const ctrl = (this.ctrl = new AbortController());
    this.appending = append;
    const params: SearchParams = {
      q,
      types: this.type ? [this.type] : this.types.length < ALL_TYPES.length ? this.types : [],
      limit: this.perPage,
      offset: append ? this.hits.length : 0,
      facets: this.facetNames,
      filters: this.filters,
    };
    this.root.classList.add('busy');
    this.listbox.setAttribute('aria-busy', 'true');
    try {
      const res = await this.client.search(params, { signal: ctrl.signal });
      if (seq !== this.seq) return;
      this.error = null;
      this.hits = append ? this.hits.concat(res.hits) : res.hits;
      this.res = res;
      if (!append) this.active = -1;
      this.render();
      this.announce();
      this.emit('results', { response: res, params });
    } catch (err) {
      if (seq !== this.seq || ctrl.signal.aborted) return;
      // An API that does not know a facet refuses the whole query: search on without facets.
      if (err instanceof SearchApiError && err.code === 'invalid_facet' && this.facetNames.length) {
        console.warn(`news-search: ${err.message}; facets disabled`);
        this.facetNames = [];
        return this.run(append);
      }
      this.error = err instanceof SearchApiError ? err : new SearchApiError('client_error', String(err), 0);
      this.render();
      this.status.textContent = fmt(this.s.error!, { message: this.error.message, code: this.error.code });
      this.emit('error', { error: this.error });
    } finally {
      if (seq === this.seq) {
        this.root.classList.remove('busy');
        this.listbox.removeAttribute('aria-busy');
      }
    }
  }

  private async suggest() {
    const q = this.q.trim();
    if (this.noSuggest || !q) return;
    const seq = ++this.sseq;
    this.sctrl?.abort();
    const ctrl = (this.sctrl = new AbortController());
    let next: Suggestion[] = [];
    try {
      next = (await this.client.suggest(q, { signal: ctrl.signal })).suggestions.slice(0, MAX_SUGGESTIONS);
    } catch (err) {
      // An API without /suggest is fine: the widget simply stops asking.
      if (err instanceof SearchApiError && (err.code === 'route_not_found' || err.status === 404))
        this.noSuggest = true;
    }
    if (seq !== this.sseq || ctrl.signal.aborted) return;
    this.suggestions = next;
    this.renderList();
  }

  private announce() {
    const res = this.res;
    if (!res) return;
    const q = res.query;
    let text: string;
    if (res.total === 0) {
      text = fmt(this.s.none!, { q });
      if (res.didYouMean) text += `. ${this.s.didYouMean} “${res.didYouMean}”?`;
    } else {
      // A phrase of very common words is checked on the best candidates only: the total is an estimate.
      text = res.approximate
        ? fmt(this.s.resultsAbout!, { n: res.total.toLocaleString(this.lang || undefined), q })
        : fmt(this.count(res.total, 'results'), { q });
      if (this.hits.length < res.total)
        text += ` · ${fmt(this.s.shown!, { shown: this.hits.length, n: res.total })}`;
    }
    this.status.textContent = text;
  }

  private emit(name: string, detail: unknown) {
    return this.dispatchEvent(
      new CustomEvent(`news-search:${name}`, { detail, bubbles: true, composed: true, cancelable: true }),
    );
  }

  private select(hit: SearchHit) {
    const url = safeUrl(hit.type === 'article' ? hit.url : hit.type === 'quote' ? hit.articleUrl : null);
    if (this.emit('select', { hit, url }) && url) location.assign(url);
  }

  private setActive(i: number) {
    const prev = this.options[this.active];
    if (prev) {
      prev.el.setAttribute('aria-selected', 'false');
      prev.el.setAttribute('part', prev.el.getAttribute('part')!.replace(' active', ''));
    }
    this.active = i;
    const cur = this.options[i];
    if (cur) {
      cur.el.setAttribute('aria-selected', 'true');
      cur.el.setAttribute('part', `${cur.el.getAttribute('part')} active`);
      this.input.setAttribute('aria-activedescendant', cur.el.id);
      cur.el.scrollIntoView?.({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private render() {
    const visible = this.open && !!(this.res || this.error || this.suggestions.length);
    this.panel.hidden = !visible;
    this.retryBtn.hidden = !this.error;
    this.status.classList.toggle('err', !!this.error);
    this.renderFacets();
    this.renderList();
    this.moreBtn.hidden = !this.res || this.error !== null || this.hits.length >= this.res.total;
  }

  private renderTabs() {
    this.tabs.hidden = this.types.length < 2;
    this.tabs.replaceChildren(
      ...(['', ...this.types] as Array<DocType | ''>).map((t) => {
        const b = h(
          'button',
          { class: 'tab', part: 'tab', type: 'button', 'aria-pressed': String(this.type === t) },
          t ? this.s[t] : this.s.all,
        );
        b.addEventListener('click', () => {
          this.type = t;
          this.renderTabs();
          (this.tabs.children[['', ...this.types].indexOf(t)] as HTMLElement).focus();
          this.typing = false;
          this.toUrl('push');
          void this.run();
        });
        return b;
      }),
    );
  }

  private renderFacets() {
    const facets = this.res?.facets;
    this.facetsEl.hidden =
      !facets || !this.facetNames.length || (!this.hits.length && !Object.keys(this.filters).length);
    if (!facets) return;
    // Re-rendering replaces the checkboxes, so keyboard focus is carried over by key.
    const focused = (this.shadowRoot!.activeElement as HTMLElement | null)?.dataset?.key;
    this.facetsEl.replaceChildren(
      ...this.facetNames.flatMap((name) => {
        const given = facets[name];
        const values: FacetValue[] = [...(given?.values ?? [])];
        const selected = this.filters[name] ?? [];
        const key = (v: FacetValue) => v.id ?? v.value;
        // Chosen values stay visible (and un-checkable) even when the counts leave them out.
        for (const v of selected) {
          if (!values.some((x) => key(x) === v))
            values.push({ value: v, count: 0, name: this.filterLabels.get(`${name}\n${v}`) ?? v });
        }
        if (!values.length) return [];
        const rows: Kid[] = [];
        for (const v of values) {
          const label = v.name ?? v.value;
          const box = h('input', {
            type: 'checkbox',
            part: 'facet-checkbox',
            'data-facet': name,
            'data-label': label,
            'data-key': `${name}\n${key(v)}`,
          });
          box.value = key(v);
          box.checked = selected.includes(key(v));
          rows.push(
            h(
              'label',
              { part: 'facet-value' },
              box,
              h('span', { class: 'n' }, label),
              h('span', { class: 'c', part: 'facet-count' }, v.count.toLocaleString(this.lang || undefined)),
            ),
          );
        }
        if (given?.other) rows.push(h('p', { class: 'ot' }, fmt(this.s.otherValues!, { n: given.other })));
        return h(
          'fieldset',
          { part: 'facet', 'data-facet': name },
          h('legend', {}, this.s[`facet_${name}`] ?? name),
          ...rows,
        );
      }),
    );
    if (focused) [...this.facetsEl.querySelectorAll('input')].find((b) => b.dataset.key === focused)?.focus();
  }

  private renderList() {
    const activeKey = this.options[this.active]?.key;
    const options: Option[] = [];
    const groups: HTMLElement[] = [];
    let gid = 0;
    const group = (title: string, items: Array<[string, HTMLElement, () => void]>) => {
      if (!items.length) return;
      const id = `g${gid++}`;
      const g = h(
        'div',
        { role: 'group', 'aria-labelledby': id, part: 'group' },
        h('div', { id, class: 'h', part: 'group-label', role: 'presentation' }, title),
      );
      for (const [key, el, act] of items) {
        el.id = `o${options.length}`;
        el.setAttribute('role', 'option');
        el.setAttribute('aria-selected', 'false');
        g.appendChild(el);
        options.push({ el, key, act });
      }
      groups.push(g);
    };

    const res = this.res;
    if (res?.didYouMean && res.total === 0) {
      const dym = res.didYouMean;
      group(this.s.didYouMean!, [
        [
          `d:${dym}`,
          h('div', { class: 'o sg', part: 'suggestion' }, h('span', { class: 't' }, dym)),
          () => this.search(dym),
        ],
      ]);
    }
    group(
      this.s.suggestions!,
      // A suggestion that only repeats the query would be an option that does nothing.
      this.suggestions
        .filter((sg) => sg.text.toLowerCase() !== this.q.trim().toLowerCase())
        .map((sg) => [
          `s:${sg.text}`,
          h(
            'div',
            { class: 'o sg', part: 'suggestion' },
            h('span', {}, sg.text),
            h(
              'span',
              { class: 'm' },
              sg.kind === 'entity' && sg.entityKind ? this.s[sg.entityKind] : this.s.term,
            ),
          ),
          () => this.search(sg.text),
        ]),
    );
    if (!this.error) {
      for (const type of this.types) {
        group(
          this.s[type]!,
          this.hits
            .filter((x) => x.type === type)
            .map((hit) => [`r:${hit.type}:${hit.id}`, this.renderHit(hit), () => this.select(hit)]),
        );
      }
    }
    this.listbox.replaceChildren(...groups);
    this.options = options;
    this.active = -1;
    const expanded = this.open && options.length > 0;
    this.listbox.hidden = !expanded;
    this.input.setAttribute('aria-expanded', String(expanded));
    this.setActive(activeKey ? options.findIndex((o) => o.key === activeKey) : -1);
  }

  private renderHit(hit: SearchHit): HTMLElement {
    const doc = document;
    const hl = hit.highlight;
    const meta = (...parts: Array<string | null | undefined>) =>
      h('span', { class: 'm', part: 'meta' }, parts.filter(Boolean).join(' · '));
    switch (hit.type) {
      case 'article':
        return h(
          'div',
          { class: 'o', part: 'result', 'data-type': 'article' },
          h('span', { class: 't', part: 'title' }, highlighted(doc, hit.title, hl, 'title')),
          meta(hit.publisher, this.date(hit.published), hit.section),
          hit.snippet &&
            h('span', { class: 's', part: 'snippet' }, highlighted(doc, hit.snippet, hl, 'snippet')),
        );
      case 'quote':
        return h(
          'div',
          { class: 'o', part: 'result', 'data-type': 'quote' },
          h('span', { class: 's', part: 'quote' }, highlighted(doc, hit.text, hl, 'text')),
          meta(
            hit.speaker ? fmt(this.s.quoteBy!, { speaker: hit.speaker }) : this.s.unattributed,
            hit.articleTitle,
            this.date(hit.published),
          ),
        );
      case 'entity':
        return h(
          'div',
          { class: 'o', part: 'result', 'data-type': 'entity' },
          h('span', { class: 't', part: 'title' }, highlighted(doc, hit.name, hl, 'name')),
          meta(
            this.s[hit.kind] ?? hit.kind,
            `${this.count(hit.mentionCount, 'mentions')} ${this.count(hit.articleCount, 'articles')}`,
            hit.aliases.slice(0, 3).join(', '),
          ),
        );
    }
  }

  /** `{key}One` for exactly one, `{key}` with {n} otherwise. */
  private count(n: number, key: string): string {
    return fmt((n === 1 && this.s[`${key}One`]) || this.s[key]!, {
      n: n.toLocaleString(this.lang || undefined),
    });
  }

  private date(value: string | null): string {
    if (!value) return '';
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const d = new Date(dateOnly ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(d.getTime())) return value;
    try {
      return new Intl.DateTimeFormat(this.lang || document.documentElement.lang || undefined, {
        dateStyle: 'medium',
        timeZone: dateOnly ? 'UTC' : undefined,
      }).format(d);
    } catch {
      return value;
    }
  }
}
