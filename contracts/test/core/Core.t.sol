// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";
import {PILTestBase} from "../utils/PILTestBase.sol";
import {KeyedMockVerifier} from "../utils/MockGroth16Verifier.sol";
import {IPILBase} from "../../src/interfaces/IPILBase.sol";
import {IVerifierRegistry} from "../../src/interfaces/IVerifierRegistry.sol";
import {IPolicyBoundProofs} from "../../src/interfaces/IPolicyBoundProofs.sol";
import {IProofCarryingContainer} from "../../src/interfaces/IProofCarryingContainer.sol";
import {ICrossDomainNullifierAlgebra} from "../../src/interfaces/ICrossDomainNullifierAlgebra.sol";
import {IExecutionAgnosticStateCommitments} from "../../src/interfaces/IExecutionAgnosticStateCommitments.sol";
import {ICrossChainProofHub} from "../../src/interfaces/ICrossChainProofHub.sol";
import {IPILv2Orchestrator} from "../../src/interfaces/IPILv2Orchestrator.sol";
import {Groth16Proof, SpendArgs} from "../../src/interfaces/PILTypes.sol";
import {Field} from "../../src/libraries/Field.sol";

contract CoreTest is PILTestBase {
    function setUp() public {
        _deployWithMocks();
    }

    // ---------------- PC3 ----------------

    function test_create_insertsAndEmits() public {
        vm.expectEmit(address(pc3));
        emit IProofCarryingContainer.ContainerCreated(0, 5, POLICY, 5, hex"c0ffee");
        _create(5);
        assertEq(pc3.treeSize(), 1);
        assertTrue(pc3.isKnownRoot(5, 1));
    }

    function test_create_refusesNonFieldCommitment() public {
        vm.expectRevert(abi.encodeWithSelector(IPILBase.NotAFieldElement.selector, Field.R));
        pc3.createContainer(_proof(), Field.R, POLICY, "");
    }

    function test_create_invalidProofReverts() public {
        mockCreate.setResult(false);
        vm.expectRevert(IVerifierRegistry.InvalidProof.selector);
        _create(5);
    }

    function test_consume_spendsAndInsertsNewNote() public {
        _create(5);
        SpendArgs memory a = _spendArgs(99, 6);
        pc3.consumeContainer(_proof(), a, "ct");
        assertTrue(cdna.isConsumed(99));
        assertEq(pc3.treeSize(), 2);
        SpendArgs memory b = _spendArgs(99, 7);
        vm.expectRevert(abi.encodeWithSelector(ICrossDomainNullifierAlgebra.NullifierAlreadyConsumed.selector, 99, cdna.localDomainId()));
        pc3.consumeContainer(_proof(), b, "ct");
    }

    function test_consume_unknownRootRefused() public {
        _create(5);
        SpendArgs memory a = _spendArgs(99, 6);
        a.root = 12345;
        vm.expectRevert(abi.encodeWithSelector(IProofCarryingContainer.UnknownRoot.selector, 12345, 1));
        pc3.consumeContainer(_proof(), a, "ct");
    }

    function test_consume_rootOlderThan128Refused() public {
        _create(1);
        SpendArgs memory a = _spendArgs(99, 6);
        for (uint256 i = 0; i < 128; ++i) {
            _create(i + 2);
        }
        vm.expectRevert(abi.encodeWithSelector(IProofCarryingContainer.UnknownRoot.selector, a.root, 1));
        pc3.consumeContainer(_proof(), a, "ct");
    }

    function test_export_appendsToOutbox() public {
        _create(5);
        vm.prank(admin);
        hub.setRemoteHub(31338, address(0xB0B));
        vm.deal(address(this), 1 ether);
        bytes32 id = pc3.exportContainer{value: 0.1 ether}(_proof(), _spendArgs(99, 6), 31338, "ct");
        assertEq(hub.outboxCount(), 1);
        assertEq(hub.feePool(), 0.1 ether);
        assertEq(address(hub).balance, 0.1 ether);
        assertEq(id, keccak256(abi.encode(block.chainid, address(hub), uint64(0))));
        assertTrue(cdna.isConsumed(99));
        assertEq(pc3.treeSize(), 1, "export does not insert locally");
    }

    function test_export_toSelfOrUnknownRefused() public {
        _create(5);
        SpendArgs memory a = _spendArgs(99, 6);
        vm.expectRevert(abi.encodeWithSelector(IProofCarryingContainer.InvalidDestination.selector, block.chainid));
        pc3.exportContainer(_proof(), a, block.chainid, "ct");
        vm.expectRevert(abi.encodeWithSelector(ICrossChainProofHub.UnknownDestination.selector, 777));
        pc3.exportContainer(_proof(), a, 777, "ct");
    }

    function test_orchestratorTransition_localAndExport() public {
        _create(5);
        orchestrator.transition(_proof(), _spendArgs(1, 6), block.chainid, "ct");
        assertEq(pc3.treeSize(), 2);
        vm.prank(admin);
        hub.setRemoteHub(31338, address(0xB0B));
        vm.deal(address(this), 1 ether);
        orchestrator.transition{value: 1 wei}(_proof(), _spendArgs(2, 7), 31338, "ct");
        assertEq(hub.outboxCount(), 1);
        SpendArgs memory c = _spendArgs(3, 8);
        vm.expectRevert(IPILv2Orchestrator.UnexpectedValue.selector);
        orchestrator.transition{value: 1 wei}(_proof(), c, block.chainid, "ct");
    }

    // ---------------- PBP ----------------

    function test_inactivePolicyRefusedEverywhere() public {
        _create(5);
        SpendArgs memory a = _spendArgs(99, 6);
        vm.prank(guardian);
        pbp.deactivatePolicy(POLICY);
        vm.expectRevert(abi.encodeWithSelector(IPolicyBoundProofs.PolicyInactive.selector, POLICY));
        _create(7);
        vm.expectRevert(abi.encodeWithSelector(IPolicyBoundProofs.PolicyInactive.selector, POLICY));
        pc3.consumeContainer(_proof(), a, "ct");
        vm.expectRevert(abi.encodeWithSelector(IPolicyBoundProofs.PolicyInactive.selector, POLICY));
        pc3.exportContainer(_proof(), a, 31338, "ct");
        vm.prank(policyAdmin);
        pbp.reactivatePolicy(POLICY);
        _create(7);
    }

    function test_unknownPolicyRefused() public {
        vm.expectRevert(abi.encodeWithSelector(IPolicyBoundProofs.PolicyInactive.selector, 42));
        pc3.createContainer(_proof(), 1, 42, "");
    }

    function test_policyRegistrationChecks() public {
        vm.startPrank(policyAdmin);
        vm.expectRevert(abi.encodeWithSelector(IPolicyBoundProofs.PolicyAlreadyRegistered.selector, POLICY));
        pbp.registerPolicy(POLICY, CREATE_ID, SPEND_ID, 0);
        vm.expectRevert(abi.encodeWithSelector(IPILBase.NotAFieldElement.selector, Field.R));
        pbp.registerPolicy(Field.R, CREATE_ID, SPEND_ID, 0);
        vm.expectRevert(IPolicyBoundProofs.InvalidCircuitId.selector);
        pbp.registerPolicy(3, bytes32(0), SPEND_ID, 0);
        vm.stopPrank();
    }

    // ---------------- VerifierRegistry ----------------

    function test_rotation_retiredKeyProofEventedWithoutStateChange() public {
        KeyedMockVerifier oldKey = new KeyedMockVerifier(111);
        KeyedMockVerifier newKey = new KeyedMockVerifier(222);
        mockCreate.setResult(false); // the first (mock) key, retired below, accepts nothing
        vm.startPrank(verifierAdmin);
        registry.setVerifier(CREATE_ID, address(oldKey), bytes32("old"), 3);
        registry.setVerifier(CREATE_ID, address(newKey), bytes32("new"), 3);
        vm.stopPrank();
        assertEq(registry.retiredCount(CREATE_ID), 2); // mock, then old
        assertEq(registry.retiredAt(CREATE_ID, 1).vkHash, bytes32("old"));

        Groth16Proof memory p;
        p.a[0] = 111; // valid only under the retired key
        vm.expectEmit(address(registry));
        emit IVerifierRegistry.RetiredKeyProofRejected(CREATE_ID, bytes32("old"));
        pc3.createContainer(p, 5, POLICY, "");
        assertEq(pc3.treeSize(), 0, "no state change");

        p.a[0] = 333; // valid under no key
        vm.expectRevert(IVerifierRegistry.InvalidProof.selector);
        pc3.createContainer(p, 5, POLICY, "");

        p.a[0] = 222;
        pc3.createContainer(p, 5, POLICY, "");
        assertEq(pc3.treeSize(), 1);
    }

    function test_retiredKeyExportRefundsFee() public {
        _create(5);
        KeyedMockVerifier newKey = new KeyedMockVerifier(222);
        vm.prank(verifierAdmin);
        registry.setVerifier(SPEND_ID, address(newKey), bytes32("new"), 7); // mock (accepts all) retired
        vm.prank(admin);
        hub.setRemoteHub(31338, address(0xB0B));
        address user = makeAddr("user");
        vm.deal(user, 1 ether);
        SpendArgs memory a = _spendArgs(99, 6);
        vm.prank(user);
        orchestrator.transition{value: 0.5 ether}(_proof(), a, 31338, "ct");
        assertEq(user.balance, 1 ether, "fee refunded");
        assertFalse(cdna.isConsumed(99));
        assertEq(hub.outboxCount(), 0);
    }

    function test_registryChecks() public {
        vm.startPrank(verifierAdmin);
        vm.expectRevert(abi.encodeWithSelector(IVerifierRegistry.VerifierHasNoCode.selector, address(0x1234)));
        registry.setVerifier(CREATE_ID, address(0x1234), bytes32(0), 3);
        vm.expectRevert(abi.encodeWithSelector(IVerifierRegistry.UnsupportedPublicInputCount.selector, 4));
        registry.setVerifier(bytes32("x"), address(mockCreate), bytes32(0), 4);
        vm.expectRevert(abi.encodeWithSelector(IVerifierRegistry.PublicInputCountChanged.selector, CREATE_ID, 3, 7));
        registry.setVerifier(CREATE_ID, address(mockCreate), bytes32(0), 7);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(IVerifierRegistry.UnknownCircuit.selector, bytes32("nope")));
        registry.verifyProof(bytes32("nope"), _proof(), new uint256[](3));
        vm.expectRevert(abi.encodeWithSelector(IVerifierRegistry.PublicInputCountMismatch.selector, CREATE_ID, 3, 7));
        registry.verifyProof(CREATE_ID, _proof(), new uint256[](7));
    }

    // ---------------- CDNA ----------------

    function test_cdna_domainsAndImports() public {
        assertTrue(cdna.getDomain(cdna.localDomainId()).registered);
        assertEq(cdna.localDomainId(), Field.domainId(block.chainid, keccak256("PIL.v2")));
        vm.prank(address(pc3));
        vm.expectRevert(abi.encodeWithSelector(ICrossDomainNullifierAlgebra.UnknownDomain.selector, 42));
        cdna.consumeNullifier(42, 1);
        vm.prank(admin);
        uint256 d = cdna.registerDomain(31338, keccak256("PIL.v2"));
        vm.prank(address(hub));
        cdna.consumeNullifier(d, 1);
        (bool c, uint256 inD) = cdna.consumedIn(1);
        assertTrue(c);
        assertEq(inD, d);
        // the same nullifier cannot be consumed in another domain either
        uint256 local = cdna.localDomainId();
        vm.prank(address(pc3));
        vm.expectRevert(abi.encodeWithSelector(ICrossDomainNullifierAlgebra.NullifierAlreadyConsumed.selector, 1, local));
        cdna.consumeNullifier(local, 1);
        vm.startPrank(address(hub));
        cdna.recordImport("m");
        vm.expectRevert(abi.encodeWithSelector(ICrossDomainNullifierAlgebra.MessageAlreadyImported.selector, bytes32("m")));
        cdna.recordImport("m");
        vm.stopPrank();
    }

    // ---------------- EASC ----------------

    uint256 internal constant QPOLICY = 4242;

    function _backendsAndPolicy() internal returns (uint256 k1, uint256 k2) {
        address s1;
        address s2;
        (s1, k1) = makeAddrAndKey("tee");
        (s2, k2) = makeAddrAndKey("zkvm");
        vm.startPrank(admin);
        easc.registerBackend("tee", IExecutionAgnosticStateCommitments.BackendKind.TEE, s1);
        easc.registerBackend("zkvm", IExecutionAgnosticStateCommitments.BackendKind.ZKVM, s2);
        vm.stopPrank();
        vm.prank(policyAdmin);
        pbp.registerPolicy(QPOLICY, CREATE_ID, SPEND_ID, 2);
    }

    function _attest(uint256 key, uint256 commitment, bytes32 backend) internal {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, easc.attestationDigest(commitment, QPOLICY, backend));
        easc.attestCommitment(commitment, backend, abi.encodePacked(r, s, v));
    }

    function test_easc_quorumGatesTree() public {
        (uint256 k1, uint256 k2) = _backendsAndPolicy();
        pc3.createContainer(_proof(), 77, QPOLICY, "ct");
        assertEq(pc3.treeSize(), 0, "pending, not in the tree");
        assertTrue(easc.getPending(77).registered);

        _attest(k1, 77, "tee");
        assertEq(pc3.treeSize(), 0);
        vm.expectRevert(abi.encodeWithSelector(IExecutionAgnosticStateCommitments.AlreadyAttested.selector, 77, bytes32("tee")));
        this.attestExternal(k1, 77, "tee");
        // a signature by the wrong signer
        vm.expectRevert(abi.encodeWithSelector(IExecutionAgnosticStateCommitments.InvalidAttestation.selector, 77, bytes32("zkvm")));
        this.attestExternal(k1, 77, "zkvm");

        _attest(k2, 77, "zkvm");
        assertEq(pc3.treeSize(), 1, "inserted at quorum");
        assertEq(pc3.currentRoot(), 77);
        assertTrue(easc.getPending(77).finalized);
        vm.expectRevert(abi.encodeWithSelector(IExecutionAgnosticStateCommitments.CommitmentNotPending.selector, 77));
        this.attestExternal(k2, 77, "zkvm");
    }

    function attestExternal(uint256 key, uint256 commitment, bytes32 backend) external {
        _attest(key, commitment, backend);
    }

    function test_easc_deactivatedBackendCannotAttest() public {
        (uint256 k1,) = _backendsAndPolicy();
        pc3.createContainer(_proof(), 77, QPOLICY, "ct");
        vm.prank(guardian);
        easc.deactivateBackend("tee");
        vm.expectRevert(abi.encodeWithSelector(IExecutionAgnosticStateCommitments.BackendInactive.selector, bytes32("tee")));
        this.attestExternal(k1, 77, "tee");
    }

    // ---------------- Pause ----------------

    function test_pause_everyContractReportsIt() public {
        address[8] memory all = _allContracts();
        for (uint256 i = 0; i < all.length; ++i) {
            assertFalse(IPILBase(all[i]).isPaused());
        }
        _pause();
        for (uint256 i = 0; i < all.length; ++i) {
            assertTrue(IPILBase(all[i]).isPaused());
        }
        vm.expectRevert(IPILBase.EnforcedPause.selector);
        _create(5);
        vm.prank(unpauser);
        orchestrator.unpause();
        _create(5);
    }

    function test_pauseContract_onlyThatContract() public {
        vm.prank(guardian);
        orchestrator.pauseContract(address(pc3));
        assertTrue(pc3.isPaused());
        assertFalse(hub.isPaused());
        assertFalse(orchestrator.isPaused());
        vm.expectRevert(IPILBase.EnforcedPause.selector);
        _create(5);
        vm.prank(unpauser);
        orchestrator.unpauseContract(address(pc3));
        _create(5);
    }

    function test_pause_governanceStaysOpen() public {
        _pause();
        vm.prank(guardian);
        pbp.deactivatePolicy(POLICY);
        vm.prank(verifierAdmin);
        registry.setVerifier(CREATE_ID, address(mockCreate), bytes32("r"), 3);
        vm.prank(admin);
        pbp.grantRole(keccak256("X"), stranger);
        vm.prank(policyAdmin);
        vm.expectRevert(IPILBase.EnforcedPause.selector);
        pbp.registerPolicy(9, CREATE_ID, SPEND_ID, 0);
    }
}
