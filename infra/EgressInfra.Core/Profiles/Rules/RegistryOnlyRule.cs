using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Every governed namespace has a Sidecar with REGISTRY_ONLY, and no Sidecar imports from every
/// namespace: with <c>*/…</c> an entry exported by anyone else widens the namespace's registry, which
/// is how "REGISTRY_ONLY doesn't work" in practice (failure mode F10). In ambient mode there is no
/// Sidecar and ztunnel ignores the outbound policy: the rule is met by the waypoint path, where every
/// entry goes through the waypoint and the NetworkPolicy drops whatever has none.
/// </summary>
public sealed class RegistryOnlyRule : IProfileRule
{
    public string Id => "registry-only";

    public DiagnosticDescriptor Descriptor => PolicyCodes.RegistryOnly;

    public bool IsPerService => false;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        var egress = context.Config.Egress;
        if (egress.Mode == EgressMode.Ambient)
        {
            if (!egress.NetworkPolicy.Enabled)
            {
                yield return new RuleFinding(
                    "egress.networkPolicy.enabled",
                    "ambient mode without a NetworkPolicy: ztunnel passes undeclared destinations straight out, so pods reach any destination, not only the declared ones");
            }

            yield break;
        }

        if (egress.OutboundTrafficPolicy == OutboundTrafficPolicy.AllowAny)
        {
            yield return new RuleFinding(
                "egress.outboundTrafficPolicy",
                "the outbound traffic policy is ALLOW_ANY: pods reach any destination, not only the declared ones");
        }

        for (var i = 0; i < egress.Namespaces.Count; i++)
        {
            var ns = egress.Namespaces[i];
            var sidecar = context.Manifests.Sidecars.FirstOrDefault(s => s.Metadata.Namespace == ns);
            if (sidecar is null)
            {
                yield return new RuleFinding($"egress.namespaces[{i}]", $"the namespace '{ns}' has no Sidecar, so its pods see the whole mesh registry");
            }
            else if (sidecar.Spec.OutboundTrafficPolicy != OutboundTrafficPolicy.RegistryOnly.Name() && egress.OutboundTrafficPolicy == OutboundTrafficPolicy.RegistryOnly)
            {
                yield return new RuleFinding($"egress.namespaces[{i}]", $"the Sidecar of '{ns}' is {sidecar.Spec.OutboundTrafficPolicy}, not REGISTRY_ONLY");
            }
        }

        var imports = egress.SidecarImports;
        for (var i = 0; i < imports.Count; i++)
        {
            if (imports[i].StartsWith("*/", StringComparison.Ordinal))
            {
                yield return new RuleFinding(
                    $"egress.sidecarImports[{i}]",
                    $"'{imports[i]}' imports what every namespace exports, so entries outside this stack widen what the governed namespaces reach");
            }
        }

        // A namespace's own imports reach its Sidecar just the same (ManifestBuilder adds them).
        foreach (var (ns, own) in egress.NamespaceImports)
        {
            for (var i = 0; i < own.Count; i++)
            {
                if (own[i].StartsWith("*/", StringComparison.Ordinal))
                {
                    yield return new RuleFinding(
                        $"{ConfigPath.Child("egress.namespaceImports", ns)}[{i}]",
                        $"'{own[i]}' imports what every namespace exports into the Sidecar of '{ns}', so entries outside this stack widen what it reaches");
                }
            }
        }
    }
}
