using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.AuthorizationPolicies;

/// <summary>
/// Istio's admission rules for one AuthorizationPolicy (ValidateAuthorizationPolicy): how the policy
/// selects workloads, its action and provider, and every rule's sources, operations and conditions.
/// </summary>
public static class AuthorizationPolicyValidator
{
    private static readonly string[] SourceFields =
    [
        "principals", "notPrincipals", "requestPrincipals", "notRequestPrincipals", "namespaces", "notNamespaces",
        "serviceAccounts", "notServiceAccounts", "trustDomains", "notTrustDomains", "ipBlocks", "notIpBlocks",
        "remoteIpBlocks", "notRemoteIpBlocks",
    ];

    /// <summary>Source fields a TCP connection has (the rest need HTTP and JWT).</summary>
    private static readonly string[] TcpSourceFields =
    [
        "principals", "notPrincipals", "ipBlocks", "notIpBlocks", "namespaces", "notNamespaces",
        "remoteIpBlocks", "notRemoteIpBlocks", "serviceAccounts", "notServiceAccounts",
    ];

    private static readonly string[] IdentityFields = ["principals", "notPrincipals", "namespaces", "notNamespaces"];

    private static readonly string[] IpFields = ["ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks"];

    private static readonly string[] NonEmptyFields =
        ["principals", "requestPrincipals", "namespaces", "ipBlocks", "remoteIpBlocks", "notPrincipals", "notRequestPrincipals", "notNamespaces", "notIpBlocks", "notRemoteIpBlocks"];

    private static readonly string[] OperationFields = ["ports", "methods", "paths", "hosts", "notPorts", "notMethods", "notPaths", "notHosts"];

    private static readonly string[] CustomUnsupported =
    [
        "namespaces", "notNamespaces", "serviceAccounts", "notServiceAccounts", "trustDomains", "notTrustDomains",
        "principals", "notPrincipals", "requestPrincipals", "notRequestPrincipals",
    ];

    public static IReadOnlyList<Diagnostic> Validate(ObjectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var f = new ObjectFindings();
        var spec = input.Spec;
        var action = SpecNode.String(spec, "action") is { Length: > 0 } a ? a : "ALLOW";
        if (!CommonRules.CheckAnnotations(input, f, action))
        {
            return f.Items;
        }

        CheckTargets(spec, f);

        // Go sees an empty list as no rules at all.
        var hasRules = SpecNode.NonEmpty(spec, "rules");
        var rules = SpecNode.Items(spec, "rules");
        if (action == "CUSTOM")
        {
            if (!hasRules)
            {
                f.Add(EnforcementKindCodes.PolicyAction, "spec.rules", "a CUSTOM policy without rules is never triggered; add an empty rule {} to trigger it for every request");
            }
            else if (SpecNode.Text(SpecNode.Map(spec, "provider"), "name").Length == 0)
            {
                f.Add(EnforcementKindCodes.PolicyAction, "spec.provider.name", "a CUSTOM policy needs provider.name");
            }

            CheckCustomRules(rules, f);
        }

        if (SpecNode.Has(spec, "provider") && action != "CUSTOM")
        {
            f.Add(EnforcementKindCodes.PolicyAction, "spec.provider", $"provider is only allowed with action CUSTOM, not {action}");
        }

        if (action == "DENY" && !hasRules)
        {
            f.Add(EnforcementKindCodes.PolicyAction, "spec.rules", "a DENY policy without rules is never triggered; add an empty rule {} to deny every request");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            CheckRule(rules[i], ConfigPath.Index("spec.rules", i), action, f);
        }

        return f.Items;
    }

    private static void CheckTargets(MappingNode? spec, ObjectFindings f)
    {
        var kinds = (SpecNode.Has(spec, "selector") ? 1 : 0) + (SpecNode.Has(spec, "targetRef") ? 1 : 0) + (SpecNode.NonEmpty(spec, "targetRefs") ? 1 : 0);
        if (kinds > 1)
        {
            f.Add(EnforcementKindCodes.PolicyTarget, "spec", "only one of selector, targetRef and targetRefs can be set");
        }

        CommonRules.WorkloadSelector(SpecNode.Map(spec, "selector"), "spec.selector", f);
        if (SpecNode.Map(spec, "targetRef") is { } single)
        {
            CheckTargetRef(single, "spec.targetRef", f);
        }

        var refs = SpecNode.Items(spec, "targetRefs");
        for (var i = 0; i < refs.Count; i++)
        {
            if (refs[i] is MappingNode target)
            {
                CheckTargetRef(target, ConfigPath.Index("spec.targetRefs", i), f);
            }
        }
    }

    /// <summary>validatePolicyTargetReference: Service, ServiceEntry, Gateway or GatewayClass, same namespace.</summary>
    private static void CheckTargetRef(MappingNode target, string path, ObjectFindings f)
    {
        if (SpecNode.Text(target, "name").Length == 0)
        {
            f.Add(EnforcementKindCodes.PolicyTarget, ConfigPath.Child(path, "name"), "a targetRef needs a name");
        }

        if (SpecNode.Text(target, "namespace").Length > 0)
        {
            f.Add(EnforcementKindCodes.PolicyTarget, ConfigPath.Child(path, "namespace"), "a targetRef cannot set a namespace: cross-namespace references are not supported");
        }

        var group = SpecNode.Text(target, "group");
        var kind = SpecNode.Text(target, "kind");
        var allowed = (group, kind) switch
        {
            ("", "Service") => true,
            ("networking.istio.io", "ServiceEntry") => true,
            ("gateway.networking.k8s.io", "Gateway" or "GatewayClass") => true,
            _ => false,
        };
        if (!allowed)
        {
            f.Add(EnforcementKindCodes.PolicyTarget, path, $"a targetRef must be a core Service, a networking.istio.io ServiceEntry or a gateway.networking.k8s.io Gateway or GatewayClass, not {group}/{kind}");
        }
    }

    private static void CheckCustomRules(IReadOnlyList<ConfigNode> rules, ObjectFindings f)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rulePath = ConfigPath.Index("spec.rules", i);
            var froms = SpecNode.Items(rules[i], "from");
            for (var j = 0; j < froms.Count; j++)
            {
                var source = SpecNode.Map(froms[j], "source");
                foreach (var field in CustomUnsupported.Where(field => SpecNode.NonEmpty(source, field)))
                {
                    f.Add(EnforcementKindCodes.PolicyAction, ConfigPath.Child(ConfigPath.Child(ConfigPath.Index(ConfigPath.Child(rulePath, "from"), j), "source"), field), $"from.source.{field} is not supported with action CUSTOM");
                }
            }

            var whens = SpecNode.Items(rules[i], "when");
            for (var j = 0; j < whens.Count; j++)
            {
                var at = ConfigPath.Index(ConfigPath.Child(rulePath, "when"), j);
                if (whens[j] is not MappingNode when)
                {
                    f.Add(EnforcementKindCodes.PolicyCondition, at, "a when condition cannot be null");
                    continue;
                }

                var key = SpecNode.Text(when, "key");
                if (key is "source.namespace" or "source.serviceAccount" or "source.trustDomain" or "source.principal" || key.StartsWith("request.auth.", StringComparison.Ordinal))
                {
                    f.Add(EnforcementKindCodes.PolicyAction, ConfigPath.Child(at, "key"), $"the condition key {key} is not supported with action CUSTOM");
                }
            }
        }
    }

    private static void CheckRule(ConfigNode node, string path, string action, ObjectFindings f)
    {
        if (node is not MappingNode rule)
        {
            f.Add(EnforcementKindCodes.PolicyRule, path, "a rule must not be null");
            return;
        }

        var fromPath = ConfigPath.Child(path, "from");
        var toPath = ConfigPath.Child(path, "to");
        // Istio's "`from` must not be empty" needs a non-nil empty list, which jsonpb never makes from
        // YAML: "from: []" is admitted as no from at all, so the rule matches every source.
        if (SpecNode.Get(rule, "from") is SequenceNode { Items.Count: 0 })
        {
            f.Add(DecodingCodes.EmptyRuleList, fromPath, "from: [] is read as no from at all, so this rule matches every source");
        }

        bool fromExists = false, toExists = false, tcpInFrom = false, tcpInTo = false;
        var froms = SpecNode.Items(rule, "from");
        for (var j = 0; j < froms.Count; j++)
        {
            var at = ConfigPath.Index(fromPath, j);
            if (froms[j] is not MappingNode from)
            {
                f.Add(EnforcementKindCodes.PolicyRule, at, "a from entry must not be null");
                continue;
            }

            if (SpecNode.Map(from, "source") is not { } source)
            {
                f.Add(EnforcementKindCodes.PolicyRule, ConfigPath.Child(at, "source"), "from.source must not be null");
                continue;
            }

            fromExists = true;
            CheckSource(source, ConfigPath.Child(at, "source"), f);
            tcpInFrom |= TcpSourceFields.Any(field => SpecNode.Has(source, field));
        }

        if (SpecNode.Get(rule, "to") is SequenceNode { Items.Count: 0 })
        {
            f.Add(DecodingCodes.EmptyRuleList, toPath, "to: [] is read as no to at all, so this rule matches every operation");
        }

        var tos = SpecNode.Items(rule, "to");
        for (var j = 0; j < tos.Count; j++)
        {
            var at = ConfigPath.Index(toPath, j);
            if (tos[j] is not MappingNode to)
            {
                f.Add(EnforcementKindCodes.PolicyRule, at, "a to entry must not be null");
                continue;
            }

            if (SpecNode.Map(to, "operation") is not { } operation)
            {
                f.Add(EnforcementKindCodes.PolicyRule, ConfigPath.Child(at, "operation"), "to.operation must not be null");
                continue;
            }

            toExists = true;
            CheckOperation(operation, ConfigPath.Child(at, "operation"), f);
            tcpInTo |= SpecNode.Has(operation, "ports") || SpecNode.Has(operation, "notPorts");
        }

        CheckConditions(rule, ConfigPath.Child(path, "when"), f);

        if (action == "DENY" && ((fromExists && !toExists && !tcpInFrom) || (toExists && !tcpInTo)))
        {
            f.Add(EnforcementKindCodes.PolicyHttpOnlyDeny, path, "this DENY rule uses only HTTP attributes, so it denies all traffic to TCP ports in the policy's scope; name the ports explicitly");
        }
    }

    private static void CheckSource(MappingNode source, string path, ObjectFindings f)
    {
        var count = SourceFields.Count(field => SpecNode.NonEmpty(source, field));
        if (count == 0)
        {
            f.Add(EnforcementKindCodes.PolicyRule, path, "from.source must not be empty");
        }

        var identities = IdentityFields.Any(field => SpecNode.NonEmpty(source, field));
        var accounts = SpecNode.NonEmpty(source, "serviceAccounts") || SpecNode.NonEmpty(source, "notServiceAccounts");
        if (identities && accounts)
        {
            f.Add(EnforcementKindCodes.PolicyValue, path, "serviceAccounts cannot be set together with namespaces or principals");
        }

        foreach (var field in IpFields)
        {
            Report(PolicyValues.Ips(SpecNode.Strings(source, field)), ConfigPath.Child(path, field), f);
        }

        foreach (var field in NonEmptyFields)
        {
            Report(PolicyValues.Empty(field, SpecNode.Strings(source, field)), ConfigPath.Child(path, field), f);
        }

        foreach (var field in (string[])["serviceAccounts", "notServiceAccounts"])
        {
            Report(PolicyValues.ServiceAccounts(field, SpecNode.Strings(source, field)), ConfigPath.Child(path, field), f);
        }

        foreach (var field in (string[])["trustDomains", "notTrustDomains"])
        {
            Report(PolicyValues.TrustDomains(field, SpecNode.Strings(source, field)), ConfigPath.Child(path, field), f);
        }
    }

    private static void CheckOperation(MappingNode operation, string path, ObjectFindings f)
    {
        if (!OperationFields.Any(field => SpecNode.NonEmpty(operation, field)))
        {
            f.Add(EnforcementKindCodes.PolicyRule, path, "to.operation must not be empty");
        }

        Report(PolicyValues.Ports(SpecNode.Strings(operation, "ports")), ConfigPath.Child(path, "ports"), f);
        Report(PolicyValues.Ports(SpecNode.Strings(operation, "notPorts")), ConfigPath.Child(path, "notPorts"), f);
        foreach (var field in OperationFields)
        {
            Report(PolicyValues.Empty(field, SpecNode.Strings(operation, field)), ConfigPath.Child(path, field), f);
        }

        Report(PolicyValues.PathTemplates("paths", SpecNode.Strings(operation, "paths")), ConfigPath.Child(path, "paths"), f);
        Report(PolicyValues.PathTemplates("notPaths", SpecNode.Strings(operation, "notPaths")), ConfigPath.Child(path, "notPaths"), f);
    }

    private static void CheckConditions(MappingNode rule, string path, ObjectFindings f)
    {
        var whens = SpecNode.Items(rule, "when");
        for (var i = 0; i < whens.Count; i++)
        {
            var at = ConfigPath.Index(path, i);
            var key = SpecNode.Text(whens[i], "key");
            if (key.Length == 0)
            {
                f.Add(EnforcementKindCodes.PolicyCondition, ConfigPath.Child(at, "key"), "a condition key must not be empty");
                continue;
            }

            var values = SpecNode.Strings(whens[i], "values");
            var notValues = SpecNode.Strings(whens[i], "notValues");
            if (values.Count == 0 && notValues.Count == 0)
            {
                f.Add(EnforcementKindCodes.PolicyCondition, at, $"the condition on {key} needs values or notValues");
                continue;
            }

            if (PolicyConditions.Check(key, values) is { } problem)
            {
                f.Add(EnforcementKindCodes.PolicyCondition, ConfigPath.Child(at, "values"), $"invalid values for {key}: {problem}");
            }

            if (PolicyConditions.Check(key, notValues) is { } notProblem)
            {
                f.Add(EnforcementKindCodes.PolicyCondition, ConfigPath.Child(at, "notValues"), $"invalid notValues for {key}: {notProblem}");
            }
        }
    }

    private static void Report(string? problem, string path, ObjectFindings f)
    {
        if (problem is not null)
        {
            f.Add(EnforcementKindCodes.PolicyValue, path, problem);
        }
    }
}
