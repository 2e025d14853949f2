/**
 * Extraction worker thread: parses one file at a time for the pool in
 * pool.ts, so pdf.js can block this thread without stalling the server.
 */
import { parentPort } from "node:worker_threads";
import { isFileRejected } from "../errors.ts";
import type { WorkerReply, WorkerRequest } from "./pool.ts";

const port = parentPort;
if (!port) throw new Error("worker.ts must run as a worker thread");

port.on("message", async (request: WorkerRequest) => {
  const bytes = new Uint8Array(request.bytes);
  let reply: WorkerReply;
  try {
    // Each parser loads on first use: pdf.js alone takes a second to import.
    const pages =
      request.format === "pdf"
        ? await (await import("./pdf.ts")).extractPdfPages(bytes)
        : await (await import("./docx.ts")).extractDocxPages(bytes);
    reply = { id: request.id, ok: true, pages };
  } catch (error) {
    reply = isFileRejected(error)
      ? { id: request.id, ok: false, code: error.code, message: error.message }
      : { id: request.id, ok: false, code: null, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
