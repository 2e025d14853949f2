import { Document, Packer, Paragraph } from "docx";
import PDFDocument from "pdfkit";

/** A real PDF with one page per array entry, each page's lines as text. */
export function buildPdf(pages: string[][], options: { userPassword?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      ...(options.userPassword ? { userPassword: options.userPassword } : {}),
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    for (const lines of pages) {
      doc.addPage();
      for (const line of lines) doc.text(line);
    }
    doc.end();
  });
}

/** A real DOCX with one Word paragraph per line. */
export function buildDocx(lines: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] });
  return Packer.toBuffer(doc);
}

/** Windows-1252 bytes of a Swedish text (only the characters we use). */
export function cp1252(text: string): Buffer {
  const map: Record<string, number> = {
    å: 0xe5,
    ä: 0xe4,
    ö: 0xf6,
    Å: 0xc5,
    Ä: 0xc4,
    Ö: 0xd6,
    é: 0xe9,
    "–": 0x96,
    "§": 0xa7,
  };
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

export const PROTOCOL_LINES = [
  "Protokoll",
  "Kommunstyrelsen",
  "Sammanträdesdatum 2020-02-20",
  "§ 8 Uppföljning av klotterrelaterad skadegörelse",
  "Dnr KS-2020/42.142",
  "Kommunstyrelsens beslut",
  "Uppföljningen godkänns enligt bilaga 1 till kommunstyrelsens tjänsteutlåtande daterat den 6 februari 2020.",
  "I ärendet yttrar sig Anna Berg (S) och Frida Ryberg, säkerhetschef.",
  "§ 9 Budgetuppföljning för förskoleverksamheten",
  "Dnr KS-2020/87.141",
  "Kommunstyrelsens beslut",
  "Nämnden godkänner budgetuppföljningen.",
];
