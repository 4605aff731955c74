using EgressInfra.Resources;

namespace EgressInfra.Tests.Resources;

public class ClusterProviderTests
{
    public static TheoryData<string> Stacks => ShippedStacks.Names;

    // An object registered without the explicit provider would go to whatever cluster the ambient
    // kubeconfig points at.
    [Theory]
    [MemberData(nameof(Stacks))]
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
    public async Task Provider_TakesKubeconfigAndContextFromConfig_ContextIsTheClusterIdentity()
    {
        var keys = PulumiConfig.Keys(PulumiConfig.ShippedStackText("dev") + """

              egress-infra:kubeconfig: /home/ci/.kube/dev
              egress-infra:context: dev-eu-west
            """);

        var run = await ProgramRun.RunAsync(PulumiConfig.FromKeys(keys));

        var provider = Assert.Single(run.OfType("pulumi:providers:kubernetes"));
        Assert.Equal("/home/ci/.kube/dev", provider.Inputs["kubeconfig"]);
        Assert.Equal("dev-eu-west", provider.Inputs["context"]);
        Assert.Equal("dev-eu-west", provider.Inputs["clusterIdentifier"]);
        Assert.False(provider.Inputs.ContainsKey("renderYamlToDirectory"));
    }

    [Fact]
    public async Task Provider_TakesRenderDirectoryFromConfig_AndSkipsThePreflight()
    {
        var keys = PulumiConfig.Keys(PulumiConfig.ShippedStackText("dev") + "\n  egress-infra:renderYamlToDirectory: out/dev\n");

        var run = await ProgramRun.RunAsync(PulumiConfig.FromKeys(keys), cluster: new FakeCluster { MissingNamespaces = { "sandbox" } });

        var provider = Assert.Single(run.OfType("pulumi:providers:kubernetes"));
        Assert.Equal("out/dev", provider.Inputs["renderYamlToDirectory"]);
        Assert.DoesNotContain(run.Registered, Mocks.IsRead);
        Assert.NotEmpty(run.KubernetesObjects());
    }

    // The provider rejects a context next to a render directory; a prod stack that names its context
    // can still render.
    [Fact]
    public async Task RenderingAProdStack_LeavesContextAndIdentityOut()
    {
        var keys = PulumiConfig.Keys(PulumiConfig.ShippedStackText("prod") + "\n  egress-infra:renderYamlToDirectory: out/prod\n");

        var run = await ProgramRun.RunAsync(PulumiConfig.FromKeys(keys), "prod");

        var provider = Assert.Single(run.OfType("pulumi:providers:kubernetes"));
        Assert.Equal("out/prod", provider.Inputs["renderYamlToDirectory"]);
        Assert.False(provider.Inputs.ContainsKey("context"));
        Assert.False(provider.Inputs.ContainsKey("clusterIdentifier"));
    }

    // Pulumi.yaml declares these settings with "" as default; blank must not become an empty context,
    // kubeconfig or render directory.
    [Fact]
    public async Task BlankProviderSettings_AreLeftUnset()
    {
        var run = await ProgramRun.ShippedStackAsync("dev");

        var provider = Assert.Single(run.OfType("pulumi:providers:kubernetes"));
        Assert.False(provider.Inputs.ContainsKey("context"));
        Assert.False(provider.Inputs.ContainsKey("clusterIdentifier"));
        Assert.False(provider.Inputs.ContainsKey("renderYamlToDirectory"));
        Assert.False(provider.Inputs.ContainsKey("kubeconfig"));
    }
}
