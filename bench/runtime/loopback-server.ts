// Child process of run.ts: an HTTP server on 127.0.0.1 that responds to every request with the
// AddCrossAccount success body. It runs in its own process so that its CPU time is not counted
// against the clients.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const BODY = JSON.stringify({
  Code: "200",
  Message: "successful",
  RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
  Success: true,
});

const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(BODY),
      "x-acs-request-id": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
    });
    response.end(BODY);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on("disconnect", () => {
  server.closeAllConnections();
  server.close();
});
