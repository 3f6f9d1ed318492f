// Fabric v2.5.9 built from the Go module proxy, only when missing. The proxy serves Fabric at exactly one
// recent commit (the v2.5.9 release); `go install pkg@version` is refused because it asks for the version
// list, so the module is downloaded, copied to a writable folder without its (incomplete) vendor/, and built.
import fs from 'node:fs';
import path from 'node:path';
import { FABRIC_BIN, FABRIC_DIR, FABRIC_SAMPLECONFIG, bin } from './layout';
import { run } from './processes';
import { SetupError, info, step } from './progress';

export const FABRIC_MODULE = 'github.com/hyperledger/fabric';
export const FABRIC_VERSION = 'v0.0.0-20240618194258-7c3876255bf0';
export const FABRIC_RELEASE = '2.5.9';
export const BINARIES = ['peer', 'orderer', 'osnadmin', 'configtxgen', 'configtxlator', 'cryptogen', 'discover'];

export function binariesPresent(): boolean {
  return BINARIES.every((b) => fs.existsSync(bin(b))) && fs.existsSync(path.join(FABRIC_SAMPLECONFIG, 'core.yaml'));
}

async function goAvailable(): Promise<string> {
  try {
    return (await run('go', ['version'])).stdout.trim();
  } catch {
    throw new SetupError('the Go toolchain is missing: install Go ≥ 1.22 (`go` must be on PATH) to build the Fabric binaries');
  }
}

export async function ensureFabricBinaries(): Promise<void> {
  if (binariesPresent()) {
    const v = (await run(bin('peer'), ['version'])).stdout;
    if (v.includes(`Version: ${FABRIC_RELEASE}`)) return;
  }
  const goVersion = await goAvailable();
  info(`building Fabric ${FABRIC_RELEASE} with ${goVersion} (one-off, about 1–3 minutes on 2 cores)`);
  const dir = await step(`download ${FABRIC_MODULE}@${FABRIC_VERSION}`, async () => {
    let out;
    try {
      out = await run('go', ['mod', 'download', '-json', `${FABRIC_MODULE}@${FABRIC_VERSION}`], { cwd: ensureFabricDir() });
    } catch (err) {
      throw new SetupError(`the Go module proxy did not serve ${FABRIC_MODULE}@${FABRIC_VERSION} (is it reachable? GOPROXY=${process.env.GOPROXY ?? 'default'}): ${(err as Error).message.split('\n').slice(-2).join(' ')}`);
    }
    const meta = JSON.parse(out.stdout) as { Dir?: string; Error?: string };
    if (!meta.Dir) throw new SetupError(`go mod download gave no folder: ${meta.Error ?? out.stdout}`);
    return meta.Dir;
  });
  const src = path.join(FABRIC_DIR, 'src');
  await step('prepare a writable copy of the module', async () => {
    fs.rmSync(src, { recursive: true, force: true });
    fs.cpSync(dir, src, { recursive: true });
    await run('chmod', ['-R', 'u+w', src]);
    fs.rmSync(path.join(src, 'vendor'), { recursive: true, force: true });
  });
  await step(`go build ${BINARIES.join(', ')}`, async () => {
    fs.mkdirSync(FABRIC_BIN, { recursive: true });
    const ldflags = `-X ${FABRIC_MODULE}/common/metadata.Version=${FABRIC_RELEASE} -X ${FABRIC_MODULE}/common/metadata.CommitSHA=${FABRIC_VERSION.slice(-12, -5)}`;
    const ticker = setInterval(() => process.stdout.write('.'), 5000);
    try {
      await run('go', ['build', '-mod=mod', '-o', FABRIC_BIN + path.sep, '-ldflags', ldflags, ...BINARIES.map((b) => `./cmd/${b}`)], {
        cwd: src,
        env: { ...process.env, GOFLAGS: '-buildvcs=false' },
      });
    } finally {
      clearInterval(ticker);
    }
  });
  await step("copy Fabric's sample configuration (core.yaml, orderer.yaml)", async () => {
    fs.rmSync(FABRIC_SAMPLECONFIG, { recursive: true, force: true });
    fs.cpSync(path.join(src, 'sampleconfig'), FABRIC_SAMPLECONFIG, { recursive: true });
    fs.rmSync(src, { recursive: true, force: true });
  });
  const v = (await run(bin('peer'), ['version'])).stdout;
  if (!v.includes(`Version: ${FABRIC_RELEASE}`)) throw new SetupError(`peer version does not report ${FABRIC_RELEASE}:\n${v}`);
}

function ensureFabricDir(): string {
  fs.mkdirSync(FABRIC_DIR, { recursive: true });
  return FABRIC_DIR;
}
