/**
 * <news-search>: the custom element. It reads its attributes into settings, builds the shadow
 * root from the renderers in render/, and connects them to one SearchController, which holds
 * the state and talks to the API. Nothing from the API is ever parsed as HTML.
 */
import { readConfig } from './config.js';
import { SearchController } from './controller.js';
import { h } from './render/dom.js';
import { renderFacets } from './render/facets.js';
import { handleKeys, renderInput } from './render/input.js';
import { renderMore } from './render/more.js';
import { renderResults } from './render/results.js';
import { renderStatus } from './render/status.js';
import { renderTabs } from './render/tabs.js';
import { panelVisible } from './state.js';
import type { Strings } from './strings.js';
import { CSS } from './styles.js';

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

let sheet: CSSStyleSheet | null | undefined;

export class NewsSearchElement extends HTMLElement {
  static observedAttributes = ['endpoint', 'types', 'facets', 'per-page', 'placeholder', 'strings', 'lang'];

  private readonly controller = new SearchController({
    href: () => location.href,
    // Read on each use: `sync-url` is not an observed attribute.
    prefix: () => {
      const prefix = this.getAttribute('sync-url');
      return prefix === null ? null : prefix || 'ns-';
    },
    push: (href) => history.pushState(null, '', href),
    replace: (href) => history.replaceState(history.state, '', href),
  });
  /** Overrides set through the `strings` property. */
  private stringOverrides: Strings = {};

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

    const controller = this.controller;
    const root = h('div', { class: 'root', part: 'root' });
    const bar = h('div', { class: 'bar', part: 'search' });
    const panel = h('div', { class: 'panel', part: 'panel', hidden: '' });
    const main = h('div', { class: 'main' });
    // Subscribed before the renderers: facets move focus back to a checkbox, which only works in a
    // panel already shown.
    const showPanel = () => {
      panel.hidden = !panelVisible(controller.state);
    };
    controller.on('view', showPanel);
    // Suggestions may come before the first results: they are reason enough to open the panel.
    controller.on('suggestions', showPanel);
    // Each renderer appends its elements to its container, so the order of calls is the order
    // in the DOM. Facets follow the results, so narrow screens show results first; wide ones
    // move the facets to a left column with CSS order.
    const input = renderInput(controller, bar);
    root.appendChild(bar);
    renderStatus(controller, root);
    root.appendChild(h('div', {}, panel));
    renderTabs(controller, panel);
    panel.appendChild(main);
    handleKeys(controller, input, renderResults(controller, main, input));
    renderMore(controller, main);
    renderFacets(controller, panel);
    shadow.append(root);

    // Subscribed after the renderers: the page's listeners see the widget already drawn.
    controller.on('results', (detail) => this.emit('results', detail));
    controller.on('error', (detail) => this.emit('error', detail));
    controller.on('select', (detail) => {
      if (this.emit('select', detail) && detail.url) location.assign(detail.url);
    });
  }

  connectedCallback() {
    this.configure();
    window.addEventListener('popstate', this.onPopState);
    this.controller.restoreFromUrl();
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.onPopState);
    this.controller.stop();
  }

  attributeChangedCallback() {
    if (!this.isConnected) return;
    this.configure();
    this.controller.refresh();
  }

  /** Overrides of the UI strings, merged over the `strings` attribute. */
  set strings(value: Strings) {
    this.stringOverrides = { ...value };
    if (this.isConnected) this.configure();
  }
  get strings(): Strings {
    return this.controller.config.strings;
  }

  /** Runs a search as if typed (and committed). */
  search(q: string) {
    this.controller.search(q);
  }

  clear() {
    this.controller.clear();
  }

  private readonly onPopState = () => this.controller.restoreFromUrl();

  private configure() {
    this.controller.configure(
      readConfig((name) => this.getAttribute(name), {
        defaultEndpoint: SCRIPT_ORIGIN || location.origin,
        strings: this.stringOverrides,
        // One locale for numbers and dates: the element's own, else the page's, else the browser's.
        lang: this.lang || document.documentElement.lang,
      }),
    );
  }

  /** Only `select` can be cancelled (the page then handles the navigation); the rest are news. */
  private emit(name: string, detail: unknown): boolean {
    return this.dispatchEvent(
      new CustomEvent(`news-search:${name}`, {
        detail,
        bubbles: true,
        composed: true,
        cancelable: name === 'select',
      }),
    );
  }
}
