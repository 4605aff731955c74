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

    public static void Clean(EgressPlan plan)
    {
        Assert.True(plan.Diagnostics.Count == 0, $"expected no findings; got:\n{plan.Dump()}");
        Assert.NotNull(plan.Manifests);
    }
}
