/**
 * Extraction worker thread: reads one file, or understands one file's pages,
 * at a time for the pool in pool.ts, so pdf.js and the understanding of a
 * huge record block this thread, never the server's.
 */
import { parentPort } from "node:worker_threads";
import { isFileRejected } from "../errors.ts";
import type { WorkerReply, WorkerRequest } from "./pool.ts";

const port = parentPort;
if (!port) throw new Error("worker.ts must run as a worker thread");

async function perform(request: WorkerRequest): Promise<unknown> {
  // Each part loads on first use: pdf.js alone takes a second to import.
  if (request.kind === "understand") {
    const { understand } = await import("../understand/index.ts");
    return understand({ pages: request.pages, filename: request.filename });
  }
  const bytes = new Uint8Array(request.bytes);
  if (request.format === "text") return (await import("./text.ts")).decodeText(bytes);
  if (request.format === "pdf") return (await import("./pdf.ts")).extractPdfPages(bytes);
  return (await import("./docx.ts")).extractDocxPages(bytes);
}

port.on("message", async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, value: await perform(request) };
  } catch (error) {
    reply = isFileRejected(error)
      ? { id: request.id, ok: false, code: error.code, message: error.message }
      : { id: request.id, ok: false, code: null, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
