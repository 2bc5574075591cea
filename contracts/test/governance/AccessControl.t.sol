// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControlBehavior} from "../utils/AccessControlBehavior.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IPILBase} from "../../src/interfaces/IPILBase.sol";
import {IPILv2Orchestrator} from "../../src/interfaces/IPILv2Orchestrator.sol";
import {IProofCarryingContainer} from "../../src/interfaces/IProofCarryingContainer.sol";
import {IExecutionAgnosticStateCommitments} from "../../src/interfaces/IExecutionAgnosticStateCommitments.sol";
import {PolicyBoundProofs} from "../../src/core/PolicyBoundProofs.sol";
import {Roles} from "../../src/libraries/Roles.sol";

/// @dev Every privileged function of every contract, called by every other role holder, the
/// other PIL contracts and a stranger, is refused.
contract AccessControlTest is AccessControlBehavior {
    function setUp() public {
        _deployWithMocks();
    }

    function test_everyContract_upgradeOnlyByUpgrader_grantOnlyByAdmin() public {
        address[8] memory all = _allContracts();
        address newImpl = address(new PolicyBoundProofs());
        for (uint256 i = 0; i < all.length; ++i) {
            _only(all[i], abi.encodeCall(UUPSUpgradeable.upgradeToAndCall, (newImpl, "")), upgrader);
            _only(all[i], abi.encodeCall(IAccessControl.grantRole, (Roles.GUARDIAN_ROLE, stranger)), admin);
            _only(all[i], abi.encodeCall(IAccessControl.revokeRole, (Roles.GUARDIAN_ROLE, guardian)), admin);
            assertTrue(IAccessControl(all[i]).hasRole(0x00, admin));
        }
    }

    function test_everyComponent_pauseMirrorOnlyByOrchestrator() public {
        address[8] memory all = _allContracts();
        for (uint256 i = 0; i < all.length; ++i) {
            if (all[i] == address(orchestrator)) continue;
            _only(all[i], abi.encodeCall(IPILBase.syncPause, (true)), address(orchestrator));
        }
    }

    function test_orchestrator_pauseReachesEveryComponentInOneCall() public {
        address[8] memory all = _allContracts();
        vm.prank(guardian);
        orchestrator.pause();
        for (uint256 i = 0; i < all.length; ++i) {
            assertTrue(IPILBase(all[i]).isPaused());
        }
        vm.prank(unpauser);
        orchestrator.unpause();
        for (uint256 i = 0; i < all.length; ++i) {
            assertFalse(IPILBase(all[i]).isPaused());
        }
        vm.prank(guardian);
        orchestrator.pauseContract(address(hub));
        assertTrue(hub.isPaused());
        assertFalse(pc3.isPaused());
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IPILv2Orchestrator.UnknownComponent.selector, stranger));
        orchestrator.pauseContract(stranger);
    }

    function test_orchestrator() public {
        address o = address(orchestrator);
        _only(o, abi.encodeCall(orchestrator.pause, ()), guardian);
        _only(o, abi.encodeCall(orchestrator.pauseAll, ()), guardian);
        _only(o, abi.encodeCall(orchestrator.pauseContract, (address(pc3))), guardian);
        _only(o, abi.encodeCall(orchestrator.unpause, ()), unpauser);
        _only(o, abi.encodeCall(orchestrator.unpauseContract, (address(pc3))), unpauser);
        IPILv2Orchestrator.Components memory c;
        _only(o, abi.encodeCall(orchestrator.setComponents, (c)), admin);
    }

    function test_verifierRegistry() public {
        _only(
            address(registry),
            abi.encodeCall(registry.setVerifier, (CREATE_ID, address(mockCreate), bytes32(0), 3)),
            verifierAdmin
        );
    }

    function test_policyBoundProofs() public {
        _only(address(pbp), abi.encodeCall(pbp.registerPolicy, (123, CREATE_ID, SPEND_ID, 0)), policyAdmin);
        _only2(address(pbp), abi.encodeCall(pbp.deactivatePolicy, (POLICY)), policyAdmin, guardian);
        _only(address(pbp), abi.encodeCall(pbp.reactivatePolicy, (POLICY)), policyAdmin);
    }

    function test_cdna() public {
        _only(address(cdna), abi.encodeCall(cdna.registerDomain, (5, bytes32("x"))), admin);
        _only(address(cdna), abi.encodeCall(cdna.setCallers, (address(1), address(2))), admin);
        _only2(address(cdna), abi.encodeCall(cdna.consumeNullifier, (cdna.localDomainId(), 77)), address(pc3), address(hub));
        _only(address(cdna), abi.encodeCall(cdna.recordImport, (bytes32("m"))), address(hub));
    }

    function test_easc() public {
        _only(
            address(easc),
            abi.encodeCall(easc.registerBackend, (bytes32("b"), IExecutionAgnosticStateCommitments.BackendKind.TEE, address(9))),
            admin
        );
        vm.prank(admin);
        easc.registerBackend(bytes32("b1"), IExecutionAgnosticStateCommitments.BackendKind.TEE, address(9));
        _only2(address(easc), abi.encodeCall(easc.deactivateBackend, (bytes32("b1"))), admin, guardian);
        _only(address(easc), abi.encodeCall(easc.setContainer, (address(1))), admin);
        _only(address(easc), abi.encodeCall(easc.registerPending, (1, POLICY, 1)), address(pc3));
    }

    function test_pc3() public {
        IProofCarryingContainer.Dependencies memory d = pc3.dependencies();
        _only(address(pc3), abi.encodeCall(pc3.setDependencies, (d)), admin);
        _only(address(pc3), abi.encodeCall(pc3.insertImported, (1, POLICY)), address(hub));
        _only(address(pc3), abi.encodeCall(pc3.insertAttested, (1)), address(easc));
    }

    function test_hub() public {
        _only(address(hub), abi.encodeCall(hub.appendMessage, (5, 1, 2, 3, "")), address(pc3));
        _only(address(hub), abi.encodeCall(hub.recoverFunds, (payable(stranger), 0)), recovery);
        _only(address(hub), abi.encodeCall(hub.setRemoteHub, (5, address(1))), admin);
        _only(address(hub), abi.encodeCall(hub.setDependencies, (address(1), address(2), address(3))), admin);
    }

    function test_relayerRegistry() public {
        address r = makeAddr("r");
        _only(address(relayers), abi.encodeCall(relayers.addRelayer, (r)), relayerAdmin);
        vm.prank(relayerAdmin);
        relayers.addRelayer(r);
        _only(address(relayers), abi.encodeCall(relayers.removeRelayer, (r)), guardian);
        _only(address(relayers), abi.encodeCall(relayers.setQuorum, (1)), relayerAdmin);
        _only(address(relayers), abi.encodeCall(relayers.setHub, (address(1))), admin);
        _only(address(relayers), abi.encodeCall(relayers.recoverSlashed, (payable(stranger), 0)), recovery);
    }

    function test_initializersLocked() public {
        vm.expectRevert();
        orchestrator.initialize(stranger);
        vm.expectRevert();
        pbp.initialize(stranger, address(orchestrator));
    }
}
