import type { RejectionCode } from "../errors.ts";

/**
 * The rejection code travels in front of a failed job's reason ("[damaged]
 * the file could not be read: ..."): BullMQ keeps one failure string per job,
 * and the code must arrive with it in the same write.
 */
export function encodeRejection(code: RejectionCode, message: string): string {
  return `[${code}] ${message}`;
}

export function decodeFailure(reason: string | undefined | null): { error: string; errorCode: string | null } {
  const text = reason || "failed";
  const match = /^\[([a-z_]+)\] (.*)$/s.exec(text);
  return match ? { error: match[2] as string, errorCode: match[1] as string } : { error: text, errorCode: null };
}
