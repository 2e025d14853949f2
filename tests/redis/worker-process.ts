import { type ChildProcess, spawn } from "node:child_process";
import { ROOT } from "../helpers/cli.ts";

export interface LogLine {
  msg: string;
  jobId?: string;
  worker?: string;
  [field: string]: unknown;
}

/** The slow worker: the real worker whose jobs wait TEST_JOB_DELAY_MS first, so a test can stop it mid-job. */
export const SLOW_WORKER = "tests/redis/fixtures/slow-worker.ts";

/**
 * `npm run worker` as a child process (node with tsx's loader, as the npm
 * script runs it, without npm between the test and the worker's pid), with
 * its JSON log lines collected for the test to read.
 */
export class WorkerProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly listeners = new Set<() => void>();
  private stderr = "";

  constructor(env: Record<string, string>, entry = "indexer/worker/main.ts") {
    this.child = spawn(process.execPath, ["--import", "tsx", entry], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let pending = "";
    this.child.stderr?.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      for (const part of parts) {
        try {
          this.lines.push(JSON.parse(part) as LogLine);
        } catch {
          this.stderr += `${part}\n`;
        }
      }
      for (const listener of this.listeners) listener();
    });
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  /** Its BullMQ worker name (host:pid), as stored on the jobs it took. */
  get name(): string {
    return String(this.lines.find((l) => l.msg === "worker ready")?.worker ?? "");
  }

  /** Lines that were not JSON: a crash's stack, for failure messages. */
  get otherOutput(): string {
    return this.stderr;
  }

  /** Resolves with the first log line that matches, waiting for it if need be. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = this.lines.find(match);
        if (!line) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no such log line within ${timeoutMs} ms; got:\n${this.dump()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  ready(): Promise<LogLine> {
    return this.waitForLog((l) => l.msg === "worker ready");
  }

  completed(): LogLine[] {
    return this.lines.filter((l) => l.msg === "job completed");
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Stops it if still running, the way an operator would. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    await this.exited;
  }

  dump(): string {
    return `${this.lines.map((l) => JSON.stringify(l)).join("\n")}\n${this.stderr}`;
  }
}
