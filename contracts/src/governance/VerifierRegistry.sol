// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PILBase} from "../common/PILBase.sol";
import {ICreateVerifier, ISpendVerifier} from "../interfaces/IGroth16Verifiers.sol";
import {IVerifierRegistry} from "../interfaces/IVerifierRegistry.sol";
import {Groth16Proof} from "../interfaces/PILTypes.sol";
import {Roles} from "../libraries/Roles.sol";

/// @title VerifierRegistry
/// @notice Maps circuit ids to snarkjs Groth16 verifiers; rotation by the 48 h timelock keeps the
/// previous key as retired so that old-proof attempts are evented (protocol §5, runbook EP-003).
/// @dev A proof check never returns a bare `false` to a state-changing caller: it either returns
/// true (current key), returns false after emitting {RetiredKeyProofRejected} (the caller then
/// returns without changing state), or reverts {InvalidProof}. snarkjs verifiers return false
/// when the pairing precompile runs out of gas, so reverting makes `eth_estimateGas` find a limit
/// that is high enough.
contract VerifierRegistry is PILBase, IVerifierRegistry {
    /// @custom:storage-location erc7201:pil.storage.VerifierRegistry
    struct VerifierRegistryStorage {
        mapping(bytes32 circuitId => VerifierEntry) current;
        mapping(bytes32 circuitId => VerifierEntry[]) retired;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.VerifierRegistry")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant VERIFIER_REGISTRY_STORAGE_LOCATION =
        0xb71d1c120af25a4a08e02898259c86e8b47b8ebb5ffc1981be1e33f7f0d85f00;

    /// @notice Initializes the proxy: `admin` gets `DEFAULT_ADMIN_ROLE`.
    function initialize(address admin, address orchestrator_) external initializer {
        _requireNonZero(orchestrator_);
        __PILBase_init(admin, orchestrator_);
    }

    /// @inheritdoc IVerifierRegistry
    function setVerifier(bytes32 circuitId, address verifier, bytes32 vkHash, uint8 publicInputs)
        external
        onlyRole(Roles.VERIFIER_ADMIN_ROLE)
    {
        if (verifier.code.length == 0) revert VerifierHasNoCode(verifier);
        if (publicInputs != 3 && publicInputs != 7) revert UnsupportedPublicInputCount(publicInputs);
        VerifierRegistryStorage storage $ = _getVerifierRegistryStorage();
        VerifierEntry memory previous = $.current[circuitId];
        if (previous.verifier != address(0)) {
            if (previous.publicInputs != publicInputs) {
                revert PublicInputCountChanged(circuitId, previous.publicInputs, publicInputs);
            }
            $.retired[circuitId].push(previous);
        }
        $.current[circuitId] = VerifierEntry({verifier: verifier, publicInputs: publicInputs, vkHash: vkHash});
        if (previous.verifier != address(0)) emit VerifierRetired(circuitId, previous.verifier, previous.vkHash);
        emit VerifierSet(circuitId, verifier, vkHash, publicInputs);
    }

    /// @inheritdoc IVerifierRegistry
    /// @dev Not `whenNotPaused`: it changes no storage, and every state-changing caller is itself
    /// `whenNotPaused`. Anyone may call it; an event is emitted only for a proof that really
    /// verifies under a retired key, which is an old-proof attempt whoever submits it.
    function verifyProof(bytes32 circuitId, Groth16Proof calldata proof, uint256[] calldata publicInputs)
        external
        returns (bool)
    {
        VerifierRegistryStorage storage $ = _getVerifierRegistryStorage();
        VerifierEntry storage entry = $.current[circuitId];
        // verifier and publicInputs share one slot; vkHash is not read on the success path.
        (address verifier, uint8 expected) = (entry.verifier, entry.publicInputs);
        if (verifier == address(0)) revert UnknownCircuit(circuitId);
        if (publicInputs.length != expected) revert PublicInputCountMismatch(circuitId, expected, publicInputs.length);
        bytes memory callData = _encodeCall(proof, publicInputs);
        if (_staticVerify(verifier, callData)) return true;

        // Failed under the current key: check the retired keys, newest first.
        VerifierEntry[] storage retired = $.retired[circuitId];
        for (uint256 i = retired.length; i > 0; --i) {
            VerifierEntry memory old = retired[i - 1];
            if (_staticVerify(old.verifier, callData)) {
                emit RetiredKeyProofRejected(circuitId, old.vkHash);
                return false;
            }
        }
        revert InvalidProof();
    }

    /// @inheritdoc IVerifierRegistry
    function verifierOf(bytes32 circuitId) external view returns (VerifierEntry memory) {
        return _getVerifierRegistryStorage().current[circuitId];
    }

    /// @inheritdoc IVerifierRegistry
    function retiredCount(bytes32 circuitId) external view returns (uint256) {
        return _getVerifierRegistryStorage().retired[circuitId].length;
    }

    /// @inheritdoc IVerifierRegistry
    function retiredAt(bytes32 circuitId, uint256 i) external view returns (VerifierEntry memory) {
        return _getVerifierRegistryStorage().retired[circuitId][i];
    }

    /// @dev ABI-encodes `verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[N])` for N = 3 or 7
    /// (the length was checked against the entry, which only holds 3 or 7).
    function _encodeCall(Groth16Proof calldata proof, uint256[] calldata pub) private pure returns (bytes memory) {
        if (pub.length == 3) {
            return abi.encodeCall(ICreateVerifier.verifyProof, (proof.a, proof.b, proof.c, [pub[0], pub[1], pub[2]]));
        }
        return abi.encodeCall(
            ISpendVerifier.verifyProof,
            (proof.a, proof.b, proof.c, [pub[0], pub[1], pub[2], pub[3], pub[4], pub[5], pub[6]])
        );
    }

    /// @dev True only for a successful call returning exactly the ABI word `true`.
    function _staticVerify(address verifier, bytes memory callData) private view returns (bool ok) {
        (bool success, bytes memory ret) = verifier.staticcall(callData);
        return success && ret.length == 32 && abi.decode(ret, (uint256)) == 1;
    }

    function _getVerifierRegistryStorage() private pure returns (VerifierRegistryStorage storage $) {
        assembly {
            $.slot := VERIFIER_REGISTRY_STORAGE_LOCATION
        }
    }
}
