// Checks made on the raw XML text before any parser sees it. A DTD is the only way to declare entities
// (XXE: external entities reading files or URLs; "billion laughs": nested entity expansion), and NCTS
// messages never need one, so any markup declaration (<!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST,
// <!NOTATION) is refused outright, wherever it appears. The gateway only accepts UTF-8 without a byte
// order mark; a string that still carries a BOM or declares another encoding was decoded by someone who
// guessed, and reading it could silently change names, so it is refused too.

export type XmlRefusalReason = 'BOM' | 'ENCODING' | 'DTD' | 'EMPTY';

export interface XmlRefusal {
  reason: XmlRefusalReason;
  line: number;
  column: number;
  message: string;
}

/** 1-based line and column of `offset` in `text` (columns count UTF-16 code units, as editors do). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first reason to refuse `xml` before parsing, or undefined when it may be parsed. */
export function preflightXml(xml: string): XmlRefusal | undefined {
  const at = (reason: XmlRefusalReason, offset: number, message: string): XmlRefusal => ({ reason, ...lineColumn(xml, offset), message });
  if (xml.trim() === '') return at('EMPTY', 0, 'the message is empty');
  if (xml.charCodeAt(0) === 0xfeff) {
    return at('BOM', 0, 'the message starts with a byte order mark; send UTF-8 without a BOM');
  }
  const nul = xml.indexOf('\u0000');
  if (nul >= 0) {
    return at('ENCODING', nul, 'the message contains NUL characters (UTF-16 or UTF-32 read as UTF-8?); send UTF-8');
  }
  const declaration = /^<\?xml\s[^?]*\?>/.exec(xml);
  if (declaration) {
    const encoding = /\sencoding\s*=\s*["']([^"']*)["']/.exec(declaration[0])?.[1];
    if (encoding !== undefined && encoding.toUpperCase() !== 'UTF-8') {
      return at('ENCODING', 0, `the XML declaration says encoding="${encoding}"; only UTF-8 is accepted`);
    }
  } else if (/^\s*<\?xml\s/.test(xml)) {
    return at('ENCODING', xml.indexOf('<?xml'), 'the XML declaration must be at the very start of the message');
  }
  const dtd = /<!\s*[A-Za-z]/.exec(xml);
  if (dtd) {
    const keyword = /<!\s*([A-Za-z]+)/.exec(xml.slice(dtd.index, dtd.index + 40))?.[1] ?? '';
    return at('DTD', dtd.index, `<!${keyword.toUpperCase()} is not accepted: NCTS messages carry no DTD, entity or other markup declarations`);
  }
  return undefined;
}
