namespace EgressInfra.Core.Config;

/// <summary>One port of an external service.</summary>
/// <param name="Name">Explicit port name; when null the manifest uses <c>protocol-number</c>.</param>
/// <param name="TargetPort">Port on the destination, when it differs from <paramref name="Number"/>.</param>
public sealed record ServicePortConfig(int Number, ServiceProtocol Protocol, string? Name = null, int? TargetPort = null)
{
    public string EffectiveName => Name ?? IstioNames.DefaultPortName(Protocol, Number);
}
