/**
 * Load for `bench:search`, from a process of its own so the clients do not
 * share the server's event loop: N clients, each a closed loop over its
 * share of the query strings read from stdin (one JSON array).
 * Prints {times: number[], seconds} as JSON.
 *
 * Usage: tsx tools/bench/http-clients.ts PORT CLIENTS < queries.json
 */
import { text } from "node:stream/consumers";

const [port, clients] = process.argv.slice(2).map(Number) as [number, number];
const queries = JSON.parse(await text(process.stdin)) as string[];
const times: number[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: clients }, async (_, client) => {
    for (let i = client; i < queries.length; i += clients) {
      const params = new URLSearchParams({ q: queries[i] as string });
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/search?${params}`);
      if (!res.ok) throw new Error(`search ${queries[i]}: HTTP ${res.status}`);
      await res.json();
      times.push(performance.now() - t);
    }
  }),
);
process.stdout.write(JSON.stringify({ times, seconds: (performance.now() - started) / 1000 }));
