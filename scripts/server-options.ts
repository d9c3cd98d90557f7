// The Node.js options `next start` runs with, wherever this project starts it (npm start, the e2e
// server, the bench), so that what is measured is what is served.
//
// A larger young generation: a page render allocates a few MB of short-lived objects (React's
// elements, the RSC payload, rows), and with V8's default semi-space (16 MB) the server spent
// 9-18 % of its time in scavenges at 100k devices. With 64 MB, back to back at 100k devices
// (600 requests at 10 connections, three rounds each): the devices table 47-50 -> 54-56 req/s, the
// share page 81-86 -> 88-95, the device page's app CPU 23.8 -> 22.8 ms a request. It costs up to
// ~200 MB more memory under load. An operator's own NODE_OPTIONS setting of it wins.
export const SEMI_SPACE_MB = 64;

export function serverNodeOptions(existing: string | undefined): string {
  const given = existing?.trim() ?? "";
  if (/--max-semi-space-size\b/.test(given)) return given;
  return `${given} --max-semi-space-size=${SEMI_SPACE_MB}`.trim();
}
