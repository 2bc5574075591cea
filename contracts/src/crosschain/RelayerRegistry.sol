// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {PILBase} from "../common/PILBase.sol";
import {ICrossChainProofHub} from "../interfaces/ICrossChainProofHub.sol";
import {IRelayerRegistry} from "../interfaces/IRelayerRegistry.sol";
import {Checkpoint} from "../interfaces/PILTypes.sol";
import {CheckpointHash} from "../libraries/CheckpointHash.sol";
import {Roles} from "../libraries/Roles.sol";

/// @title RelayerRegistry
/// @notice Relayer admission (6 h timelock), removal (guardian), stake with unbonding, slashing
/// and the relayer-set epoch (protocol §6).
/// @dev Active = admitted and bonded at least `minStake`. Every change of the active set
/// increments `epoch`; the hub counts checkpoint votes per epoch. A slash takes the whole stake,
/// bonded and unbonding, pays 10 % to the reporter and keeps the rest for governance
/// ({recoverSlashed}). Slashing stays open while paused and `withdraw` does not, so stake stays
/// slashable during an incident.
contract RelayerRegistry is PILBase, ReentrancyGuardTransient, IRelayerRegistry {
    /// @inheritdoc IRelayerRegistry
    uint256 public constant SLASH_REWARD_BPS = 1_000;

    /// @custom:storage-location erc7201:pil.storage.RelayerRegistry
    struct RelayerRegistryStorage {
        address hub;
        uint64 unbondingPeriod;
        uint256 minStake;
        uint256 quorum;
        uint256 epoch;
        uint256 activeCount;
        uint256 slashedBalance;
        mapping(address relayer => Relayer) relayers;
        mapping(bytes32 evidenceBySigner => bool) usedEvidence;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.RelayerRegistry")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant RELAYER_REGISTRY_STORAGE_LOCATION =
        0xd3c7b93938bb39b3593e124cae8683ba990c6ce1756fcd84ac0ca2c2711bf700;

    /// @notice Initializes the proxy. The hub (for wrong-root evidence) is set with {setHub}.
    /// `quorum_` must be at least 1; raise it with {setQuorum} once relayers are active.
    function initialize(
        address admin,
        address orchestrator_,
        uint256 minStake_,
        uint64 unbondingPeriod_,
        uint256 quorum_
    ) external initializer {
        _requireNonZero(orchestrator_);
        if (quorum_ == 0) revert InvalidQuorum(quorum_, 0);
        __PILBase_init(admin, orchestrator_);
        RelayerRegistryStorage storage $ = _getStorage();
        $.minStake = minStake_;
        $.unbondingPeriod = unbondingPeriod_;
        $.quorum = quorum_;
        emit QuorumSet(quorum_);
    }

    // ----------------------------------------------------------------------------------------
    // Admission
    // ----------------------------------------------------------------------------------------

    /// @inheritdoc IRelayerRegistry
    function addRelayer(address relayer) external onlyRole(Roles.RELAYER_ADMIN_ROLE) whenNotPaused {
        _requireNonZero(relayer);
        Relayer storage r = _getStorage().relayers[relayer];
        if (r.admitted) revert AlreadyAdmitted(relayer);
        bool wasActive = _isActive(r);
        r.admitted = true;
        emit RelayerAdded(relayer);
        _afterChange(wasActive, _isActive(r));
    }

    /// @inheritdoc IRelayerRegistry
    function removeRelayer(address relayer) external onlyRole(Roles.GUARDIAN_ROLE) {
        RelayerRegistryStorage storage $ = _getStorage();
        Relayer storage r = $.relayers[relayer];
        if (!r.admitted) revert NotAdmitted(relayer);
        bool wasActive = _isActive(r);
        if (wasActive && $.activeCount - 1 < $.quorum) revert WouldBreakQuorum($.activeCount - 1, $.quorum);
        r.admitted = false;
        emit RelayerRemoved(relayer, _msgSender());
        _afterChange(wasActive, false);
    }

    /// @inheritdoc IRelayerRegistry
    function setQuorum(uint256 quorum_) external onlyRole(Roles.RELAYER_ADMIN_ROLE) whenNotPaused {
        RelayerRegistryStorage storage $ = _getStorage();
        if (quorum_ == 0 || quorum_ > $.activeCount) revert InvalidQuorum(quorum_, $.activeCount);
        $.quorum = quorum_;
        emit QuorumSet(quorum_);
    }

    /// @inheritdoc IRelayerRegistry
    function setHub(address hub_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _requireNonZero(hub_);
        _getStorage().hub = hub_;
        emit HubSet(hub_);
    }

    // ----------------------------------------------------------------------------------------
    // Stake
    // ----------------------------------------------------------------------------------------

    /// @inheritdoc IRelayerRegistry
    function stake() external payable whenNotPaused {
        if (msg.value == 0) revert ZeroAmount();
        Relayer storage r = _getStorage().relayers[_msgSender()];
        bool wasActive = _isActive(r);
        r.bonded += msg.value;
        emit Staked(_msgSender(), msg.value, r.bonded);
        _afterChange(wasActive, _isActive(r));
    }

    /// @inheritdoc IRelayerRegistry
    function requestUnstake(uint256 amount) external whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        RelayerRegistryStorage storage $ = _getStorage();
        Relayer storage r = $.relayers[_msgSender()];
        if (amount > r.bonded) revert InsufficientStake(amount, r.bonded);
        bool wasActive = _isActive(r);
        r.bonded -= amount;
        r.unbonding += amount;
        uint64 readyAt = uint64(block.timestamp) + $.unbondingPeriod;
        r.unbondingReadyAt = readyAt;
        emit UnstakeRequested(_msgSender(), amount, readyAt);
        _afterChange(wasActive, _isActive(r));
    }

    /// @inheritdoc IRelayerRegistry
    function withdraw() external whenNotPaused nonReentrant {
        Relayer storage r = _getStorage().relayers[_msgSender()];
        uint256 amount = r.unbonding;
        if (amount == 0) revert NothingToWithdraw();
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < r.unbondingReadyAt) revert StillUnbonding(r.unbondingReadyAt);
        r.unbonding = 0;
        emit Withdrawn(_msgSender(), amount);
        (bool sent,) = _msgSender().call{value: amount}("");
        if (!sent) revert TransferFailed(_msgSender(), amount);
    }

    // ----------------------------------------------------------------------------------------
    // Slashing (open while paused)
    // ----------------------------------------------------------------------------------------

    /// @inheritdoc IRelayerRegistry
    /// @dev Provable only on the source chain: the checkpoint names this chain and its hub, its
    /// count is at most the outbox count, and its root differs from `hub.rootAt(count)`.
    function slashWrongCheckpoint(Checkpoint calldata checkpoint, bytes calldata signature) external nonReentrant {
        ICrossChainProofHub hub_ = ICrossChainProofHub(_getStorage().hub);
        if (checkpoint.srcChainId != block.chainid || checkpoint.srcHub != address(hub_)) revert InvalidEvidence();
        if (checkpoint.count > hub_.outboxCount() || checkpoint.root == hub_.rootAt(checkpoint.count)) {
            revert InvalidEvidence();
        }
        bytes32 digest = CheckpointHash.digest(checkpoint);
        address signer = ECDSA.recover(digest, signature);
        _slash(signer, keccak256(abi.encode("PIL.slash.wrong-root", digest)));
    }

    /// @inheritdoc IRelayerRegistry
    /// @dev Provable on any chain: the checkpoint domain has no chain id.
    function slashEquivocation(
        Checkpoint calldata a,
        bytes calldata signatureA,
        Checkpoint calldata b,
        bytes calldata signatureB
    ) external nonReentrant {
        if (a.srcChainId != b.srcChainId || a.srcHub != b.srcHub || a.count != b.count || a.root == b.root) {
            revert InvalidEvidence();
        }
        bytes32 digestA = CheckpointHash.digest(a);
        bytes32 digestB = CheckpointHash.digest(b);
        address signer = ECDSA.recover(digestA, signatureA);
        if (ECDSA.recover(digestB, signatureB) != signer) revert InvalidEvidence();
        (bytes32 lo, bytes32 hi) = digestA < digestB ? (digestA, digestB) : (digestB, digestA);
        _slash(signer, keccak256(abi.encode("PIL.slash.equivocation", lo, hi)));
    }

    /// @inheritdoc IRelayerRegistry
    function recoverSlashed(address payable to, uint256 amount) external onlyRole(Roles.RECOVERY_ROLE) nonReentrant {
        _requireNonZero(to);
        RelayerRegistryStorage storage $ = _getStorage();
        if (amount > $.slashedBalance) revert InsufficientSlashedBalance(amount, $.slashedBalance);
        $.slashedBalance -= amount;
        emit SlashedFundsRecovered(to, amount);
        (bool sent,) = to.call{value: amount}("");
        if (!sent) revert TransferFailed(to, amount);
    }

    // ----------------------------------------------------------------------------------------
    // Views
    // ----------------------------------------------------------------------------------------

    /// @inheritdoc IRelayerRegistry
    function isActive(address relayer) external view returns (bool) {
        return _isActive(_getStorage().relayers[relayer]);
    }

    /// @inheritdoc IRelayerRegistry
    function getRelayer(address relayer) external view returns (Relayer memory) {
        return _getStorage().relayers[relayer];
    }

    /// @inheritdoc IRelayerRegistry
    function epoch() external view returns (uint256) {
        return _getStorage().epoch;
    }

    /// @inheritdoc IRelayerRegistry
    function activeCount() external view returns (uint256) {
        return _getStorage().activeCount;
    }

    /// @inheritdoc IRelayerRegistry
    function quorum() external view returns (uint256) {
        return _getStorage().quorum;
    }

    /// @inheritdoc IRelayerRegistry
    function minStake() external view returns (uint256) {
        return _getStorage().minStake;
    }

    /// @inheritdoc IRelayerRegistry
    function unbondingPeriod() external view returns (uint64) {
        return _getStorage().unbondingPeriod;
    }

    /// @inheritdoc IRelayerRegistry
    function slashedBalance() external view returns (uint256) {
        return _getStorage().slashedBalance;
    }

    /// @inheritdoc IRelayerRegistry
    function hub() external view returns (address) {
        return _getStorage().hub;
    }

    // ----------------------------------------------------------------------------------------
    // Internals
    // ----------------------------------------------------------------------------------------

    /// @dev Takes the whole stake of `signer`, removes it from the set and pays the reporter.
    /// Each piece of evidence is usable once per signer (so a re-admitted relayer cannot be
    /// slashed again for an old signature).
    function _slash(address signer, bytes32 evidence) private {
        RelayerRegistryStorage storage $ = _getStorage();
        Relayer storage r = $.relayers[signer];
        uint256 amount = r.bonded + r.unbonding;
        if (amount == 0 && !r.admitted) revert NothingToSlash(signer);
        bytes32 key = keccak256(abi.encode(evidence, signer));
        if ($.usedEvidence[key]) revert EvidenceAlreadyUsed(evidence);
        $.usedEvidence[key] = true;

        bool wasActive = _isActive(r);
        r.bonded = 0;
        r.unbonding = 0;
        r.admitted = false;
        uint256 reward = amount * SLASH_REWARD_BPS / 10_000;
        $.slashedBalance += amount - reward;
        emit RelayerSlashed(signer, _msgSender(), evidence, amount, reward);
        _afterChange(wasActive, false);

        if (reward > 0) {
            (bool sent,) = _msgSender().call{value: reward}("");
            if (!sent) revert TransferFailed(_msgSender(), reward);
        }
    }

    /// @dev Updates the active count and bumps the epoch when a relayer's activity changed.
    function _afterChange(bool wasActive, bool nowActive) private {
        if (wasActive == nowActive) return;
        RelayerRegistryStorage storage $ = _getStorage();
        if (nowActive) ++$.activeCount;
        else --$.activeCount;
        uint256 e = ++$.epoch;
        emit RelayerSetEpochChanged(e, $.activeCount);
    }

    function _isActive(Relayer storage r) private view returns (bool) {
        return r.admitted && r.bonded >= _getStorage().minStake;
    }

    function _getStorage() private pure returns (RelayerRegistryStorage storage $) {
        assembly {
            $.slot := RELAYER_REGISTRY_STORAGE_LOCATION
        }
    }
}
