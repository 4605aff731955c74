using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// A service is visible only to the namespaces that use it: never <c>exportTo: *</c>, and no
/// namespace outside its own <c>namespaces</c>. An entry exported further changes, or blackholes,
/// other teams' traffic to the same host (failure mode F10).
/// </summary>
public sealed class ExportToUsersOnlyRule : IProfileRule
{
    public string Id => "export-to-users-only";

    public DiagnosticDescriptor Descriptor => PolicyCodes.ExportToUsersOnly;

    public bool IsPerService => true;

    public IReadOnlyList<string> Supersedes => [AnalysisCodes.ExportedToMesh.Code];

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var service in context.Services)
        {
            for (var i = 0; i < service.ExportTo.Count; i++)
            {
                var target = service.ExportTo[i];
                if (target == "*")
                {
                    yield return RuleContext.Finding(
                        service,
                        $"exportTo[{i}]",
                        $"exportTo '*' makes {RuleContext.Describe(service)} visible to every namespace of the mesh");
                }
                else if (target is not "." and not "~" && !service.Namespaces.Contains(target, StringComparer.Ordinal))
                {
                    yield return RuleContext.Finding(
                        service,
                        $"exportTo[{i}]",
                        $"exportTo '{target}' makes {RuleContext.Describe(service)} visible to a namespace that does not use it");
                }
            }
        }
    }
}
