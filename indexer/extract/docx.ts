import mammoth from "mammoth";
import { FileRejectedError } from "../errors.ts";

/**
 * A DOCX has no fixed pages; its text is one page. Mammoth's raw text keeps
 * paragraphs as lines, which is what the understanding stage reads.
 */
export async function extractDocxPages(bytes: Uint8Array): Promise<string[]> {
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    return [result.value];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FileRejectedError(
      "damaged",
      `the Word document is damaged: ${message.replace(/\s+/g, " ").slice(0, 200)}`,
      {
        cause: error,
      },
    );
  }
}
