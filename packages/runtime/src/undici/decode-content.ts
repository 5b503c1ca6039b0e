import * as zlib from "node:zlib";

type Decoder = (bytes: Buffer, options: { maxOutputLength: number }) => Buffer;

/** The codings fetch decodes, by name (RFC 9110 §8.4.1; `x-gzip` is gzip). */
const DECODERS: Readonly<Record<string, Decoder | undefined>> = {
  gzip: zlib.gunzipSync,
  "x-gzip": zlib.gunzipSync,
  // What servers send as `deflate` is the zlib format, and sometimes raw deflate: fetch takes both, telling them
  // apart by the zlib header (RFC 1950: method 8, and the first two bytes a multiple of 31).
  deflate: (bytes, options) =>
    bytes.byteLength >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0
      ? zlib.inflateSync(bytes, options)
      : zlib.inflateRawSync(bytes, options),
  br: zlib.brotliDecompressSync,
  ...((zlib as { zstdDecompressSync?: Decoder }).zstdDecompressSync
    ? { zstd: (zlib as { zstdDecompressSync: Decoder }).zstdDecompressSync }
    : {}),
};

/**
 * The most codings one answer may name, as fetch allows: each is undone at once, in full, so a few hundred layers of
 * gzip would hold the thread for seconds, past any timeout.
 */
const MAX_CODINGS = 5;

/**
 * The body as fetch gives it: undone from the codings `Content-Encoding` names, last applied first, never to more
 * than `limit` bytes (`undefined` past it). The transport asks for no coding, but a server may send one all the same;
 * a coding fetch does not know is left as it is, as fetch leaves it.
 * @throws Error when the bytes are not what the coding says (a cut-off or corrupt stream), or name more than
 * {@link MAX_CODINGS} codings.
 */
export function decodeContent(bytes: Buffer, contentEncoding: string | null, limit: number): Buffer | undefined {
  if (contentEncoding === null || bytes.byteLength === 0) return bytes;
  const codings = contentEncoding
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  if (codings.length > MAX_CODINGS)
    throw new Error(`the answer names ${codings.length} content codings, more than the ${MAX_CODINGS} fetch takes`);
  let decoded = bytes;
  for (const coding of codings.reverse()) {
    const decoder = DECODERS[coding];
    if (decoder === undefined) return decoded;
    try {
      decoded = decoder(decoded, { maxOutputLength: limit });
    } catch (error) {
      if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") return undefined;
      throw error;
    }
    if (decoded.byteLength > limit) return undefined;
  }
  return decoded;
}
