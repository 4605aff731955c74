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
            else if (Placeholders.IsPlaceholder(service.Owner))
            {
                yield return Placeholder(service, "owner", service.Owner);
            }

            if (string.IsNullOrWhiteSpace(service.Reason))
            {
                yield return Missing(service, "reason");
            }
            else if (Placeholders.IsPlaceholder(service.Reason))
            {
                yield return Placeholder(service, "reason", service.Reason);
            }
        }
    }

    private static RuleFinding Placeholder(ExternalService service, string member, string value)
    {
        var subject = service.Preset is null ? $"the service '{service.Name}'" : $"the preset '{service.Preset}'";
        return new RuleFinding($"{service.SourcePath}.{member}", $"the {member} of {subject} is a placeholder ('{value}'): write the real {(member == "owner" ? "team" : "reason")}", service.Name, service.Preset);
    }

    private static RuleFinding Missing(ExternalService service, string member)
    {
        // A preset's owner and reason are written on its item in egress.presets, once for all its services.
        var subject = service.Preset is null ? $"the service '{service.Name}'" : $"the preset '{service.Preset}'";
        return new RuleFinding($"{service.SourcePath}.{member}", $"{subject} has no {member}", service.Name, service.Preset);
    }
}
