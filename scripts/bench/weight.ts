// What a technician's phone downloads for the share page: the HTML and every stylesheet, font and script it
// references, in bytes as transferred (compressed when the server compresses) and, for scripts, as code.
import http from "node:http";
import zlib from "node:zlib";

export type WeightResults = {
  // everything fetched: HTML + CSS + fonts + JS, as transferred
  bytes: number;
  htmlBytes: number;
  htmlBytesUncompressed: number;
  cssBytes: number;
  fontBytes: number;
  // <script src> files as transferred, and uncompressed; plus the inline <script> text inside the HTML
  jsBytes: number;
  jsBytesUncompressed: number;
  jsFiles: number;
  inlineScriptBytes: number;
  encoding: string;
};

type Fetched = { transferred: number; body: Buffer; encoding: string; status: number };

// node:http rather than fetch, which decompresses and hides what went over the wire
function get(url: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "br, gzip", ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = String(response.headers["content-encoding"] ?? "identity");
          const body = encoding === "br" ? zlib.brotliDecompressSync(raw) : encoding === "gzip" ? zlib.gunzipSync(raw) : raw;
          resolve({ transferred: raw.length, body, encoding, status: response.statusCode ?? 0 });
        });
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

export async function measureShareWeight(options: { origin: string; path: string; expectText: string[] }): Promise<WeightResults> {
  // a client address of its own: the load run before this used up others' share-page allowance
  const page = await get(options.origin + options.path, { "x-forwarded-for": "192.0.2.99" });
  const html = page.body.toString("utf8");
  if (page.status !== 200) throw new Error(`the share page answered ${page.status}`);
  const missing = options.expectText.filter((text) => !html.includes(text));
  if (missing.length) throw new Error(`the share page does not show ${missing.join(", ")}`);

  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => attr(m[0], "src")).filter((s): s is string => !!s);
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
  const stylesheets = links.filter((l) => /rel="stylesheet"/.test(l)).map((l) => attr(l, "href")!);
  const fonts = links.filter((l) => /rel="preload"/.test(l) && /as="font"/.test(l)).map((l) => attr(l, "href")!);
  const scriptPreloads = links.filter((l) => /rel="(modulepreload|preload)"/.test(l) && /as="script"/.test(l)).map((l) => attr(l, "href")!);
  const inlineScriptBytes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[1] ?? ""),
    0,
  );

  const total = async (urls: string[]) => {
    let transferred = 0;
    let uncompressed = 0;
    for (const url of new Set(urls.map((u) => u.replace(/&amp;/g, "&")))) {
      const file = await get(new URL(url, options.origin).toString(), {});
      transferred += file.transferred;
      uncompressed += file.body.length;
    }
    return { transferred, uncompressed, files: new Set(urls).size };
  };
  const js = await total([...scripts, ...scriptPreloads]);
  const css = await total(stylesheets);
  const font = await total(fonts);
  return {
    bytes: page.transferred + css.transferred + font.transferred + js.transferred,
    htmlBytes: page.transferred,
    htmlBytesUncompressed: page.body.length,
    cssBytes: css.transferred,
    fontBytes: font.transferred,
    jsBytes: js.transferred,
    jsBytesUncompressed: js.uncompressed,
    jsFiles: js.files,
    inlineScriptBytes,
    encoding: page.encoding,
  };
}
