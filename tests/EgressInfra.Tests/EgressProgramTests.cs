using System.Collections.Immutable;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.Resources;
using CustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;

namespace EgressInfra.Tests;

public class EgressProgramTests
{
    public static TheoryData<string> ShippedStacks => ["dev", "prod"];

    /// <summary>What <c>egressctl render --stack</c> prints for a stack, computed by the Core as the CLI does.</summary>
    private static EgressManifests Rendered(string stack)
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(
            PulumiConfig.ShippedStackText(stack), $"Pulumi.{stack}.yaml", PulumiConfig.Project.Name, PulumiConfig.Project.Defaults));
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        return plan.Manifests!;
    }

    // The program and egressctl are two doors onto one Core: what Pulumi deploys is what render shows,
    // field for field, under stable logical names.
    [Theory]
    [MemberData(nameof(ShippedStacks))]
    public async Task ShippedStack_RegistersExactlyTheRenderedManifests(string stack)
    {
        var run = await ProgramRun.ShippedStackAsync(stack);

        var expected = Rendered(stack).Objects
            .Select(o => $"kubernetes:{o.ApiVersion}:{o.Kind} {o.Metadata.Namespace}-{o.Kind.ToLowerInvariant()}-{o.Metadata.Name} {ManifestTree.ToTree(o).Canonical()}")
            .Order(StringComparer.Ordinal);
        var istioObjects = run.KubernetesObjects().Where(o => o.StartsWith("kubernetes:networking.istio.io/", StringComparison.Ordinal));
        Assert.Equal(expected, istioObjects);
        Assert.All(run.Resources.OfType<CustomResource>(), r => Assert.Contains(r.GetResourceName(), run.Registered.Select(a => a.Name)));
    }

    [Theory]
    [MemberData(nameof(ShippedStacks))]
    public async Task ShippedStack_GroupsEachNamespacesObjectsUnderItsOwnComponent(string stack)
    {
        var run = await ProgramRun.ShippedStackAsync(stack);
        var components = run.Resources.OfType<NamespaceEgress>().ToList();

        Assert.Equal(Rendered(stack).Sidecars.Select(s => s.Metadata.Namespace), components.Select(c => c.Namespace).Order(StringComparer.Ordinal));
        Assert.All(components, c => Assert.Equal(NamespaceEgress.TypeToken, c.GetResourceType()));
        Assert.Equal(components.Count, run.OfType(NamespaceEgress.TypeToken).Count());
        foreach (var component in components)
        {
            var ownObjects = run.Registered
                .Where(r => r.Type!.StartsWith("kubernetes:networking.istio.io/", StringComparison.Ordinal) && (string?)r.Value("metadata", "namespace") == component.Namespace)
                .Select(r => r.Name)
                .Order(StringComparer.Ordinal);
            var children = component.Children();
            Assert.Equal(ownObjects, children.OfType<CustomResource>().Select(c => c.GetResourceName()).Order(StringComparer.Ordinal));
            Assert.All(children, c => Assert.StartsWith(component.Namespace + "-", c.GetResourceName(), StringComparison.Ordinal));
        }
    }

    // An object registered without the explicit provider would go to whatever cluster the ambient
    // kubeconfig points at.
    [Theory]
    [MemberData(nameof(ShippedStacks))]
    public async Task EveryKubernetesObject_GoesThroughTheExplicitProvider(string stack)
    {
        var run = await ProgramRun.ShippedStackAsync(stack);

        var provider = Assert.Single(run.OfType("pulumi:providers:kubernetes"));
        Assert.Equal(ClusterProvider.Name, provider.Name);
        var objects = run.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.Contains($"pulumi:providers:kubernetes::{ClusterProvider.Name}::", o.Provider, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Provider_TakesKubeconfigContextAndRenderDirectoryFromConfig()
    {
        var keys = PulumiConfig.Keys(PulumiConfig.ShippedStackText("prod") + """

              egress-infra:kubeconfig: /home/ci/.kube/prod
              egress-infra:context: prod-eu-west
              egress-infra:renderYamlToDirectory: out/prod
            """);

        var run = await ProgramRun.RunAsync(PulumiConfig.FromKeys(keys));

        var provider = Assert.Single(run.OfType("pulumi:providers:kubernetes"));
        Assert.Equal("/home/ci/.kube/prod", provider.Inputs["kubeconfig"]);
        Assert.Equal("prod-eu-west", provider.Inputs["context"]);
        Assert.Equal("out/prod", provider.Inputs["renderYamlToDirectory"]);
    }

    // Pulumi.yaml declares these settings with "" as default; blank must not become an empty context
    // or an empty render directory.
    [Fact]
    public async Task BlankProviderSettings_AreLeftUnset()
    {
        var run = await ProgramRun.ShippedStackAsync("prod");

        var provider = Assert.Single(run.OfType("pulumi:providers:kubernetes"));
        Assert.False(provider.Inputs.ContainsKey("context"));
        Assert.False(provider.Inputs.ContainsKey("renderYamlToDirectory"));
        Assert.NotEqual(string.Empty, provider.Inputs.GetValueOrDefault("kubeconfig"));
    }

    [Theory]
    [MemberData(nameof(ShippedStacks))]
    public async Task StackExportsAllowedDestinationsPerNamespace(string stack)
    {
        var run = await ProgramRun.ShippedStackAsync(stack);

        var exported = Assert.IsAssignableFrom<IReadOnlyDictionary<string, ImmutableArray<string>>>(run.Outputs["allowedDestinations"]);
        var expected = ManifestBuilder.AllowedDestinations(Rendered(stack));
        Assert.Equal(expected.Keys, exported.Keys);
        foreach (var (ns, destinations) in expected)
        {
            Assert.Equal(destinations, exported[ns]);
        }
    }

    [Fact]
    public async Task StackExportsEnvironmentProfileAndWarnings()
    {
        var run = await ProgramRun.ShippedStackAsync("prod");

        Assert.Equal("prod", run.Outputs["environment"]);
        Assert.Equal("restrictive", run.Outputs["profile"]);
        Assert.Empty(Assert.IsType<ImmutableArray<string>>(run.Outputs["warnings"]));
        Assert.Contains("orders-db.prod.internal:5432/TCP", ((IReadOnlyDictionary<string, ImmutableArray<string>>)run.Outputs["allowedDestinations"]!)["orders"]);
    }
}
