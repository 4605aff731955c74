using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Resources;

namespace EgressInfra.Tests;

/// <summary>
/// The program over the shipped ambient example (examples/ambient): what Pulumi registers is what
/// <c>egressctl render</c> prints, field for field, with no Sidecar and the governed namespaces'
/// NetworkPolicies registered although they have no Sidecar to hang from.
/// </summary>
public class AmbientStackTests
{
    private static string ExampleText => TestSupport.RepoPaths.ReadText("examples", "ambient", "Pulumi.ambient-example.yaml");

    [Fact]
    public async Task AmbientExample_RegistersExactlyTheRenderedObjects_AndNoSidecar()
    {
        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(ExampleText), "ambient-example");

        var plan = EgressPipeline.Evaluate(PulumiConfig.Keys(ExampleText));
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        var expected = plan.Manifests!.Objects
            .Select(o => $"kubernetes:{o.ApiVersion}:{o.Kind} {KubernetesObjectResource.LogicalName(o)} {ManifestTree.ToTree(o).Canonical()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, run.KubernetesObjects());
        Assert.DoesNotContain(run.Registered, r => r.Type!.EndsWith(":Sidecar", StringComparison.Ordinal));
        Assert.Contains(run.Registered, r => r.Type == "kubernetes:gateway.networking.k8s.io/v1:Gateway");
        Assert.Equal(2, run.Registered.Count(r => r.Type == "kubernetes:networking.k8s.io/v1:NetworkPolicy"));
    }

    [Fact]
    public async Task AmbientExample_ExportsModeAndEnforcedPosture()
    {
        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(ExampleText), "ambient-example");

        Assert.Equal("ambient", run.Outputs["mode"]);
        var posture = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(run.Outputs["posture"]);
        Assert.All(posture.Values, p => Assert.Equal("enforced", p));
        // The two governed namespaces and the egress namespace that holds the entries and the waypoint.
        Assert.Equal(["istio-egress", "orders", "payments"], run.Resources.OfType<NamespaceEgress>().Select(n => n.Namespace).Order(StringComparer.Ordinal));
        Assert.All(run.Resources.OfType<NamespaceEgress>(), n => Assert.DoesNotContain(n.Objects, o => o.Object is Core.Manifests.Sidecar));
    }
}
