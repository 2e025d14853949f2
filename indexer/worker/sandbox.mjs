// The sandboxed processor's entry. BullMQ loads it in a worker thread, which
// inherits tsx's loader from some parents and not others (see ../threads.ts),
// so it registers tsx before loading the TypeScript processor.
import { register } from "tsx/esm/api";

register();
const { processIngestJob } = await import("./processor.ts");

export default processIngestJob;
