// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {PILv2Orchestrator} from "../../src/governance/PILv2Orchestrator.sol";
import {VerifierRegistry} from "../../src/governance/VerifierRegistry.sol";
import {PolicyBoundProofs} from "../../src/core/PolicyBoundProofs.sol";
import {CrossDomainNullifierAlgebra} from "../../src/core/CrossDomainNullifierAlgebra.sol";
import {ExecutionAgnosticStateCommitments} from "../../src/core/ExecutionAgnosticStateCommitments.sol";
import {ProofCarryingContainer} from "../../src/core/ProofCarryingContainer.sol";
import {CrossChainProofHub} from "../../src/crosschain/CrossChainProofHub.sol";
import {RelayerRegistry} from "../../src/crosschain/RelayerRegistry.sol";
import {IPILv2Orchestrator} from "../../src/interfaces/IPILv2Orchestrator.sol";
import {IProofCarryingContainer} from "../../src/interfaces/IProofCarryingContainer.sol";
import {Groth16Proof, SpendArgs} from "../../src/interfaces/PILTypes.sol";
import {Roles} from "../../src/libraries/Roles.sol";
import {Field} from "../../src/libraries/Field.sol";
import {MockGroth16Verifier} from "./MockGroth16Verifier.sol";

/// @dev Deploys one chain's PIL system behind ERC1967 proxies, in the documented wiring order,
/// with one distinct holder per role. Verifiers are test doubles unless a test rotates them.
abstract contract PILTestBase is Test {
    bytes32 internal constant CREATE_ID = keccak256("pil.container_create.v1");
    bytes32 internal constant SPEND_ID = keccak256("pil.container_spend.v1");
    uint256 internal constant POLICY = 7326285761188395904765438796316684380519214399476978214617473501396725093183;
    uint256 internal constant MIN_STAKE = 1 ether;
    uint64 internal constant UNBONDING = 7 days;

    address internal admin = makeAddr("admin (48h timelock)");
    address internal upgrader = makeAddr("upgrader");
    address internal verifierAdmin = makeAddr("verifierAdmin");
    address internal policyAdmin = makeAddr("policyAdmin");
    address internal recovery = makeAddr("recovery");
    address internal guardian = makeAddr("guardian (Safe)");
    address internal unpauser = makeAddr("unpauser (6h timelock)");
    address internal relayerAdmin = makeAddr("relayerAdmin");
    address internal stranger = makeAddr("stranger");

    PILv2Orchestrator internal orchestrator;
    VerifierRegistry internal registry;
    PolicyBoundProofs internal pbp;
    CrossDomainNullifierAlgebra internal cdna;
    ExecutionAgnosticStateCommitments internal easc;
    ProofCarryingContainer internal pc3;
    CrossChainProofHub internal hub;
    RelayerRegistry internal relayers;
    MockGroth16Verifier internal mockCreate;
    MockGroth16Verifier internal mockSpend;

    struct ChainRefs {
        PILv2Orchestrator orchestrator;
        VerifierRegistry registry;
        PolicyBoundProofs pbp;
        CrossDomainNullifierAlgebra cdna;
        ExecutionAgnosticStateCommitments easc;
        ProofCarryingContainer pc3;
        CrossChainProofHub hub;
        RelayerRegistry relayers;
    }

    function _refs() internal view returns (ChainRefs memory) {
        return ChainRefs(orchestrator, registry, pbp, cdna, easc, pc3, hub, relayers);
    }

    function _use(ChainRefs memory c) internal {
        orchestrator = c.orchestrator;
        registry = c.registry;
        pbp = c.pbp;
        cdna = c.cdna;
        easc = c.easc;
        pc3 = c.pc3;
        hub = c.hub;
        relayers = c.relayers;
    }

    function _proxy(address impl, bytes memory init) internal returns (address) {
        return address(new ERC1967Proxy(impl, init));
    }

    function _deploySystem() internal {
        orchestrator = PILv2Orchestrator(
            payable(_proxy(address(new PILv2Orchestrator()), abi.encodeCall(PILv2Orchestrator.initialize, (admin))))
        );
        address o = address(orchestrator);
        registry = VerifierRegistry(
            _proxy(address(new VerifierRegistry()), abi.encodeCall(VerifierRegistry.initialize, (admin, o)))
        );
        pbp = PolicyBoundProofs(
            _proxy(address(new PolicyBoundProofs()), abi.encodeCall(PolicyBoundProofs.initialize, (admin, o)))
        );
        cdna = CrossDomainNullifierAlgebra(
            _proxy(
                address(new CrossDomainNullifierAlgebra()), abi.encodeCall(CrossDomainNullifierAlgebra.initialize, (admin, o))
            )
        );
        relayers = RelayerRegistry(
            _proxy(
                address(new RelayerRegistry()),
                abi.encodeCall(RelayerRegistry.initialize, (admin, o, MIN_STAKE, UNBONDING, 1))
            )
        );
        easc = ExecutionAgnosticStateCommitments(
            _proxy(
                address(new ExecutionAgnosticStateCommitments()),
                abi.encodeCall(ExecutionAgnosticStateCommitments.initialize, (admin, o))
            )
        );
        hub = CrossChainProofHub(
            _proxy(
                address(new CrossChainProofHub()),
                abi.encodeCall(CrossChainProofHub.initialize, (admin, o, address(cdna), address(relayers)))
            )
        );
        IProofCarryingContainer.Dependencies memory deps = IProofCarryingContainer.Dependencies({
            verifierRegistry: address(registry),
            policies: address(pbp),
            nullifiers: address(cdna),
            stateCommitments: address(easc),
            hub: address(hub)
        });
        pc3 = ProofCarryingContainer(
            _proxy(address(new ProofCarryingContainer()), abi.encodeCall(ProofCarryingContainer.initialize, (admin, o, deps)))
        );

        vm.startPrank(admin);
        easc.setContainer(address(pc3));
        hub.setDependencies(address(pc3), address(cdna), address(relayers));
        relayers.setHub(address(hub));
        cdna.setCallers(address(pc3), address(hub));
        orchestrator.setComponents(
            IPILv2Orchestrator.Components({
                container: address(pc3),
                policies: address(pbp),
                stateCommitments: address(easc),
                nullifiers: address(cdna),
                verifierRegistry: address(registry),
                hub: address(hub),
                relayerRegistry: address(relayers)
            })
        );
        address[8] memory all = _allContracts();
        for (uint256 i = 0; i < all.length; ++i) {
            _grantAll(all[i]);
        }
        vm.stopPrank();
    }

    function _grantAll(address c) internal {
        PILv2Orchestrator t = PILv2Orchestrator(payable(c)); // any PILBase: AccessControl ABI
        t.grantRole(Roles.UPGRADER_ROLE, upgrader);
        t.grantRole(Roles.VERIFIER_ADMIN_ROLE, verifierAdmin);
        t.grantRole(Roles.POLICY_ADMIN_ROLE, policyAdmin);
        t.grantRole(Roles.RECOVERY_ROLE, recovery);
        t.grantRole(Roles.GUARDIAN_ROLE, guardian);
        t.grantRole(Roles.UNPAUSER_ROLE, unpauser);
        t.grantRole(Roles.RELAYER_ADMIN_ROLE, relayerAdmin);
    }

    function _allContracts() internal view returns (address[8] memory) {
        return [
            address(orchestrator),
            address(registry),
            address(pbp),
            address(cdna),
            address(easc),
            address(pc3),
            address(hub),
            address(relayers)
        ];
    }

    /// @dev System with mock verifiers and one active policy without attestation.
    function _deployWithMocks() internal {
        _deploySystem();
        mockCreate = new MockGroth16Verifier();
        mockSpend = new MockGroth16Verifier();
        vm.startPrank(verifierAdmin);
        registry.setVerifier(CREATE_ID, address(mockCreate), keccak256("vk.create"), 3);
        registry.setVerifier(SPEND_ID, address(mockSpend), keccak256("vk.spend"), 7);
        vm.stopPrank();
        vm.prank(policyAdmin);
        pbp.registerPolicy(POLICY, CREATE_ID, SPEND_ID, 0);
    }

    function _proof() internal pure returns (Groth16Proof memory p) {
        p.a = [uint256(1), 2];
    }

    /// @dev One external call only (safe right after vm.expectRevert).
    function _create(uint256 commitment) internal {
        pc3.createContainer(_proof(), commitment, POLICY, hex"c0ffee");
    }

    function _spendArgs(uint256 nullifier, uint256 dstCommitment) internal view returns (SpendArgs memory) {
        uint256 size = pc3.treeSize();
        return SpendArgs({
            root: pc3.currentRoot(),
            // forge-lint: disable-next-line(unsafe-typecast)
            rootSize: uint64(size),
            nullifier: nullifier,
            dstCommitment: dstCommitment,
            policyHash: POLICY
        });
    }

    function _pause() internal {
        vm.prank(guardian);
        orchestrator.pause();
    }

    function _field(uint256 x) internal pure returns (uint256) {
        return x % Field.R;
    }
}
