// libxml2 reports a schema error by line and element name only. NCTS rejections (IE056/IE057 FunctionalError)
// point at the offending data item with a path such as /CC015C/TransitOperation/LRN, so the validator
// recovers that path from the line and the name with a light scan of the (already well-formed) message.

/** The path of the first element named `localName` whose start tag begins on `line`, e.g. '/CC015C/TransitOperation/LRN'. */
export function elementPathAt(xml: string, line: number, localName: string): string | undefined {
  const stack: string[] = [];
  let currentLine = 1;
  let scanned = 0;
  const lineAt = (offset: number): number => {
    for (let i = xml.indexOf('\n', scanned); i >= 0 && i < offset; i = xml.indexOf('\n', i + 1)) currentLine++;
    scanned = Math.max(scanned, offset);
    return currentLine;
  };
  let i = 0;
  while ((i = xml.indexOf('<', i)) >= 0) {
    if (xml.startsWith('<!--', i)) i = skipTo(xml, '-->', i);
    else if (xml.startsWith('<![CDATA[', i)) i = skipTo(xml, ']]>', i);
    else if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) i = skipTo(xml, '>', i);
    else {
      const end = tagEnd(xml, i);
      if (end < 0) return undefined;
      const tag = xml.slice(i, end);
      if (tag.startsWith('</')) stack.pop();
      else {
        const qname = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
        const name = qname.slice(qname.indexOf(':') + 1);
        const startLine = lineAt(i);
        if (startLine > line) return undefined;
        if (name === localName && startLine === line) return '/' + [...stack, name].join('/');
        if (!tag.endsWith('/>')) stack.push(name);
      }
      i = end;
    }
  }
  return undefined;
}

function skipTo(xml: string, marker: string, from: number): number {
  const j = xml.indexOf(marker, from);
  return j < 0 ? xml.length : j + marker.length;
}

function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let j = from + 1; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j + 1;
  }
  return -1;
}
