pragma circom 2.1.6;

// Membership in a lean incremental Merkle tree of Poseidon_2 (protocol.md §3).
//
// At each level l < DEPTH: b_l is bit l of leafIndex, e_l says the sibling exists,
// s_l is the sibling (constrained to 0 where e_l = 0). A parent is Poseidon_2 of the
// ordered pair when the sibling exists, and the node itself otherwise. A level
// without a sibling must be a left child (b_l = 1 => e_l = 1), so a root fixes the
// leaf index.

include "../../node_modules/circomlib/circuits/poseidon.circom";
include "../../node_modules/circomlib/circuits/bitify.circom";

template LeanIMTMembership(DEPTH) {
    signal input leaf;
    signal input leafIndex;
    signal input siblings[DEPTH];
    signal input siblingExists[DEPTH];
    signal output root;

    // leafIndex is DEPTH-bit; its bits are the path directions.
    component bits = Num2Bits(DEPTH);
    bits.in <== leafIndex;

    component hashers[DEPTH];
    signal nodes[DEPTH + 1];
    signal left[DEPTH];
    signal right[DEPTH];
    signal delta[DEPTH];
    nodes[0] <== leaf;

    for (var l = 0; l < DEPTH; l++) {
        // e_l is boolean.
        siblingExists[l] * (1 - siblingExists[l]) === 0;
        // b_l = 1 => e_l = 1.
        bits.out[l] * (1 - siblingExists[l]) === 0;
        // s_l = 0 where e_l = 0 (one canonical witness per path).
        siblings[l] * (1 - siblingExists[l]) === 0;

        // (left, right) = b_l ? (s_l, n_l) : (n_l, s_l).
        left[l] <== nodes[l] + bits.out[l] * (siblings[l] - nodes[l]);
        right[l] <== nodes[l] + siblings[l] - left[l];

        hashers[l] = Poseidon(2);
        hashers[l].inputs[0] <== left[l];
        hashers[l].inputs[1] <== right[l];

        // n_{l+1} = e_l ? Poseidon_2(left, right) : n_l.
        delta[l] <== siblingExists[l] * (hashers[l].out - nodes[l]);
        nodes[l + 1] <== nodes[l] + delta[l];
    }

    root <== nodes[DEPTH];
}
