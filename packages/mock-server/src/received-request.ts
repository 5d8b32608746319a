import type { IncomingMessage } from "node:http";
import { invalidParameter } from "./errors.js";

/** A request as it arrived on the wire, before any interpretation. */
export interface ReceivedRequest {
  /** Upper-case method. */
  readonly method: string;
  /** Path exactly as sent, still percent-encoded, without the query string. */
  readonly pathname: string;
  /** Query string exactly as sent, without the leading `?`; empty when there is none. */
  readonly rawQuery: string;
  /** Header values by lower-case name; repeated headers are joined with `,`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body bytes exactly as received. */
  readonly body: Buffer;
}

/** Reads the rest of `message` and captures it as a {@link ReceivedRequest}. */
export async function receiveRequest(message: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) {
    chunks.push(chunk as Buffer);
  }
  return { ...requestHead(message), body: Buffer.concat(chunks) };
}

/** The method, path, query and headers of `message`, available before its body is read. */
export function requestHead(message: IncomingMessage): Omit<ReceivedRequest, "body"> {
  const target = message.url ?? "/";
  const queryStart = target.indexOf("?");
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(message.headersDistinct)) {
    if (values !== undefined) {
      headers[name] = values.join(",");
    }
  }
  return {
    method: (message.method ?? "GET").toUpperCase(),
    pathname: queryStart === -1 ? target : target.slice(0, queryStart),
    rawQuery: queryStart === -1 ? "" : target.slice(queryStart + 1),
    headers,
  };
}

/**
 * Decodes an `application/x-www-form-urlencoded` text (a query string or a form body) into
 * ordered key/value pairs. `+` means a space, as in HTML forms; the official runtimes never send
 * a literal `+`, so the reading is unambiguous for them.
 */
export function decodeFormPairs(text: string): Array<[string, string]> {
  if (text === "") {
    return [];
  }
  return text.split("&").flatMap((pair): Array<[string, string]> => {
    if (pair === "") {
      return [];
    }
    const equals = pair.indexOf("=");
    const rawKey = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? "" : pair.slice(equals + 1);
    const key = percentDecode(rawKey, rawKey);
    return [[key, percentDecode(rawValue, key)]];
  });
}

/**
 * Turns decoded pairs into a map, rejecting a key that appears twice: the signature and the
 * parameter decoding both need one value per key.
 */
export function uniquePairs(
  pairs: ReadonlyArray<[string, string]>,
  where: string,
): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of pairs) {
    if (map.has(key)) {
      throw invalidParameter(key, `it appears more than once in the ${where}; send each key once.`);
    }
    map.set(key, value);
  }
  return map;
}

function percentDecode(text: string, key: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    throw invalidParameter(key, `"${text}" is not valid percent-encoding.`);
  }
}
