import { spawn } from "node:child_process";
import { OcrTimeoutError } from "./ocr-engine.ts";

export interface LimitedProcessOptions {
  timeoutMs: number;
  /** Address-space limit of the child process. */
  maxMemoryMb: number;
  env?: NodeJS.ProcessEnv;
  /** Kills the process and rejects with the signal's reason (the archive closing). */
  signal?: AbortSignal;
}

/**
 * Runs a program as pdftotext runs (see ../extract/pdftotext.ts): under a
 * memory limit set by the shell it `exec`s into, so the child's pid is the
 * program's own and a SIGKILL past the time limit stops the work itself.
 */
export function runLimited(command: string, args: string[], options: LimitedProcessOptions): Promise<Buffer> {
  const limitKb = options.maxMemoryMb * 1024;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason);
    const child = spawn("/bin/sh", ["-c", `ulimit -v ${limitKb} && exec "$0" "$@"`, command, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: options.env ?? process.env,
    });
    const out: Buffer[] = [];
    let err = "";
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        child.kill("SIGKILL");
      },
      Math.max(1, options.timeoutMs),
    );
    const abort = () => child.kill("SIGKILL");
    options.signal?.addEventListener("abort", abort, { once: true });
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      if (err.length < 2000) err += chunk.toString("utf8");
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", abort);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", abort);
      if (options.signal?.aborted) return reject(options.signal.reason);
      if (timedOut) return reject(new OcrTimeoutError(command, options.timeoutMs));
      if (code === 0) return resolve(Buffer.concat(out));
      const reason = err.split("\n").find((l) => l.trim()) ?? `exited with ${signal ?? code}`;
      reject(new Error(`${command} failed: ${reason.trim().slice(0, 200)}`));
    });
  });
}
