/**
 * The latest-request-wins rule, written once for every kind of request the widget makes.
 * Typing fires a request per pause; answers can arrive in any order, and an aborted request's
 * answer may already be on its way. Only the newest request of a kind may land.
 */

/** How the newest request ended. A request that was overtaken has no outcome at all. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export class LatestRequest {
  // Aborting is not enough on its own: a response that was already read still resolves, so each
  // request also gets a number, and only the newest number may report.
  private generation = 0;
  private controller: AbortController | null = null;

  /**
   * Aborts the previous request of this kind and starts `request`. Resolves to its outcome,
   * or to undefined when a newer request, `cancel()`, or an abort overtook it.
   */
  async run<T>(request: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T> | undefined> {
    const generation = ++this.generation;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: await request(controller.signal) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    return generation === this.generation && !controller.signal.aborted ? outcome : undefined;
  }

  /** Aborts the request under way, if any, and makes sure nothing it answers is used. */
  cancel(): void {
    this.generation++;
    this.controller?.abort();
  }
}
