/**
 * Command line: `tsx tools/generate/cli.ts --seed 1 --count 60 --out DIR
 * [--formats pdf,docx,txt]`. Prints progress on a terminal and a summary.
 */

import { parseArgs } from "node:util";
import { generateCorpus } from "./index.ts";
import type { OutputFormat } from "./types.ts";

const USAGE = "usage: tsx tools/generate/cli.ts --seed N --count N --out DIR [--formats pdf,docx,txt]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: "string", default: "1" },
      count: { type: "string", default: "60" },
      out: { type: "string" },
      formats: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help || !values.out) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const seed = Number(values.seed);
  const count = Number(values.count);
  const formats = values.formats?.split(",").map((f) => f.trim()) as OutputFormat[] | undefined;
  if (
    !Number.isInteger(seed) ||
    !Number.isInteger(count) ||
    count < 1 ||
    formats?.some((f) => !["pdf", "docx", "txt"].includes(f))
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  const started = performance.now();
  const tty = process.stderr.isTTY;
  const { files } = await generateCorpus({
    seed,
    count,
    outDir: values.out,
    formats,
    onFile: (done) => {
      if (tty && (done % 50 === 0 || done === count)) process.stderr.write(`\r${done}/${count} files`);
    },
  });
  if (tty) process.stderr.write("\n");
  const byFormat = new Map<string, number>();
  for (const f of files) byFormat.set(f.format, (byFormat.get(f.format) ?? 0) + 1);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Generated ${files.length} records (seed ${seed}) in ${values.out} in ${seconds} s`);
  console.log(`  ${[...byFormat].map(([f, n]) => `${f}: ${n}`).join(", ")}; each with <file>.truth.json`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
