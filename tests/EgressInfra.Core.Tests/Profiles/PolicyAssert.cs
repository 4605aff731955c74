using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Pipeline;

namespace EgressInfra.Core.Tests.Profiles;

internal static class PolicyAssert
{
    /// <summary>The plan has a finding with this code, path and severity; returns it.</summary>
    public static Diagnostic Finding(EgressPlan plan, string code, string path, Severity severity = Severity.Error)
    {
        var found = plan.Diagnostics.FirstOrDefault(d => d.Code == code && d.Path == path);
        Assert.True(found is not null, $"expected {code} at {path}; got:\n{plan.Dump()}");
        Assert.True(found.Severity == severity, $"expected {code} at {path} to be {severity}; got:\n{plan.Dump()}");
        if (severity == Severity.Error)
        {
            Assert.True(plan.Manifests is null, "a mandatory finding must withhold every manifest");
        }

        return found;
    }

    public static void NoFinding(EgressPlan plan, string code)
    {
        Assert.True(plan.WithCode(code).Count == 0, $"expected no {code}; got:\n{plan.Dump()}");
    }

    /// <summary>
    /// No findings, except those a profile rule test is not about: the delivery-target warning
    /// (EGR500, tested in Delivery/) of a synthetic prod stack that names no cluster, and the notes
    /// every restrictive stack in sidecar mode carries: one enforced-egress advisory (EGR350) per
    /// governed namespace, since REGISTRY_ONLY alone is best-effort, and the NetworkPolicy's note
    /// (EGR057, info) for each DNS-resolved service it can restrict only by port.
    /// </summary>
    public static void Clean(EgressPlan plan)
    {
        var findings = plan.Diagnostics
            .Where(d => d.Code != Core.Diagnostics.DeliveryCodes.ProdTargetMissing.Code && !IsPostureAdvisory(plan, d))
            .ToList();
        Assert.True(findings.Count == 0, $"expected no findings; got:\n{plan.Dump()}");
        Assert.NotNull(plan.Manifests);
    }

    public static bool IsPostureAdvisory(EgressPlan plan, Diagnostic d) =>
        plan.Config?.Egress.Mode == Core.Config.EgressMode.Sidecar
        && ((d.Code == PolicyCodes.EnforcedEgress.Code && d.Severity == Severity.Warning)
            || (d.Code == EnforcementCodes.NetworkPolicyCannotNameHosts.Code && d.Severity == Severity.Info));
}
