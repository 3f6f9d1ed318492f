// Where the NCTS data files the gateway carries with it (XSDs, samples) live at run time. The same code
// runs from the TypeScript sources (tests, via @swc-node/register) and from the compiled `dist/` tree, so
// the folder is found by walking up from this file to the project root rather than by a fixed relative path.

import { existsSync } from 'node:fs';
import * as path from 'node:path';

function findUp(relative: string): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`NCTS data folder '${relative}' not found above ${__dirname}`);
    dir = parent;
  }
}

/** The NCTS P5 XSD folder (v51.8.6); CATS_NCTS_XSD_DIR overrides it (for a newer schema drop). */
export function xsdDir(): string {
  return process.env.CATS_NCTS_XSD_DIR ?? findUp(path.join('gateway', 'ncts', 'xsd'));
}

/** The sample messages shipped with the gateway (conformance and demo data). */
export function samplesDir(): string {
  return findUp(path.join('gateway', 'ncts', 'samples'));
}
