import { describe, expect, it } from "vitest";
import { FileRejectedError } from "../../indexer/errors.ts";
import { createTextExtractor, ExtractionPool, pdftotextAvailable } from "../../indexer/extract/index.ts";
import { extractPdfWithPdftotext } from "../../indexer/extract/pdftotext.ts";
import { understand } from "../../indexer/understand/index.ts";
import { buildDocx, buildPdf, cp1252, PROTOCOL_LINES } from "../helpers/files.ts";

describe("extraction in worker threads", () => {
  it("reads PDF pages, DOCX and Windows-1252 text", async () => {
    const pool = new ExtractionPool({ size: 2, timeoutMs: 60_000, maxMemoryMb: 512 });
    const extractor = createTextExtractor(pool);
    try {
      const pdf = await extractor.extract(
        await buildPdf([["Sida ett: förskoleklass"], ["Sida två: ärendet"]]),
        "a.pdf",
      );
      expect(pdf.format).toBe("pdf");
      expect(pdf.pages).toHaveLength(2);
      expect(pdf.pages[1]).toContain("Sida två: ärendet");
      const docx = await extractor.extract(await buildDocx(PROTOCOL_LINES), "a.docx");
      expect(docx.pages.join("\n")).toContain("§ 8 Uppföljning av klotterrelaterad skadegörelse");
      const text = await extractor.extract(cp1252("Beslut om gång- och cykelväg – Älvsjö\fSida 2"), "a.txt");
      expect(text.pages).toEqual(["Beslut om gång- och cykelväg – Älvsjö", "Sida 2"]);
    } finally {
      await pool.close();
    }
  });

  it("stops a parse that exceeds its time limit, refuses the file, and goes on serving", async () => {
    const slow = new ExtractionPool({ size: 1, timeoutMs: 1, maxMemoryMb: 512 });
    const error = await slow.extract("pdf", await buildPdf([PROTOCOL_LINES])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as FileRejectedError).code).toBe("timeout");
    await slow.close();

    const pool = new ExtractionPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 512 });
    try {
      const bad = await pool.extract("pdf", Buffer.from("%PDF-1.4\n garbage %%EOF")).catch((e: unknown) => e);
      expect((bad as FileRejectedError).code).toBe("damaged");
      // The same worker is still usable after a refusal.
      const pages = await pool.extract("pdf", await buildPdf([["Efter felet"]]));
      expect(pages[0]).toContain("Efter felet");
    } finally {
      await pool.close();
    }
  });
});

describe("understanding in worker threads", () => {
  it("gives the same record as on the main thread", async () => {
    const pool = new ExtractionPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 512 });
    try {
      const input = { pages: [PROTOCOL_LINES.join("\n")], filename: "protokoll.txt" };
      expect(await pool.understand(input)).toEqual(understand(input));
    } finally {
      await pool.close();
    }
  });

  it("stops understanding a pathological record at the time limit, and goes on serving", async () => {
    const pool = new ExtractionPool({ size: 1, timeoutMs: 300, maxMemoryMb: 512 });
    try {
      // One 5 MB line of words: seconds of work for the understanding stage.
      const huge = "Kommunstyrelsen beslutar enligt förslaget ".repeat(120_000);
      const error = await pool.understand({ pages: [huge], filename: "lång.txt" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileRejectedError);
      expect((error as FileRejectedError).code).toBe("timeout");
      expect((error as FileRejectedError).message).toMatch(/^understanding the record took longer than/);
      const pages = await pool.extract("text", Buffer.from("Protokoll\fSida 2"));
      expect(pages).toEqual(["Protokoll", "Sida 2"]);
    } finally {
      await pool.close();
    }
  });
});

describe("PDF text through poppler's pdftotext", () => {
  const options = { timeoutMs: 30_000, maxMemoryMb: 512 };

  it("is installed (npm test installs poppler-utils)", () => {
    expect(pdftotextAvailable()).toBe(true);
  });

  it("gives text per page, like pdf-parse", async () => {
    const pdf = await buildPdf([["Sida ett: förskoleklass"], ["Sida två: ärendet", "§ 12 Dnr KS 2019/318"]]);
    const pages = await extractPdfWithPdftotext(pdf, options);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain("§ 12 Dnr KS 2019/318");
    const pool = new ExtractionPool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 512 });
    try {
      const viaPdfjs = await pool.extract("pdf", pdf);
      expect(pages.map((p) => p.replace(/\s+/g, " ").trim())).toEqual(
        viaPdfjs.map((p) => p.replace(/\s+/g, " ").trim()),
      );
    } finally {
      await pool.close();
    }
  });

  it("refuses a damaged PDF with poppler's reason", async () => {
    const error = await extractPdfWithPdftotext(Buffer.from("%PDF-1.4\n1 0 obj garbage\n%%EOF"), options).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as FileRejectedError).code).toBe("damaged");
    expect((error as FileRejectedError).message).toMatch(/^the PDF is damaged: /);
  });
});
