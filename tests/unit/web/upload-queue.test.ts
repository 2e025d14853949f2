import { describe, expect, it } from "vitest";
import {
  createItems,
  duePolls,
  nextPollAt,
  reduce,
  tally,
  toStart,
  type UploadEvent,
  type UploadItem,
} from "../../../web/src/upload-queue.ts";
import { announcement, phaseText, sizeText, summaryText } from "../../../web/src/upload-texts.ts";

const NOW = 1_000_000;

function item(overrides: Partial<UploadItem> = {}): UploadItem {
  return { ...(createItems([{ name: "protokoll.pdf", size: 2000 }], 1)[0] as UploadItem), ...overrides };
}

function run(start: UploadItem, ...events: UploadEvent[]): UploadItem {
  return events.reduce(reduce, start);
}

const sent = (jobId = "ingest-1"): UploadEvent => ({
  type: "answer",
  answer: { status: "waiting", id: "abc", jobId, error: null },
  now: NOW,
});
const job = (status: "waiting" | "active" | "completed" | "failed", extra: object = {}): UploadEvent => ({
  type: "job",
  job: { status, documentId: null, error: null, errorCode: null, ...extra },
  now: NOW,
});

describe("one file's way from the disk to searchable", () => {
  it("goes queued → uploading → waiting → active → completed, with the document to open", () => {
    let file = item();
    expect(phaseText(file)).toBe("Väntar på att skickas");
    file = reduce(file, { type: "start" });
    file = reduce(file, { type: "progress", loaded: 500, total: 2000 });
    expect(file.phase).toBe("uploading");
    expect(phaseText(file)).toBe("Skickar … 25 %");
    file = reduce(file, sent());
    expect(file).toMatchObject({ phase: "waiting", jobId: "ingest-1", documentId: "abc", loaded: 2000 });
    expect(file.nextPollAt).toBeGreaterThan(NOW);
    file = reduce(file, job("active"));
    expect(phaseText(file)).toBe("Läses in …");
    const done = reduce(file, job("completed", { documentId: "abc" }));
    expect(done).toMatchObject({ phase: "completed", documentId: "abc", failure: null });
    expect(phaseText(done)).toBe("Sökbar nu");
    expect(announcement(file, done)).toBe("protokoll.pdf är sökbar nu.");
  });

  it("says a file already in the archive is there, with its document, and polls nothing", () => {
    const file = run(
      item(),
      { type: "start" },
      {
        type: "answer",
        answer: { status: "exists", id: "abc", jobId: null, error: null },
        now: NOW,
      },
    );
    expect(file).toMatchObject({ phase: "exists", documentId: "abc" });
    expect(phaseText(file)).toBe("Fanns redan i arkivet");
    expect(nextPollAt([file])).toBeNull();
  });

  it("explains a refused file in Swedish, keeps the server's message, and offers no pointless retry", () => {
    const file = run(
      item(),
      { type: "start" },
      {
        type: "answer",
        answer: {
          status: "failed",
          id: null,
          jobId: null,
          error: { code: "disguised", message: "the file is named .pdf but is HTML" },
        },
        now: NOW,
      },
    );
    expect(file.phase).toBe("failed");
    expect(file.failure).toMatchObject({
      code: "disguised",
      retryable: false,
      detail: "the file is named .pdf but is HTML",
    });
    expect(phaseText(file)).toMatch(/^Misslyckades: Filens innehåll stämmer inte med filnamnet/);
    expect(reduce(file, { type: "retry" })).toBe(file);
  });

  it("explains a file that could not be read by its rejection code, or in general terms without one", () => {
    const waiting = run(item(), { type: "start" }, sent());
    const timedOut = reduce(
      waiting,
      job("failed", { error: "reading the file took longer than 120 s", errorCode: "timeout" }),
    );
    expect(timedOut.failure).toMatchObject({ code: "timeout", detail: "reading the file took longer than 120 s" });
    expect(timedOut.failure?.reason).toMatch(/för lång tid/);
    const unknown = reduce(waiting, job("failed", { error: "disk full" }));
    expect(unknown.failure?.reason).toBe("Arkivet kunde inte läsa in filen.");
    expect(unknown.failure?.retryable).toBe(true);
    expect(announcement(waiting, unknown)).toBe(
      "protokoll.pdf kunde inte läggas in. Arkivet kunde inte läsa in filen.",
    );
  });

  it("asks for a token on 401 and 403, and lets the file be sent again", () => {
    for (const status of [401, 403]) {
      const failed = run(item(), { type: "start" }, { type: "requestFailed", status, code: "x", message: "token" });
      expect(failed.failure, String(status)).toMatchObject({ needsToken: true, retryable: true });
      const again = reduce(failed, { type: "retry" });
      expect(again).toMatchObject({ phase: "queued", failure: null, loaded: 0 });
    }
  });

  it("tells a lost connection, a full server and a too large file apart", () => {
    const fail = (status: number, code = "x") =>
      run(item(), { type: "start" }, { type: "requestFailed", status, code, message: "m" }).failure;
    expect(fail(0, "network")?.reason).toMatch(/Kunde inte nå arkivet/);
    expect(fail(0, "network")?.detail).toBeNull();
    expect(fail(503)?.reason).toMatch(/Något gick fel i arkivet/);
    expect(fail(413)).toMatchObject({ code: "too_large", retryable: false });
  });

  it("keeps polling through a failed poll, more slowly, but gives up on a job the server no longer knows", () => {
    const waiting = run(item(), { type: "start" }, sent());
    const retried = reduce(waiting, { type: "pollFailed", status: 0, now: NOW });
    expect(retried.phase).toBe("waiting");
    expect(retried.nextPollAt - NOW).toBeGreaterThanOrEqual(3000);
    const lost = reduce(waiting, { type: "pollFailed", status: 404, now: NOW });
    expect(lost.phase).toBe("failed");
    expect(lost.failure?.code).toBe("job_not_found");
  });

  it("polls quickly at first and calmer for a file that takes long", () => {
    let file = run(item(), { type: "start" }, sent());
    const gaps: number[] = [];
    for (let i = 0; i < 45; i++) {
      file = reduce(file, job("active"));
      gaps.push(file.nextPollAt - NOW);
    }
    expect(gaps[0]).toBe(1000);
    expect(gaps.at(-1)).toBe(5000);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
  });

  it("ignores late events for a finished file", () => {
    const done = run(item(), { type: "start" }, sent(), job("completed", { documentId: "abc" }));
    expect(reduce(done, job("active"))).toBe(done);
    expect(reduce(done, { type: "progress", loaded: 1, total: 2 })).toBe(done);
    expect(reduce(done, { type: "pollFailed", status: 0, now: NOW })).toBe(done);
  });
});

describe("a batch of files", () => {
  const files = Array.from({ length: 7 }, (_, i) => ({ name: `f${i}.pdf`, size: 100 }));

  it("sends three at a time, in the order they were added", () => {
    const items = createItems(files, 10);
    expect(items.map((i) => i.key)).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(toStart(items)).toEqual([10, 11, 12]);
    const sending = items.map((i, n) => (n < 2 ? reduce(i, { type: "start" }) : i));
    expect(toStart(sending)).toEqual([12]);
  });

  it("asks about a few due jobs at a time, the longest waiting first, never one already asked about", () => {
    const items = createItems(files, 1).map((i, n) =>
      run(
        i,
        { type: "start" },
        { type: "answer", answer: { status: "waiting", id: `d${n}`, jobId: `j${n}`, error: null }, now: NOW - n * 100 },
      ),
    );
    const later = NOW + 1000;
    expect(duePolls(items, later, new Set())).toEqual([7, 6, 5, 4]);
    expect(duePolls(items, later, new Set([7]))).toEqual([6, 5, 4]);
    expect(duePolls(items, NOW, new Set())).toEqual([]);
    expect(nextPollAt(items, new Set([7]))).toBe(NOW - 500 + 1000);
  });

  it("sums up the batch for the page and screen readers", () => {
    const [a, b, c] = createItems(files.slice(0, 3), 1) as [UploadItem, UploadItem, UploadItem];
    const done = run(
      a,
      { type: "start" },
      { type: "answer", answer: { status: "exists", id: "x", jobId: null, error: null }, now: NOW },
    );
    const failed = run(b, { type: "start" }, { type: "requestFailed", status: 0, code: "network", message: "" });
    expect(tally([done, failed, c])).toEqual({ total: 3, done: 1, failed: 1, pending: 1 });
    expect(summaryText(tally([done, failed, c]))).toBe("1 av 3 filer klara, 1 misslyckades, 1 pågår.");
    expect(summaryText(tally([done]))).toBe("1 av 1 fil klara.");
    expect(summaryText(tally([]))).toBe("Inga filer valda.");
  });

  it("announces only the steps a person waits for, never each percent", () => {
    const start = reduce(item(), { type: "start" });
    expect(announcement(item(), start)).toBeNull();
    expect(announcement(start, reduce(start, { type: "progress", loaded: 10, total: 2000 }))).toBeNull();
  });

  it("writes sizes the Swedish way", () => {
    expect(sizeText(512)).toBe("512 byte");
    expect(sizeText(840_000)).toBe("840 kB");
    expect(sizeText(12_400_000)).toBe("12 MB");
    expect(sizeText(1_250_000)).toBe("1,3 MB");
  });
});
