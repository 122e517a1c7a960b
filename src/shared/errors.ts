// One error type with a code and a cause. Only the CLI entry maps these to exit codes;
// the server maps them to HTTP statuses; the client shows `message`.

export type DemystifyErrorCode =
  | 'BAD_INPUT'
  | 'UNKNOWN_DEMO'
  | 'DEPENDENCY_NOT_READY'
  | 'BINARY_MISSING'
  | 'BINARY_NOT_EXECUTABLE'
  | 'BINARY_WRONG_ARCH'
  | 'PORT_IN_USE'
  | 'SUDO_WOULD_PROMPT'
  | 'READY_TIMEOUT'
  | 'EXITED_BEFORE_READY'
  | 'NONZERO_EXIT'
  | 'CHECKSUM_MISMATCH'
  | 'DOWNLOAD_FAILED'
  | 'RECORDING_INVALID'
  | 'RECORDING_MISSING'
  /** A replay was asked while the demo runs live (stop it first). */
  | 'RUN_IN_PROGRESS'
  | 'DECK_INVALID'
  | 'INTERNAL';

export class DemystifyError extends Error {
  readonly code: DemystifyErrorCode;

  constructor(code: DemystifyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DemystifyError';
    this.code = code;
  }
}

export function isDemystifyError(value: unknown): value is DemystifyError {
  return value instanceof DemystifyError;
}
