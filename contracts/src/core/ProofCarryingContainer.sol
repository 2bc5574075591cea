// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PILBase} from "../common/PILBase.sol";
import {ICrossChainProofHub} from "../interfaces/ICrossChainProofHub.sol";
import {ICrossDomainNullifierAlgebra} from "../interfaces/ICrossDomainNullifierAlgebra.sol";
import {IExecutionAgnosticStateCommitments} from "../interfaces/IExecutionAgnosticStateCommitments.sol";
import {IPolicyBoundProofs} from "../interfaces/IPolicyBoundProofs.sol";
import {IProofCarryingContainer} from "../interfaces/IProofCarryingContainer.sol";
import {IVerifierRegistry} from "../interfaces/IVerifierRegistry.sol";
import {Groth16Proof, SpendArgs} from "../interfaces/PILTypes.sol";
import {CommitmentTree} from "../libraries/CommitmentTree.sol";
import {Field} from "../libraries/Field.sol";

/// @title ProofCarryingContainer (PC3)
/// @notice Containers and the chain's commitment tree (protocol §3, §5). Creation, local spend
/// and export are permissionless: the Groth16 proof is the authorization.
/// @dev Threat model. Every public input is either recomputed here (payload hash from the
/// ciphertext, source and destination domains from `block.chainid`) or checked against state
/// (policy active, root among the last 128, nullifier unused), so a proof cannot be replayed with
/// other ciphertext, on another chain, under another policy or against a forged root. A proof
/// that verifies only under a retired key makes the call return without state change (the
/// registry emits `RetiredKeyProofRejected`).
contract ProofCarryingContainer is PILBase, IProofCarryingContainer {
    using CommitmentTree for CommitmentTree.Tree;

    /// @custom:storage-location erc7201:pil.storage.ProofCarryingContainer
    struct ProofCarryingContainerStorage {
        Dependencies deps;
        CommitmentTree.Tree tree;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.ProofCarryingContainer")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant PC3_STORAGE_LOCATION = 0xb1e6553ad0f4878116121ae2d521f0070f66fe179e31247c0e8687e97b71ad00;

    /// @notice Initializes the proxy with its dependencies (all non-zero).
    function initialize(address admin, address orchestrator_, Dependencies calldata deps) external initializer {
        _requireNonZero(orchestrator_);
        __PILBase_init(admin, orchestrator_);
        _setDependencies(deps);
    }

    /// @inheritdoc IProofCarryingContainer
    function createContainer(
        Groth16Proof calldata proof,
        uint256 commitment,
        uint256 policyHash,
        bytes calldata ciphertext
    ) external whenNotPaused {
        if (commitment >= Field.R) revert NotAFieldElement(commitment);
        ProofCarryingContainerStorage storage $ = _getStorage();
        (bytes32 circuitId, uint16 quorum) = IPolicyBoundProofs($.deps.policies).activeCircuit(policyHash, false);

        uint256[] memory pub = new uint256[](3);
        pub[0] = commitment;
        pub[1] = policyHash;
        pub[2] = Field.payloadHash(ciphertext);
        if (!IVerifierRegistry($.deps.verifierRegistry).verifyProof(circuitId, proof, pub)) return;

        if (quorum > 0) {
            IExecutionAgnosticStateCommitments($.deps.stateCommitments).registerPending(commitment, policyHash, quorum);
            emit ContainerPending(commitment, policyHash, ciphertext);
        } else {
            (uint256 leafIndex, uint256 root) = $.tree.insert(commitment);
            emit ContainerCreated(leafIndex, commitment, policyHash, root, ciphertext);
        }
    }

    /// @inheritdoc IProofCarryingContainer
    function consumeContainer(Groth16Proof calldata proof, SpendArgs calldata args, bytes calldata ciphertext)
        external
        whenNotPaused
    {
        uint256 localDomain = Field.localDomainId();
        (bool ok, uint16 quorum) = _verifySpend(proof, args, localDomain, ciphertext);
        if (!ok) return;
        ProofCarryingContainerStorage storage $ = _getStorage();
        ICrossDomainNullifierAlgebra($.deps.nullifiers).consumeNullifier(localDomain, args.nullifier);
        _enterTree(args.dstCommitment, args.policyHash, quorum, InsertSource.Consume);
        emit ContainerConsumed(args.nullifier, args.dstCommitment, args.policyHash, ciphertext);
    }

    /// @inheritdoc IProofCarryingContainer
    function exportContainer(
        Groth16Proof calldata proof,
        SpendArgs calldata args,
        uint256 dstChainId,
        bytes calldata ciphertext
    ) external payable whenNotPaused returns (bytes32 messageId) {
        if (dstChainId == block.chainid) revert InvalidDestination(dstChainId);
        (bool ok,) = _verifySpend(proof, args, Field.domainId(dstChainId, Field.APP_ID), ciphertext);
        if (!ok) {
            // Retired-key proof: no state change. Return the fee rather than keep it.
            if (msg.value > 0) {
                (bool sent,) = _msgSender().call{value: msg.value}("");
                if (!sent) revert RefundFailed(_msgSender(), msg.value);
            }
            return bytes32(0);
        }
        ProofCarryingContainerStorage storage $ = _getStorage();
        ICrossDomainNullifierAlgebra($.deps.nullifiers).consumeNullifier(Field.localDomainId(), args.nullifier);
        messageId = ICrossChainProofHub($.deps.hub).appendMessage{value: msg.value}(
            dstChainId, args.dstCommitment, Field.payloadHash(ciphertext), args.policyHash, ciphertext
        );
        emit ContainerExported(args.nullifier, messageId, dstChainId, args.dstCommitment, args.policyHash);
    }

    /// @inheritdoc IProofCarryingContainer
    function insertImported(uint256 commitment, uint256 policyHash) external whenNotPaused {
        ProofCarryingContainerStorage storage $ = _getStorage();
        if (_msgSender() != $.deps.hub) revert UnauthorizedCaller(_msgSender());
        if (commitment >= Field.R) revert NotAFieldElement(commitment);
        // The policy need not be active here: an export valid on the source stays deliverable.
        // Its attestation quorum on this chain still gates entry into this tree.
        uint16 quorum = IPolicyBoundProofs($.deps.policies).getPolicy(policyHash).attestationQuorum;
        _enterTree(commitment, policyHash, quorum, InsertSource.Import);
    }

    /// @inheritdoc IProofCarryingContainer
    function insertAttested(uint256 commitment) external whenNotPaused returns (uint256 leafIndex, uint256 root) {
        ProofCarryingContainerStorage storage $ = _getStorage();
        if (_msgSender() != $.deps.stateCommitments) revert UnauthorizedCaller(_msgSender());
        (leafIndex, root) = $.tree.insert(commitment);
        emit CommitmentInserted(leafIndex, commitment, root, InsertSource.Attested);
    }

    /// @inheritdoc IProofCarryingContainer
    function setDependencies(Dependencies calldata deps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setDependencies(deps);
    }

    /// @inheritdoc IProofCarryingContainer
    function dependencies() external view returns (Dependencies memory) {
        return _getStorage().deps;
    }

    /// @inheritdoc IProofCarryingContainer
    function treeSize() external view returns (uint256) {
        return _getStorage().tree.size;
    }

    /// @inheritdoc IProofCarryingContainer
    function currentRoot() external view returns (uint256) {
        return _getStorage().tree.currentRoot();
    }

    /// @inheritdoc IProofCarryingContainer
    function rootAt(uint256 size) external view returns (uint256) {
        return _getStorage().tree.rootAt(size);
    }

    /// @inheritdoc IProofCarryingContainer
    function isKnownRoot(uint256 root, uint64 rootSize) external view returns (bool) {
        return _getStorage().tree.isKnownRoot(root, rootSize);
    }

    /// @inheritdoc IProofCarryingContainer
    function sideNode(uint256 level) external view returns (uint256) {
        return _getStorage().tree.sideNodes[level];
    }

    /// @inheritdoc IProofCarryingContainer
    function localDomainId() external view returns (uint256) {
        return Field.localDomainId();
    }

    /// @dev Checks policy, root and new commitment, then verifies the spend proof on
    /// `[root, nullifier, localDomain, dstDomain, dstCommitment, policyHash, keccak256(ciphertext) mod r]`.
    /// Returns false (no state change) for a retired-key proof.
    function _verifySpend(
        Groth16Proof calldata proof,
        SpendArgs calldata args,
        uint256 dstDomain,
        bytes calldata ciphertext
    ) private returns (bool ok, uint16 quorum) {
        ProofCarryingContainerStorage storage $ = _getStorage();
        bytes32 circuitId;
        (circuitId, quorum) = IPolicyBoundProofs($.deps.policies).activeCircuit(args.policyHash, true);
        if (!$.tree.isKnownRoot(args.root, args.rootSize)) revert UnknownRoot(args.root, args.rootSize);
        if (args.dstCommitment >= Field.R) revert NotAFieldElement(args.dstCommitment);

        uint256[] memory pub = new uint256[](7);
        pub[0] = args.root;
        pub[1] = args.nullifier;
        pub[2] = Field.localDomainId();
        pub[3] = dstDomain;
        pub[4] = args.dstCommitment;
        pub[5] = args.policyHash;
        pub[6] = Field.payloadHash(ciphertext);
        ok = IVerifierRegistry($.deps.verifierRegistry).verifyProof(circuitId, proof, pub);
    }

    /// @dev Inserts `commitment`, or registers it in EASC as pending when `quorum > 0`.
    function _enterTree(uint256 commitment, uint256 policyHash, uint16 quorum, InsertSource source) private {
        ProofCarryingContainerStorage storage $ = _getStorage();
        if (quorum > 0) {
            IExecutionAgnosticStateCommitments($.deps.stateCommitments).registerPending(commitment, policyHash, quorum);
        } else {
            (uint256 leafIndex, uint256 root) = $.tree.insert(commitment);
            emit CommitmentInserted(leafIndex, commitment, root, source);
        }
    }

    function _setDependencies(Dependencies calldata deps) private {
        _requireNonZero(deps.verifierRegistry);
        _requireNonZero(deps.policies);
        _requireNonZero(deps.nullifiers);
        _requireNonZero(deps.stateCommitments);
        _requireNonZero(deps.hub);
        _getStorage().deps = deps;
        emit DependenciesSet(deps);
    }

    function _getStorage() private pure returns (ProofCarryingContainerStorage storage $) {
        assembly {
            $.slot := PC3_STORAGE_LOCATION
        }
    }
}
