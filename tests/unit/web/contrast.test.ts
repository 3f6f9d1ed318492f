// WCAG AA for the console's palette: text at least 4.5:1 against the backgrounds it is used on, borders
// and other non-text marks at least 3:1. The colours are read from the stylesheet itself.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

const css = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'web', 'src', 'styles.css'), 'utf8');

function variable(name: string): string {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`--${name} not in styles.css`);
  return m[1];
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('web console: WCAG AA contrast of the palette', () => {
  it('text colours reach 4.5:1 on the page and panel backgrounds, and white text on the primary buttons', () => {
    for (const fg of ['fg', 'muted', 'primary', 'danger', 'ok']) {
      for (const bg of ['bg', 'panel']) expect(contrast(variable(fg), variable(bg)), `${fg} on ${bg}`).to.be.at.least(4.5);
    }
    expect(contrast('#ffffff', variable('primary'))).to.be.at.least(4.5);
    expect(contrast(variable('fg'), variable('warn-bg'))).to.be.at.least(4.5);
  });

  it('form borders and the focus ring reach 3:1 against the background', () => {
    const border = /input, select, textarea \{[^}]*border: 1px solid (#[0-9a-fA-F]{6})/.exec(css)?.[1];
    expect(border, 'input border colour').to.be.a('string');
    expect(contrast(border!, variable('bg'))).to.be.at.least(3);
    expect(contrast(variable('focus'), variable('bg'))).to.be.at.least(3);
  });
});
