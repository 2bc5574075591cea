// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PILBase} from "../common/PILBase.sol";
import {ICrossDomainNullifierAlgebra} from "../interfaces/ICrossDomainNullifierAlgebra.sol";
import {Field} from "../libraries/Field.sol";

/// @title CrossDomainNullifierAlgebra (CDNA)
/// @notice Domains `(chainId, appId)`, the consumed-nullifier set and the imported-message set
/// (protocol §2, §5).
/// @dev A nullifier is `Poseidon_3(nullifierSecret, leafIndex, originDomainId)`: one per note, with
/// its origin domain inside the hash. The set is therefore global (keyed by the nullifier alone,
/// remembering the domain it was consumed in), so a nullifier cannot be consumed twice in one
/// domain nor once in each of two domains.
contract CrossDomainNullifierAlgebra is PILBase, ICrossDomainNullifierAlgebra {
    /// @custom:storage-location erc7201:pil.storage.CrossDomainNullifierAlgebra
    struct CrossDomainNullifierAlgebraStorage {
        address container;
        address hub;
        mapping(uint256 domainId => Domain) domains;
        // domainId + 1 of the domain the nullifier was consumed in (0: not consumed). domainId < r.
        mapping(uint256 nullifier => uint256) consumedInPlusOne;
        mapping(bytes32 messageId => bool) imported;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.CrossDomainNullifierAlgebra")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant CDNA_STORAGE_LOCATION = 0x52255d12d5aaea0107fa29e02df81832f89b358fe1dba3ed5774028762a8dc00;

    /// @notice Initializes the proxy and registers this chain's domain `(block.chainid, keccak256("PIL.v2"))`.
    function initialize(address admin, address orchestrator_) external initializer {
        _requireNonZero(orchestrator_);
        __PILBase_init(admin, orchestrator_);
        _registerDomain(block.chainid, Field.APP_ID);
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function registerDomain(uint256 chainId, bytes32 appId)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        returns (uint256 domainId)
    {
        return _registerDomain(chainId, appId);
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function setCallers(address container, address hub) external onlyRole(DEFAULT_ADMIN_ROLE) {
        CrossDomainNullifierAlgebraStorage storage $ = _getStorage();
        $.container = container;
        $.hub = hub;
        emit CallersSet(container, hub);
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function consumeNullifier(uint256 domainId, uint256 nullifier) external whenNotPaused {
        CrossDomainNullifierAlgebraStorage storage $ = _getStorage();
        if (_msgSender() != $.container && _msgSender() != $.hub) revert UnauthorizedCaller(_msgSender());
        if (!$.domains[domainId].registered) revert UnknownDomain(domainId);
        if ($.consumedInPlusOne[nullifier] != 0) revert NullifierAlreadyConsumed(nullifier, domainId);
        unchecked {
            // domainId < r < 2^254: no overflow.
            $.consumedInPlusOne[nullifier] = domainId + 1;
        }
        emit NullifierConsumed(nullifier, domainId, _msgSender());
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function recordImport(bytes32 messageId) external whenNotPaused {
        CrossDomainNullifierAlgebraStorage storage $ = _getStorage();
        if (_msgSender() != $.hub) revert UnauthorizedCaller(_msgSender());
        if ($.imported[messageId]) revert MessageAlreadyImported(messageId);
        $.imported[messageId] = true;
        emit MessageImportRecorded(messageId);
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function isConsumed(uint256 nullifier) external view returns (bool) {
        return _getStorage().consumedInPlusOne[nullifier] != 0;
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function consumedIn(uint256 nullifier) external view returns (bool consumed, uint256 domainId) {
        uint256 v = _getStorage().consumedInPlusOne[nullifier];
        if (v == 0) return (false, 0);
        return (true, v - 1);
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function isImported(bytes32 messageId) external view returns (bool) {
        return _getStorage().imported[messageId];
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function getDomain(uint256 domainId) external view returns (Domain memory) {
        return _getStorage().domains[domainId];
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function localDomainId() external view returns (uint256) {
        return Field.localDomainId();
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function computeDomainId(uint256 chainId, bytes32 appId) external pure returns (uint256) {
        return Field.domainId(chainId, appId);
    }

    /// @inheritdoc ICrossDomainNullifierAlgebra
    function callers() external view returns (address container, address hub) {
        CrossDomainNullifierAlgebraStorage storage $ = _getStorage();
        return ($.container, $.hub);
    }

    function _registerDomain(uint256 chainId, bytes32 appId) private returns (uint256 domainId) {
        domainId = Field.domainId(chainId, appId);
        Domain storage d = _getStorage().domains[domainId];
        if (d.registered) revert DomainAlreadyRegistered(domainId);
        d.chainId = chainId;
        d.appId = appId;
        d.registered = true;
        emit DomainRegistered(domainId, chainId, appId);
    }

    function _getStorage() private pure returns (CrossDomainNullifierAlgebraStorage storage $) {
        assembly {
            $.slot := CDNA_STORAGE_LOCATION
        }
    }
}
