// Request bodies are UTF-8 without a byte order mark. UTF-16/32 or a BOM is refused rather than guessed,
// because a wrong guess silently changes names (Cyrillic, Georgian, Azerbaijani, Uzbek ʻ) on the ledger.
import { CatsError } from '../../../chaincode/src/domain/errors';

const BOMS: { bytes: number[]; name: string }[] = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], name: 'UTF-32BE' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], name: 'UTF-32LE' },
  { bytes: [0xef, 0xbb, 0xbf], name: 'UTF-8' },
  { bytes: [0xfe, 0xff], name: 'UTF-16BE' },
  { bytes: [0xff, 0xfe], name: 'UTF-16LE' },
];

export function decodeUtf8Body(bytes: Uint8Array): string {
  for (const bom of BOMS) {
    if (bytes.length >= bom.bytes.length && bom.bytes.every((b, i) => bytes[i] === b)) {
      throw new CatsError('UNSUPPORTED_MEDIA_TYPE', `the body starts with a ${bom.name} byte order mark; send UTF-8 without a BOM`, { encoding: bom.name });
    }
  }
  if (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0)) {
    throw new CatsError('UNSUPPORTED_MEDIA_TYPE', 'the body looks like UTF-16 or UTF-32; send UTF-8', { encoding: 'UTF-16/32' });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CatsError('UNSUPPORTED_MEDIA_TYPE', 'the body is not valid UTF-8', { encoding: 'invalid UTF-8' });
  }
}
