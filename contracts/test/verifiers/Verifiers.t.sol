// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {ContainerCreateVerifier} from "../../src/verifiers/ContainerCreateVerifier.sol";
import {ContainerSpendVerifier} from "../../src/verifiers/ContainerSpendVerifier.sol";

/// @notice The generated Groth16 verifiers against the committed proof fixtures
/// (circuits/fixtures/<circuit>/<name>.json, made by circuits/scripts/gen-fixtures.ts).
contract VerifiersTest is Test {
    uint256 internal constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;
    uint256 internal constant Q = 21888242871839275222246405745257275088696311157297823662689037894645226208583;

    ContainerCreateVerifier internal createVerifier;
    ContainerSpendVerifier internal spendVerifier;

    struct Proof {
        uint256[2] a;
        uint256[2][2] b;
        uint256[2] c;
        uint256[] publicInputs;
    }

    function setUp() public {
        createVerifier = new ContainerCreateVerifier();
        spendVerifier = new ContainerSpendVerifier();
    }

    function _load(string memory circuit, string memory name) internal view returns (Proof memory p) {
        string memory json = vm.readFile(string.concat("../circuits/fixtures/", circuit, "/", name, ".json"));
        uint256[] memory a = vm.parseJsonUintArray(json, ".solidity.a");
        uint256[] memory b0 = vm.parseJsonUintArray(json, ".solidity.b[0]");
        uint256[] memory b1 = vm.parseJsonUintArray(json, ".solidity.b[1]");
        uint256[] memory c = vm.parseJsonUintArray(json, ".solidity.c");
        p.a = [a[0], a[1]];
        p.b = [[b0[0], b0[1]], [b1[0], b1[1]]];
        p.c = [c[0], c[1]];
        p.publicInputs = vm.parseJsonUintArray(json, ".solidity.publicInputs");
    }

    function _create(Proof memory p) internal view returns (bool) {
        assertEq(p.publicInputs.length, 3);
        uint256[3] memory pub = [p.publicInputs[0], p.publicInputs[1], p.publicInputs[2]];
        return createVerifier.verifyProof(p.a, p.b, p.c, pub);
    }

    function _spend(Proof memory p) internal view returns (bool) {
        assertEq(p.publicInputs.length, 7);
        uint256[7] memory pub;
        for (uint256 i = 0; i < 7; i++) {
            pub[i] = p.publicInputs[i];
        }
        return spendVerifier.verifyProof(p.a, p.b, p.c, pub);
    }

    // ---------------------------------------------------------------- valid proofs

    function test_create_acceptsValidProof() public view {
        assertTrue(_create(_load("container_create", "create")));
    }

    function test_spend_acceptsValidProofs() public view {
        assertTrue(_spend(_load("container_spend", "consume")));
        assertTrue(_spend(_load("container_spend", "export")));
        assertTrue(_spend(_load("container_spend", "export-deep")));
    }

    // ---------------------------------------------------------------- tampered public inputs

    function test_create_refusesEveryTamperedPublicInput() public view {
        Proof memory p = _load("container_create", "create");
        for (uint256 i = 0; i < 3; i++) {
            Proof memory t = _load("container_create", "create");
            t.publicInputs[i] = (p.publicInputs[i] + 1) % R;
            assertFalse(_create(t));
        }
    }

    function test_spend_refusesEveryTamperedPublicInput() public view {
        Proof memory p = _load("container_spend", "export");
        for (uint256 i = 0; i < 7; i++) {
            Proof memory t = _load("container_spend", "export");
            t.publicInputs[i] = (p.publicInputs[i] + 1) % R;
            assertFalse(_spend(t));
        }
    }

    /// A public input >= r would alias x mod r; the verifier refuses it outright.
    function test_spend_refusesNonCanonicalPublicInput() public view {
        Proof memory p = _load("container_spend", "export");
        p.publicInputs[3] += R; // 2r < 2^256: no overflow
        assertFalse(_spend(p));
        p = _load("container_create", "create");
        p.publicInputs[0] += R;
        assertFalse(_create(p));
        p = _load("container_spend", "export");
        p.publicInputs[6] = Q; // also >= r
        assertFalse(_spend(p));
    }

    /// The consume and export proofs spend the same note: their public inputs differ in
    /// dstDomain, so neither proof verifies with the other's dstDomain.
    function test_spend_bindsDstDomain() public view {
        Proof memory consume = _load("container_spend", "consume");
        Proof memory export_ = _load("container_spend", "export");
        assertEq(consume.publicInputs[1], export_.publicInputs[1]); // same nullifier
        assertTrue(consume.publicInputs[3] != export_.publicInputs[3]);
        consume.publicInputs[3] = export_.publicInputs[3];
        assertFalse(_spend(consume));
    }

    // ---------------------------------------------------------------- malformed proofs

    function test_refusesPointNotOnCurve() public view {
        Proof memory p = _load("container_spend", "export");
        p.a = [uint256(1), uint256(3)]; // y^2 != x^3 + 3
        assertFalse(_spend(p));
        p = _load("container_spend", "export");
        p.c[1] = p.c[1] ^ 1;
        assertFalse(_spend(p));
        p = _load("container_create", "create");
        p.b[0][0] = p.b[0][0] ^ 1; // not on the twist
        assertFalse(_create(p));
    }

    function test_refusesUnswappedG2Coordinates() public view {
        Proof memory p = _load("container_create", "create");
        (p.b[0][0], p.b[0][1]) = (p.b[0][1], p.b[0][0]);
        (p.b[1][0], p.b[1][1]) = (p.b[1][1], p.b[1][0]);
        assertFalse(_create(p));
    }

    function test_refusesZeroProof() public view {
        Proof memory p = _load("container_create", "create");
        p.a = [uint256(0), uint256(0)];
        p.b = [[uint256(0), uint256(0)], [uint256(0), uint256(0)]];
        p.c = [uint256(0), uint256(0)];
        assertFalse(_create(p));
    }

    function testFuzz_refusesRandomProofBytes(uint256[8] memory words) public view {
        Proof memory p = _load("container_create", "create");
        p.a = [words[0], words[1]];
        p.b = [[words[2], words[3]], [words[4], words[5]]];
        p.c = [words[6], words[7]];
        assertFalse(_create(p));
    }

    // ---------------------------------------------------------------- wrong key

    function test_refusesProofOfTheOtherCircuit() public view {
        Proof memory spend = _load("container_spend", "export");
        Proof memory create = _load("container_create", "create");
        // A spend proof with 3 of its public inputs under the create key.
        Proof memory asCreate = spend;
        uint256[] memory three = new uint256[](3);
        for (uint256 i = 0; i < 3; i++) {
            three[i] = spend.publicInputs[i];
        }
        asCreate.publicInputs = three;
        assertFalse(_create(asCreate));
        // A create proof, padded to 7 inputs, under the spend key.
        uint256[] memory seven = new uint256[](7);
        for (uint256 i = 0; i < 3; i++) {
            seven[i] = create.publicInputs[i];
        }
        create.publicInputs = seven;
        assertFalse(_spend(create));
    }

    // ---------------------------------------------------------------- gas

    function test_gas_verifyProof() public {
        Proof memory c = _load("container_create", "create");
        Proof memory s = _load("container_spend", "export");
        uint256[3] memory cp = [c.publicInputs[0], c.publicInputs[1], c.publicInputs[2]];
        uint256[7] memory sp;
        for (uint256 i = 0; i < 7; i++) {
            sp[i] = s.publicInputs[i];
        }
        uint256 g = gasleft();
        bool ok = createVerifier.verifyProof(c.a, c.b, c.c, cp);
        uint256 createGas = g - gasleft();
        assertTrue(ok);
        g = gasleft();
        ok = spendVerifier.verifyProof(s.a, s.b, s.c, sp);
        uint256 spendGas = g - gasleft();
        assertTrue(ok);
        emit log_named_uint("ContainerCreateVerifier.verifyProof gas (3 inputs, internal call)", createGas);
        emit log_named_uint("ContainerSpendVerifier.verifyProof gas (7 inputs, internal call)", spendGas);
        // EIP-1108 pairing 45,000 + 4 x 34,000 = 181,000, plus 6,150 per input (ecMul + ecAdd).
        assertLt(createGas, 181_000 + 3 * 6_150 + 20_000);
        assertLt(spendGas, 181_000 + 7 * 6_150 + 20_000);
    }
}
