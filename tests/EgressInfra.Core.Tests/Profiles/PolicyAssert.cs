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
    /// No finding of the policy: a synthetic prod stack names no cluster, so the delivery-target
    /// warning (EGR500, tested in Delivery/) is not one of the findings a profile rule test is about.
    /// </summary>
    public static void Clean(EgressPlan plan)
    {
        var findings = plan.Diagnostics.Where(d => d.Code != Core.Diagnostics.DeliveryCodes.ProdTargetMissing.Code).ToList();
        Assert.True(findings.Count == 0, $"expected no findings; got:\n{plan.Dump()}");
        Assert.NotNull(plan.Manifests);
    }
}
