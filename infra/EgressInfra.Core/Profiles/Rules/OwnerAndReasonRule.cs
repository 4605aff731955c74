using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Every service names an owner and a reason: an egress exception nobody answers for is never
/// removed. Both become annotations on the ServiceEntry.
/// </summary>
public sealed class OwnerAndReasonRule : IProfileRule
{
    public string Id => "owner-and-reason";

    public DiagnosticDescriptor Descriptor => PolicyCodes.OwnerAndReason;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var service in context.Services)
        {
            if (string.IsNullOrWhiteSpace(service.Owner))
            {
                yield return Missing(service, "owner");
            }

            if (string.IsNullOrWhiteSpace(service.Reason))
            {
                yield return Missing(service, "reason");
            }
        }
    }

    private static RuleFinding Missing(ExternalService service, string member)
    {
        // A preset's owner and reason are written on its item in egress.presets, once for all its services.
        var subject = service.Preset is null ? $"the service '{service.Name}'" : $"the preset '{service.Preset}'";
        return new RuleFinding($"{service.SourcePath}.{member}", $"{subject} has no {member}", service.Name, service.Preset);
    }
}
