// Writes docs/specification.md from the contract metadata and the hand-kept table: `npm run spec`
// (node -r @swc-node/register chaincode/spec/write.ts; the npm script quiets fabric-contract-api, which logs
// every decorator at info level while the contracts load).

import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const SPEC_PATH = path.resolve(__dirname, '../../docs/specification.md');

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderSpecification } = require('./generate') as typeof import('./generate');
  writeFileSync(SPEC_PATH, await renderSpecification());
  console.log(`wrote ${path.relative(process.cwd(), SPEC_PATH)}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
