pragma circom 2.1.6;

// PIL container_spend (protocol.md §4, circuit id keccak256("pil.container_spend.v1")).
// Spends a note of the source tree (root, nullifier) and binds the new note
// dstCommitment: same amount, state and policy; new owner, payload and blinding.
//
// Public inputs, in this order:
//   root, nullifier, srcDomain, dstDomain, dstCommitment, policyHash, dstPayloadHash.

include "../../node_modules/circomlib/circuits/poseidon.circom";
include "./lean_imt.circom";

template ContainerSpend(DEPTH) {
    // Public (declaration order = public signal order).
    signal input root;
    signal input nullifier;
    signal input srcDomain;
    signal input dstDomain;
    signal input dstCommitment;
    signal input policyHash;
    signal input dstPayloadHash;

    // Private.
    signal input nullifierSecret;
    signal input amount;
    signal input stateHash;
    signal input payloadHash;
    signal input blinding;
    signal input leafIndex;
    signal input siblings[DEPTH];
    signal input siblingExists[DEPTH];
    signal input dstNpk;
    signal input dstBlinding;

    // 1. commitment = Poseidon_6(Poseidon_1(nullifierSecret), amount, stateHash, policyHash, payloadHash, blinding).
    component npk = Poseidon(1);
    npk.inputs[0] <== nullifierSecret;
    component note = Poseidon(6);
    note.inputs[0] <== npk.out;
    note.inputs[1] <== amount;
    note.inputs[2] <== stateHash;
    note.inputs[3] <== policyHash;
    note.inputs[4] <== payloadHash;
    note.inputs[5] <== blinding;

    // 2. commitment is the leaf at leafIndex (20-bit) of the tree with root `root`.
    component tree = LeanIMTMembership(DEPTH);
    tree.leaf <== note.out;
    tree.leafIndex <== leafIndex;
    for (var l = 0; l < DEPTH; l++) {
        tree.siblings[l] <== siblings[l];
        tree.siblingExists[l] <== siblingExists[l];
    }
    tree.root === root;

    // 3. nullifier = Poseidon_3(nullifierSecret, leafIndex, srcDomain).
    component nf = Poseidon(3);
    nf.inputs[0] <== nullifierSecret;
    nf.inputs[1] <== leafIndex;
    nf.inputs[2] <== srcDomain;
    nf.out === nullifier;

    // 4. dstCommitment = Poseidon_6(dstNpk, amount, stateHash, policyHash, dstPayloadHash, dstBlinding).
    component dst = Poseidon(6);
    dst.inputs[0] <== dstNpk;
    dst.inputs[1] <== amount;
    dst.inputs[2] <== stateHash;
    dst.inputs[3] <== policyHash;
    dst.inputs[4] <== dstPayloadHash;
    dst.inputs[5] <== dstBlinding;
    dst.out === dstCommitment;

    // 5. dstDomain takes part in no other constraint: bind it with a quadratic one so
    //    the optimizer keeps it and a proof is not malleable in it.
    signal dstDomainSquared;
    dstDomainSquared <== dstDomain * dstDomain;
}

component main {public [root, nullifier, srcDomain, dstDomain, dstCommitment, policyHash, dstPayloadHash]} = ContainerSpend(20);
