using EgressInfra.Core.Config;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Explain;

/// <summary>Explains a question against a shipped stack or a small stack written in the test.</summary>
internal static class ExplainFixture
{
    public static Explanation Shipped(string stack, string ns, string host, int port, ServiceProtocol? protocol = null) =>
        Text(RepoPaths.ReadText($"Pulumi.{stack}.yaml"), ns, host, port, protocol);

    public static Explanation Text(string stackText, string ns, string host, int port, ServiceProtocol? protocol = null)
    {
        var result = EgressExplainer.Explain(StackFile.Parse(stackText, "Pulumi.test.yaml"), new ExplainQuery(ns, host, port, protocol));
        Assert.True(result.Explanation is not null, string.Join("\n", result.Plan.Diagnostics));
        return result.Explanation!;
    }
}
