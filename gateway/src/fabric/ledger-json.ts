// Chaincode arguments and results are canonical JSON text; an empty result means "nothing to say".
import { canonicalJson } from '../../../chaincode/src/domain/canonical-json';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function toArgument(value: unknown): string {
  return canonicalJson(value);
}

export function fromResult(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  const text = decoder.decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
