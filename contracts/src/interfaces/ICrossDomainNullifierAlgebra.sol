// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICrossDomainNullifierAlgebra
/// @notice Domains `(chainId, appId)`, consumed nullifiers and imported message ids (protocol §5).
interface ICrossDomainNullifierAlgebra {
    /// @notice A registered domain.
    struct Domain {
        uint256 chainId;
        bytes32 appId;
        bool registered;
    }

    /// @dev The nullifier was consumed before (in `domainId`, the domain of this call).
    error NullifierAlreadyConsumed(uint256 nullifier, uint256 domainId);
    /// @dev The message was imported before.
    error MessageAlreadyImported(bytes32 messageId);
    /// @dev The domain is not registered.
    error UnknownDomain(uint256 domainId);
    /// @dev The domain is already registered.
    error DomainAlreadyRegistered(uint256 domainId);

    /// @notice A domain was registered.
    event DomainRegistered(uint256 indexed domainId, uint256 chainId, bytes32 appId);
    /// @notice The contracts allowed to consume nullifiers / record imports changed.
    event CallersSet(address container, address hub);
    /// @notice A nullifier was consumed in `domainId` by `caller`.
    event NullifierConsumed(uint256 indexed nullifier, uint256 indexed domainId, address indexed caller);
    /// @notice A message id was recorded as imported.
    event MessageImportRecorded(bytes32 indexed messageId);

    /// @notice Registers the domain `(chainId, appId)`. `DEFAULT_ADMIN_ROLE`.
    function registerDomain(uint256 chainId, bytes32 appId) external returns (uint256 domainId);
    /// @notice Sets the container (PC3) and hub allowed to call {consumeNullifier} / {recordImport}.
    /// `DEFAULT_ADMIN_ROLE`.
    function setCallers(address container, address hub) external;
    /// @notice Consumes `nullifier` in `domainId`. PC3 or hub only; `whenNotPaused`.
    /// Reverts {NullifierAlreadyConsumed} on reuse (in any domain).
    function consumeNullifier(uint256 domainId, uint256 nullifier) external;
    /// @notice Records `messageId` as imported. Hub only; `whenNotPaused`.
    /// Reverts {MessageAlreadyImported} on reuse.
    function recordImport(bytes32 messageId) external;

    /// @notice Whether `nullifier` was consumed.
    function isConsumed(uint256 nullifier) external view returns (bool);
    /// @notice Whether `nullifier` was consumed and in which domain.
    function consumedIn(uint256 nullifier) external view returns (bool consumed, uint256 domainId);
    /// @notice Whether `messageId` was imported.
    function isImported(bytes32 messageId) external view returns (bool);
    /// @notice The domain record of `domainId`.
    function getDomain(uint256 domainId) external view returns (Domain memory);
    /// @notice `domainId(block.chainid, keccak256("PIL.v2"))`.
    function localDomainId() external view returns (uint256);
    /// @notice `uint256(keccak256(abi.encode(chainId, appId))) mod r`.
    function computeDomainId(uint256 chainId, bytes32 appId) external pure returns (uint256);
    /// @notice The allowed callers.
    function callers() external view returns (address container, address hub);
}
