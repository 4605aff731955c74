using EgressInfra.Core.Manifests;
using EgressInfra.Resources;

namespace EgressInfra.Tests;

public class EgressProgramTests
{
    public static TheoryData<string> Stacks => ShippedStacks.Names;

    // The program and egressctl are two doors onto one Core: what Pulumi deploys is what render shows,
    // field for field, under stable logical names.
    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task ShippedStack_RegistersExactlyTheRenderedManifests(string stack)
    {
        var run = await ProgramRun.ShippedStackAsync(stack);

        var expected = ShippedStacks.Rendered(stack).Objects
            .Select(o => $"kubernetes:{o.ApiVersion}:{o.Kind} {o.Metadata.Namespace}-{o.Kind.ToLowerInvariant()}-{o.Metadata.Name} {ManifestTree.ToTree(o).Canonical()}")
            .Order(StringComparer.Ordinal);

        // Everything Kubernetes but the probe's Jobs: Istio's kinds, the AuthorizationPolicy, the NetworkPolicies.
        var policyObjects = run.KubernetesObjects().Where(o => !o.StartsWith("kubernetes:batch/", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, policyObjects);
        Assert.Equal(policyObjects.Count, run.Resources.OfType<KubernetesObjectResource>().Count());
    }
}
