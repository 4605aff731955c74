using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.DestinationRules;

/// <summary>Istio's admission rules for one DestinationRule (ValidateDestinationRule): host, traffic policy, subsets, exportTo, selector.</summary>
public static class DestinationRuleValidator
{
    public static IReadOnlyList<Diagnostic> Validate(ObjectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var f = new ObjectFindings();
        if (!CommonRules.CheckAnnotations(input, f))
        {
            return f.Items;
        }

        var spec = input.Spec;
        var host = SpecNode.Text(spec, "host");
        if (DnsNames.CheckWildcardDomain(host) is { IsValid: false } check)
        {
            f.Add(EnforcementKindCodes.DestinationRuleHost, "spec.host", $"host \"{host}\" is not valid: {check.Describe()}");
        }

        TrafficPolicyRules.Check(SpecNode.Map(spec, "trafficPolicy"), "spec.trafficPolicy", input.Namespace, f);

        var names = new HashSet<string>(StringComparer.Ordinal);
        var subsets = SpecNode.Items(spec, "subsets");
        for (var i = 0; i < subsets.Count; i++)
        {
            var path = ConfigPath.Index("spec.subsets", i);
            if (subsets[i] is not MappingNode subset)
            {
                f.Add(EnforcementKindCodes.Subset, path, "a subset may not be null");
                continue;
            }

            var name = SpecNode.Text(subset, "name");
            if (!names.Add(name))
            {
                f.Add(EnforcementKindCodes.Subset, ConfigPath.Child(path, "name"), $"duplicate subset name: {name}");
            }

            if (name.Length == 0)
            {
                f.Add(EnforcementKindCodes.Subset, ConfigPath.Child(path, "name"), "a subset name cannot be empty");
            }
            else if (!DnsNames.IsLabel(name))
            {
                f.Add(EnforcementKindCodes.Subset, ConfigPath.Child(path, "name"), $"subset name \"{name}\" is not a DNS-1123 label");
            }

            CommonRules.LabelMap(subset, "labels", path, f);
            TrafficPolicyRules.Check(SpecNode.Map(subset, "trafficPolicy"), ConfigPath.Child(path, "trafficPolicy"), input.Namespace, f);
        }

        var selector = SpecNode.Map(spec, "workloadSelector");
        CommonRules.ExportTo(spec, input.Namespace, f, hasWorkloadSelector: selector is not null);
        CommonRules.WorkloadSelector(selector, "spec.workloadSelector", f);
        return f.Items;
    }
}
