/**
 * The latest-request-wins rule, written once for every kind of request the widget makes.
 * Typing fires a request per pause, and answers can arrive in any order: only the newest
 * request of a kind may land.
 */

/** How the newest request ended. A request that was overtaken has no outcome at all. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export class LatestRequest {
  private controller: AbortController | null = null;

  /**
   * Aborts the previous request of this kind and starts `request`. Resolves to its outcome,
   * or to undefined when a newer request or `cancel()` overtook it.
   */
  async run<T>(request: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T> | undefined> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: await request(controller.signal) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    // Checked after the answer, not only trusted to the abort: a response that was already read
    // when its request was aborted still resolves.
    return controller.signal.aborted ? undefined : outcome;
  }

  /** Aborts the request under way, if any: nothing it answers will be used. */
  cancel(): void {
    this.controller?.abort();
  }
}
