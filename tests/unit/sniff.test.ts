import { describe, expect, it } from "vitest";
import { FileRejectedError } from "../../indexer/errors.ts";
import { sniffFormat } from "../../indexer/extract/sniff.ts";
import { buildDocx, buildPdf, PROTOCOL_LINES } from "../helpers/files.ts";

function refusal(bytes: Uint8Array, name: string): { code: string; message: string } {
  try {
    sniffFormat(bytes, name);
  } catch (error) {
    if (error instanceof FileRejectedError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`${name} was not refused`);
}

describe("sniffFormat", () => {
  it("recognises PDF, DOCX and text by their bytes", async () => {
    expect(sniffFormat(await buildPdf([PROTOCOL_LINES]), "a.pdf")).toBe("pdf");
    expect(sniffFormat(await buildDocx(PROTOCOL_LINES), "a.docx")).toBe("docx");
    expect(sniffFormat(Buffer.from("Protokoll\n§ 1 Val"), "a.txt")).toBe("text");
    // The name does not decide: a PDF without extension is still a PDF.
    expect(sniffFormat(await buildPdf([PROTOCOL_LINES]), "scan")).toBe("pdf");
  });

  it("refuses an empty file", () => {
    expect(refusal(new Uint8Array(), "a.pdf").code).toBe("empty");
  });

  it("refuses an HTML page named .pdf as a disguise", () => {
    const r = refusal(Buffer.from("<!DOCTYPE html><html><body>404</body></html>"), "protokoll.pdf");
    expect(r).toEqual({ code: "disguised", message: "the file is named .pdf but is an HTML page" });
  });

  it("refuses a Windows program named .docx", () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
    expect(refusal(exe, "beslut.docx").code).toBe("disguised");
    expect(refusal(exe, "program").code).toBe("unsupported_format");
  });

  it("refuses a file of two formats at once, but takes a PDF after a few stray bytes", async () => {
    const pdf = await buildPdf([PROTOCOL_LINES]);
    const html = Buffer.concat([Buffer.from("<html><!--"), pdf]);
    expect(refusal(html, "a.pdf")).toEqual({
      code: "disguised",
      message:
        "the file is named .pdf but is a markup (HTML or XML) document with a PDF inside (a file of two formats at once)",
    });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), pdf]);
    expect(refusal(zip, "a.pdf").message).toMatch(/a ZIP archive with a PDF inside/);
    expect(refusal(zip, "a").code).toBe("unsupported_format");
    // Mail gateways and old scanners leave a line before the header; readers accept it, and so do we.
    expect(sniffFormat(Buffer.concat([Buffer.from("\r\nX-Scanner: 1\r\n"), pdf]), "a.pdf")).toBe("pdf");
  });

  it("refuses a truncated PDF and an encrypted PDF before parsing", async () => {
    const pdf = await buildPdf([PROTOCOL_LINES]);
    expect(refusal(pdf.subarray(0, Math.floor(pdf.length / 2)), "a.pdf").code).toBe("damaged");
    const encrypted = await buildPdf([PROTOCOL_LINES], { userPassword: "hemligt" });
    expect(refusal(encrypted, "a.pdf").code).toBe("encrypted");
  });

  it("refuses a DOCX whose ZIP directory is cut off", async () => {
    const docx = await buildDocx(PROTOCOL_LINES);
    expect(refusal(docx.subarray(0, docx.length - 30), "a.docx").code).toBe("damaged");
  });

  it("refuses text files of other kinds than records", () => {
    expect(refusal(Buffer.from('{"a": 1}'), "data.json").code).toBe("unsupported_format");
  });
});
