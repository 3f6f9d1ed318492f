// Declaration files: an NCTS P5 XML message or its JSON form, recognised by content (the extension only
// breaks a tie); anything else is a usage error, before the network is asked.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';

export type FileKind = 'xml' | 'json';

export interface LoadedFile {
  kind: FileKind;
  text: string;
  /** the parsed object, for JSON */
  json?: Record<string, unknown>;
}

/** 'xml' or 'json' from the text (BOM and leading white space ignored), or undefined. */
export function sniffKind(text: string, fileName = ''): FileKind | undefined {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  const ext = path.extname(fileName).toLowerCase();
  if (t.startsWith('<')) return /^<(\?xml|[A-Za-z_][\w.:-]*[\s/>]|!--)/.test(t) ? 'xml' : undefined;
  if (t.startsWith('{')) return 'json';
  if (t.startsWith('[') && ext === '.json') return 'json';
  return undefined;
}

export function parseDeclarationText(text: string, fileName: string): LoadedFile {
  const kind = sniffKind(text, fileName);
  if (!kind) throw new UsageError(`${fileName}: neither XML nor JSON (an NCTS IE015 message or its JSON form is expected)`, 'UNSUPPORTED_FILE');
  const clean = text.replace(/^\uFEFF/, '');
  if (kind === 'xml') return { kind, text: clean };
  let parsed: unknown;
  try {
    parsed = JSON.parse(clean);
  } catch (e) {
    throw new UsageError(`${fileName}: not valid JSON (${(e as Error).message})`, 'UNSUPPORTED_FILE');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`${fileName}: a JSON object expected`, 'UNSUPPORTED_FILE');
  return { kind, text: clean, json: parsed as Record<string, unknown> };
}

export function readDeclarationFile(file: string): LoadedFile {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new UsageError(`${file}: not a file`, 'FILE_NOT_FOUND');
    if (st.size > 8 * 1024 * 1024) throw new UsageError(`${file}: larger than 8 MiB`, 'UNSUPPORTED_FILE');
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'FILE_NOT_FOUND');
  }
  if (text.includes('\u0000')) throw new UsageError(`${file}: a binary file, neither XML nor JSON`, 'UNSUPPORTED_FILE');
  return parseDeclarationText(text, file);
}
