using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// No cleartext HTTP to hosts outside the mesh: anything on the path can read and change it. A port
/// with <c>originateTls</c> is fine: the sidecar or the egress gateway opens TLS before it leaves.
/// </summary>
public sealed class NoCleartextHttpRule : IProfileRule
{
    public string Id => "no-cleartext-http";

    public DiagnosticDescriptor Descriptor => PolicyCodes.NoCleartextHttp;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var service in context.Services.Where(s => s.Location == ServiceLocation.MeshExternal))
        {
            for (var i = 0; i < service.Ports.Count; i++)
            {
                var port = service.Ports[i];
                if (port.Protocol.IsHttp() && !port.OriginateTls)
                {
                    yield return RuleContext.Finding(
                        service,
                        string.Create(CultureInfo.InvariantCulture, $"ports[{i}].protocol"),
                        string.Create(CultureInfo.InvariantCulture, $"port {port.Number} is {port.Protocol.Name()} in clear to {string.Join(", ", service.Hosts)} ({RuleContext.Describe(service)})"));
                }
            }
        }
    }
}
