// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";
import {Groth16Proof} from "../../src/interfaces/PILTypes.sol";

/// @dev Reads the real-proof fixtures of circuits/fixtures/ (snarkjs proofs under the committed
/// development keys) and the ERC-7201 tree slots of PC3 for vm.store seeding.
library Fixtures {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev ProofCarryingContainer's namespace; the tree follows the 5-slot Dependencies struct.
    bytes32 internal constant PC3_SLOT = 0xb1e6553ad0f4878116121ae2d521f0070f66fe179e31247c0e8687e97b71ad00;
    uint256 internal constant TREE_SIZE_OFFSET = 5;
    uint256 internal constant SIDE_NODES_OFFSET = 6;
    uint256 internal constant ROOTS_OFFSET = 26;

    function read(string memory rel) internal view returns (string memory) {
        return vm.readFile(string.concat("../circuits/fixtures/", rel));
    }

    function exists(string memory rel) internal view returns (bool) {
        return vm.exists(string.concat("../circuits/fixtures/", rel));
    }

    function proof(string memory json) internal pure returns (Groth16Proof memory p) {
        uint256[] memory a = vm.parseJsonUintArray(json, ".solidity.a");
        uint256[] memory b0 = vm.parseJsonUintArray(json, ".solidity.b[0]");
        uint256[] memory b1 = vm.parseJsonUintArray(json, ".solidity.b[1]");
        uint256[] memory c = vm.parseJsonUintArray(json, ".solidity.c");
        p.a = [a[0], a[1]];
        p.b = [[b0[0], b0[1]], [b1[0], b1[1]]];
        p.c = [c[0], c[1]];
    }

    function pub(string memory json) internal pure returns (uint256[] memory) {
        return vm.parseJsonUintArray(json, ".publicSignals");
    }

    function slot(uint256 offset) internal pure returns (bytes32) {
        return bytes32(uint256(PC3_SLOT) + offset);
    }

    /// @dev Puts PC3's tree at `size` leaves with `sides` and `root` as the root at `size`.
    function seedTree(address pc3, uint256 size, uint256[20] memory sides, uint256 root) internal {
        vm.store(pc3, slot(TREE_SIZE_OFFSET), bytes32(size));
        for (uint256 l = 0; l < 20; ++l) {
            vm.store(pc3, slot(SIDE_NODES_OFFSET + l), bytes32(sides[l]));
        }
        vm.store(pc3, slot(ROOTS_OFFSET + size % 128), bytes32(root));
    }
}
