// Every transaction body runs through here: the result comes back as canonical JSON, and any failure
// leaves as `CATS:{code,details,message}` so the gateway can decode it from the endorsement error text.

import { encodeError } from '../domain/errors';
import { canonicalJson } from '../domain/canonical-json';

export async function run(body: () => Promise<unknown>): Promise<string> {
  try {
    return canonicalJson(await body());
  } catch (e) {
    throw new Error(encodeError(e));
  }
}
