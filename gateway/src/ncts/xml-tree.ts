// A small typed view over fast-xml-parser's output for the message readers.
//
// Parser settings and why:
// - every element is an array (isArray), so one or many occurrences read the same way;
// - parseTagValue off: "0012" stays "0012", amounts stay decimal text (never a binary float);
// - trimValues off: free text (names, addresses, descriptions) is kept exactly as sent — identifiers and
//   codes are trimmed by `text()`, which matches their xs:token type in the XSD;
// - namespace prefixes removed (the root is ncts:CCnnnC, its children are unqualified);
// - entities: only the XML ones and character references can occur (DTDs are refused before parsing).

import { XMLParser } from 'fast-xml-parser';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { preflightXml } from './xml-guard';

type RawNode = { [name: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
  processEntities: true,
  htmlEntities: true, // needed for numeric character references (&#1046;); named HTML ones cannot pass libxml2
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  cdataPropName: false,
});

export class XmlElement {
  constructor(
    readonly name: string,
    /** '/CC015C/TransitOperation' — used in error messages */
    readonly path: string,
    private readonly node: RawNode | string,
  ) {}

  /** All child elements named `name`, in document order. */
  children(name: string): XmlElement[] {
    if (typeof this.node === 'string') return [];
    const raw = this.node[name];
    if (!Array.isArray(raw)) return [];
    return raw.map((n, i) => new XmlElement(name, `${this.path}/${name}${raw.length > 1 ? `[${i + 1}]` : ''}`, n as RawNode | string));
  }

  child(name: string): XmlElement | undefined {
    return this.children(name)[0];
  }

  requiredChild(name: string): XmlElement {
    const c = this.child(name);
    if (!c) throw missing(`${this.path}/${name}`);
    return c;
  }

  /** Own text exactly as in the message (entities decoded). */
  rawValue(): string {
    if (typeof this.node === 'string') return this.node;
    const t = this.node['#text'];
    return typeof t === 'string' ? t : '';
  }

  /** Text of child `name`, trimmed (identifiers, codes, numbers, dates); undefined when absent. */
  text(name: string): string | undefined {
    return this.child(name)?.rawValue().trim();
  }

  requiredText(name: string): string {
    const v = this.text(name);
    if (v === undefined || v === '') throw missing(`${this.path}/${name}`);
    return v;
  }

  /** Text of child `name` exactly as sent (names, addresses, descriptions); undefined when absent. */
  freeText(name: string): string | undefined {
    return this.child(name)?.rawValue();
  }

  /** xs:integer child as a number; undefined when absent. */
  integer(name: string): number | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    if (!/^[0-9]{1,15}$/.test(v)) throw new CatsError('XML_SCHEMA_INVALID', `${this.path}/${name}: '${v}' is not a whole number`, { pointer: `${this.path}/${name}` });
    return Number(v);
  }

  requiredInteger(name: string): number {
    const v = this.integer(name);
    if (v === undefined) throw missing(`${this.path}/${name}`);
    return v;
  }

  /** NCTS flag (0/1) child as a boolean; undefined when absent. */
  flag(name: string): boolean | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    if (v !== '0' && v !== '1') throw new CatsError('XML_SCHEMA_INVALID', `${this.path}/${name}: '${v}' is not a flag (0 or 1)`, { pointer: `${this.path}/${name}` });
    return v === '1';
  }
}

function missing(pointer: string): CatsError {
  return new CatsError('XML_SCHEMA_INVALID', `${pointer} is missing`, { pointer });
}

/** Parses a message (already validated) and returns its root, checking it is `expectedRoot` ('CC015C'). */
export function parseMessage(xml: string, expectedRoot: string): XmlElement {
  // Readers are meant to run after validateXml, but fast-xml-parser would expand DTD entities if it were
  // ever handed one, so the refusal is repeated here rather than trusted to the caller.
  const refusal = preflightXml(xml);
  if (refusal) throw new CatsError('XML_NOT_WELL_FORMED', `${refusal.message} (line ${refusal.line}, column ${refusal.column})`, { ...refusal });
  const doc = parser.parse(xml) as RawNode;
  const rootName = Object.keys(doc).find((k) => k !== '#text');
  if (rootName !== expectedRoot) {
    throw new CatsError('XML_SCHEMA_INVALID', `expected a ${expectedRoot} message, got ${rootName ?? 'no root element'}`, { messageType: rootName });
  }
  const root = doc[rootName] as (RawNode | string)[];
  return new XmlElement(rootName, `/${rootName}`, root[0]);
}
