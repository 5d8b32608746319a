import { AcsError } from "./errors.js";

/** UTC `yyyy-MM-ddTHH:mm:ssZ`, the only form the signed timestamp may take. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * Rejects replayed requests the way the gateway does: a signed timestamp must be within
 * `maxSkewMs` of the server clock, and a signature nonce may be used once per AccessKey while
 * its request could still be accepted. State belongs to one server instance.
 */
export class ReplayGuard {
  private readonly maxSkewMs: number;
  /** Nonce key → time after which the nonce's request would be expired anyway. */
  private readonly seen = new Map<string, number>();

  constructor(maxSkewMs: number) {
    this.maxSkewMs = maxSkewMs;
  }

  /**
   * Throws `InvalidTimeStamp.Format` or `InvalidTimeStamp.Expired` unless `value` is a
   * well-formed timestamp within the allowed skew. `name` is where it was found, for the message.
   */
  checkTimestamp(value: string, name: string, now = Date.now()): void {
    const parts = TIMESTAMP.exec(value);
    const time = parts === null ? Number.NaN : Date.parse(value);
    if (Number.isNaN(time)) {
      throw AcsError.withDetail(
        "InvalidTimeStamp.Format",
        `${name} is "${value}"; send UTC time as yyyy-MM-ddTHH:mm:ssZ.`,
      );
    }
    if (Math.abs(now - time) > this.maxSkewMs) {
      const minutes = Math.round(this.maxSkewMs / 60_000);
      throw AcsError.withDetail(
        "InvalidTimeStamp.Expired",
        `${name} is ${value}, more than ${minutes} minutes from the server time ${new Date(now).toISOString()}.`,
      );
    }
  }

  /** Records `nonce` for `accessKeyId`, throwing `SignatureNonceUsed` if it was seen before. */
  claimNonce(accessKeyId: string, nonce: string, now = Date.now()): void {
    this.forgetExpired(now);
    const key = `${accessKeyId}\n${nonce}`;
    if (this.seen.has(key)) {
      throw AcsError.withDetail(
        "SignatureNonceUsed",
        `The nonce "${nonce}" was already used; sign every request, retries included, with a new nonce.`,
      );
    }
    // A request signed at the edge of the window stays acceptable for twice the skew.
    this.seen.set(key, now + 2 * this.maxSkewMs);
  }

  private forgetExpired(now: number): void {
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt > now) {
        // Entries are inserted in time order, so the rest are younger.
        return;
      }
      this.seen.delete(key);
    }
  }
}
