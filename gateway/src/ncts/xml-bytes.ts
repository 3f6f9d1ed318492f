// Turns the bytes of an HTTP body into the XML string the validator and readers take. Only UTF-8 without a
// byte order mark is accepted (what NCTS P5 uses); UTF-16/32, a BOM or invalid UTF-8 sequences are refused
// with a clear message instead of being decoded by guesswork, which could silently alter names.

import { CatsError } from '../../../chaincode/src/domain/errors';

const BOMS: { bytes: number[]; name: string }[] = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], name: 'UTF-32BE' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], name: 'UTF-32LE' },
  { bytes: [0xef, 0xbb, 0xbf], name: 'UTF-8' },
  { bytes: [0xfe, 0xff], name: 'UTF-16BE' },
  { bytes: [0xff, 0xfe], name: 'UTF-16LE' },
];

/** UTF-8 bytes → string; throws CatsError UNSUPPORTED_MEDIA_TYPE for a BOM, UTF-16/32 or invalid UTF-8. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      throw new CatsError('UNSUPPORTED_MEDIA_TYPE', `the message starts with a ${bom.name} byte order mark; send UTF-8 without a BOM`, { encoding: bom.name });
    }
  }
  // '<' encoded as UTF-16 or UTF-32 without a BOM starts with a zero byte or is followed by one.
  if (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0)) {
    throw new CatsError('UNSUPPORTED_MEDIA_TYPE', 'the message looks like UTF-16 or UTF-32; send UTF-8', { encoding: 'UTF-16/32' });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CatsError('UNSUPPORTED_MEDIA_TYPE', 'the message is not valid UTF-8', { encoding: 'invalid UTF-8' });
  }
}
