// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/console.sol";
import {PoseidonT3} from "poseidon-solidity/PoseidonT3.sol";
import {PILTestBase} from "../utils/PILTestBase.sol";
import {Fixtures} from "../utils/Fixtures.sol";
import {ContainerCreateVerifier} from "../../src/verifiers/ContainerCreateVerifier.sol";
import {ProofCarryingContainer} from "../../src/core/ProofCarryingContainer.sol";
import {Groth16Proof} from "../../src/interfaces/PILTypes.sol";
import {Field} from "../../src/libraries/Field.sol";

/// @dev createContainer gas at leaf indices in [2^16, 2^17), with the real Groth16 verifier.
/// Each sample puts PC3's tree at the index with vm.store (steady state: every side node and root
/// slot non-zero), cools every touched account and slot as at the start of a transaction, and
/// reports transaction gas = 21,000 + calldata + execution. Conservative by 2,500 gas: the PC3
/// proxy is cooled although it is warm as `tx.to`.
contract CreateContainerGasTest is PILTestBase {
    uint256 internal constant SAMPLES = 32;
    string internal createJson;
    ContainerCreateVerifier internal realVerifier;

    function setUp() public {
        vm.chainId(31337);
        createJson = Fixtures.read("container_create/create.json");
        _deploySystem();
        realVerifier = new ContainerCreateVerifier();
        vm.prank(verifierAdmin);
        registry.setVerifier(CREATE_ID, address(realVerifier), bytes32(0), 3);
        vm.prank(policyAdmin);
        pbp.registerPolicy(POLICY, CREATE_ID, SPEND_ID, 0);
        // steady state: all 128 root slots non-zero
        for (uint256 i = 0; i < 128; ++i) {
            vm.store(address(pc3), Fixtures.slot(Fixtures.ROOTS_OFFSET + i), bytes32(uint256(1000 + i)));
        }
    }

    function test_gas_createContainer_realProof_96BytePayload() public {
        uint256[] memory pub = Fixtures.pub(createJson);
        bytes memory ct = vm.parseJsonBytes(createJson, ".context.ciphertext");
        (uint256 avg, uint256 lo, uint256 hi) = _measure(Fixtures.proof(createJson), pub[0], ct);
        console.log("createContainer, real proof, %s-byte payload: avg %s min %s", ct.length, avg, lo);
        console.log("  max", hi);
        assertLt(avg, 500_000);
    }

    /// @dev The target case: a real proof (test/fixtures/create-1kib.json, from
    /// scripts/gen-create-1kib-fixture.mjs) over a 1 KiB ciphertext.
    function test_gas_createContainer_realProof_1KiBPayload() public {
        string memory json = vm.readFile("test/fixtures/create-1kib.json");
        uint256[] memory pub = Fixtures.pub(json);
        bytes memory ct = vm.parseJsonBytes(json, ".ciphertext");
        assertEq(ct.length, 1024);
        (uint256 avg, uint256 lo, uint256 hi) = _measure(Fixtures.proof(json), pub[0], ct);
        console.log("createContainer, real proof, 1 KiB payload: avg %s min %s max %s", avg, lo, hi);
        assertLt(avg, 500_000);
    }

    function _measure(Groth16Proof memory p, uint256 commitment, bytes memory ct)
        internal
        returns (uint256 avg, uint256 lo, uint256 hi)
    {
        lo = type(uint256).max;
        uint256 total;
        bytes memory callData = abi.encodeCall(ProofCarryingContainer.createContainer, (p, commitment, POLICY, ct));
        for (uint256 s = 0; s < SAMPLES; ++s) {
            uint256 index = (1 << 16) + uint256(keccak256(abi.encode("idx", s))) % (1 << 16);
            uint256[20] memory sides;
            for (uint256 l = 0; l < 20; ++l) {
                sides[l] = uint256(keccak256(abi.encode(s, l))) % Field.R;
            }
            Fixtures.seedTree(address(pc3), index, sides, 7);
            _coolAll();
            uint256 g = gasleft();
            (bool ok,) = address(pc3).call(callData);
            uint256 used = g - gasleft();
            require(ok, "create failed");
            assertEq(pc3.treeSize(), index + 1);
            uint256 txGas = 21_000 + _calldataGas(callData) + used;
            total += txGas;
            if (txGas < lo) lo = txGas;
            if (txGas > hi) hi = txGas;
        }
        avg = total / SAMPLES;
    }

    function _coolAll() internal {
        address[8] memory all = _allContracts();
        for (uint256 i = 0; i < all.length; ++i) {
            vm.cool(all[i]);
            vm.cool(address(uint160(uint256(vm.load(all[i], 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc)))));
        }
        vm.cool(address(PoseidonT3));
        vm.cool(address(realVerifier));
        (address v,,) = _entry();
        vm.cool(v);
    }

    function _entry() internal view returns (address, uint8, bytes32) {
        (address v, uint8 n, bytes32 h) = abi.decode(abi.encode(registry.verifierOf(CREATE_ID)), (address, uint8, bytes32));
        return (v, n, h);
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 g) {
        for (uint256 i = 0; i < data.length; ++i) {
            g += data[i] == 0 ? 4 : 16;
        }
    }
}
