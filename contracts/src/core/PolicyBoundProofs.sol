// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PILBase} from "../common/PILBase.sol";
import {IPolicyBoundProofs} from "../interfaces/IPolicyBoundProofs.sol";
import {Policy} from "../interfaces/PILTypes.sol";
import {Field} from "../libraries/Field.sol";
import {Roles} from "../libraries/Roles.sol";

/// @title PolicyBoundProofs (PBP)
/// @notice Disclosure policies. A policy hash is a public input of every proof, so a proof is
/// valid only under its policy; a policy names the circuit ids its proofs must verify under
/// (protocol §5).
contract PolicyBoundProofs is PILBase, IPolicyBoundProofs {
    /// @custom:storage-location erc7201:pil.storage.PolicyBoundProofs
    struct PolicyBoundProofsStorage {
        mapping(uint256 policyHash => Policy) policies;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.PolicyBoundProofs")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant POLICY_BOUND_PROOFS_STORAGE_LOCATION =
        0xb931440b2aad164f3af719b72dd310dc3ee4aa64df12a9f2c5044158478a2800;

    /// @notice Initializes the proxy: `admin` gets `DEFAULT_ADMIN_ROLE`.
    function initialize(address admin, address orchestrator_) external initializer {
        _requireNonZero(orchestrator_);
        __PILBase_init(admin, orchestrator_);
    }

    /// @inheritdoc IPolicyBoundProofs
    function registerPolicy(
        uint256 policyHash,
        bytes32 createCircuitId,
        bytes32 spendCircuitId,
        uint16 attestationQuorum
    ) external onlyRole(Roles.POLICY_ADMIN_ROLE) whenNotPaused {
        if (policyHash >= Field.R) revert NotAFieldElement(policyHash);
        if (createCircuitId == bytes32(0) || spendCircuitId == bytes32(0)) revert InvalidCircuitId();
        Policy storage p = _getPolicyBoundProofsStorage().policies[policyHash];
        if (p.registered) revert PolicyAlreadyRegistered(policyHash);
        p.createCircuitId = createCircuitId;
        p.spendCircuitId = spendCircuitId;
        p.attestationQuorum = attestationQuorum;
        p.active = true;
        p.registered = true;
        emit PolicyRegistered(policyHash, createCircuitId, spendCircuitId, attestationQuorum);
    }

    /// @inheritdoc IPolicyBoundProofs
    function deactivatePolicy(uint256 policyHash) external {
        if (!hasRole(Roles.POLICY_ADMIN_ROLE, _msgSender()) && !hasRole(Roles.GUARDIAN_ROLE, _msgSender())) {
            revert AccessControlUnauthorizedAccount(_msgSender(), Roles.POLICY_ADMIN_ROLE);
        }
        Policy storage p = _getPolicyBoundProofsStorage().policies[policyHash];
        if (!p.registered) revert PolicyNotRegistered(policyHash);
        p.active = false;
        emit PolicyDeactivated(policyHash, _msgSender());
    }

    /// @inheritdoc IPolicyBoundProofs
    function reactivatePolicy(uint256 policyHash) external onlyRole(Roles.POLICY_ADMIN_ROLE) whenNotPaused {
        Policy storage p = _getPolicyBoundProofsStorage().policies[policyHash];
        if (!p.registered) revert PolicyNotRegistered(policyHash);
        p.active = true;
        emit PolicyReactivated(policyHash, _msgSender());
    }

    /// @inheritdoc IPolicyBoundProofs
    function getPolicy(uint256 policyHash) external view returns (Policy memory) {
        return _getPolicyBoundProofsStorage().policies[policyHash];
    }

    /// @inheritdoc IPolicyBoundProofs
    function activePolicy(uint256 policyHash) external view returns (Policy memory p) {
        p = _getPolicyBoundProofsStorage().policies[policyHash];
        if (!p.active) revert PolicyInactive(policyHash);
    }

    /// @inheritdoc IPolicyBoundProofs
    function activeCircuit(uint256 policyHash, bool spend)
        external
        view
        returns (bytes32 circuitId, uint16 attestationQuorum)
    {
        Policy storage p = _getPolicyBoundProofsStorage().policies[policyHash];
        if (!p.active) revert PolicyInactive(policyHash);
        return (spend ? p.spendCircuitId : p.createCircuitId, p.attestationQuorum);
    }

    /// @inheritdoc IPolicyBoundProofs
    function isActive(uint256 policyHash) external view returns (bool) {
        return _getPolicyBoundProofsStorage().policies[policyHash].active;
    }

    function _getPolicyBoundProofsStorage() private pure returns (PolicyBoundProofsStorage storage $) {
        assembly {
            $.slot := POLICY_BOUND_PROOFS_STORAGE_LOCATION
        }
    }
}
