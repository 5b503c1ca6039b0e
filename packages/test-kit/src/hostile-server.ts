// What every certkit client must do against a hostile server, written once for the runtime's own example client and
// for each provider package's tests. It uses real HTTP servers on loopback and nothing from the runtime's source, so
// it runs the same against any client built on the published package.
import { describe, expect, it } from "vitest";
import { expectNoSecret, failureOf } from "./failures.js";
import { startLoopbackServer, type LoopbackServer } from "./loopback-server.js";

/** The options a hostile-server suite gives a client besides where to send. */
export interface ConformanceOptions {
  maxResponseBytes?: number;
  retry?: false;
  onEvent?: (event: unknown) => void;
}

/** One client under test: how to make it, and one read and one write through it. */
export interface ConformanceTarget<Client = never> {
  /** The provider package's name, e.g. `"ionos-ssl"`. */
  provider: string;
  /** The credential the client is made with: it must never reach another origin or any rendering of a failure. */
  secret: string;
  makeClient: (baseUrl: string, options: ConformanceOptions) => Client;
  /** A GET of one object; resolves to what the caller gets, rejects with what is thrown. */
  read: (client: Client) => Promise<unknown>;
  /** A write (POST or PUT) that creates or changes something. */
  write: (client: Client) => Promise<unknown>;
}

const REDIRECTS = [301, 302, 303, 307, 308] as const;

/**
 * Redirects are refused: for each 3xx and for a read and a write, a server answers with a redirect to a second
 * server, which must receive nothing; the call fails with `PROVIDER`, naming the status and the second server's origin.
 */
export function describeRedirectRefusal<Client>(target: ConformanceTarget<Client>): void {
  describe(`${target.provider}: redirects are never followed`, () => {
    for (const status of REDIRECTS) {
      for (const kind of ["read", "write"] as const) {
        it(`HTTP ${status} to a ${kind}`, async () => {
          const elsewhere = await startLoopbackServer((_, response) =>
            response.writeHead(200, { "Content-Type": "application/json" }).end("{}"),
          );
          const api = await startLoopbackServer((_, response) =>
            response
              .writeHead(status, { Location: `${elsewhere.url}/taken?echo=${encodeURIComponent(target.secret)}` })
              .end(),
          );
          try {
            const events: unknown[] = [];
            const client = target.makeClient(`${api.url}/api`, { onEvent: (event) => events.push(event) });
            const error = await failureOf(target[kind](client));
            expect(elsewhere.requests).toEqual([]);
            expect(api.requests).toHaveLength(1);
            expect(error).toMatchObject({
              name: "CertkitError",
              code: "PROVIDER",
              provider: target.provider,
              status,
              retryable: false,
            });
            expect(error.effectUnknown).toBe(kind === "write");
            expect(error.message).toContain(`redirect (HTTP ${status}) to ${elsewhere.url}, which is never followed`);
            expectNoSecret(target.secret, error, events);
          } finally {
            await Promise.all([api.close(), elsewhere.close()]);
          }
        });
      }
    }
  });
}

/** A server whose every answer is `status` with an endless body (and, if given, a `Content-Length` that lies). */
function endlessServer(status: number, contentLength?: string): Promise<LoopbackServer> {
  const chunk = Buffer.alloc(64 * 1024, "a");
  return startLoopbackServer((_, response) => {
    response.writeHead(status, {
      "Content-Type": "application/json",
      ...(contentLength ? { "Content-Length": contentLength } : {}),
    });
    const pump = () => {
      while (!response.destroyed && response.write(chunk));
      if (!response.destroyed) response.once("drain", pump);
    };
    response.on("error", () => undefined);
    pump();
  });
}

/**
 * Answers are bounded: an endless 2xx body, and one whose `Content-Length` is over the limit, fail the call with
 * `PROVIDER` once past `maxResponseBytes`; an error body nested 100,000 deep still gives a `CertkitError` that can be
 * shown and serialized.
 */
export function describeBoundedAnswers<Client>(target: ConformanceTarget<Client>): void {
  const limit = 256 * 1024;
  describe(`${target.provider}: answers are bounded`, () => {
    it("an endless 2xx body stops past maxResponseBytes", async () => {
      const server = await endlessServer(200);
      try {
        const error = await failureOf(target.read(target.makeClient(`${server.url}/api`, { maxResponseBytes: limit })));
        expect(error).toMatchObject({ name: "CertkitError", code: "PROVIDER", status: 200, retryable: false });
        expect(error.message).toContain(`with a body over ${limit} bytes (maxResponseBytes)`);
        expect(server.requests).toHaveLength(1);
      } finally {
        await server.close();
      }
    });

    it("a Content-Length over maxResponseBytes stops the write before its body is read, and says it may have taken effect", async () => {
      const server = await endlessServer(201, String(limit * 4));
      try {
        const error = await failureOf(
          target.write(target.makeClient(`${server.url}/api`, { maxResponseBytes: limit })),
        );
        expect(error).toMatchObject({ name: "CertkitError", code: "PROVIDER", retryable: false, effectUnknown: true });
      } finally {
        await server.close();
      }
    });

    it("an error body nested 100,000 deep is a CertkitError that can be shown and serialized", async () => {
      const depth = 100_000;
      const body = `${'{"error":'.repeat(depth)}"${target.secret}"${"}".repeat(depth)}`;
      const server = await startLoopbackServer((_, response) =>
        response.writeHead(422, { "Content-Type": "application/json" }).end(body),
      );
      try {
        const error = await failureOf(target.read(target.makeClient(`${server.url}/api`, { retry: false })));
        expect(error).toMatchObject({ name: "CertkitError", status: 422 });
        expect(() => JSON.stringify(error)).not.toThrow();
        expectNoSecret(target.secret, error);
      } finally {
        await server.close();
      }
    });
  });
}
