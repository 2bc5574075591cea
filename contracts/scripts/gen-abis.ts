// Generates the SDK's typed ABIs from forge's build output:
//   packages/sdk/src/abi/generated/<Contract>.ts   export const <contract>Abi = [...] as const
//   packages/sdk/src/abi/generated/index.ts        re-exports them all
// for every contract, interface and library under contracts/src with a
// non-empty ABI, plus OpenZeppelin's ERC1967Proxy (what every PIL contract is
// deployed behind). It also writes the devnet's deploy artifacts:
//   contracts/deploy-artifacts/<Contract>.json     abi, creation bytecode, link references
// for every deployable contract under contracts/src (the PIL contracts and the
// verifiers) plus ERC1967Proxy, so `pil devnet up` (and `npm start`) deploys
// without compiling (docs/adr/0009). Usage: `npx tsx contracts/scripts/gen-abis.ts [outDir]`.
// gen-abis.test.ts fails when either set of committed files differs from a fresh build.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const defaultOutDir = path.join(repoRoot, 'contracts', 'out');
export const abiDir = path.join(repoRoot, 'packages', 'sdk', 'src', 'abi', 'generated');
export const deployArtifactsDir = path.join(repoRoot, 'contracts', 'deploy-artifacts');

type LinkReferences = Record<string, Record<string, { start: number; length: number }[]>>;
type ForgeArtifact = {
  abi: unknown[];
  bytecode?: { object: string; linkReferences?: LinkReferences };
  metadata?: { settings?: { compilationTarget?: Record<string, string> } };
};

/** Hardhat's artifact format (what OpenZeppelin ships, and what the CLI's ArtifactStore reads). */
export type DeployArtifact = {
  _format: 'hh-sol-artifact-1';
  contractName: string;
  sourceName: string;
  abi: unknown[];
  bytecode: string;
  linkReferences: LinkReferences;
};

export type AbiSource = { name: string; source: string; abi: unknown[] };

/** Every `<File>.sol/<Name>.json` under `outDir`, at any depth (forge nests same-named files). */
function artifactFiles(outDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || entry.name === 'build-info') continue;
      const sub = path.join(dir, entry.name);
      if (!entry.name.endsWith('.sol')) walk(sub);
      else for (const f of readdirSync(sub).sort()) if (f.endsWith('.json')) files.push(path.join(sub, f));
    }
  };
  walk(outDir);
  return files;
}

/**
 * Artifacts of contracts whose source is under `src/` (not tests, scripts or dependencies) and
 * still exists (a shared out/ may hold artifacts of deleted files).
 */
export function collectAbis(outDir: string, contractsDir = path.join(repoRoot, 'contracts')): AbiSource[] {
  if (!existsSync(outDir)) throw new Error(`no forge output at ${outDir}: run \`forge build\` in contracts/`);
  const byName = new Map<string, AbiSource>();
  for (const file of artifactFiles(outDir)) {
    const artifact = JSON.parse(readFileSync(file, 'utf8')) as ForgeArtifact;
    const target = Object.entries(artifact.metadata?.settings?.compilationTarget ?? {})[0];
    if (!target) continue;
    const [source, name] = target;
    if (!source.startsWith('src/') || artifact.abi.length === 0) continue;
    // Interfaces are implemented by a contract here whose ABI contains theirs: no second copy.
    if (source.startsWith('src/interfaces/')) continue;
    if (!existsSync(path.join(contractsDir, source))) continue;
    const previous = byName.get(name);
    if (previous && previous.source !== source) {
      throw new Error(
        `contract name ${name} is defined twice (${previous.source}, ${source}); ABI exports need unique names`,
      );
    }
    byName.set(name, { name, source, abi: artifact.abi });
  }
  byName.set('ERC1967Proxy', erc1967Proxy(outDir));
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** From the forge build when a test or script compiled it, otherwise from OpenZeppelin's shipped build (same ABI). */
function erc1967Proxy(outDir: string): AbiSource {
  const built = artifactFiles(outDir).find((f) =>
    f.endsWith(`${path.sep}ERC1967Proxy.sol${path.sep}ERC1967Proxy.json`),
  );
  const source = '@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol';
  if (built)
    return { name: 'ERC1967Proxy', source, abi: (JSON.parse(readFileSync(built, 'utf8')) as ForgeArtifact).abi };
  const require = createRequire(import.meta.url);
  const shipped = require('@openzeppelin/contracts/build/contracts/ERC1967Proxy.json') as { abi: unknown[] };
  return { name: 'ERC1967Proxy', source, abi: shipped.abi };
}

/**
 * Deployable contracts under `src/` (non-empty creation bytecode and at least one function: not
 * interfaces, abstract contracts or internal-only libraries), plus ERC1967Proxy from OpenZeppelin's shipped build.
 */
export function collectDeployArtifacts(
  outDir: string,
  contractsDir = path.join(repoRoot, 'contracts'),
): DeployArtifact[] {
  if (!existsSync(outDir)) throw new Error(`no forge output at ${outDir}: run \`forge build\` in contracts/`);
  const byName = new Map<string, DeployArtifact>();
  for (const file of artifactFiles(outDir)) {
    const artifact = JSON.parse(readFileSync(file, 'utf8')) as ForgeArtifact;
    const target = Object.entries(artifact.metadata?.settings?.compilationTarget ?? {})[0];
    if (!target) continue;
    const [source, name] = target;
    const code = artifact.bytecode?.object ?? '';
    if (!source.startsWith('src/') || code === '' || code === '0x') continue;
    // Libraries with only internal functions compile to a stub with no callable function.
    if (!artifact.abi.some((item) => (item as { type?: string }).type === 'function')) continue;
    if (!existsSync(path.join(contractsDir, source))) continue;
    const previous = byName.get(name);
    if (previous && previous.sourceName !== source) {
      throw new Error(`contract name ${name} is defined twice (${previous.sourceName}, ${source})`);
    }
    byName.set(name, {
      _format: 'hh-sol-artifact-1',
      contractName: name,
      sourceName: source,
      abi: artifact.abi,
      bytecode: code.startsWith('0x') ? code : `0x${code}`,
      linkReferences: artifact.bytecode?.linkReferences ?? {},
    });
  }
  // Always OpenZeppelin's shipped build (a test build of ours may or may not be in outDir).
  const require = createRequire(import.meta.url);
  const proxy = require('@openzeppelin/contracts/build/contracts/ERC1967Proxy.json') as {
    abi: unknown[];
    bytecode: string;
    sourceName: string;
    linkReferences?: LinkReferences;
  };
  byName.set('ERC1967Proxy', {
    _format: 'hh-sol-artifact-1',
    contractName: 'ERC1967Proxy',
    sourceName: proxy.sourceName,
    abi: proxy.abi,
    bytecode: proxy.bytecode,
    linkReferences: proxy.linkReferences ?? {},
  });
  return [...byName.values()].sort((a, b) => a.contractName.localeCompare(b.contractName));
}

/** The deploy artifact files, file name → content (one JSON per contract, stable formatting). */
export function renderDeployArtifacts(artifacts: DeployArtifact[]): Map<string, string> {
  return new Map(artifacts.map((a) => [`${a.contractName}.json`, `${JSON.stringify(a, null, 2)}\n`]));
}

/** `PILv2Orchestrator` → `pilv2OrchestratorAbi`, `ERC1967Proxy` → `erc1967ProxyAbi`, `IPILBase` → `ipilBaseAbi`. */
export function exportName(contract: string): string {
  const lead = /^[A-Z]+/.exec(contract)?.[0] ?? '';
  let head: string;
  if (lead.length <= 1 || lead.length === contract.length || /^[a-z]\d/.test(contract.slice(lead.length))) {
    head = lead.toLowerCase();
  } else if (/[a-z]/.test(contract[lead.length] ?? '')) {
    head = lead.slice(0, -1).toLowerCase() + lead.slice(-1);
  } else {
    head = lead.toLowerCase();
  }
  return `${head}${contract.slice(lead.length)}Abi`;
}

const banner = '// Generated by contracts/scripts/gen-abis.ts from forge build output. Do not edit.\n';

/** The generated files, path (relative to `abiDir`) → content. */
export function renderAbiFiles(abis: AbiSource[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const { name, source, abi } of abis) {
    files.set(
      `${name}.ts`,
      `${banner}// Source: ${source}\n\nexport const ${exportName(name)} = ${JSON.stringify(abi, null, 2)} as const;\n`,
    );
  }
  const index = abis.map(({ name }) => `export { ${exportName(name)} } from './${name}.js';`).join('\n');
  files.set('index.ts', `${banner}\n${index}\n`);
  return files;
}

/** Replaces `dir` by exactly `files` (file name → content). */
export function writeAbiFiles(files: Map<string, string>, dir = abiDir): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of files) writeFileSync(path.join(dir, file), content);
}

/** The committed files, for comparison. */
export function readAbiFiles(dir = abiDir): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const file of readdirSync(dir).sort()) files.set(file, readFileSync(path.join(dir, file), 'utf8'));
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? defaultOutDir);
  const abis = collectAbis(outDir);
  writeAbiFiles(renderAbiFiles(abis));
  process.stdout.write(`wrote ${abis.length} ABIs to ${path.relative(repoRoot, abiDir)}\n`);
  const deploy = collectDeployArtifacts(outDir);
  writeAbiFiles(renderDeployArtifacts(deploy), deployArtifactsDir);
  process.stdout.write(
    `wrote ${deploy.length} deploy artifacts to ${path.relative(repoRoot, deployArtifactsDir)}: ${deploy.map((a) => a.contractName).join(', ')}\n`,
  );
}
