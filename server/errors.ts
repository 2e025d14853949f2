import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { isFileRejected } from "../indexer/errors.ts";
import { QueueUnavailableError } from "../indexer/queue/queue.ts";

/** An error meant for the client: a status, a stable code, a one-line message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} was not found`);

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, "not_found", `no such route: ${req.method} ${req.path}`));
};

/**
 * Turns every error into `{"error": {"code", "message"}}`. Unknown errors
 * are logged with their stack and answered with a bare 500: no stack trace
 * or internal path ever reaches a client.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    let status = 500;
    let code = "internal_error";
    let message = "something went wrong on the server";
    if (error instanceof AppError) {
      ({ status, code, message } = error);
    } else if (error instanceof QueueUnavailableError) {
      logger.warn({ err: error.cause, method: req.method, path: req.path }, "queue unreachable");
      ({ status, code, message } = { status: 503, code: "queue_unavailable", message: error.message });
    } else if (isFileRejected(error)) {
      status = error.code === "too_large" ? 413 : 422;
      code = error.code;
      message = error.message;
    } else if (typeof error?.status === "number" && error.status >= 400 && error.status < 500) {
      // body-parser and friends: malformed JSON, payload too large, ...
      status = error.status;
      code = typeof error.type === "string" ? error.type.replace(/\./g, "_") : "bad_request";
      message = error.expose && typeof error.message === "string" ? error.message : "the request could not be read";
    } else {
      logger.error({ err: error, method: req.method, path: req.path }, "request failed");
    }
    if (res.headersSent) return;
    res.status(status).json({ error: { code, message } });
  };
}
