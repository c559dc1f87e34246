/**
 * The widget's state and everything it does with it, without any DOM: the query, type tab,
 * filters, results and suggestions (state.ts); the requests to the API, where only the newest
 * of a kind may land (latest.ts); the state in the page URL (url-state.ts). Renderers read
 * `state`, send the reader's intents back as method calls, and re-render when an event
 * (events.ts) says what changed.
 */
import { createClient, type DocType, SearchApiError, type SearchClient, type SearchHit } from './client.js';
import { DEFAULT_CONFIG, type WidgetConfig } from './config.js';
import { Emitter } from './events.js';
import { LatestRequest } from './latest.js';
import { hitUrl, initialState, type SearchState, searchParams } from './state.js';
import { loadState, saveState, type UrlHost } from './url-state.js';

const DEBOUNCE_MS = 150;
const MAX_SUGGESTIONS = 6;

export class SearchController extends Emitter {
  // Written here only: every change goes through a method, which emits what changed.
  private settings: WidgetConfig = DEFAULT_CONFIG;
  private readonly current: SearchState = initialState();
  private client: SearchClient | undefined;
  private readonly searches = new LatestRequest();
  private readonly suggests = new LatestRequest();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Cleared when /suggest is missing, so an API without it is asked once, not on every pause. */
  private suggestAvailable = true;
  /** Set once a burst of typing has its history entry: later pauses replace it, not add more. */
  private typingInHistory = false;
  /** Whether the last search was "More results", so that "Try again" repeats the same thing. */
  private lastSearchAppended = false;
  /** Names of chosen filter values (entity facets filter by id), for when the counts leave them out. */
  private readonly filterLabels = new Map<string, string>();
  /**
   * The facets and endpoint that the API refused (`invalid_facet`): a later change of some other
   * setting must not ask for them again; a change of either does.
   */
  private refusedFacets: string | null = null;

  constructor(
    private readonly url: UrlHost,
    private readonly fetcher?: typeof fetch,
  ) {
    super();
  }

  get config(): Readonly<WidgetConfig> {
    return this.settings;
  }

  get state(): Readonly<SearchState> {
    return this.current;
  }

  filterLabel(facet: string, value: string): string {
    return this.filterLabels.get(`${facet}\n${value}`) ?? value;
  }

  configure(config: WidgetConfig): void {
    if (this.client?.endpoint !== config.endpoint.replace(/\/+$/, '')) {
      this.client = createClient(config.endpoint, this.fetcher);
      this.suggestAvailable = true;
    }
    this.settings = config;
    this.current.facets = this.refusedFacets === facetsKey(config) ? [] : config.facets;
    if (this.current.type && !config.types.includes(this.current.type)) this.current.type = '';
    this.emit('config');
    this.emit('view');
  }

  /** The reader typed: search and suggest after a pause. */
  input(text: string): void {
    this.current.query = text;
    this.current.open = true;
    this.cancelTyping();
    if (!text.trim()) {
      this.clear();
      return;
    }
    this.emit('query');
    this.typingTimer = setTimeout(() => {
      this.typingTimer = undefined;
      void this.runSearch();
      void this.fetchSuggestions();
      this.saveToUrl(this.typingInHistory ? 'replace' : 'push');
      this.typingInHistory = true;
    }, DEBOUNCE_MS);
  }

  /** Searches for `text` as if typed and submitted (a suggestion, "did you mean", `el.search()`). */
  search(text: string): void {
    this.current.query = text;
    this.current.suggestions = [];
    this.current.open = true;
    this.emit('query');
    this.submit();
  }

  /** Enter with no option chosen: search now, without waiting for the pause. */
  searchNow(): void {
    if (this.current.query.trim()) this.submit();
  }

  clear(): void {
    this.current.query = '';
    this.typingInHistory = false;
    this.emit('query');
    this.reset();
    this.saveToUrl('push');
  }

  setOpen(open: boolean): void {
    this.current.open = open;
    this.emit('view');
  }

  setType(type: DocType | ''): void {
    this.flushTyping();
    this.current.type = type;
    this.emit('type');
    this.typingInHistory = false;
    this.saveToUrl('push');
    void this.runSearch();
  }

  /** `label` is what the reader saw, shown again if a later response leaves the value out. */
  setFilter(facet: string, value: string, on: boolean, label: string): void {
    this.flushTyping();
    const { filters } = this.current;
    const values = new Set(filters[facet] ?? []);
    if (on) values.add(value);
    else values.delete(value);
    if (values.size) filters[facet] = [...values];
    else delete filters[facet];
    this.filterLabels.set(`${facet}\n${value}`, label);
    this.typingInHistory = false;
    this.saveToUrl('push');
    void this.runSearch();
  }

  more(): void {
    // Text typed since the results came is a new query: its first page, not the old query's next.
    void this.runSearch(!this.flushTyping());
  }

  retry(): void {
    void this.runSearch(this.lastSearchAppended);
  }

  /** Runs the current search again, after the settings changed. */
  refresh(): void {
    if (this.current.query.trim()) void this.runSearch();
  }

  select(hit: SearchHit): void {
    this.emit('select', { hit, url: hitUrl(hit, this.url.href()) });
  }

  /** Takes the state from the page URL (on load, and on back/forward). */
  restoreFromUrl(): void {
    const saved = loadState(this.url, this.current.facets);
    if (!saved) return;
    this.current.query = saved.q;
    this.current.type = this.settings.types.includes(saved.type as DocType) ? saved.type : '';
    this.current.filters = saved.filters;
    this.typingInHistory = false;
    this.emit('query');
    this.emit('type');
    if (saved.q.trim()) {
      this.current.open = true;
      void this.runSearch();
    } else this.reset();
  }

  /** The element left the page: nothing may arrive later. */
  stop(): void {
    this.cancelTyping();
    this.searches.cancel();
    this.suggests.cancel();
    this.setLoading(false);
  }

  private setLoading(loading: boolean): void {
    this.current.loading = loading;
    this.emit('loading');
  }

  private saveToUrl(mode: 'push' | 'replace'): void {
    const { query, type, filters } = this.current;
    saveState(this.url, { q: query.trim(), type, filters }, mode);
  }

  /**
   * Does now what the pause after typing would have done but the search itself (suggestions, the
   * URL), for an action that searches at once. True when typing was pending.
   */
  private flushTyping(): boolean {
    if (this.typingTimer === undefined) return false;
    this.cancelTyping();
    void this.fetchSuggestions();
    this.saveToUrl(this.typingInHistory ? 'replace' : 'push');
    this.typingInHistory = true;
    return true;
  }

  private cancelTyping(): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
  }

  /** An explicit search: no pause, no suggestions for it, and a history entry of its own. */
  private submit(): void {
    this.cancelTyping();
    this.suggests.cancel();
    this.current.suggestions = [];
    this.typingInHistory = false;
    this.saveToUrl('push');
    void this.runSearch();
  }

  private reset(): void {
    this.cancelTyping();
    this.searches.cancel();
    this.suggests.cancel();
    Object.assign(this.current, { response: null, hits: [], suggestions: [], error: null, open: false });
    this.setLoading(false);
    this.emit('view');
  }

  private async runSearch(append = false): Promise<void> {
    this.cancelTyping();
    const state = this.current;
    if (!state.query.trim()) return this.reset();
    this.lastSearchAppended = append;
    const params = searchParams(state, this.settings, append);
    this.setLoading(true);
    // A missing client (a search before the element was on the page) fails like any request.
    const outcome = await this.searches.run((signal) => this.client!.search(params, { signal }));
    if (!outcome) return; // overtaken: the newer search (or the reset) owns the loading state
    if (outcome.ok) {
      const response = outcome.value;
      state.error = null;
      state.hits = append ? state.hits.concat(response.hits) : response.hits;
      state.response = response;
      this.emit('view', { newResults: !append });
      // The page's listeners get a copy: later filter changes must not rewrite what they were told.
      this.emit('results', { response, params: structuredClone(params) });
    } else {
      const err = outcome.error;
      // An API that does not know a facet refuses the whole query: search on without facets.
      if (err instanceof SearchApiError && err.code === 'invalid_facet' && state.facets.length) {
        console.warn(`news-search: ${err.message}; facets disabled`);
        state.facets = [];
        this.refusedFacets = facetsKey(this.settings);
        return this.runSearch(append);
      }
      state.error = err instanceof SearchApiError ? err : new SearchApiError('client_error', String(err), 0);
      this.emit('view');
      this.emit('error', { error: state.error });
    }
    this.setLoading(false);
  }

  private async fetchSuggestions(): Promise<void> {
    const q = this.current.query.trim();
    if (!this.suggestAvailable || !q) return;
    const outcome = await this.suggests.run((signal) =>
      this.client!.suggest(q, { signal }).catch((err: unknown) => {
        // An API without /suggest is fine: the widget simply stops asking.
        if (err instanceof SearchApiError && (err.code === 'route_not_found' || err.status === 404))
          this.suggestAvailable = false;
        throw err;
      }),
    );
    if (!outcome) return;
    // Suggestions are a convenience: a failure just shows none.
    this.current.suggestions = outcome.ok ? outcome.value.suggestions.slice(0, MAX_SUGGESTIONS) : [];
    this.emit('suggestions');
  }
}

/** Which facets were asked of which API: what `invalid_facet` refused. */
function facetsKey(config: WidgetConfig): string {
  return `${config.endpoint}\n${config.facets.join(',')}`;
}
