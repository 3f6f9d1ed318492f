// Minimal XML serialisation for the answers the gateway writes. Elements are given in schema order by the
// writers; absent optional values are dropped here, so a writer reads like the XSD it follows.

const NCTS_NS = 'http://ncts.dgtaxud.ec';

/** Phase of the NCTS P5 messages written (phaseIDtype); the test pack samples use NCTS5.1. */
export const PHASE_ID = 'NCTS5.1';

export interface XmlNode {
  name: string;
  text?: string;
  children?: XmlNode[];
}

type Child = XmlNode | undefined | null | false;

/** A leaf element, or nothing when the value is undefined. Booleans become NCTS flags (0/1). */
export function leaf(name: string, value: string | number | boolean | undefined): XmlNode | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  return { name, text };
}

/** An element with children; nothing when every child is absent (an empty group is never valid NCTS). */
export function group(name: string, ...children: (Child | Child[])[]): XmlNode | undefined {
  const kept = children.flat().filter((c): c is XmlNode => !!c);
  return kept.length > 0 ? { name, children: kept } : undefined;
}

// XML 1.0 cannot carry most C0 control characters at all; tab, LF and CR survive only as references.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function escapeText(s: string): string {
  if (FORBIDDEN.test(s)) throw new Error(`text contains a character XML 1.0 cannot carry: ${JSON.stringify(s)}`);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function write(node: XmlNode, indent: string, out: string[]): void {
  if (node.children) {
    out.push(`${indent}<${node.name}>`);
    for (const c of node.children) write(c, indent + '  ', out);
    out.push(`${indent}</${node.name}>`);
  } else {
    out.push(`${indent}<${node.name}>${escapeText(node.text ?? '')}</${node.name}>`);
  }
}

/** The whole message: <ncts:CCnnnC PhaseID=… xmlns:ncts=…> with unqualified children, UTF-8, LF line ends. */
export function serializeMessage(root: string, children: Child[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<ncts:${root} PhaseID="${PHASE_ID}" xmlns:ncts="${NCTS_NS}">`];
  for (const c of children) if (c) write(c, '  ', out);
  out.push(`</ncts:${root}>`, '');
  return out.join('\n');
}
