// Builds, for one NCTS message schema (cc015c.xsd …), a single self-contained XSD holding only the
// definitions reachable from its root element, without annotations or comments.
//
// Why: libxml2 (xmllint-wasm) re-reads the schema on every run, and the shared type libraries are 1.3 MB
// (ctypes.xsd alone is 900 KB, three quarters of it <xs:annotation>). Parsing them took ~150 ms per
// validation; the bundle of one message is a few dozen KB and parses in a few ms. The definitions are
// copied byte for byte (only annotations and comments are cut), so validation is unchanged — a test
// compares the bundle's verdicts with the original schema's.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const XS = 'http://www.w3.org/2001/XMLSchema';

interface Definition {
  /** symbol space + name, e.g. 'type:TransitOperationType06', 'element:CC015C', 'group:MESSAGE' */
  key: string;
  file: string;
  text: string;
}

interface SchemaFile {
  file: string;
  targetNamespace?: string;
  elementFormDefault: string;
  attributeFormDefault: string;
  includes: string[];
  definitions: Definition[];
}

/** Top-level children of <xs:schema>, found by a quote-aware scan (patterns may contain '>'). */
function topLevelBlocks(src: string): { tag: string; start: number; end: number; openTag: string }[] {
  const blocks: { tag: string; start: number; end: number; openTag: string }[] = [];
  let depth = 0;
  let current: { tag: string; start: number; openTag: string } | undefined;
  let i = 0;
  while ((i = src.indexOf('<', i)) >= 0) {
    if (src.startsWith('<!--', i)) {
      i = needEnd(src, '-->', i);
      continue;
    }
    if (src.startsWith('<?', i)) {
      i = needEnd(src, '?>', i);
      continue;
    }
    if (src.startsWith('<![CDATA[', i)) {
      i = needEnd(src, ']]>', i);
      continue;
    }
    const end = tagEnd(src, i);
    const raw = src.slice(i, end);
    if (raw.startsWith('</')) {
      depth--;
      if (depth === 1 && current) {
        blocks.push({ ...current, end });
        current = undefined;
      }
    } else {
      const tag = /^<([\w:.-]+)/.exec(raw)?.[1] ?? '';
      const selfClosing = raw.endsWith('/>');
      if (depth === 1) {
        if (selfClosing) blocks.push({ tag, start: i, end, openTag: raw });
        else current = { tag, start: i, openTag: raw };
      }
      if (!selfClosing) depth++;
    }
    i = end;
  }
  return blocks;
}

function needEnd(src: string, marker: string, from: number): number {
  const j = src.indexOf(marker, from);
  if (j < 0) throw new Error(`xsd-bundle: unterminated '${marker}' at offset ${from}`);
  return j + marker.length;
}

/** Offset just after the '>' closing the tag that starts at `from`, skipping quoted attribute values. */
function tagEnd(src: string, from: number): number {
  let quote = '';
  for (let j = from + 1; j < src.length; j++) {
    const c = src[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j + 1;
  }
  throw new Error(`xsd-bundle: unterminated tag at offset ${from}`);
}

function attr(openTag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(openTag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Annotations and comments carry documentation only; cutting them keeps the schema's meaning. */
function stripDocumentation(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<xs:annotation\s*\/>/g, '')
    .replace(/<xs:annotation[\s>][\s\S]*?<\/xs:annotation>/g, '')
    .replace(/\n\s*(?=\n)/g, '');
}

const SYMBOL_SPACE: Readonly<Record<string, string>> = {
  'xs:complexType': 'type',
  'xs:simpleType': 'type',
  'xs:element': 'element',
  'xs:group': 'group',
  'xs:attributeGroup': 'attributeGroup',
  'xs:attribute': 'attribute',
};

function readSchemaFile(file: string): SchemaFile {
  const src = readFileSync(file, 'utf8');
  const schemaTag = /<xs:schema\b(?:"[^"]*"|'[^']*'|[^>"'])*>/.exec(src)?.[0];
  if (!schemaTag || attr(schemaTag, 'xmlns:xs') !== XS) throw new Error(`xsd-bundle: ${file} is not an XSD with the xs prefix`);
  const result: SchemaFile = {
    file,
    targetNamespace: attr(schemaTag, 'targetNamespace'),
    elementFormDefault: attr(schemaTag, 'elementFormDefault') ?? 'unqualified',
    attributeFormDefault: attr(schemaTag, 'attributeFormDefault') ?? 'unqualified',
    includes: [],
    definitions: [],
  };
  for (const b of topLevelBlocks(src)) {
    if (b.tag === 'xs:include') {
      const loc = attr(b.openTag, 'schemaLocation');
      if (!loc) throw new Error(`xsd-bundle: include without schemaLocation in ${file}`);
      result.includes.push(path.resolve(path.dirname(file), loc));
      continue;
    }
    if (b.tag === 'xs:import' || b.tag === 'xs:redefine' || b.tag === 'xs:override') {
      throw new Error(`xsd-bundle: ${b.tag} in ${file} is not supported`);
    }
    const space = SYMBOL_SPACE[b.tag];
    if (!space) continue; // top-level annotation or comment
    const name = attr(b.openTag, 'name');
    if (!name) throw new Error(`xsd-bundle: unnamed top-level ${b.tag} in ${file}`);
    result.definitions.push({ key: `${space}:${name}`, file, text: stripDocumentation(src.slice(b.start, b.end)) });
  }
  return result;
}

/** The definitions one definition refers to: type/base/itemType/memberTypes → type, ref → its own space. */
function references(def: Definition): string[] {
  const keys: string[] = [];
  const tagPattern = /<(xs:\w+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
  for (const m of def.text.matchAll(tagPattern)) {
    const [, tag, attrs] = m;
    for (const a of attrs.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const name = a[1];
      const value = a[2] ?? a[3];
      let space: string | undefined;
      if (name === 'type' || name === 'base' || name === 'itemType' || name === 'memberTypes') space = 'type';
      else if (name === 'ref') space = SYMBOL_SPACE[tag];
      else if (name === 'substitutionGroup') space = 'element';
      if (!space) continue;
      for (const qname of value.trim().split(/\s+/)) {
        if (qname.startsWith('xs:')) continue; // built-in XML Schema type
        if (qname.includes(':')) throw new Error(`xsd-bundle: reference '${qname}' in another namespace (${def.key})`);
        keys.push(`${space}:${qname}`);
      }
    }
  }
  return keys;
}

/** Parsed type libraries, shared by the bundles of all message types (ctypes.xsd is read once). */
const parsedFiles = new Map<string, SchemaFile>();

function includeClosure(root: string): SchemaFile[] {
  const seen = new Map<string, SchemaFile>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    let schema = parsedFiles.get(file);
    if (!schema) parsedFiles.set(file, (schema = readSchemaFile(file)));
    seen.set(file, schema);
    schema.includes.forEach(visit);
  };
  visit(root);
  return [...seen.values()];
}

/**
 * One XSD for `schemaFile` whose root element is `rootElement` (e.g. cc015c.xsd, 'CC015C'): the reachable
 * definitions in document order of the include closure. Throws if the include closure mixes element or
 * attribute forms in a way a single document could not express.
 */
export function bundleSchema(schemaFile: string, rootElement: string): string {
  const files = includeClosure(schemaFile);
  const byKey = new Map<string, Definition>();
  const order: Definition[] = [];
  for (const f of files) {
    for (const d of f.definitions) {
      const previous = byKey.get(d.key);
      if (previous) throw new Error(`xsd-bundle: ${d.key} defined in ${previous.file} and ${d.file}`);
      byKey.set(d.key, d);
      order.push(d);
    }
  }
  const reachable = new Set<string>();
  const pending = [`element:${rootElement}`];
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (reachable.has(key)) continue;
    const def = byKey.get(key);
    if (!def) throw new Error(`xsd-bundle: ${key} is referenced but not defined (from ${schemaFile})`);
    reachable.add(key);
    pending.push(...references(def));
  }
  const used = order.filter((d) => reachable.has(d.key));
  const rootSchema = files[0];
  for (const d of used) {
    const f = files.find((x) => x.file === d.file)!;
    if (
      f.targetNamespace !== rootSchema.targetNamespace ||
      f.elementFormDefault !== rootSchema.elementFormDefault ||
      f.attributeFormDefault !== rootSchema.attributeFormDefault
    ) {
      throw new Error(`xsd-bundle: ${d.key} comes from ${d.file}, whose namespace or forms differ from ${schemaFile}`);
    }
  }
  const tns = rootSchema.targetNamespace;
  const header =
    `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="${XS}"` +
    (tns ? ` xmlns="${tns}" targetNamespace="${tns}"` : '') +
    ` elementFormDefault="${rootSchema.elementFormDefault}" attributeFormDefault="${rootSchema.attributeFormDefault}">\n`;
  return header + used.map((d) => '  ' + d.text + '\n').join('') + '</xs:schema>\n';
}
