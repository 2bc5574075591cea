// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PILTestBase} from "./PILTestBase.sol";

/// @dev Reusable behaviour: a privileged call is refused for every actor that is not allowed
/// (each role holder, the other PIL contracts, a stranger).
abstract contract AccessControlBehavior is PILTestBase {
    function _actors() internal view returns (address[] memory a) {
        address[8] memory all = _allContracts();
        a = new address[](9 + all.length);
        a[0] = admin;
        a[1] = upgrader;
        a[2] = verifierAdmin;
        a[3] = policyAdmin;
        a[4] = recovery;
        a[5] = guardian;
        a[6] = unpauser;
        a[7] = relayerAdmin;
        a[8] = stranger;
        for (uint256 i = 0; i < all.length; ++i) {
            a[9 + i] = all[i];
        }
    }

    function _only(address target, bytes memory data, address allowed) internal {
        address[] memory al = new address[](1);
        al[0] = allowed;
        _onlyAny(target, data, al);
    }

    function _only2(address target, bytes memory data, address a1, address a2) internal {
        address[] memory al = new address[](2);
        al[0] = a1;
        al[1] = a2;
        _onlyAny(target, data, al);
    }

    /// @dev Every actor outside `allowed` must be refused.
    function _onlyAny(address target, bytes memory data, address[] memory allowed) internal {
        address[] memory actors = _actors();
        for (uint256 i = 0; i < actors.length; ++i) {
            bool ok;
            for (uint256 j = 0; j < allowed.length; ++j) {
                if (actors[i] == allowed[j]) ok = true;
            }
            if (ok) continue;
            vm.prank(actors[i]);
            (bool success,) = target.call(data);
            assertFalse(success, string.concat("privileged call accepted from ", vm.toString(actors[i])));
        }
    }
}
