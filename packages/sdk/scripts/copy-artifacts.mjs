// Copies the circuit artifacts the prover needs into the package (artifacts/<circuit>/):
// the witness generator (wasm), the proving key (zkey), the verification key and its info.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const keys = fileURLToPath(new URL('../../../circuits/keys/', import.meta.url));
for (const circuit of ['container_create', 'container_spend']) {
  mkdirSync(`${root}artifacts/${circuit}`, { recursive: true });
  for (const file of [`${circuit}.wasm`, `${circuit}_final.zkey`, 'verification_key.json', 'info.json']) {
    copyFileSync(`${keys}${circuit}/${file}`, `${root}artifacts/${circuit}/${file}`);
  }
}
