export { pilErrorsAbi } from './abi.js';
export type { BaseErrorParameters, BaseErrorType } from './base.js';
export { BaseError, DOCS_BASE_URL } from './base.js';
export type { ContractRevertParameters } from './contract.js';
export {
  ContractRevertError,
  contractErrorMessages,
  contractRevertError,
  EnforcedPauseError,
  InvalidProofError,
  MessageAlreadyImportedError,
  NullifierAlreadyConsumedError,
  PolicyInactiveError,
  RootNotAcceptedError,
  SignerNotActiveError,
  UnauthorizedAccountError,
  UnknownRootError,
} from './contract.js';
export {
  ConfigError,
  DecryptionError,
  InvalidParameterError,
  NotFoundError,
  ProofError,
  RpcError,
  TransactionError,
  TransportError,
  WaitTimeoutError,
} from './families.js';
export type { MapErrorContext } from './map.js';
export { decodeRevert, mapError } from './map.js';
