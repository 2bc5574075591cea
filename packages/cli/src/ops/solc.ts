// In-process Solidity compilation with solc-js and the project's settings
// (contracts/foundry.toml: optimizer 200 runs, cancun, no metadata hash, no
// CBOR), producing exactly what a source-verification bundle needs: the
// self-contained standard-JSON input (every imported file inlined), the
// compiler version, and the output (ABI, bytecode, storage layout, AST) that
// the storage-layout check (contracts/scripts/storage-layout.ts) reads.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Abi, Hex } from 'viem';
import { repoRoot } from '../context.js';
import { DeploymentError, InputError } from '../errors.js';

const require = createRequire(path.join(repoRoot, 'contracts', 'package.json'));
type Solc = {
  compile(input: string, cb: { import(p: string): { contents: string } | { error: string } }): string;
  version(): string;
};
const solc = () => require('solc') as Solc;

export const contractsRoot = path.join(repoRoot, 'contracts');

export const projectSettings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  metadata: { bytecodeHash: 'none', appendCBOR: false },
  outputSelection: {
    '*': {
      '': ['ast'],
      '*': [
        'abi',
        'evm.bytecode.object',
        'evm.bytecode.linkReferences',
        'evm.deployedBytecode.object',
        'evm.methodIdentifiers',
        'storageLayout',
      ],
    },
  },
};

export type SolcInput = {
  language: 'Solidity';
  sources: Record<string, { content: string }>;
  settings: typeof projectSettings;
};
export type SolcOutput = {
  contracts: Record<
    string,
    Record<
      string,
      {
        abi: Abi;
        evm: {
          bytecode: {
            object: string;
            linkReferences: Record<string, Record<string, { start: number; length: number }[]>>;
          };
          deployedBytecode: { object: string };
        };
      }
    >
  >;
  sources: Record<string, { ast: unknown }>;
  errors?: { severity: string; formattedMessage: string }[];
};
export type Compilation = { input: SolcInput; output: SolcOutput; solcVersion: string; solcLongVersion: string };

function resolveImport(importPath: string): { contents: string } | { error: string } {
  const local = path.resolve(contractsRoot, importPath);
  if (existsSync(local)) return { contents: readFileSync(local, 'utf8') };
  const [scope = '', name = '', ...rest] = importPath.split('/');
  const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
  const sub = scope.startsWith('@') ? rest : [name, ...rest];
  try {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    return { contents: readFileSync(path.join(dir, ...sub), 'utf8') };
  } catch {
    return { error: `File not found: ${importPath}` };
  }
}

/** Compiles `sources` (keyed by path relative to contracts/, e.g. `src/core/X.sol`). */
export function compile(sources: Record<string, string>): Compilation {
  const input: SolcInput = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([p, content]) => [p, { content }])),
    settings: projectSettings,
  };
  const output = JSON.parse(solc().compile(JSON.stringify(input), { import: resolveImport })) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length)
    throw new InputError('The Solidity sources do not compile', {
      details: errors.map((e) => e.formattedMessage).join('\n'),
    });
  // The bundle must be self-contained: put every imported file into the input.
  for (const file of Object.keys(output.sources)) {
    if (!input.sources[file]) {
      const found = resolveImport(file);
      if ('contents' in found) input.sources[file] = { content: found.contents };
    }
  }
  const long = solc().version();
  return {
    input,
    output,
    solcLongVersion: `v${long.replace(/\.Emscripten.*$/, '')}`,
    solcVersion: long.replace(/\+.*$/, ''),
  };
}

/** A source file `contracts/<rel>` as the compile input. */
export function sourceFile(rel: string): Record<string, string> {
  const file = path.resolve(contractsRoot, rel);
  if (!existsSync(file)) throw new InputError(`Source file ${file} does not exist`);
  return { [path.relative(contractsRoot, file).split(path.sep).join('/')]: readFileSync(file, 'utf8') };
}

/** One contract of a compilation: `path:Name`, or a unique `Name`. */
export function contractOf(
  c: Compilation,
  fq: string,
): {
  source: string;
  name: string;
  abi: Abi;
  bytecode: Hex;
  linkReferences: Record<string, Record<string, { start: number; length: number }[]>>;
} {
  const [a, b] = fq.includes(':') ? fq.split(':') : [undefined, fq];
  const matches = Object.entries(c.output.contracts).flatMap(([source, cs]) =>
    Object.entries(cs)
      .filter(([name]) => name === b && (a === undefined || source === a))
      .map(([name, x]) => ({ source, name, x })),
  );
  if (matches.length !== 1)
    throw new DeploymentError(`${matches.length ? 'Ambiguous' : 'No'} contract ${fq} in the compilation`);
  const { source, name, x } = matches[0]!;
  return {
    source,
    name,
    abi: x.abi,
    bytecode: `0x${x.evm.bytecode.object}`,
    linkReferences: x.evm.bytecode.linkReferences,
  };
}
