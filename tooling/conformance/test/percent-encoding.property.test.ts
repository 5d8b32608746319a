/**
 * Our percent-encoder against three references, over unicode, punctuation, emoji and empty
 * strings: the official runtimes' exported encoder (`@alicloud/openapi-util`), the value as
 * `@alicloud/openapi-core` writes it into its canonical query, and an independent RFC 3986
 * encoder over UTF-8 bytes.
 */
import { EMPTY_BODY_SHA256, percentEncode } from "@acs-sdk/core";
import { SerializationError } from "@acs-sdk/core/errors";
import fc from "fast-check";
import { expect, test } from "vitest";
import { loneSurrogateString, PROPERTY_RUNS, wireString } from "./support/arbitraries.js";
import { officialEncodeParam, officialSignature } from "./support/official-runtime.js";

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/** RFC 3986 section 2: unreserved characters stay, every other UTF-8 byte becomes %XX. */
function rfc3986Encode(value: string): string {
  let encoded = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const char = String.fromCharCode(byte);
    encoded += UNRESERVED.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/** Returns the encoded value in openapi-core's canonical query for `{ V: value }`. */
function coreCanonicalValue(value: string): string {
  const { canonicalRequest } = officialSignature(
    "core",
    { method: "GET", pathname: "/", query: { V: value }, headers: {} },
    EMPTY_BODY_SHA256,
    "id",
    "secret",
  );
  const queryLine = canonicalRequest.split("\n")[2] ?? "";
  return queryLine.slice("V=".length);
}

test("percentEncode equals the official encoder", () => {
  fc.assert(
    fc.property(wireString, (value) => {
      expect(percentEncode(value)).toBe(officialEncodeParam(value));
    }),
    { numRuns: PROPERTY_RUNS },
  );
});

test("percentEncode equals openapi-core's canonical query value", () => {
  fc.assert(
    fc.property(wireString, (value) => {
      expect(percentEncode(value)).toBe(coreCanonicalValue(value));
    }),
    { numRuns: PROPERTY_RUNS },
  );
});

test("percentEncode is RFC 3986 over UTF-8", () => {
  fc.assert(
    fc.property(wireString, (value) => {
      const encoded = percentEncode(value);
      expect(encoded).toBe(rfc3986Encode(value));
      expect(decodeURIComponent(encoded)).toBe(value);
    }),
    { numRuns: PROPERTY_RUNS },
  );
});

test("percentEncode rejects lone surrogates", () => {
  fc.assert(
    fc.property(loneSurrogateString, (value) => {
      // The official encoder throws a bare URIError for the same input.
      expect(() => officialEncodeParam(value)).toThrow(URIError);
      let caught: unknown;
      try {
        percentEncode(value, "Alias");
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SerializationError);
      expect(caught).toMatchObject({ code: "InvalidUnicode", path: "Alias" });
    }),
    { numRuns: PROPERTY_RUNS },
  );
});

test("percentEncode fixed cases", () => {
  expect(percentEncode(" +*~!'()")).toBe("%20%2B%2A~%21%27%28%29");
  expect(percentEncode("备")).toBe("%E5%A4%87");
  expect(percentEncode("😀")).toBe("%F0%9F%98%80");
  expect(percentEncode("")).toBe("");
});
