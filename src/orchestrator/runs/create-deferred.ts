// A promise with its resolve function at hand; resolving twice keeps the first value.
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  readonly isResolved: boolean;
}

export function createDeferred<T>(): Deferred<T> {
  let resolvePromise: (value: T) => void = () => undefined;
  let isResolved = false;
  const promise = new Promise<T>((resolve) => {
    resolvePromise = resolve;
  });
  return {
    promise,
    resolve(value) {
      if (isResolved) return;
      isResolved = true;
      resolvePromise(value);
    },
    get isResolved() {
      return isResolved;
    },
  };
}
