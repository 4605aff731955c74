using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.NetworkPolicies;

/// <summary>metav1 ValidateLabelSelector: label syntax, operators, and the values each operator takes.</summary>
public static class LabelSelectorRules
{
    public static void Check(MappingNode? selector, string path, ObjectFindings f)
    {
        if (selector is null)
        {
            return;
        }

        foreach (var (key, value) in SpecNode.StringMap(selector, "matchLabels"))
        {
            var at = ConfigPath.Child(ConfigPath.Child(path, "matchLabels"), key);
            if (KubernetesLabels.CheckQualifiedName(key) is { } problem)
            {
                f.Add(EnforcementKindCodes.LabelSelector, at, problem);
            }
            else if (KubernetesLabels.CheckLabelValue(value) is { } valueProblem)
            {
                f.Add(EnforcementKindCodes.LabelSelector, at, valueProblem);
            }
        }

        var expressions = SpecNode.Items(selector, "matchExpressions");
        for (var i = 0; i < expressions.Count; i++)
        {
            var at = ConfigPath.Index(ConfigPath.Child(path, "matchExpressions"), i);
            var key = SpecNode.Text(expressions[i], "key");
            var op = SpecNode.Text(expressions[i], "operator");
            var values = SpecNode.Strings(expressions[i], "values");
            if (KubernetesLabels.CheckQualifiedName(key) is { } problem)
            {
                f.Add(EnforcementKindCodes.LabelSelector, ConfigPath.Child(at, "key"), problem);
            }

            switch (op)
            {
                case "In" or "NotIn" when values.Count == 0:
                    f.Add(EnforcementKindCodes.LabelSelector, ConfigPath.Child(at, "values"), $"the operator {op} needs at least one value");
                    break;
                case "Exists" or "DoesNotExist" when values.Count > 0:
                    f.Add(EnforcementKindCodes.LabelSelector, ConfigPath.Child(at, "values"), $"the operator {op} takes no values");
                    break;
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    f.Add(EnforcementKindCodes.LabelSelector, ConfigPath.Child(at, "operator"), $"\"{op}\" is not a valid selector operator (In, NotIn, Exists, DoesNotExist)");
                    break;
            }

            for (var v = 0; v < values.Count; v++)
            {
                if (!LabelSyntax.IsValidValue(values[v]) || values[v].Length > 63)
                {
                    f.Add(EnforcementKindCodes.LabelSelector, ConfigPath.Index(ConfigPath.Child(at, "values"), v), $"\"{values[v]}\" is not a valid label value");
                }
            }
        }
    }
}
