using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests.Modes;
using EgressInfra.Core.Posture;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Every governed namespace is enforced: its external traffic must cross the egress gateway, is
/// authorized there per namespace, and a NetworkPolicy stops pods from going around it. A Sidecar with
/// REGISTRY_ONLY alone is not a firewall (Istio's mesh config says so of REGISTRY_ONLY), so a namespace
/// with only that is reported with what it lacks.
/// </summary>
public sealed class EnforcedEgressRule : IProfileRule
{
    public string Id => "enforced-egress";

    public DiagnosticDescriptor Descriptor => PolicyCodes.EnforcedEgress;

    public bool IsPerService => false;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        var egress = context.Config.Egress;
        var postures = ModeBuilders.For(egress.Mode).Postures(egress).ToDictionary(p => p.Namespace, StringComparer.Ordinal);
        for (var i = 0; i < egress.Namespaces.Count; i++)
        {
            if (postures.TryGetValue(egress.Namespaces[i], out var posture) && posture.Posture != EgressPosture.Enforced)
            {
                yield return new RuleFinding(
                    $"egress.namespaces[{i}]",
                    $"the namespace '{posture.Namespace}' is {posture.Name}, not enforced; missing: {string.Join("; ", posture.Missing)}");
            }
        }
    }
}
