/**
 * The element at index i of a list whose bounds the caller has checked (a loop bound, a length
 * test, a span [s, e) inside the tokens). With noUncheckedIndexedAccess every index read is
 * `T | undefined`; nth says the read is in range and stops with a RangeError if it is not,
 * where `list[i]!` would hand undefined on to fail later, somewhere else. Small enough for V8 to
 * inline in the tokenisers' and rules' loops.
 */
export function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new RangeError(`index ${i} outside a list of ${list.length}`);
  return item;
}
