// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Groth16Proof, SpendArgs} from "./PILTypes.sol";

/// @title IProofCarryingContainer
/// @notice Containers: creation, local spend and export, and the commitment tree (protocol §3, §5).
/// @dev An indexer rebuilds the tree from {ContainerCreated} and {CommitmentInserted}: every leaf
/// enters the tree through exactly one of them.
interface IProofCarryingContainer {
    /// @notice The tree and its dependencies.
    struct Dependencies {
        address verifierRegistry;
        address policies;
        address nullifiers;
        address stateCommitments;
        address hub;
    }

    /// @notice How a commitment entered the tree through {CommitmentInserted}.
    enum InsertSource {
        Consume,
        Import,
        Attested
    }

    /// @dev The spend proof's root is not the tree's root at `rootSize`, or `rootSize` is not among the last 128.
    error UnknownRoot(uint256 root, uint64 rootSize);
    /// @dev The destination chain is this chain (use consume) or has no hub configured.
    error InvalidDestination(uint256 dstChainId);
    /// @dev Refunding the fee of an export rejected under a retired key failed.
    error RefundFailed(address to, uint256 amount);

    /// @notice A container was created and its commitment inserted at `leafIndex`.
    event ContainerCreated(
        uint256 indexed leafIndex, uint256 indexed commitment, uint256 indexed policyHash, uint256 root, bytes ciphertext
    );
    /// @notice A container was created under a policy with an attestation quorum; it waits in EASC.
    event ContainerPending(uint256 indexed commitment, uint256 indexed policyHash, bytes ciphertext);
    /// @notice A note was spent locally; its new note `dstCommitment` enters this tree (see
    /// {CommitmentInserted}) or waits in EASC when the policy has an attestation quorum.
    event ContainerConsumed(
        uint256 indexed nullifier, uint256 indexed dstCommitment, uint256 indexed policyHash, bytes ciphertext
    );
    /// @notice A note was spent and exported as hub message `messageId` (the ciphertext travels
    /// in the hub's `MessageExported`).
    event ContainerExported(
        uint256 indexed nullifier,
        bytes32 indexed messageId,
        uint256 indexed dstChainId,
        uint256 dstCommitment,
        uint256 policyHash
    );
    /// @notice A commitment other than a direct creation entered the tree.
    event CommitmentInserted(uint256 indexed leafIndex, uint256 indexed commitment, uint256 root, InsertSource source);
    /// @notice The dependencies changed.
    event DependenciesSet(Dependencies dependencies);

    /// @notice Creates a container: checks the policy is active, verifies the `container_create`
    /// proof on `[commitment, policyHash, keccak256(ciphertext) mod r]` and inserts `commitment`
    /// (or registers it in EASC as pending when the policy's `attestationQuorum > 0`).
    /// Permissionless; `whenNotPaused`.
    function createContainer(
        Groth16Proof calldata proof,
        uint256 commitment,
        uint256 policyHash,
        bytes calldata ciphertext
    ) external;

    /// @notice Spends a note locally: verifies the `container_spend` proof with
    /// `srcDomain = dstDomain = ` this chain's domain, consumes the nullifier through CDNA and
    /// inserts `args.dstCommitment` (or registers it as pending). Permissionless; `whenNotPaused`.
    function consumeContainer(Groth16Proof calldata proof, SpendArgs calldata args, bytes calldata ciphertext)
        external;

    /// @notice Spends a note and exports it to `dstChainId`: as {consumeContainer} but with
    /// `dstDomain = domainId(dstChainId, appId)`, appending a message to the hub's outbox;
    /// `msg.value` is the relayer fee. Permissionless; `whenNotPaused`. Returns the message id, or
    /// zero (fee refunded to the caller) when the proof verified only under a retired key.
    function exportContainer(
        Groth16Proof calldata proof,
        SpendArgs calldata args,
        uint256 dstChainId,
        bytes calldata ciphertext
    ) external payable returns (bytes32 messageId);

    /// @notice Inserts an imported message's commitment (or registers it as pending under an
    /// attested policy). Hub only; `whenNotPaused`.
    function insertImported(uint256 commitment, uint256 policyHash) external;

    /// @notice Inserts a commitment whose attestation quorum was reached. EASC only; `whenNotPaused`.
    function insertAttested(uint256 commitment) external returns (uint256 leafIndex, uint256 root);

    /// @notice Sets the dependencies. `DEFAULT_ADMIN_ROLE`.
    function setDependencies(Dependencies calldata dependencies) external;

    /// @notice The dependencies.
    function dependencies() external view returns (Dependencies memory);
    /// @notice The number of leaves.
    function treeSize() external view returns (uint256);
    /// @notice The current root (0 when empty).
    function currentRoot() external view returns (uint256);
    /// @notice The root at `size` leaves if among the last 128 sizes, else 0.
    function rootAt(uint256 size) external view returns (uint256);
    /// @notice Whether a spend may name `root` with `rootSize`.
    function isKnownRoot(uint256 root, uint64 rootSize) external view returns (bool);
    /// @notice The side node at `level` (the last completed left subtree there).
    function sideNode(uint256 level) external view returns (uint256);
    /// @notice This chain's domain, `domainId(block.chainid, keccak256("PIL.v2"))`.
    function localDomainId() external view returns (uint256);
}
