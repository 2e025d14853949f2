import { spawn, spawnSync } from "node:child_process";
import { FileRejectedError } from "../errors.ts";

export interface PdftotextOptions {
  timeoutMs: number;
  /** Address-space limit of the child process. */
  maxMemoryMb: number;
  command?: string;
}

/** Whether poppler's `pdftotext` can be run here (Debian: poppler-utils). */
export function pdftotextAvailable(command = "pdftotext"): boolean {
  const probe = spawnSync(command, ["-v"], { stdio: "ignore", timeout: 5000 });
  return probe.error === undefined && probe.status === 0;
}

/**
 * Text per page through poppler's pdftotext: a separate process, 4–8× faster
 * than pdf.js here and better at word spacing. Pages come separated by form
 * feeds. The process is killed past the time limit and runs under a memory
 * limit, so a hostile PDF costs at most that.
 */
export function extractPdfWithPdftotext(bytes: Uint8Array, options: PdftotextOptions): Promise<string[]> {
  const command = options.command ?? "pdftotext";
  const limitKb = options.maxMemoryMb * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", `ulimit -v ${limitKb} && exec "$0" -enc UTF-8 - -`, command], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let err = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      if (err.length < 2000) err += chunk.toString("utf8");
    });
    child.stdin.on("error", () => undefined); // the child may exit before reading everything
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        const seconds = Math.round(options.timeoutMs / 1000);
        return reject(new FileRejectedError("timeout", `reading the file took longer than ${seconds} s`));
      }
      if (code === 0) {
        const pages = Buffer.concat(out).toString("utf8").split("\f");
        if (pages.length > 1 && pages.at(-1)?.trim() === "") pages.pop();
        return resolve(pages);
      }
      reject(classify(code, signal, err));
    });
    child.stdin.end(bytes);
  });
}

/** Signals that stop a process from outside (Ctrl-C, a service manager stopping the group): nothing to do with the file. */
const STOP_SIGNALS = new Set<NodeJS.Signals>(["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"]);

function classify(code: number | null, signal: NodeJS.Signals | null, stderr: string): Error {
  // Not a verdict on the file: a queue tries it again.
  if (signal && STOP_SIGNALS.has(signal)) return new Error(`pdftotext was stopped (${signal})`);
  if (/password|encrypt/i.test(stderr))
    return new FileRejectedError("encrypted", "the PDF is encrypted (password protected)");
  if (signal || /alloc|memory/i.test(stderr)) {
    return new FileRejectedError("too_complex", "reading the PDF needs more memory than allowed");
  }
  const reason = stderr.split("\n").find((l) => l.trim()) ?? `pdftotext exited with ${code}`;
  return new FileRejectedError("damaged", `the PDF is damaged: ${reason.trim().slice(0, 200)}`);
}
