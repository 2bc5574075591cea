// Storage-layout checks for UUPS upgrades (runbook UP-001 step 3), on top of
// @openzeppelin/upgrades-core: extract the layout of a contract (ERC-7201
// namespaces included) from solc standard-JSON input and output, and compare
// two versions. `pil upgrade prepare` and check-storage.ts call it.
//
// Two sources of compiler output:
//   - compileForLayout(): solc-js in process, asking only for `ast` and
//     `storageLayout` (no code generation: seconds, not the ~30 s of a build);
//   - readForgeBuildInfos(): forge's `--build-info` files (the same input and
//     output the deployed bytecode came from).
// The layout does not depend on optimizer settings, so both give the same answer.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import upgrades, {
  type SolcInput,
  type SolcOutput,
  type StorageLayout,
  type ValidationRunData,
} from '@openzeppelin/upgrades-core';

const {
  getContractVersion,
  getStorageLayout,
  getStorageUpgradeReport,
  makeNamespacedInput,
  solcInputOutputDecoder,
  validate,
} = upgrades;

const require = createRequire(import.meta.url);
export const contractsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const baselineDir = path.join(contractsDir, 'storage-layouts');

type Solc = {
  compile(input: string, callbacks?: { import(p: string): { contents: string } | { error: string } }): string;
  version(): string;
};

/** Standard-JSON input and output of one compilation, as in a build-info file. */
export type Compilation = { input: SolcInput; output: SolcOutput; solcVersion: string };

export type LayoutComparison = { ok: true } | { ok: false; explanation: string };

function solc(): Solc {
  return require('solc') as Solc;
}

/** Resolves imports like tools/solc: relative to `roots`, then through node_modules packages. */
function importResolver(roots: string[], known: Record<string, { content?: string }> = {}) {
  return (importPath: string): { contents: string } | { error: string } => {
    // forge's build-info keys dependencies by absolute path while imports arrive remapped
    // (`../node_modules/...`): serve the compilation's own (possibly transformed) text.
    for (const root of roots) {
      const content = known[path.resolve(root, importPath)]?.content;
      if (content !== undefined) return { contents: content };
    }
    for (const root of roots) {
      const file = path.resolve(root, importPath);
      if (existsSync(file)) return { contents: readFileSync(file, 'utf8') };
    }
    const [scope = '', name = '', ...rest] = importPath.split('/');
    const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
    const sub = scope.startsWith('@') ? rest : [name, ...rest];
    try {
      const dir = path.dirname(require.resolve(`${pkg}/package.json`, { paths: roots }));
      return { contents: readFileSync(path.join(dir, ...sub), 'utf8') };
    } catch {
      return { error: `File not found: ${importPath}` };
    }
  };
}

function compileStandardJson(input: SolcInput, roots: string[]): SolcOutput {
  const resolver = importResolver(roots, input.sources as Record<string, { content?: string }>);
  const output = JSON.parse(solc().compile(JSON.stringify(input), { import: resolver })) as SolcOutput & {
    errors?: { severity: string; formattedMessage: string }[];
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  return output;
}

const layoutSettings = {
  evmVersion: 'cancun',
  outputSelection: { '*': { '': ['ast'], '*': ['storageLayout'] } },
};

/**
 * Compiles `sources` (path → content; imports resolved against `root` and node_modules) for
 * storage layouts only.
 */
export function compileForLayout(sources: Record<string, string>, root = contractsDir): Compilation {
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([p, content]) => [p, { content }])),
    // validate() identifies a contract version by its bytecode: unoptimized code is enough.
    settings: {
      ...layoutSettings,
      outputSelection: {
        '*': {
          '': ['ast'],
          '*': ['storageLayout', 'evm.bytecode.object', 'evm.bytecode.linkReferences', 'evm.methodIdentifiers'],
        },
      },
    },
  } as unknown as SolcInput;
  const output = compileStandardJson(input, [root]);
  // Imported files are in the output only: put them into the input too, as a build-info has them.
  for (const file of Object.keys(output.sources)) {
    if (!input.sources[file]) {
      const found = importResolver([root])(file);
      if ('contents' in found) input.sources[file] = { content: found.contents };
    }
  }
  return {
    input,
    output,
    solcVersion: solc()
      .version()
      .replace(/\+.*$/, '')
      .replace(/\.Emscripten.*$/, ''),
  };
}

/** Every `.sol` file under `dir` (default contracts/src), keyed as `src/...` relative to contracts/. */
export function projectSources(dir = path.join(contractsDir, 'src'), root = contractsDir): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.sol')) out[path.relative(root, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** forge's build-info files (`forge build --build-info`): `{ input, output, solcVersion }` each. */
export function readForgeBuildInfos(buildInfoDir: string): Compilation[] {
  return readdirSync(buildInfoDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const j = JSON.parse(readFileSync(path.join(buildInfoDir, f), 'utf8')) as Compilation & {
        solcLongVersion?: string;
      };
      // forge records its CLI paths in the input; solc's standard JSON refuses them.
      const {
        allowPaths: _a,
        basePath: _b,
        includePaths: _i,
        ...input
      } = j.input as SolcInput & Record<string, unknown>;
      // Its input keys dependencies by absolute path, its output by the remapped path: alias them.
      const sources = input.sources as Record<string, { content?: string }>;
      for (const key of Object.keys(j.output.sources)) {
        const abs = path.resolve(contractsDir, key);
        if (!sources[key] && sources[abs]) sources[key] = sources[abs];
      }
      return { input: input as SolcInput, output: j.output, solcVersion: j.solcVersion };
    });
}

/**
 * OpenZeppelin's validation data of a compilation. ERC-7201 namespaced structs need a second,
 * "namespaced" compilation (makeNamespacedInput turns each namespace into state variables).
 */
export function validateCompilation(c: Compilation, root = contractsDir): ValidationRunData {
  sanitizeStorageNotes(c.output);
  const decodeSrc = solcInputOutputDecoder(c.input, c.output);
  const namespacedInput = makeNamespacedInput(c.input, c.output, c.solcVersion);
  // The layout only: no optimizer, no code generation.
  const settings = { ...(namespacedInput.settings ?? {}), ...layoutSettings } as SolcInput['settings'];
  delete (settings as { optimizer?: unknown }).optimizer;
  delete (settings as { viaIR?: unknown }).viaIR;
  const namespacedOutput = sanitizeStorageNotes(
    compileStandardJson({ language: 'Solidity', sources: namespacedInput.sources, settings } as SolcInput, [root]),
  );
  return validate(c.output, decodeSrc, c.solcVersion, c.input, namespacedOutput);
}

/**
 * OpenZeppelin reads every `@custom:storage-location` NatSpec tag as an ERC-7201 namespace and
 * throws on any other text. CommitmentTree's Tree struct carries the tag as a note ("inside the
 * owning contract's ERC-7201 namespace"), which is documentation, not a namespace: such tags are
 * renamed in the AST (only tags whose argument is not `erc7201:<id>`).
 */
export function sanitizeStorageNotes(output: SolcOutput): SolcOutput {
  const fix = (text: string) =>
    text.replace(/@custom:storage-location(?!\s+erc7201:\S+\s*$)/gm, '@custom:storage-note');
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const doc = n.documentation as { text?: string } | string | undefined;
    if (typeof doc === 'string') n.documentation = fix(doc);
    else if (doc && typeof doc.text === 'string') doc.text = fix(doc.text);
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
  };
  for (const source of Object.values(output.sources ?? {})) walk((source as { ast?: unknown }).ast);
  return output;
}

/** `src/core/X.sol:X` of every non-abstract UUPS contract under `src/`. */
export function upgradeableContracts(data: ValidationRunData, c: Compilation): string[] {
  return Object.entries(data)
    .filter(([name, v]) => name.startsWith('src/') && v.inherit.some((i) => i.endsWith(':UUPSUpgradeable')))
    .map(([name]) => name)
    .filter((name) => !isAbstract(c, name))
    .sort();
}

function isAbstract(c: Compilation, fqName: string): boolean {
  const [source = '', name] = fqName.split(':');
  const ast = c.output.sources[source]?.ast as { nodes?: { nodeType: string; name?: string; abstract?: boolean }[] };
  return Boolean(ast?.nodes?.find((n) => n.nodeType === 'ContractDefinition' && n.name === name)?.abstract);
}

/** The storage layout of `contract` (`path:Name`, or a unique `Name`). */
export function layoutOf(data: ValidationRunData, contract: string): StorageLayout {
  const version = getContractVersion(data, contract);
  return getStorageLayout(data, version);
}

/** Whether `updated` can replace `original` behind the same proxy, and if not, why. */
export function compareLayouts(original: StorageLayout, updated: StorageLayout): LayoutComparison {
  const report = getStorageUpgradeReport(original, updated, upgrades.withValidationDefaults({}));
  return report.ok ? { ok: true } : { ok: false, explanation: report.explain() };
}

/** The committed baseline layout of a contract name (contracts/storage-layouts/<Name>.json). */
export function readBaseline(name: string, dir = baselineDir): StorageLayout | undefined {
  const file = path.join(dir, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StorageLayout) : undefined;
}

/** A layout as committed: stable JSON. */
export function renderLayout(layout: StorageLayout): string {
  return `${JSON.stringify(layout, null, 2)}\n`;
}
