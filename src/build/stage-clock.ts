/** Seconds spent in each stage of a build, in order: `build-index --timings` prints them. */
export class StageClock {
  private last = performance.now();
  readonly stages: Array<[string, number]> = [];

  /** Ends the stage running since the previous lap (or since the clock started). */
  lap(name: string): void {
    const now = performance.now();
    this.stages.push([name, (now - this.last) / 1000]);
    this.last = now;
  }
}
