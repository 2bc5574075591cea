// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IExecutionAgnosticStateCommitments
/// @notice Execution backends and the attestation quorum that gates a commitment's entry into
/// the tree (protocol §5).
interface IExecutionAgnosticStateCommitments {
    /// @notice Kind of execution backend.
    enum BackendKind {
        ZKVM,
        TEE,
        MPC
    }

    /// @notice A backend and its attestation signer.
    struct Backend {
        BackendKind kind;
        address signer;
        bool active;
        bool registered;
    }

    /// @notice A commitment waiting for attestations.
    struct PendingCommitment {
        uint256 policyHash;
        uint16 quorum;
        uint16 attestations;
        bool finalized;
        bool registered;
    }

    /// @dev The backend is already registered.
    error BackendAlreadyRegistered(bytes32 backendId);
    /// @dev The backend is unknown or inactive.
    error BackendInactive(bytes32 backendId);
    /// @dev The commitment was registered before (pending or finalized).
    error CommitmentAlreadyRegistered(uint256 commitment);
    /// @dev The commitment is not pending.
    error CommitmentNotPending(uint256 commitment);
    /// @dev The backend already attested this commitment.
    error AlreadyAttested(uint256 commitment, bytes32 backendId);
    /// @dev The signature is not the backend signer's.
    error InvalidAttestation(uint256 commitment, bytes32 backendId);
    /// @dev A quorum of zero.
    error InvalidQuorum();

    /// @notice A backend was registered.
    event BackendRegistered(bytes32 indexed backendId, BackendKind kind, address signer);
    /// @notice A backend was deactivated.
    event BackendDeactivated(bytes32 indexed backendId, address indexed account);
    /// @notice The container allowed to register pending commitments changed.
    event ContainerSet(address container);
    /// @notice A commitment waits for `quorum` attestations.
    event CommitmentPending(uint256 indexed commitment, uint256 indexed policyHash, uint16 quorum);
    /// @notice A backend attested a pending commitment.
    event CommitmentAttested(uint256 indexed commitment, bytes32 indexed backendId, uint16 attestations);
    /// @notice The quorum was reached and the commitment was inserted into the tree at `leafIndex`.
    event CommitmentFinalized(uint256 indexed commitment, uint256 indexed leafIndex, uint256 root);

    /// @notice Registers a backend. `DEFAULT_ADMIN_ROLE`; `whenNotPaused`.
    function registerBackend(bytes32 backendId, BackendKind kind, address signer) external;
    /// @notice Deactivates a backend. `DEFAULT_ADMIN_ROLE` or `GUARDIAN_ROLE`; open while paused.
    function deactivateBackend(bytes32 backendId) external;
    /// @notice Sets the container (PC3). `DEFAULT_ADMIN_ROLE`.
    function setContainer(address container) external;
    /// @notice Registers `commitment` as pending under `policyHash`. Container only; `whenNotPaused`.
    function registerPending(uint256 commitment, uint256 policyHash, uint16 quorum) external;
    /// @notice Counts an EIP-712 attestation of `commitment` by `backendId`'s signer
    /// (`Attestation(uint256 commitment,uint256 policyHash,bytes32 backendId)`, domain
    /// `{name: "PIL EASC", version: "1", chainId, verifyingContract}`); at the quorum, inserts the
    /// commitment into the container's tree. Anyone may submit; `whenNotPaused`.
    function attestCommitment(uint256 commitment, bytes32 backendId, bytes calldata signature) external;

    /// @notice The backend record.
    function getBackend(bytes32 backendId) external view returns (Backend memory);
    /// @notice The pending record of `commitment`.
    function getPending(uint256 commitment) external view returns (PendingCommitment memory);
    /// @notice Whether `backendId` attested `commitment`.
    function hasAttested(uint256 commitment, bytes32 backendId) external view returns (bool);
    /// @notice The EIP-712 digest a backend signs.
    function attestationDigest(uint256 commitment, uint256 policyHash, bytes32 backendId)
        external
        view
        returns (bytes32);
    /// @notice The container (PC3).
    function container() external view returns (address);
}
