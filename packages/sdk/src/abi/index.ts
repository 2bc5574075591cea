// Typed ABIs of the PIL contracts (`as const`, for viem's type inference),
// generated from forge build output by contracts/scripts/gen-abis.ts.
export * from './generated/index.js';
