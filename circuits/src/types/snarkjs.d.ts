// Minimal typings for the parts of snarkjs 0.7 that PIL uses (snarkjs ships none).
declare module 'snarkjs' {
  export interface Logger {
    debug(msg: string): void;
    info(msg: string): void;
    warn(msg: string): void;
    error(msg: string): void;
  }

  export interface Groth16Proof {
    pi_a: string[];
    pi_b: string[][];
    pi_c: string[];
    protocol: string;
    curve: string;
  }

  export type PublicSignals = string[];

  export interface VerificationKey {
    protocol: string;
    curve: string;
    nPublic: number;
    [key: string]: unknown;
  }

  type FileOrBytes = string | Uint8Array | { type: 'mem'; data?: Uint8Array };

  export interface Curve {
    terminate(): Promise<void>;
  }

  export const curves: {
    getCurveFromName(name: string, options?: { singleThread?: boolean }): Promise<Curve>;
  };

  export const groth16: {
    fullProve(
      input: Record<string, unknown>,
      wasm: FileOrBytes,
      zkey: FileOrBytes,
      logger?: Logger,
    ): Promise<{ proof: Groth16Proof; publicSignals: PublicSignals }>;
    prove(
      zkey: FileOrBytes,
      witness: FileOrBytes,
      logger?: Logger,
    ): Promise<{ proof: Groth16Proof; publicSignals: PublicSignals }>;
    verify(vk: VerificationKey, publicSignals: PublicSignals, proof: Groth16Proof, logger?: Logger): Promise<boolean>;
    exportSolidityCallData(proof: Groth16Proof, publicSignals: PublicSignals): Promise<string>;
  };

  export const powersOfTau: {
    newAccumulator(curve: Curve, power: number, fileName: string, logger?: Logger): Promise<Uint8Array>;
    contribute(oldPtau: string, newPtau: string, name: string, entropy: string, logger?: Logger): Promise<Uint8Array>;
    beacon(
      oldPtau: string,
      newPtau: string,
      name: string,
      beaconHashHex: string,
      numIterationsExp: number,
      logger?: Logger,
    ): Promise<Uint8Array | false>;
    preparePhase2(oldPtau: string, newPtau: string, logger?: Logger): Promise<void>;
    verify(ptau: string, logger?: Logger): Promise<boolean>;
  };

  export const zKey: {
    newZKey(r1cs: string, ptau: string, zkey: FileOrBytes, logger?: Logger): Promise<Uint8Array | -1>;
    contribute(oldZkey: string, newZkey: string, name: string, entropy: string, logger?: Logger): Promise<Uint8Array>;
    beacon(
      oldZkey: string,
      newZkey: string,
      name: string,
      beaconHashHex: string,
      numIterationsExp: number,
      logger?: Logger,
    ): Promise<Uint8Array | false>;
    verifyFromR1cs(r1cs: string, ptau: string, zkey: string, logger?: Logger): Promise<boolean>;
    exportVerificationKey(zkey: FileOrBytes, logger?: Logger): Promise<VerificationKey>;
    exportSolidityVerifier(zkey: FileOrBytes, templates: { groth16: string }, logger?: Logger): Promise<string>;
  };

  export const wtns: {
    calculate(input: Record<string, unknown>, wasm: FileOrBytes, wtns: FileOrBytes): Promise<void>;
    exportJson(wtns: FileOrBytes): Promise<bigint[]>;
    check(r1cs: string, wtns: string, logger?: Logger): Promise<boolean>;
  };

  export const r1cs: {
    info(
      r1cs: string,
      logger?: Logger,
    ): Promise<{
      nConstraints: number;
      nVars: number;
      nOutputs: number;
      nPubInputs: number;
      nPrvInputs: number;
      nLabels: number;
    }>;
  };
}
