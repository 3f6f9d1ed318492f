// Validates an NCTS P5 message against the XSD of its own message type (root ncts:CC015C → cc015c.xsd).
//
// Order of checks, cheapest and safest first:
//   1. preflight on the raw text: BOM, non-UTF-8, DTD/entity declarations are refused (xml-guard.ts);
//   2. well-formedness with fast-xml-parser's validator, which reports line and column;
//   3. XSD validation with libxml2 (xmllint-wasm) in a worker pool (xmllint-pool.ts), against a bundle of
//      the message's schema (xsd-bundle.ts) built once per message type and cached.
// libxml2 re-checks well-formedness in step 3 and is the authority: whatever fast-xml-parser lets through
// (for example an undefined entity) comes back from libxml2 as a parser error with its line.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { preflightXml } from './xml-guard';
import { elementPathAt } from './xml-pointer';
import { bundleSchema } from './xsd-bundle';
import { XmllintPool } from './xmllint-pool';
import { xsdDir } from './paths';

export type XmlFailure = 'REFUSED' | 'NOT_WELL_FORMED' | 'UNKNOWN_MESSAGE_TYPE' | 'SCHEMA_INVALID';

export interface XmlError {
  /** 1-based line in the message; 0 when libxml2 gave none */
  line: number;
  column?: number;
  /** local name of the element the error is about, e.g. 'LRN' */
  element?: string;
  /** path of that element, e.g. '/CC015C/TransitOperation/LRN' (usable as an IE056 errorPointer) */
  path?: string;
  message: string;
}

export interface XmlValidationResult {
  valid: boolean;
  /** root element name, e.g. 'CC015C', when one was found */
  messageType?: string;
  failure?: XmlFailure;
  errors: XmlError[];
}

const NCTS_ROOT = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/;

let pool: XmllintPool | undefined;

function thePool(): XmllintPool {
  return (pool ??= new XmllintPool());
}

/** The schema file of a message type ('CC015C' → …/cc015c.xsd), or undefined when there is none. */
export function schemaFileFor(messageType: string): string | undefined {
  if (!/^CC[0-9]{3}C$/.test(messageType)) return undefined;
  const file = path.join(xsdDir(), messageType.toLowerCase() + '.xsd');
  return existsSync(file) ? file : undefined;
}

/** Builds (once) and registers the schema bundle of `messageType`; false when no XSD exists for it. */
function ensureSchema(messageType: string): boolean {
  if (thePool().hasSchema(messageType)) return true;
  const file = schemaFileFor(messageType);
  if (!file) return false;
  thePool().addSchema(messageType, bundleSchema(file, messageType));
  return true;
}

/** Builds the schema bundles up front (at gateway start) so the first request does not pay for it. */
export function preloadSchemas(messageTypes: readonly string[]): void {
  for (const t of messageTypes) {
    if (!ensureSchema(t)) throw new Error(`no XSD for ${t} in ${xsdDir()}`);
  }
}

/** Stops the validator's worker threads (gateway shutdown, end of tests). */
export async function closeValidator(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.close();
}

/**
 * Validates `xml`. Never throws for a bad message (only when libxml2 itself fails): the verdict and the
 * errors, each with line, element and message, are in the result. `expectedType` ('CC015C') rejects a
 * well-formed message of another type before schema validation.
 */
export async function validateXml(xml: string, expectedType?: string): Promise<XmlValidationResult> {
  const refusal = preflightXml(xml);
  if (refusal) {
    return { valid: false, failure: 'REFUSED', errors: [{ line: refusal.line, column: refusal.column, message: refusal.message }] };
  }
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { line, col, msg } = wellFormed.err;
    return { valid: false, failure: 'NOT_WELL_FORMED', errors: [{ line, column: col, message: `not well-formed XML: ${msg}` }] };
  }
  const messageType = NCTS_ROOT.exec(xml)?.[1];
  if (!messageType) {
    return { valid: false, failure: 'NOT_WELL_FORMED', errors: [{ line: 1, column: 1, message: 'no root element' }] };
  }
  if (expectedType && messageType !== expectedType) {
    return {
      valid: false,
      messageType,
      failure: 'UNKNOWN_MESSAGE_TYPE',
      errors: [{ line: 1, element: messageType, message: `expected a ${expectedType} message, got ${messageType}` }],
    };
  }
  if (!ensureSchema(messageType)) {
    return {
      valid: false,
      messageType,
      failure: 'UNKNOWN_MESSAGE_TYPE',
      errors: [{ line: 1, element: messageType, message: `'${messageType}' is not an NCTS P5 message this system has a schema for` }],
    };
  }
  const result = await thePool().validate(messageType, xml);
  if (result.valid) return { valid: true, messageType, errors: [] };
  const errors = toErrors(result.lines, xml);
  const parserError = result.lines.some((l) => /^\d+: parser error/.test(l));
  return { valid: false, messageType, failure: parserError ? 'NOT_WELL_FORMED' : 'SCHEMA_INVALID', errors };
}

/** libxml2 lines ("8: Schemas validity error : Element 'LRN': …") → errors; context lines are dropped. */
function toErrors(lines: readonly string[], xml: string): XmlError[] {
  const errors: XmlError[] = [];
  for (const raw of lines) {
    const m = /^(\d+): (?:element [^:]+: )?(.*)$/.exec(raw);
    if (!m) continue; // libxml2 echoes the offending source line and a caret after a parser error
    const line = Number(m[1]);
    const message = m[2].replace(/^Schemas validity error : /, '').replace(/^parser error : /, 'not well-formed XML: ').trim();
    const qname = /Element '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
    const element = qname?.slice(qname.indexOf(':') + 1);
    errors.push({ line, element, path: element ? elementPathAt(xml, line, element) : undefined, message });
  }
  if (errors.length === 0) errors.push({ line: 0, message: lines.join('\n').trim() || 'the message does not validate against its XSD' });
  return errors;
}

/**
 * validateXml for callers that want an exception: CatsError XML_NOT_WELL_FORMED (refused or not well
 * formed) or XML_SCHEMA_INVALID, with `details.errors`. Returns the message type.
 */
export async function assertValidXml(xml: string, expectedType?: string): Promise<string> {
  const r = await validateXml(xml, expectedType);
  if (r.valid) return r.messageType!;
  const first = r.errors[0];
  const where = first.line ? ` (line ${first.line}${first.column ? `, column ${first.column}` : ''}${first.element ? `, element ${first.element}` : ''})` : '';
  const code = r.failure === 'SCHEMA_INVALID' || r.failure === 'UNKNOWN_MESSAGE_TYPE' ? 'XML_SCHEMA_INVALID' : 'XML_NOT_WELL_FORMED';
  throw new CatsError(code, `${first.message}${where}`, { failure: r.failure, messageType: r.messageType, errors: r.errors });
}
