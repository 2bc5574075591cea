// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {PILBase} from "../common/PILBase.sol";
import {IExecutionAgnosticStateCommitments} from "../interfaces/IExecutionAgnosticStateCommitments.sol";
import {IProofCarryingContainer} from "../interfaces/IProofCarryingContainer.sol";
import {Roles} from "../libraries/Roles.sol";

/// @title ExecutionAgnosticStateCommitments (EASC)
/// @notice Execution backends (zkVM, TEE, MPC) attest commitments with EIP-712 signatures; a
/// commitment created under a policy with `attestationQuorum = q > 0` waits here and enters the
/// container's tree when the `q`-th distinct backend attests (protocol §5).
/// @dev Threat model: a backend signer can only vouch for commitments that a valid Groth16 proof
/// already put in the pending set; it cannot create notes. Signatures are bound to this chain
/// and contract by the EIP-712 domain and to the commitment's policy by the struct.
contract ExecutionAgnosticStateCommitments is PILBase, EIP712Upgradeable, IExecutionAgnosticStateCommitments {
    /// @dev `keccak256("Attestation(uint256 commitment,uint256 policyHash,bytes32 backendId)")`.
    bytes32 public constant ATTESTATION_TYPEHASH =
        keccak256("Attestation(uint256 commitment,uint256 policyHash,bytes32 backendId)");

    /// @custom:storage-location erc7201:pil.storage.ExecutionAgnosticStateCommitments
    struct EASCStorage {
        address container;
        mapping(bytes32 backendId => Backend) backends;
        mapping(uint256 commitment => PendingCommitment) pending;
        mapping(uint256 commitment => mapping(bytes32 backendId => bool)) attested;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.ExecutionAgnosticStateCommitments")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant EASC_STORAGE_LOCATION = 0xbfd4d3ab7821089cb1cd7c19538fbe38928669fe1ace1494c0f5e63141efef00;

    /// @notice Initializes the proxy: EIP-712 domain `{name: "PIL EASC", version: "1"}`.
    function initialize(address admin, address orchestrator_) external initializer {
        _requireNonZero(orchestrator_);
        __PILBase_init(admin, orchestrator_);
        __EIP712_init("PIL EASC", "1");
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function registerBackend(bytes32 backendId, BackendKind kind, address signer)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        whenNotPaused
    {
        _requireNonZero(signer);
        Backend storage b = _getStorage().backends[backendId];
        if (b.registered) revert BackendAlreadyRegistered(backendId);
        b.kind = kind;
        b.signer = signer;
        b.active = true;
        b.registered = true;
        emit BackendRegistered(backendId, kind, signer);
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function deactivateBackend(bytes32 backendId) external {
        if (!hasRole(DEFAULT_ADMIN_ROLE, _msgSender()) && !hasRole(Roles.GUARDIAN_ROLE, _msgSender())) {
            revert AccessControlUnauthorizedAccount(_msgSender(), DEFAULT_ADMIN_ROLE);
        }
        Backend storage b = _getStorage().backends[backendId];
        if (!b.active) revert BackendInactive(backendId);
        b.active = false;
        emit BackendDeactivated(backendId, _msgSender());
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function setContainer(address container_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _getStorage().container = container_;
        emit ContainerSet(container_);
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function registerPending(uint256 commitment, uint256 policyHash, uint16 quorum) external whenNotPaused {
        EASCStorage storage $ = _getStorage();
        if (_msgSender() != $.container) revert UnauthorizedCaller(_msgSender());
        if (quorum == 0) revert InvalidQuorum();
        PendingCommitment storage p = $.pending[commitment];
        // A commitment is registered at most once: attestations are signatures over the
        // commitment, so a second pending instance could reuse the first one's signatures.
        if (p.registered) revert CommitmentAlreadyRegistered(commitment);
        p.policyHash = policyHash;
        p.quorum = quorum;
        p.registered = true;
        emit CommitmentPending(commitment, policyHash, quorum);
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function attestCommitment(uint256 commitment, bytes32 backendId, bytes calldata signature) external whenNotPaused {
        EASCStorage storage $ = _getStorage();
        Backend memory b = $.backends[backendId];
        if (!b.active) revert BackendInactive(backendId);
        PendingCommitment storage p = $.pending[commitment];
        if (!p.registered || p.finalized) revert CommitmentNotPending(commitment);
        if ($.attested[commitment][backendId]) revert AlreadyAttested(commitment, backendId);
        bytes32 digest = _attestationDigest(commitment, p.policyHash, backendId);
        if (!SignatureChecker.isValidSignatureNow(b.signer, digest, signature)) {
            revert InvalidAttestation(commitment, backendId);
        }

        $.attested[commitment][backendId] = true;
        uint16 count = p.attestations + 1;
        p.attestations = count;
        emit CommitmentAttested(commitment, backendId, count);

        if (count == p.quorum) {
            p.finalized = true;
            (uint256 leafIndex, uint256 root) = IProofCarryingContainer($.container).insertAttested(commitment);
            emit CommitmentFinalized(commitment, leafIndex, root);
        }
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function getBackend(bytes32 backendId) external view returns (Backend memory) {
        return _getStorage().backends[backendId];
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function getPending(uint256 commitment) external view returns (PendingCommitment memory) {
        return _getStorage().pending[commitment];
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function hasAttested(uint256 commitment, bytes32 backendId) external view returns (bool) {
        return _getStorage().attested[commitment][backendId];
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function attestationDigest(uint256 commitment, uint256 policyHash, bytes32 backendId)
        external
        view
        returns (bytes32)
    {
        return _attestationDigest(commitment, policyHash, backendId);
    }

    /// @inheritdoc IExecutionAgnosticStateCommitments
    function container() external view returns (address) {
        return _getStorage().container;
    }

    function _attestationDigest(uint256 commitment, uint256 policyHash, bytes32 backendId)
        private
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(keccak256(abi.encode(ATTESTATION_TYPEHASH, commitment, policyHash, backendId)));
    }

    function _getStorage() private pure returns (EASCStorage storage $) {
        assembly {
            $.slot := EASC_STORAGE_LOCATION
        }
    }
}
