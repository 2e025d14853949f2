import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { isFileRejected } from "../errors.ts";
import { admit } from "../pipeline.ts";
import { type IngestQueue, type JobState, jobIdFor } from "../queue/queue.ts";
import type { Runtime } from "../runtime.ts";
import { collectFiles } from "./files.ts";
import { ProgressBar } from "./progress.ts";

export interface IngestLine {
  file: string;
  id: string | null;
  status: "added" | "exists" | "failed";
  error?: string;
}

/**
 * `archive ingest PATH...`: admits every file (refusals are immediate), queues
 * the accepted ones and waits for each: in-process, or with REDIS_URL set
 * until `npm run worker` processes have done them. Returns the exit code: 0
 * unless a file failed.
 */
export async function runIngest(runtime: Runtime, paths: string[], json: boolean): Promise<number> {
  const { files, skipped, missing } = await collectFiles(paths);
  const progress = new ProgressBar(files.length);
  const lines: IngestLine[] = [];
  const report = (line: IngestLine) => {
    lines.push(line);
    if (json) process.stdout.write(`${JSON.stringify(line)}\n`);
    progress.tick(basename(line.file));
  };
  for (const path of missing) report({ file: path, id: null, status: "failed", error: "no such file or folder" });

  const waits: Promise<void>[] = [];
  for (const file of files) {
    try {
      const bytes = await readFile(file);
      const admission = await admit(runtime.pipeline, bytes, basename(file));
      if (admission.status === "exists") {
        report({ file, id: admission.id, status: "exists" });
        continue;
      }
      const job = await runtime.queue.enqueue({ sha256: admission.sha256, filename: basename(file) });
      waits.push(
        runtime.queue
          .waitFor(job.id)
          .then((state) => waitForOcr(runtime, admission.sha256, state))
          .then((state) =>
            report(
              state.status === "completed"
                ? { file, id: state.documentId, status: "added" }
                : { file, id: null, status: "failed", error: state.error ?? "failed" },
            ),
          ),
      );
    } catch (error) {
      const reason = isFileRejected(error) ? error.message : `could not be read: ${(error as Error).message}`;
      report({ file, id: null, status: "failed", error: reason });
    }
  }
  if (waits.length > 0) await warnWithoutWorkers(runtime.queue);
  await Promise.all(waits);
  progress.finish();
  if (!json) printSummary(lines, skipped);
  return lines.some((l) => l.status === "failed") ? 1 : 0;
}

/**
 * In-process, a scan's OCR job runs in this process too: the command waits for
 * it, or the scan would stay unread until the archive next starts. With
 * REDIS_URL the workers read it later; its text layer is searchable meanwhile.
 */
async function waitForOcr(runtime: Runtime, sha256: string, state: JobState): Promise<JobState> {
  if (runtime.config.redisUrl || state.status !== "completed") return state;
  const ocr = await runtime.queue.get(jobIdFor(sha256, "ocr"));
  if (ocr && ocr.status !== "completed" && ocr.status !== "failed") await runtime.queue.waitFor(ocr.id);
  return state;
}

/** With REDIS_URL, the files wait for workers; say so when none is running rather than seem to hang. */
async function warnWithoutWorkers(queue: IngestQueue): Promise<void> {
  if ((await queue.workerCount?.()) === 0) {
    process.stderr.write("archive: no worker is taking jobs from the queue yet; start one with `npm run worker`\n");
  }
}

function printSummary(lines: IngestLine[], skipped: Map<string, number>): void {
  const count = (status: IngestLine["status"]) => lines.filter((l) => l.status === status).length;
  const out = process.stdout;
  out.write(`added ${count("added")}, already there ${count("exists")}, failed ${count("failed")}\n`);
  for (const l of lines.filter((l) => l.status === "failed")) out.write(`  failed: ${l.file}: ${l.error}\n`);
  if (skipped.size > 0) {
    const list = [...skipped].map(([ext, n]) => `${n} ${ext}`).join(", ");
    out.write(`skipped files that are not records (PDF, DOCX, .txt): ${list}\n`);
  }
}
