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
}
