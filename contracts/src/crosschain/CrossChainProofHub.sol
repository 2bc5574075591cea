// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {MerkleTree} from "@openzeppelin/contracts/utils/structs/MerkleTree.sol";
import {PILBase} from "../common/PILBase.sol";
import {ICrossChainProofHub} from "../interfaces/ICrossChainProofHub.sol";
import {ICrossDomainNullifierAlgebra} from "../interfaces/ICrossDomainNullifierAlgebra.sol";
import {IProofCarryingContainer} from "../interfaces/IProofCarryingContainer.sol";
import {IRelayerRegistry} from "../interfaces/IRelayerRegistry.sol";
import {Checkpoint, Message} from "../interfaces/PILTypes.sol";
import {CheckpointHash} from "../libraries/CheckpointHash.sol";
import {Field} from "../libraries/Field.sol";
import {Roles} from "../libraries/Roles.sol";

/// @title CrossChainProofHub
/// @notice The chain's outbox of exported messages, acceptance of other chains' outbox roots by a
/// quorum of the current relayer set, message import, and the fee pool (protocol §6).
/// @dev Threat model. The destination does not re-verify the spend proof: it trusts the source's
/// verification through a checkpointed outbox root. A root counts only with `quorum` signatures
/// of relayers active at the current relayer-set epoch; a wrong or equivocating signature is
/// slashable in the RelayerRegistry. An import checks, in order: the root is accepted for the
/// message's source, the message is addressed to this chain and hub, the leaf is proven under the
/// root, the ciphertext matches the payload hash, and the message id was not imported before.
contract CrossChainProofHub is PILBase, ReentrancyGuardTransient, ICrossChainProofHub {
    using MerkleTree for MerkleTree.Bytes32PushTree;

    /// @dev `OUTBOX_DEPTH` of protocol §6.
    uint8 public constant OUTBOX_DEPTH = 20;

    struct Tally {
        uint256 votes;
        mapping(address signer => bool) voted;
    }

    /// @custom:storage-location erc7201:pil.storage.CrossChainProofHub
    struct CrossChainProofHubStorage {
        address container;
        address nullifiers;
        address relayerRegistry;
        uint64 outboxCount;
        MerkleTree.Bytes32PushTree outbox;
        mapping(uint64 count => bytes32) outboxRoots;
        mapping(uint256 chainId => address) remoteHubs;
        // keccak256(abi.encode(checkpoint)) => relayer-set epoch => tally
        mapping(bytes32 checkpointKey => mapping(uint256 epoch => Tally)) tallies;
        // keccak256(abi.encode(srcChainId, srcHub)) => ...
        mapping(bytes32 sourceKey => mapping(bytes32 root => bool)) accepted;
        mapping(bytes32 sourceKey => mapping(uint64 count => bytes32)) acceptedAt;
        uint256 feePool;
        uint256 totalOwed;
        mapping(address account => uint256) owed;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.CrossChainProofHub")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant HUB_STORAGE_LOCATION = 0xec83362163d527812795a565086096a7b9fb1fa79baa27ee5f763cb0f6d75100;

    /// @notice Initializes the proxy and the empty outbox (depth 20, zero leaf `bytes32(0)`,
    /// `commutativeKeccak256`). The container is set later with {setDependencies}.
    function initialize(address admin, address orchestrator_, address nullifiers, address relayerRegistry)
        external
        initializer
    {
        _requireNonZero(orchestrator_);
        _requireNonZero(nullifiers);
        _requireNonZero(relayerRegistry);
        __PILBase_init(admin, orchestrator_);
        CrossChainProofHubStorage storage $ = _getStorage();
        $.nullifiers = nullifiers;
        $.relayerRegistry = relayerRegistry;
        $.outboxRoots[0] = $.outbox.setup(OUTBOX_DEPTH, bytes32(0));
        emit DependenciesSet(address(0), nullifiers, relayerRegistry);
    }

    // ----------------------------------------------------------------------------------------
    // Outbox (source side)
    // ----------------------------------------------------------------------------------------

    /// @inheritdoc ICrossChainProofHub
    function appendMessage(
        uint256 dstChainId,
        uint256 commitment,
        uint256 payloadHash,
        uint256 policyHash,
        bytes calldata ciphertext
    ) external payable whenNotPaused returns (bytes32 messageId) {
        CrossChainProofHubStorage storage $ = _getStorage();
        if (_msgSender() != $.container) revert UnauthorizedCaller(_msgSender());
        address dstHub = $.remoteHubs[dstChainId];
        if (dstHub == address(0)) revert UnknownDestination(dstChainId);

        uint64 index = $.outboxCount;
        Message memory message = Message({
            srcChainId: block.chainid,
            srcHub: address(this),
            index: index,
            dstChainId: dstChainId,
            dstHub: dstHub,
            commitment: commitment,
            payloadHash: payloadHash,
            policyHash: policyHash,
            fee: msg.value
        });
        messageId = CheckpointHash.messageId(block.chainid, address(this), index);
        (, bytes32 newRoot) = $.outbox.push(CheckpointHash.leaf(message));
        uint64 count = index + 1;
        $.outboxCount = count;
        $.outboxRoots[count] = newRoot;
        $.feePool += msg.value;
        emit MessageExported(messageId, index, message, ciphertext);
        emit OutboxRootUpdated(count, newRoot);
    }

    // ----------------------------------------------------------------------------------------
    // Checkpoints and import (destination side)
    // ----------------------------------------------------------------------------------------

    /// @inheritdoc ICrossChainProofHub
    /// @dev Votes are kept per relayer-set epoch: after any change of the active set the count
    /// restarts, so a removed relayer's signatures stop counting at once. A signer who already
    /// voted in this epoch is skipped, so concurrent submissions are harmless.
    function submitCheckpoint(Checkpoint calldata checkpoint, bytes[] calldata signatures) external whenNotPaused {
        CrossChainProofHubStorage storage $ = _getStorage();
        if (checkpoint.srcHub == address(0) || $.remoteHubs[checkpoint.srcChainId] != checkpoint.srcHub) {
            revert UnknownSource(checkpoint.srcChainId, checkpoint.srcHub);
        }
        bytes32 sourceKey = _sourceKey(checkpoint.srcChainId, checkpoint.srcHub);
        if ($.accepted[sourceKey][checkpoint.root]) return;

        IRelayerRegistry registry = IRelayerRegistry($.relayerRegistry);
        uint256 epoch_ = registry.epoch();
        bytes32 digest = CheckpointHash.digest(checkpoint);
        Tally storage tally = $.tallies[_checkpointKey(checkpoint)][epoch_];
        for (uint256 i = 0; i < signatures.length; ++i) {
            (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(digest, signatures[i]);
            if (err != ECDSA.RecoverError.NoError) revert InvalidSignature();
            if (!registry.isActive(signer)) revert SignerNotActive(signer);
            _vote(checkpoint, tally, signer, epoch_);
        }

        if (tally.votes >= registry.quorum()) {
            $.accepted[sourceKey][checkpoint.root] = true;
            if ($.acceptedAt[sourceKey][checkpoint.count] == bytes32(0)) {
                $.acceptedAt[sourceKey][checkpoint.count] = checkpoint.root;
            }
            emit CheckpointAccepted(checkpoint.srcChainId, checkpoint.srcHub, checkpoint.count, checkpoint.root);
        }
    }

    /// @inheritdoc ICrossChainProofHub
    function importMessage(
        Message calldata message,
        bytes calldata ciphertext,
        bytes32[] calldata proof,
        bytes32 root
    ) external whenNotPaused nonReentrant {
        CrossChainProofHubStorage storage $ = _getStorage();
        if (!$.accepted[_sourceKey(message.srcChainId, message.srcHub)][root]) {
            revert RootNotAccepted(message.srcChainId, message.srcHub, root);
        }
        if (message.dstChainId != block.chainid || message.dstHub != address(this)) {
            revert WrongDestination(message.dstChainId, message.dstHub);
        }
        Message memory m = message;
        if (!MerkleProof.verifyCalldata(proof, root, CheckpointHash.leaf(m))) revert InvalidInclusionProof();
        uint256 payloadHash = Field.payloadHash(ciphertext);
        if (payloadHash != message.payloadHash) revert PayloadHashMismatch(message.payloadHash, payloadHash);

        bytes32 messageId = CheckpointHash.messageId(message.srcChainId, message.srcHub, message.index);
        ICrossDomainNullifierAlgebra($.nullifiers).recordImport(messageId);
        IProofCarryingContainer($.container).insertImported(message.commitment, message.policyHash);

        // Reimburse the relayer from this chain's pool, or record the fee as owed.
        uint256 fee = message.fee;
        uint256 paid;
        if (fee > 0) {
            if ($.feePool >= fee) {
                $.feePool -= fee;
                (bool sent,) = _msgSender().call{value: fee}("");
                if (sent) {
                    paid = fee;
                } else {
                    $.feePool += fee;
                }
            }
            if (paid == 0) {
                $.owed[_msgSender()] += fee;
                $.totalOwed += fee;
            }
        }
        emit MessageImported(messageId, message.srcChainId, _msgSender(), message.commitment, fee, paid);
    }

    // ----------------------------------------------------------------------------------------
    // Fee pool
    // ----------------------------------------------------------------------------------------

    /// @inheritdoc ICrossChainProofHub
    function fundFeePool() external payable whenNotPaused {
        _getStorage().feePool += msg.value;
        emit FeePoolFunded(_msgSender(), msg.value);
    }

    /// @inheritdoc ICrossChainProofHub
    function claimOwedFees() external whenNotPaused nonReentrant {
        CrossChainProofHubStorage storage $ = _getStorage();
        uint256 amount = $.owed[_msgSender()];
        if (amount == 0) revert NothingOwed(_msgSender());
        if ($.feePool < amount) revert InsufficientPool(amount, $.feePool);
        $.owed[_msgSender()] = 0;
        $.totalOwed -= amount;
        $.feePool -= amount;
        emit OwedFeesClaimed(_msgSender(), amount);
        (bool sent,) = _msgSender().call{value: amount}("");
        if (!sent) revert TransferFailed(_msgSender(), amount);
    }

    /// @inheritdoc ICrossChainProofHub
    function recoverFunds(address payable to, uint256 amount) external onlyRole(Roles.RECOVERY_ROLE) nonReentrant {
        _requireNonZero(to);
        CrossChainProofHubStorage storage $ = _getStorage();
        if ($.feePool < amount) revert InsufficientPool(amount, $.feePool);
        $.feePool -= amount;
        emit FundsRecovered(to, amount);
        (bool sent,) = to.call{value: amount}("");
        if (!sent) revert TransferFailed(to, amount);
    }

    // ----------------------------------------------------------------------------------------
    // Administration
    // ----------------------------------------------------------------------------------------

    /// @inheritdoc ICrossChainProofHub
    function setRemoteHub(uint256 chainId, address hub) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (chainId == block.chainid) revert InvalidRemote(chainId);
        _getStorage().remoteHubs[chainId] = hub;
        emit RemoteHubSet(chainId, hub);
    }

    /// @inheritdoc ICrossChainProofHub
    function setDependencies(address container, address nullifiers, address relayerRegistry)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        _requireNonZero(container);
        _requireNonZero(nullifiers);
        _requireNonZero(relayerRegistry);
        CrossChainProofHubStorage storage $ = _getStorage();
        $.container = container;
        $.nullifiers = nullifiers;
        $.relayerRegistry = relayerRegistry;
        emit DependenciesSet(container, nullifiers, relayerRegistry);
    }

    // ----------------------------------------------------------------------------------------
    // Views
    // ----------------------------------------------------------------------------------------

    /// @inheritdoc ICrossChainProofHub
    function outboxCount() external view returns (uint64) {
        return _getStorage().outboxCount;
    }

    /// @inheritdoc ICrossChainProofHub
    function outboxRoot() external view returns (bytes32) {
        CrossChainProofHubStorage storage $ = _getStorage();
        return $.outboxRoots[$.outboxCount];
    }

    /// @inheritdoc ICrossChainProofHub
    function rootAt(uint64 count) external view returns (bytes32) {
        return _getStorage().outboxRoots[count];
    }

    /// @inheritdoc ICrossChainProofHub
    function isAcceptedRoot(uint256 srcChainId, address srcHub, bytes32 root) external view returns (bool) {
        return _getStorage().accepted[_sourceKey(srcChainId, srcHub)][root];
    }

    /// @inheritdoc ICrossChainProofHub
    function acceptedRootAt(uint256 srcChainId, address srcHub, uint64 count) external view returns (bytes32) {
        return _getStorage().acceptedAt[_sourceKey(srcChainId, srcHub)][count];
    }

    /// @inheritdoc ICrossChainProofHub
    function checkpointVotes(Checkpoint calldata checkpoint) external view returns (uint256) {
        CrossChainProofHubStorage storage $ = _getStorage();
        return $.tallies[_checkpointKey(checkpoint)][IRelayerRegistry($.relayerRegistry).epoch()].votes;
    }

    /// @inheritdoc ICrossChainProofHub
    function hasVoted(Checkpoint calldata checkpoint, address signer) external view returns (bool) {
        CrossChainProofHubStorage storage $ = _getStorage();
        return $.tallies[_checkpointKey(checkpoint)][IRelayerRegistry($.relayerRegistry).epoch()].voted[signer];
    }

    /// @inheritdoc ICrossChainProofHub
    function checkpointDigest(Checkpoint calldata checkpoint) external pure returns (bytes32) {
        return CheckpointHash.digest(checkpoint);
    }

    /// @inheritdoc ICrossChainProofHub
    function messageIdAndLeaf(Message calldata message) external pure returns (bytes32 messageId, bytes32 leaf) {
        return (CheckpointHash.messageId(message.srcChainId, message.srcHub, message.index), CheckpointHash.leaf(message));
    }

    /// @inheritdoc ICrossChainProofHub
    function feePool() external view returns (uint256) {
        return _getStorage().feePool;
    }

    /// @inheritdoc ICrossChainProofHub
    function owedFees(address account) external view returns (uint256) {
        return _getStorage().owed[account];
    }

    /// @inheritdoc ICrossChainProofHub
    function totalOwed() external view returns (uint256) {
        return _getStorage().totalOwed;
    }

    /// @inheritdoc ICrossChainProofHub
    function remoteHub(uint256 chainId) external view returns (address) {
        return _getStorage().remoteHubs[chainId];
    }

    /// @inheritdoc ICrossChainProofHub
    function dependencies() external view returns (address container, address nullifiers, address relayerRegistry) {
        CrossChainProofHubStorage storage $ = _getStorage();
        return ($.container, $.nullifiers, $.relayerRegistry);
    }

    /// @dev Counts `signer` once per epoch.
    function _vote(Checkpoint calldata checkpoint, Tally storage tally, address signer, uint256 epoch_) private {
        if (tally.voted[signer]) return;
        tally.voted[signer] = true;
        uint256 votes = tally.votes + 1;
        tally.votes = votes;
        emit CheckpointVoted(
            checkpoint.srcChainId, checkpoint.srcHub, checkpoint.count, checkpoint.root, signer, epoch_, votes
        );
    }

    function _sourceKey(uint256 srcChainId, address srcHub) private pure returns (bytes32) {
        return keccak256(abi.encode(srcChainId, srcHub));
    }

    function _checkpointKey(Checkpoint calldata checkpoint) private pure returns (bytes32) {
        return keccak256(abi.encode(checkpoint));
    }

    function _getStorage() private pure returns (CrossChainProofHubStorage storage $) {
        assembly {
            $.slot := HUB_STORAGE_LOCATION
        }
    }
}
