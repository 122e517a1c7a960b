// Polls a cheap synchronous condition until it holds or the deadline passes. Used where Linux
// gives no event to wait on (a process we did not spawn has gone, a port is free again).
export const CONDITION_POLL_MS = 50;

export async function waitForCondition(condition: () => boolean, timeoutMs: number, pollMs: number = CONDITION_POLL_MS, wakeOn?: Promise<unknown>): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  // `wakeOn` (an event that likely makes the condition true) cuts one pause short, once.
  let wake = wakeOn?.then(() => {
    wake = undefined;
  });
  for (;;) {
    if (condition()) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, Math.min(pollMs, left)))), ...(wake ? [wake] : [])]);
    clearTimeout(timer);
  }
}
