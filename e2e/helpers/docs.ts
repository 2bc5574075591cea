// The SDK's documentation as a program: the ```js quickstart block of the README,
// then every ```js example block of the README and of docs/API.md, in that order, as
// one ES module (the examples continue from each other). Each block shows its own
// imports; they are merged here (one import per module, each name once) and hoisted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const sdkDir = fileURLToPath(new URL('../../packages/sdk', import.meta.url));
/** The documents whose examples run, in order. */
export const sdkDocs = ['README.md', 'docs/API.md'] as const;

export type DocBlock = { doc: string; kind: 'quickstart' | 'example'; code: string };

export function docBlocks(): DocBlock[] {
  return sdkDocs.flatMap((doc) => {
    const text = readFileSync(path.join(sdkDir, doc), 'utf8');
    return [...text.matchAll(/```js (quickstart|example)\n([\s\S]*?)```/g)].map((m) => ({
      doc,
      kind: m[1] as DocBlock['kind'],
      code: m[2] ?? '',
    }));
  });
}

const importRe = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\}\s*)?from\s+'([^']+)';[ \t]*\n?/gm;

/** The blocks as one module: the quickstart first, imports merged and hoisted. */
export function docsProgram(blocks: DocBlock[] = docBlocks()): string {
  const quickstart = blocks.filter((b) => b.kind === 'quickstart');
  const examples = blocks.filter((b) => b.kind === 'example');
  if (quickstart.length !== 1 || examples.length === 0)
    throw new Error('SDK docs: expected one quickstart and examples');
  const named = new Map<string, Set<string>>();
  const defaults = new Map<string, string>();
  const bodies = [...quickstart, ...examples].map((b) =>
    b.code.replace(importRe, (_all, def: string | undefined, names: string | undefined, from: string) => {
      if (def) {
        const seen = defaults.get(from);
        if (seen && seen !== def) throw new Error(`SDK docs: ${from} imported as ${seen} and ${def}`);
        defaults.set(from, def);
      }
      const set = named.get(from) ?? new Set<string>();
      for (const n of (names ?? '').split(',').map((s) => s.trim())) if (n) set.add(n);
      named.set(from, set);
      return '';
    }),
  );
  const imports = [...named.keys()].map((from) => {
    const parts = [defaults.get(from), named.get(from)?.size ? `{ ${[...named.get(from)!].join(', ')} }` : undefined];
    return `import ${parts.filter(Boolean).join(', ')} from '${from}';`;
  });
  return [...imports, '', ...bodies.map((b, i) => `// --- block ${i}\n${b}`)].join('\n');
}

/** The identifiers used in the runnable blocks (for the every-export-has-an-example check). */
export function documentedIdentifiers(blocks: DocBlock[] = docBlocks()): Set<string> {
  return new Set(blocks.flatMap((b) => b.code.match(/[A-Za-z_$][\w$]*/g) ?? []));
}
