import { PDFParse } from "pdf-parse";
import { FileRejectedError } from "../errors.ts";

/**
 * Text of each page through pdf.js. It blocks its thread for the whole parse,
 * so callers run it in the extraction worker, never on the server's thread.
 */
export async function extractPdfPages(bytes: Uint8Array): Promise<string[]> {
  const parser = new PDFParse({ data: bytes, verbosity: 0 });
  try {
    const result = await parser.getText();
    return result.pages.map((p) => p.text);
  } catch (error) {
    throw classifyPdfError(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

function classifyPdfError(error: unknown): Error {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException" || /password/i.test(message)) {
    return new FileRejectedError("encrypted", "the PDF is encrypted (password protected)", { cause: error });
  }
  return new FileRejectedError("damaged", `the PDF is damaged: ${oneLine(message)}`, { cause: error });
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, " ").slice(0, 200);
}
