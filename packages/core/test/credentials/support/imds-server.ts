import {
  type LoopbackServer,
  sendJson,
  startLoopbackServer,
} from "../../support/loopback-server.js";

/** Options of the fake instance metadata service. */
export interface ImdsServerOptions {
  readonly roleName: string;
  readonly expiration: () => string;
  /** HTTP status of `PUT /latest/api/token`; 200 issues `imds-token`. */
  readonly tokenStatus?: number;
  /** Reject requests without a token (IMDSv2 enforced), as a hardened instance does. */
  readonly requireToken?: boolean;
  /** `Code` of the credentials document; default `Success`. */
  readonly code?: string;
}

/** The token the fake service issues. */
export const IMDS_TOKEN = "imds-token";

/** Starts a fake ECS metadata service on 127.0.0.1 serving one role's session. */
export async function startImdsServer(options: ImdsServerOptions): Promise<LoopbackServer> {
  let issued = 0;
  return startLoopbackServer((request, response) => {
    const path = request.url.pathname;
    if (request.method === "PUT" && path === "/latest/api/token") {
      const status = options.tokenStatus ?? 200;
      response.writeHead(status);
      response.end(status === 200 ? IMDS_TOKEN : "");
      return;
    }
    const token = request.headers["x-aliyun-ecs-metadata-token"];
    if (request.method !== "GET" || (token !== undefined && token !== IMDS_TOKEN)) {
      response.writeHead(401);
      response.end();
      return;
    }
    if (options.requireToken && token === undefined) {
      response.writeHead(403);
      response.end();
      return;
    }
    const prefix = "/latest/meta-data/ram/security-credentials/";
    if (path === prefix) {
      response.end(`${options.roleName}\n`);
    } else if (path === `${prefix}${options.roleName}`) {
      issued += 1;
      sendJson(response, 200, {
        AccessKeyId: `STS.ecs-${issued}`,
        AccessKeySecret: `ecs-secret-${issued}`,
        SecurityToken: `ecs-token-${issued}`,
        Expiration: options.expiration(),
        LastUpdated: "2030-01-01T00:00:00Z",
        Code: options.code ?? "Success",
      });
    } else {
      response.writeHead(404);
      response.end();
    }
  });
}
