// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Checkpoint, Message} from "./PILTypes.sol";

/// @title ICrossChainProofHub
/// @notice The outbox, checkpoint acceptance, message import and the fee pool (protocol §6).
interface ICrossChainProofHub {
    /// @dev The signer is not an active relayer at the current epoch.
    error SignerNotActive(address signer);
    /// @dev A signature is malformed.
    error InvalidSignature();
    /// @dev `(srcChainId, srcHub)` is not a configured remote hub.
    error UnknownSource(uint256 srcChainId, address srcHub);
    /// @dev The root is not accepted for the message's source.
    error RootNotAccepted(uint256 srcChainId, address srcHub, bytes32 root);
    /// @dev The message is not addressed to this chain and hub.
    error WrongDestination(uint256 dstChainId, address dstHub);
    /// @dev The inclusion proof does not prove the message's leaf under the root.
    error InvalidInclusionProof();
    /// @dev `keccak256(ciphertext) mod r` differs from the message's `payloadHash`.
    error PayloadHashMismatch(uint256 expected, uint256 actual);
    /// @dev No remote hub is configured for `chainId`.
    error UnknownDestination(uint256 chainId);
    /// @dev The fee pool holds less than requested.
    error InsufficientPool(uint256 requested, uint256 available);
    /// @dev Nothing is owed to the caller.
    error NothingOwed(address account);
    /// @dev An ETH transfer failed.
    error TransferFailed(address to, uint256 amount);
    /// @dev A remote hub for this chain itself.
    error InvalidRemote(uint256 chainId);

    /// @notice A message was appended to the outbox; `message.index` is its position.
    event MessageExported(bytes32 indexed messageId, uint64 indexed index, Message message, bytes ciphertext);
    /// @notice The outbox root after `count` messages.
    event OutboxRootUpdated(uint64 indexed count, bytes32 root);
    /// @notice `signer` voted for a checkpoint at relayer-set `epoch` (`votes` in that epoch).
    event CheckpointVoted(
        uint256 indexed srcChainId,
        address indexed srcHub,
        uint64 indexed count,
        bytes32 root,
        address signer,
        uint256 epoch,
        uint256 votes
    );
    /// @notice A checkpoint reached the quorum; `root` is accepted for `(srcChainId, srcHub)` forever.
    event CheckpointAccepted(uint256 indexed srcChainId, address indexed srcHub, uint64 count, bytes32 root);
    /// @notice A message was imported; `relayer` was paid `paid` of `fee` (the rest is owed).
    event MessageImported(
        bytes32 indexed messageId,
        uint256 indexed srcChainId,
        address indexed relayer,
        uint256 commitment,
        uint256 fee,
        uint256 paid
    );
    /// @notice The fee pool received `amount`.
    event FeePoolFunded(address indexed from, uint256 amount);
    /// @notice `account` was paid `amount` of owed fees.
    event OwedFeesClaimed(address indexed account, uint256 amount);
    /// @notice Governance recovered `amount` from the fee pool to `to`.
    event FundsRecovered(address indexed to, uint256 amount);
    /// @notice The remote hub of `chainId` is `hub` (zero: removed).
    event RemoteHubSet(uint256 indexed chainId, address hub);
    /// @notice The dependencies changed.
    event DependenciesSet(address container, address nullifiers, address relayerRegistry);

    /// @notice Appends a message for an export to the outbox; `msg.value` is the fee paid into the
    /// pool. Container only; `whenNotPaused`.
    function appendMessage(
        uint256 dstChainId,
        uint256 commitment,
        uint256 payloadHash,
        uint256 policyHash,
        bytes calldata ciphertext
    ) external payable returns (bytes32 messageId);

    /// @notice Counts relayer signatures for `checkpoint` at the current relayer-set epoch; accepts
    /// the root at the quorum. Anyone may submit; `whenNotPaused`.
    function submitCheckpoint(Checkpoint calldata checkpoint, bytes[] calldata signatures) external;

    /// @notice Imports `message` under the accepted `root` with the OpenZeppelin `MerkleProof`
    /// `proof`, once per message id; inserts the commitment into this chain's tree and pays the
    /// fee to the caller (or records it as owed). Anyone may relay; `whenNotPaused`.
    function importMessage(
        Message calldata message,
        bytes calldata ciphertext,
        bytes32[] calldata proof,
        bytes32 root
    ) external;

    /// @notice Adds ETH to the fee pool. `whenNotPaused`.
    function fundFeePool() external payable;
    /// @notice Pays the caller's owed fees from the pool. `whenNotPaused`.
    function claimOwedFees() external;
    /// @notice Moves `amount` of the fee pool to `to` (EP-004). `RECOVERY_ROLE`; open while paused.
    function recoverFunds(address payable to, uint256 amount) external;
    /// @notice Sets the hub of a remote chain (zero removes it). `DEFAULT_ADMIN_ROLE`.
    function setRemoteHub(uint256 chainId, address hub) external;
    /// @notice Sets the container, CDNA and relayer registry. `DEFAULT_ADMIN_ROLE`.
    function setDependencies(address container, address nullifiers, address relayerRegistry) external;

    /// @notice Messages in the outbox.
    function outboxCount() external view returns (uint64);
    /// @notice The current outbox root.
    function outboxRoot() external view returns (bytes32);
    /// @notice The outbox root after `count` messages (`count <= outboxCount()`).
    function rootAt(uint64 count) external view returns (bytes32);
    /// @notice Whether `root` is accepted for `(srcChainId, srcHub)`.
    function isAcceptedRoot(uint256 srcChainId, address srcHub, bytes32 root) external view returns (bool);
    /// @notice The accepted root for `(srcChainId, srcHub)` at `count` (zero if none).
    function acceptedRootAt(uint256 srcChainId, address srcHub, uint64 count) external view returns (bytes32);
    /// @notice Votes for a checkpoint at the current epoch.
    function checkpointVotes(Checkpoint calldata checkpoint) external view returns (uint256);
    /// @notice Whether `signer` voted for the checkpoint at the current epoch.
    function hasVoted(Checkpoint calldata checkpoint, address signer) external view returns (bool);
    /// @notice The EIP-712 digest relayers sign for `checkpoint`.
    function checkpointDigest(Checkpoint calldata checkpoint) external pure returns (bytes32);
    /// @notice The message id and outbox leaf of `message`.
    function messageIdAndLeaf(Message calldata message) external pure returns (bytes32 messageId, bytes32 leaf);
    /// @notice ETH in the fee pool (excludes nothing else: the hub holds only the pool).
    function feePool() external view returns (uint256);
    /// @notice Fees owed to `account`.
    function owedFees(address account) external view returns (uint256);
    /// @notice Total fees owed.
    function totalOwed() external view returns (uint256);
    /// @notice The remote hub of `chainId`.
    function remoteHub(uint256 chainId) external view returns (address);
    /// @notice The container, CDNA and relayer registry.
    function dependencies() external view returns (address container, address nullifiers, address relayerRegistry);
}
