export { createOutputCoalescer, OUTPUT_FLUSH_BYTES, OUTPUT_BURST_INTERVAL_MS } from './create-output-coalescer.ts';
export type { OutputCoalescer, OutputCoalescerOptions } from './create-output-coalescer.ts';
export { createOutputTail, OUTPUT_LIMIT_BYTES } from './create-output-tail.ts';
export type { OutputTail } from './create-output-tail.ts';
export { stripTerminalCodes } from './strip-terminal-codes.ts';
