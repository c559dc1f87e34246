/**
 * What the controller tells its renderers and its element. Events say what changed; the
 * renderers then read the controller's state, so a renderer never depends on the order in
 * which the others draw.
 */
import type { SearchApiError, SearchHit, SearchParams, SearchResponse } from './client.js';

export interface ControllerEvents {
  /** The settings changed: labels, tabs and everything else are redrawn. */
  config: undefined;
  /** The query text changed (typed, chosen, cleared or restored from the URL). */
  query: undefined;
  /** The type tab changed. */
  type: undefined;
  /**
   * Results, error, filters or the open state changed: everything shown below the box.
   * `newResults`: a search replaced the results (not "More results"), so no option stays active.
   */
  view: { newResults: boolean } | undefined;
  /** Only the suggestions changed. */
  suggestions: undefined;
  /** A search started, ended, or was dropped: `state.loading` says which. */
  loading: undefined;
  /** A search answered; `view` has already been emitted. */
  results: { response: SearchResponse; params: SearchParams };
  /** A search failed; `view` has already been emitted. */
  error: { error: SearchApiError };
  /** The reader chose a result; `url` is the safe link to follow, if any. */
  select: { hit: SearchHit; url: string | null };
}

type Name = keyof ControllerEvents;
type Listener<K extends Name> = (detail: ControllerEvents[K]) => void;
/** Events without a detail are emitted without an argument. */
type DetailArgs<K extends Name> = undefined extends ControllerEvents[K]
  ? [detail?: ControllerEvents[K]]
  : [detail: ControllerEvents[K]];

export class Emitter {
  private readonly listeners: { [K in Name]?: Array<Listener<K>> } = {};

  /** Listeners run synchronously, in the order they were added. */
  on<K extends Name>(name: K, listener: Listener<K>): void {
    ((this.listeners[name] ??= []) as Array<Listener<K>>).push(listener);
  }

  protected emit<K extends Name>(name: K, ...[detail]: DetailArgs<K>): void {
    for (const listener of this.listeners[name] ?? [])
      (listener as Listener<K>)(detail as ControllerEvents[K]);
  }
}
