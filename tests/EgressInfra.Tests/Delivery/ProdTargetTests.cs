using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Tests.Delivery;

public class ProdTargetTests
{
    private static string ProdWithout(string line) =>
        string.Join('\n', PulumiConfig.ShippedStackText("prod").Split('\n').Where(l => !l.TrimStart().StartsWith(line, StringComparison.Ordinal)));

    [Fact]
    public void ShippedProd_NamesItsContext()
    {
        Assert.Contains("\n  egress-infra:context: ", PulumiConfig.ShippedStackText("prod"), StringComparison.Ordinal);
    }

    // Without a target the provider would follow whatever the runner's current context is.
    [Theory]
    [InlineData("")]
    [InlineData("\n  egress-infra:context: \"\"\n")]
    [InlineData("\n  egress-infra:context: \"   \"\n  egress-infra:kubeconfig: \"\"\n")]
    public async Task ProdWithoutContext_RefusesToStart_AndRegistersNothing(string extra)
    {
        var text = ProdWithout("egress-infra:context:") + extra;

        var (error, mocks, registered) = await ProgramRun.FailingWithRegisteredAsync(PulumiConfig.FromStackText(text), "prod");

        Assert.Contains(DeliveryCodes.ProdTargetMissing.Code, error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was registered", error.Message, StringComparison.Ordinal);
        Assert.Empty(registered);
    }

    [Fact]
    public async Task ProdWithKubeconfigOnly_Deploys_WithTheKubeconfigAsASecret()
    {
        var text = ProdWithout("egress-infra:context:") + "\n  egress-infra:kubeconfig: /home/ci/.kube/prod\n";

        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(text), "prod");

        var provider = Assert.Single(run.OfType("pulumi:providers:kubernetes"));
        Assert.Equal("/home/ci/.kube/prod", provider.Inputs["kubeconfig"]);
        Assert.NotEmpty(run.KubernetesObjects());
    }

    [Fact]
    public void PulumiYaml_DeclaresTheKubeconfigSecret()
    {
        var project = TestSupport.RepoPaths.ReadText("Pulumi.yaml");
        var block = project[project.IndexOf("  kubeconfig:", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("  context:", StringComparison.Ordinal)];
        Assert.Contains("secret: true", block, StringComparison.Ordinal);
    }
}
