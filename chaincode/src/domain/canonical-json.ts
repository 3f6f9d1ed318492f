// Deterministic JSON: object keys sorted by code unit, undefined members dropped. Every peer that endorses
// a transaction must produce byte-identical writes and return values, and JSON.stringify keeps insertion
// order, which depends on how the object was built.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  const out = encode(value);
  if (out === undefined) throw new TypeError('canonicalJson: value is not serialisable');
  return out;
}

function encode(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'bigint':
      // Money and masses travel as strings; a bigint here is a programming error, not data.
      throw new TypeError('canonicalJson: bigint must be converted to a string first');
  }
  if (Array.isArray(value)) {
    return '[' + value.map((v) => encode(v) ?? 'null').join(',') + ']';
  }
  const obj = value as Record<string, unknown>;
  if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') {
    return encode((obj as { toJSON: () => unknown }).toJSON());
  }
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = encode(obj[key]);
    if (v !== undefined) parts.push(JSON.stringify(key) + ':' + v);
  }
  return '{' + parts.join(',') + '}';
}

/** Canonical JSON as UTF-8 bytes, the form written with putState and setEvent. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
