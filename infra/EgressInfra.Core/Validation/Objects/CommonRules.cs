using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Objects;

/// <summary>Rules several kinds share: metadata annotations, durations, exportTo, selectors and label maps.</summary>
public static class CommonRules
{
    private const string DryRun = "istio.io/dry-run";

    private static readonly string[] Internal =
    [
        "internal.istio.io/webhook-always-reject", "internal.istio.io/parent-namespace", "internal.istio.io/parents",
    ];

    /// <summary>validateMetadata: dry-run only on ALLOW/DENY AuthorizationPolicies; internal annotations never. True when the object may go on.</summary>
    public static bool CheckAnnotations(ObjectInput input, ObjectFindings findings, string? policyAction = null)
    {
        var annotations = input.Annotations;
        if (annotations is null)
        {
            return true;
        }

        foreach (var (key, value) in annotations.Entries)
        {
            var path = ConfigPath.Child("metadata.annotations", key.Text);
            if (key.Text == DryRun)
            {
                if (policyAction is null)
                {
                    findings.Add(EnforcementKindCodes.ReservedAnnotation, path, $"{input.Kind} does not support the annotation {DryRun}; only AuthorizationPolicy does");
                    return false;
                }

                if (policyAction is not ("ALLOW" or "DENY"))
                {
                    findings.Add(EnforcementKindCodes.ReservedAnnotation, path, $"{DryRun} only works with action ALLOW or DENY, not {policyAction}");
                    return false;
                }

                if (!IsGoBool(SpecNode.AsString(value) ?? string.Empty))
                {
                    findings.Add(EnforcementKindCodes.ReservedAnnotation, path, $"{DryRun} must be a boolean (\"true\" or \"false\"), not \"{SpecNode.AsString(value)}\"");
                    return false;
                }
            }
            else if (Internal.Contains(key.Text, StringComparer.Ordinal))
            {
                findings.Add(EnforcementKindCodes.ReservedAnnotation, path, $"the annotation {key.Text} is reserved for istiod and may not be set by users");
                return false;
            }
        }

        return true;
    }

    /// <summary>Go's strconv.ParseBool.</summary>
    private static bool IsGoBool(string s) => s is "1" or "t" or "T" or "TRUE" or "true" or "True" or "0" or "f" or "F" or "FALSE" or "false" or "False";

    /// <summary>A duration field, when it is set (agent.ValidateDuration).</summary>
    public static void Duration(ConfigNode? parent, string key, string parentPath, ObjectFindings findings)
    {
        if (SpecNode.String(parent, key) is { } text && ProtoDuration.Check(text) is { } problem)
        {
            findings.Add(EnforcementKindCodes.InvalidDuration, ConfigPath.Child(parentPath, key), problem);
        }
    }

    /// <summary>validateExportTo for kinds other than ServiceEntry ('~' is not allowed here).</summary>
    public static void ExportTo(ConfigNode? spec, string ns, ObjectFindings findings, bool hasWorkloadSelector = false)
    {
        var values = SpecNode.Strings(spec, "exportTo");
        if (values.Count == 0)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var e = values[i];
            var path = ConfigPath.Index("spec.exportTo", i);
            var key = e == "." ? ns : e;
            if (seen.Contains(key))
            {
                findings.Add(EnforcementKindCodes.InvalidExportTo, path, key != e ? $"exportTo lists both '.' and the own namespace {ns}" : $"exportTo lists '{e}' twice");
                continue;
            }

            if (key != "*" && !DnsNames.IsLabel(key))
            {
                findings.Add(EnforcementKindCodes.InvalidExportTo, path, $"'{e}' is not '.', '*' or a namespace name");
                continue;
            }

            seen.Add(key);
        }

        if (hasWorkloadSelector && seen.Count > 0)
        {
            if (!seen.Contains(ns))
            {
                findings.Add(EnforcementKindCodes.InvalidExportTo, "spec.exportTo", "a DestinationRule with a workloadSelector cannot be exported beyond its own namespace");
            }
            else if (seen.Count > 1)
            {
                findings.Add(EnforcementKindCodes.InvalidExportTo, "spec.exportTo", "a DestinationRule with a workloadSelector cannot have several exportTo entries");
            }
        }

        if (seen.Contains("*") && values.Count > 1)
        {
            findings.Add(EnforcementKindCodes.InvalidExportTo, "spec.exportTo", "exportTo cannot have both '*' and other values");
        }
    }

    /// <summary>validateWorkloadSelector (type.v1beta1.WorkloadSelector: matchLabels).</summary>
    public static void WorkloadSelector(ConfigNode? selector, string path, ObjectFindings findings)
    {
        if (selector is not MappingNode)
        {
            return;
        }

        var labels = SpecNode.StringMap(selector, "matchLabels").ToList();
        foreach (var (key, value) in labels)
        {
            var at = ConfigPath.Child(ConfigPath.Child(path, "matchLabels"), key);
            if (key.Length == 0)
            {
                findings.Add(EnforcementKindCodes.InvalidSelector, at, $"empty key is not supported in selector: \"={value}\"");
            }

            if (key.Contains('*', StringComparison.Ordinal) || value.Contains('*', StringComparison.Ordinal))
            {
                findings.Add(EnforcementKindCodes.InvalidSelector, at, $"wildcard is not supported in selector: \"{key}={value}\"");
            }
        }

        if (labels.Count == 0)
        {
            findings.Add(EnforcementKindCodes.SelectorWithoutLabels, path, "the workload selector has no labels, so it selects every workload in the namespace");
        }
    }

    /// <summary>labels.Instance.Validate: Kubernetes label keys and values.</summary>
    public static void LabelMap(ConfigNode? parent, string key, string parentPath, ObjectFindings findings)
    {
        foreach (var (name, value) in SpecNode.StringMap(parent, key))
        {
            var at = ConfigPath.Child(ConfigPath.Child(parentPath, key), name);
            var problem = !LabelSyntax.IsValidKey(name) ? $"invalid label key \"{name}\"" : LabelSyntax.IsValidValue(value) ? null : $"invalid label value \"{value}\"";
            if (problem is not null)
            {
                findings.Add(EnforcementKindCodes.InvalidLabels, at, problem);
            }
        }
    }

    /// <summary>agent.ValidatePort.</summary>
    public static bool IsPort(long? port) => port is >= 1 and <= 65535;
}
