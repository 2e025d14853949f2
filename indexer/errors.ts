/**
 * Why a file was refused. Stable codes travel to the CLI, the API and the UI;
 * the message is one line a person can act on.
 */
export type RejectionCode =
  | "empty"
  | "too_large"
  | "unsupported_format"
  | "disguised"
  | "damaged"
  | "encrypted"
  | "too_complex"
  | "timeout";

/**
 * A file the archive will not take. It is a permanent verdict on these bytes:
 * retrying cannot help, so queues must not retry it.
 */
export class FileRejectedError extends Error {
  readonly code: RejectionCode;

  constructor(code: RejectionCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FileRejectedError";
    this.code = code;
  }
}

export function isFileRejected(error: unknown): error is FileRejectedError {
  return error instanceof FileRejectedError;
}
