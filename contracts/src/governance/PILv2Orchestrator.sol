// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PILBase} from "../common/PILBase.sol";
import {IPILBase} from "../interfaces/IPILBase.sol";
import {IPILv2Orchestrator} from "../interfaces/IPILv2Orchestrator.sol";
import {IProofCarryingContainer} from "../interfaces/IProofCarryingContainer.sol";
import {Groth16Proof, SpendArgs} from "../interfaces/PILTypes.sol";
import {Roles} from "../libraries/Roles.sol";

/// @title PILv2Orchestrator
/// @notice The chain's pause flags (one chain-wide, one per contract) and the coordinated
/// transition entry point (protocol §5, §7).
/// @dev The flags live here; every change is written to the affected components' mirrors
/// ({IPILBase-syncPause}) in the same transaction, so a pause takes effect in the block that
/// executes it. A component whose mirror cannot be written is reported with
/// {PauseSyncFailed} instead of blocking the pause of the others.
contract PILv2Orchestrator is PILBase, IPILv2Orchestrator {
    /// @custom:storage-location erc7201:pil.storage.Orchestrator
    struct OrchestratorStorage {
        bool chainPaused;
        mapping(address target => bool) contractPaused;
        Components components;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.Orchestrator")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant ORCHESTRATOR_STORAGE_LOCATION =
        0x7e9eeea0684da10aa5b562ec05812a8941dee46d04ce33febcd4c253e35e3d00;

    /// @notice Initializes the proxy: `admin` gets `DEFAULT_ADMIN_ROLE`.
    function initialize(address admin) external initializer {
        __PILBase_init(admin, address(0));
    }

    /// @inheritdoc IPILv2Orchestrator
    function pause() external onlyRole(Roles.GUARDIAN_ROLE) {
        _pauseChain();
    }

    /// @inheritdoc IPILv2Orchestrator
    function pauseAll() external onlyRole(Roles.GUARDIAN_ROLE) {
        _pauseChain();
    }

    /// @inheritdoc IPILv2Orchestrator
    function pauseContract(address target) external onlyRole(Roles.GUARDIAN_ROLE) {
        _requireComponent(target);
        _getOrchestratorStorage().contractPaused[target] = true;
        emit ContractPaused(target, _msgSender());
        _sync(target);
    }

    /// @inheritdoc IPILv2Orchestrator
    function unpause() external onlyRole(Roles.UNPAUSER_ROLE) {
        _getOrchestratorStorage().chainPaused = false;
        emit ChainUnpaused(_msgSender());
        _syncAll();
    }

    /// @inheritdoc IPILv2Orchestrator
    function unpauseContract(address target) external onlyRole(Roles.UNPAUSER_ROLE) {
        _requireComponent(target);
        _getOrchestratorStorage().contractPaused[target] = false;
        emit ContractUnpaused(target, _msgSender());
        _sync(target);
    }

    /// @inheritdoc IPILv2Orchestrator
    function setComponents(Components calldata components_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _getOrchestratorStorage().components = components_;
        emit ComponentsSet(components_);
        _syncAll();
    }

    /// @inheritdoc IPILv2Orchestrator
    /// @dev Runs through the container, so every check of `consumeContainer`/`exportContainer`
    /// applies (policy, root, domains, payload hash, proof, nullifier) and the container's events
    /// are emitted; the caller's ETH is forwarded as the export fee.
    function transition(
        Groth16Proof calldata proof,
        SpendArgs calldata args,
        uint256 dstChainId,
        bytes calldata ciphertext
    ) external payable whenNotPaused {
        address container = _getOrchestratorStorage().components.container;
        if (container == address(0)) revert ComponentsNotSet();
        if (dstChainId == block.chainid) {
            if (msg.value != 0) revert UnexpectedValue();
            IProofCarryingContainer(container).consumeContainer(proof, args, ciphertext);
        } else {
            bytes32 messageId =
                IProofCarryingContainer(container).exportContainer{value: msg.value}(proof, args, dstChainId, ciphertext);
            // Retired-key proof: the container refunded the fee to us; pass it back.
            if (messageId == bytes32(0) && msg.value > 0) {
                (bool sent,) = _msgSender().call{value: msg.value}("");
                if (!sent) revert RefundFailed(_msgSender(), msg.value);
            }
        }
        emit TransitionExecuted(args.nullifier, dstChainId, _msgSender());
    }

    /// @inheritdoc IPILBase
    /// @dev The orchestrator's own view: the chain-wide flag or its own per-contract flag.
    function isPaused() public view override returns (bool) {
        OrchestratorStorage storage $ = _getOrchestratorStorage();
        return $.chainPaused || $.contractPaused[address(this)];
    }

    /// @notice Accepts only the container's refund of a rejected export's fee.
    receive() external payable {
        if (_msgSender() != _getOrchestratorStorage().components.container) revert UnauthorizedCaller(_msgSender());
    }

    /// @inheritdoc IPILv2Orchestrator
    function isPausedFor(address target) external view returns (bool) {
        OrchestratorStorage storage $ = _getOrchestratorStorage();
        return $.chainPaused || $.contractPaused[target];
    }

    /// @inheritdoc IPILv2Orchestrator
    function chainPaused() external view returns (bool) {
        return _getOrchestratorStorage().chainPaused;
    }

    /// @inheritdoc IPILv2Orchestrator
    function contractPaused(address target) external view returns (bool) {
        return _getOrchestratorStorage().contractPaused[target];
    }

    /// @inheritdoc IPILv2Orchestrator
    function components() external view returns (Components memory) {
        return _getOrchestratorStorage().components;
    }

    /// @inheritdoc IPILBase
    function orchestrator() public view override returns (address) {
        return address(this);
    }

    function _pauseChain() private {
        _getOrchestratorStorage().chainPaused = true;
        emit ChainPaused(_msgSender());
        _syncAll();
    }

    /// @dev Writes every component's effective pause state (chain flag or its own flag).
    function _syncAll() private {
        Components storage c = _getOrchestratorStorage().components;
        address[7] memory all =
            [c.container, c.policies, c.stateCommitments, c.nullifiers, c.verifierRegistry, c.hub, c.relayerRegistry];
        for (uint256 i = 0; i < all.length; ++i) {
            if (all[i] != address(0)) _sync(all[i]);
        }
    }

    /// @dev Writes `target`'s effective pause state; the orchestrator's own needs no mirror.
    function _sync(address target) private {
        if (target == address(this)) return;
        OrchestratorStorage storage $ = _getOrchestratorStorage();
        try IPILBase(target).syncPause($.chainPaused || $.contractPaused[target]) {}
        catch {
            emit PauseSyncFailed(target);
        }
    }

    /// @dev Reverts {UnknownComponent} unless `target` is this orchestrator or one of its components.
    function _requireComponent(address target) private view {
        if (target == address(this)) return;
        Components storage c = _getOrchestratorStorage().components;
        if (
            target == address(0)
                || (
                    target != c.container && target != c.policies && target != c.stateCommitments
                        && target != c.nullifiers && target != c.verifierRegistry && target != c.hub
                        && target != c.relayerRegistry
                )
        ) revert UnknownComponent(target);
    }

    function _getOrchestratorStorage() private pure returns (OrchestratorStorage storage $) {
        assembly {
            $.slot := ORCHESTRATOR_STORAGE_LOCATION
        }
    }
}
