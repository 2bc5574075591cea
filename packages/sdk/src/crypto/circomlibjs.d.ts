// Minimal typings for circomlibjs' Poseidon (circomlibjs ships none).
declare module 'circomlibjs' {
  export interface PoseidonField {
    toObject(element: Uint8Array): bigint;
    e(value: bigint | number | string): Uint8Array;
  }

  export interface CircomlibPoseidon {
    (inputs: readonly (bigint | number | string | Uint8Array)[]): Uint8Array;
    F: PoseidonField;
  }

  export function buildPoseidon(): Promise<CircomlibPoseidon>;
}
