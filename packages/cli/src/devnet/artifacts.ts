// A generic loader for build artifacts and a linker for library placeholders.
// Knows nothing about PIL contracts. Looks a contract up, in order, in:
//   1. contracts/deploy-artifacts/<Name>.json: committed, generated from a forge
//      build by contracts/scripts/gen-abis.ts and checked against a fresh build by
//      its test, so the devnet deploys with no compilation (docs/adr/0009);
//   2. a forge output directory (contracts/out/<File>.sol/<Name>.json), for
//      contracts that are not committed (test contracts, a V2 being tried);
//   3. compiled contracts shipped by packages (OpenZeppelin's ERC1967Proxy).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Address, Hex } from 'viem';
import { z } from 'zod';
import { DeploymentError } from '../errors.js';

const linkReferencesSchema = z.record(
  z.string(),
  z.record(z.string(), z.array(z.object({ start: z.number(), length: z.number() }))),
);

/** forge's artifact format. */
const forgeArtifactSchema = z.object({
  abi: z.array(z.any()),
  bytecode: z.object({ object: z.string(), linkReferences: linkReferencesSchema.default({}) }),
  metadata: z
    .object({ settings: z.object({ compilationTarget: z.record(z.string(), z.string()) }).loose() })
    .loose()
    .optional(),
});

/** The Hardhat format, in which OpenZeppelin ships compiled contracts (`@openzeppelin/contracts/build`). */
const hardhatArtifactSchema = z.object({
  _format: z.string(),
  sourceName: z.string(),
  abi: z.array(z.any()),
  bytecode: z.string(),
  linkReferences: linkReferencesSchema.default({}),
});

const require = createRequire(import.meta.url);

/** Compiled contracts shipped by packages, used when the forge build does not contain them (e.g. ERC1967Proxy). */
export function packagedArtifactDirs(): string[] {
  try {
    return [path.join(path.dirname(require.resolve('@openzeppelin/contracts/package.json')), 'build', 'contracts')];
  } catch {
    return [];
  }
}

/** The committed deploy artifacts (Hardhat format, one `<Name>.json` per contract). */
export const committedArtifactsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../contracts/deploy-artifacts',
);

export type LinkReferences = z.output<typeof linkReferencesSchema>;

export type Artifact = {
  name: string;
  /** Source file as the compiler saw it, e.g. `src/PILv2Orchestrator.sol`. */
  sourcePath: string;
  abi: Abi;
  /** Creation bytecode, possibly with `__$…$__` library placeholders. */
  bytecode: string;
  linkReferences: LinkReferences;
  file: string;
};

export class ArtifactStore {
  readonly outDir: string;
  /** Committed artifacts, consulted before `outDir`; `undefined` to use the forge output only. */
  readonly committedDir: string | undefined;
  private readonly cache = new Map<string, Artifact>();

  constructor(outDir: string, options: { committedDir?: string | null } = {}) {
    this.outDir = outDir;
    const committed = options.committedDir === undefined ? committedArtifactsDir : options.committedDir;
    this.committedDir = committed && existsSync(committed) ? committed : undefined;
    if (!this.committedDir && !existsSync(outDir)) {
      throw new DeploymentError(`No build artifacts in ${outDir}`, {
        hint: 'Build the contracts first: npm run build -w @pil/contracts',
      });
    }
  }

  /**
   * Every artifact file: `{ name, file }`: the committed `<Name>.json` first, then all forge
   * `<File>.sol/<Name>.json` at any depth (forge nests the output of same-named source files
   * under their directories). A name may appear twice; `get` takes the first.
   */
  list(): { name: string; file: string }[] {
    const found: { name: string; file: string }[] = [];
    if (this.committedDir) {
      for (const f of readdirSync(this.committedDir).sort()) {
        if (f.endsWith('.json')) found.push({ name: f.replace(/\.json$/, ''), file: path.join(this.committedDir, f) });
      }
    }
    if (!existsSync(this.outDir)) return found;
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name === 'build-info') continue;
        const sub = path.join(dir, entry.name);
        if (entry.name.endsWith('.sol')) {
          for (const f of readdirSync(sub)) {
            if (f.endsWith('.json')) found.push({ name: f.replace(/\.json$/, ''), file: path.join(sub, f) });
          }
        } else walk(sub);
      }
    };
    walk(this.outDir);
    return found;
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** The artifact of contract `name`, from `<name>.sol/<name>.json` or any file that defines it. */
  get(name: string): Artifact {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const file = this.find(name);
    if (!file) {
      throw new DeploymentError(`No build artifact for contract ${name} in ${this.outDir}`, {
        hint: 'Is the contract written and built? Run npm run build -w @pil/contracts',
      });
    }
    const artifact = readArtifact(file, name);
    this.cache.set(name, artifact);
    return artifact;
  }

  private find(name: string): string | undefined {
    if (this.committedDir) {
      const committed = path.join(this.committedDir, `${name}.json`);
      if (existsSync(committed)) return committed;
    }
    const direct = path.join(this.outDir, `${name}.sol`, `${name}.json`);
    if (existsSync(direct)) return direct;
    // Same-named contracts: prefer the project's own (`src/`) over dependencies'.
    const built = existsSync(this.outDir) ? this.list().filter((a) => a.name === name) : [];
    const own = built.find((a) => readArtifact(a.file, name).sourcePath.startsWith('src/'));
    if (own ?? built[0]) return (own ?? built[0])!.file;
    return packagedArtifactDirs()
      .map((dir) => path.join(dir, `${name}.json`))
      .find((f) => existsSync(f));
  }
}

export function readArtifact(file: string, name: string): Artifact {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const hardhat = hardhatArtifactSchema.safeParse(json);
  if (hardhat.success) {
    const { abi, bytecode, linkReferences, sourceName } = hardhat.data;
    return { name, sourcePath: sourceName, abi: abi as Abi, bytecode, linkReferences, file };
  }
  const parsed = forgeArtifactSchema.safeParse(json);
  if (!parsed.success) throw new DeploymentError(`Malformed build artifact ${file}`);
  const { abi, bytecode, metadata } = parsed.data;
  const sourcePath = Object.keys(metadata?.settings.compilationTarget ?? {})[0] ?? '';
  return {
    name,
    sourcePath,
    abi: abi as Abi,
    bytecode: bytecode.object,
    linkReferences: bytecode.linkReferences,
    file,
  };
}

/** Libraries an artifact needs, as `{ source, name }`. */
export function requiredLibraries(artifact: Artifact): { source: string; name: string }[] {
  return Object.entries(artifact.linkReferences).flatMap(([source, libs]) =>
    Object.keys(libs).map((name) => ({ source, name })),
  );
}

/** Replaces every library placeholder by its address; fails when one is not supplied. */
export function linkBytecode(artifact: Artifact, libraries: Record<string, Address>): Hex {
  let code = artifact.bytecode.startsWith('0x') ? artifact.bytecode.slice(2) : artifact.bytecode;
  for (const [source, libs] of Object.entries(artifact.linkReferences)) {
    for (const [name, refs] of Object.entries(libs)) {
      const address = libraries[name];
      if (!address) {
        throw new DeploymentError(`Contract ${artifact.name} needs library ${name} (${source}), which is not deployed`);
      }
      const hex = address.slice(2).toLowerCase();
      for (const { start, length } of refs) {
        code = code.slice(0, start * 2) + hex + code.slice((start + length) * 2);
      }
    }
  }
  if (code.includes('__$')) throw new DeploymentError(`Unlinked placeholder left in ${artifact.name}`);
  return `0x${code}`;
}
