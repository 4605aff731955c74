using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Exact hosts only: a wildcard admits every sibling host (istio/istio.io#2766) and, needing
/// resolution NONE, lets the client pick the address.
/// </summary>
public sealed class NoWildcardHostsRule : IProfileRule
{
    public string Id => "no-wildcard-hosts";

    public DiagnosticDescriptor Descriptor => PolicyCodes.NoWildcardHosts;

    public bool IsPerService => true;

    public IReadOnlyList<string> Supersedes => [AnalysisCodes.WildcardGrantsSiblings.Code];

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var service in context.Services)
        {
            for (var i = 0; i < service.Hosts.Count; i++)
            {
                var host = service.Hosts[i];
                if (host.Contains('*', StringComparison.Ordinal))
                {
                    var what = host == "*" ? "'*' matches every host" : $"'{host}' is a wildcard and matches every host under {host.TrimStart('*', '.')}";
                    yield return RuleContext.Finding(service, $"hosts[{i}]", $"{what} ({RuleContext.Describe(service)})");
                }
            }
        }
    }
}
