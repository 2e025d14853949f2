import { ConfigError, loadConfig } from "../indexer/config.ts";
import { serve } from "./serve.ts";

serve(loadConfig()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
