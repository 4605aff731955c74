namespace EgressInfra.Core.Probe;

/// <summary>
/// The optional post-deploy egress probe of a stack (<c>egress-infra:probe</c>): a Job per governed
/// namespace that tries what the policy allows and a few things it must deny.
/// </summary>
/// <param name="Image">Container image with <c>sh</c>, <c>curl</c>, <c>nc</c> and <c>timeout</c>.</param>
/// <param name="DeniedHost">A resolvable host that no service declares. It must resolve and answer,
/// or the "undeclared host" check would pass without the mesh blocking anything.</param>
/// <param name="SpoofAddress">An address that nothing answers on, used behind a declared HTTP host's
/// Host header: the sidecar must route by the declared host, not forward to the address.</param>
/// <param name="TimeoutSeconds">Per-check connect and transfer limit.</param>
/// <param name="TtlSecondsAfterFinished">How long Kubernetes keeps a finished probe Job and its logs.</param>
public sealed record ProbeConfig(
    bool Enabled,
    string Image,
    string DeniedHost,
    string SpoofAddress,
    int TimeoutSeconds,
    int TtlSecondsAfterFinished)
{
    /// <summary>Pinned by digest: a tag can be moved to other bytes, and the probe runs inside prod namespaces.</summary>
    public const string DefaultImage = "curlimages/curl:8.11.1@sha256:c1fe1679c34d9784c1b0d1e5f62ac0a79fca01fb6377cdd33e90473c6f9f9a69";

    /// <summary>IANA's documentation domain: always resolvable, answers on 80 and 443, harmless to reach.</summary>
    public const string DefaultDeniedHost = "example.com";

    /// <summary>TEST-NET-1 (RFC 5737): routable nowhere, so nothing ever answers there.</summary>
    public const string DefaultSpoofAddress = "192.0.2.1";

    public const int DefaultTimeoutSeconds = 5;

    public const int DefaultTtlSecondsAfterFinished = 86_400;

    /// <summary>The probe of a stack that does not configure one.</summary>
    public static ProbeConfig Disabled { get; } = Defaults with { Enabled = false };

    /// <summary>An enabled probe with every setting at its default.</summary>
    public static ProbeConfig Defaults => new(true, DefaultImage, DefaultDeniedHost, DefaultSpoofAddress, DefaultTimeoutSeconds, DefaultTtlSecondsAfterFinished);
}
