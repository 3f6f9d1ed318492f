// Webhook deliveries are signed so a receiver can check they come from this gateway and were not
// altered: X-Cats-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>.
import crypto from 'node:crypto';

export function signDelivery(secret: string, timestamp: number, body: string): string {
  const mac = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** For receivers (and tests): constant-time check, with a tolerance on the timestamp. */
export function verifyDelivery(secret: string, header: string, body: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signDelivery(secret, t, body).split('v1=')[1], 'hex');
  return crypto.timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}
