import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImportError, importSpecs } from "../src/index.js";
import { metadataDocument, rpcOperation } from "./fixtures/metadata.js";
import { createTempDir, listFiles, removeTempDir } from "./fixtures/temp-dir.js";

const BODY = Buffer.from(JSON.stringify(metadataDocument({ Probe: rpcOperation() })));
const HALF = BODY.subarray(0, Math.floor(BODY.length / 2));

/** Serves the fixture whole, cut short in several ways, or not at all. */
function serve(): Server {
  return createServer((request, response) => {
    switch (request.url) {
      case "/whole":
        response.writeHead(200, {
          "content-type": "application/json",
          "content-length": BODY.length,
        });
        response.end(BODY);
        return;
      case "/moved":
        response.writeHead(302, { location: "/whole" });
        response.end();
        return;
      case "/short":
        // Announces the whole body, sends half and drops the connection.
        response.writeHead(200, { "content-length": BODY.length });
        response.write(HALF, () => response.socket?.destroy());
        return;
      case "/cut":
        // No length announced: the body ends cleanly but the JSON is incomplete.
        response.writeHead(200, { "content-type": "application/json" });
        response.end(HALF);
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
}

describe("URL import", () => {
  let server: Server;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    server = serve();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(async () => {
    dir = await createTempDir();
  });

  afterEach(async () => {
    await removeTempDir(dir);
  });

  async function failure(path: string): Promise<ImportError> {
    const error = await importSpecs([`${base}${path}`], { outDir: dir }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(await listFiles(dir)).toEqual([]);
    return error as ImportError;
  }

  it("imports a whole download", async () => {
    const [spec] = await importSpecs([`${base}/whole`], { outDir: dir });
    expect(spec?.source).toBe(`${base}/whole`);
    expect(await listFiles(dir)).toEqual(["demo/2024-01-01/openapi.yaml"]);
  });

  it("follows a redirect", async () => {
    const [spec] = await importSpecs([`${base}/moved`], { outDir: dir });
    expect(spec?.operationCount).toBe(1);
  });

  it("rejects a body shorter than its Content-Length", async () => {
    const error = await failure("/short");
    expect(error.code).toBe("download-truncated");
    expect(error.diagnostics[0]?.message).toMatch(new RegExp(`of ${BODY.length} announced`));
  });

  it("rejects JSON cut short without a Content-Length", async () => {
    const error = await failure("/cut");
    expect(error.code).toBe("input-truncated");
  });

  it("rejects an error status", async () => {
    const error = await failure("/missing");
    expect(error.code).toBe("download-failed");
    expect(error.diagnostics[0]?.message).toMatch(/404/);
  });
});
