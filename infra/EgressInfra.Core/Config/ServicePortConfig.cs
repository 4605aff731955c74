namespace EgressInfra.Core.Config;

/// <summary>One port of an external service.</summary>
/// <param name="Name">Explicit port name; when null the manifest uses <c>protocol-number</c>.</param>
/// <param name="TargetPort">Port on the destination, when it differs from <paramref name="Number"/>.</param>
/// <param name="OriginateTls">The application speaks plain HTTP and the mesh opens TLS to the destination
/// (a DestinationRule with <c>tls.mode: SIMPLE</c>), so nothing leaves the cluster in clear text.</param>
public sealed record ServicePortConfig(int Number, ServiceProtocol Protocol, string? Name = null, int? TargetPort = null, bool OriginateTls = false)
{
    /// <summary>The port the destination listens on: <see cref="TargetPort"/> when set, else <see cref="Number"/>.</summary>
    public int DestinationPort => TargetPort ?? Number;

    public string EffectiveName => Name ?? IstioNames.DefaultPortName(Protocol, Number);
}
