/**
 * A one-shot signal between the sides of a concurrency test: one side `await`s `latch.opened`,
 * the other calls `latch.open()` ("the completion has read", "let the held transaction commit"),
 * optionally with a value. Node 20 has no `Promise.withResolvers`.
 */
export interface Latch<T = void> {
  opened: Promise<T>;
  open: (value: T) => void;
}

export function latch<T = void>(): Latch<T> {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}
