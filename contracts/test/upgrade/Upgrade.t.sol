// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {PILTestBase} from "../utils/PILTestBase.sol";
import {ProofCarryingContainer} from "../../src/core/ProofCarryingContainer.sol";
import {PolicyBoundProofs} from "../../src/core/PolicyBoundProofs.sol";
import {Roles} from "../../src/libraries/Roles.sol";

/// @dev V2 implementations used only by this test.
contract ProofCarryingContainerV2 is ProofCarryingContainer {
    function version() external pure returns (uint256) {
        return 2;
    }
}

contract PolicyBoundProofsV2 is PolicyBoundProofs {
    function version() external pure returns (uint256) {
        return 2;
    }
}

contract UpgradeTest is PILTestBase {
    bytes32 internal constant IMPL_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    function setUp() public {
        _deployWithMocks();
    }

    function test_upgradeKeepsState() public {
        _create(11);
        _create(22);
        uint256 root = pc3.currentRoot();
        address v2 = address(new ProofCarryingContainerV2());
        vm.prank(upgrader);
        pc3.upgradeToAndCall(v2, "");
        assertEq(address(uint160(uint256(vm.load(address(pc3), IMPL_SLOT)))), v2);
        assertEq(ProofCarryingContainerV2(address(pc3)).version(), 2);
        assertEq(pc3.treeSize(), 2);
        assertEq(pc3.currentRoot(), root);
        assertEq(pc3.dependencies().hub, address(hub));
        assertTrue(IAccessControl(address(pc3)).hasRole(Roles.GUARDIAN_ROLE, guardian));
        _create(33); // still works
        assertEq(pc3.treeSize(), 3);

        address pv2 = address(new PolicyBoundProofsV2());
        vm.prank(upgrader);
        pbp.upgradeToAndCall(pv2, "");
        assertTrue(pbp.isActive(POLICY));
    }

    function test_unauthorizedUpgradeRefused() public {
        address v2 = address(new ProofCarryingContainerV2());
        address[3] memory who = [admin, guardian, stranger];
        for (uint256 i = 0; i < who.length; ++i) {
            vm.prank(who[i]);
            vm.expectRevert(
                abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who[i], Roles.UPGRADER_ROLE)
            );
            pc3.upgradeToAndCall(v2, "");
        }
    }

    function test_upgradeOpenWhilePaused() public {
        _pause();
        address v2 = address(new ProofCarryingContainerV2());
        vm.prank(upgrader);
        pc3.upgradeToAndCall(v2, "");
        assertEq(ProofCarryingContainerV2(address(pc3)).version(), 2);
    }

    function test_implementationCannotBeInitialized() public {
        ProofCarryingContainer impl = new ProofCarryingContainer();
        ProofCarryingContainer.Dependencies memory d = pc3.dependencies();
        vm.expectRevert();
        impl.initialize(admin, address(orchestrator), d);
    }
}
