using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Delivery;

public class DeliveryTargetTests
{
    private const string Services = """
        - name: stripe
          hosts: [api.stripe.com]
          ports: [{number: 443, protocol: TLS}]
          resolution: DNS
          exportTo: ["."]
          owner: team-payments
          reason: Card payments.
        """;

    private static string Prod(string extra = "") => StackText.WithServices(Services, environment: "prod", namespaces: "[payments]") + extra;

    // The file is valid without a target: check warns, only the Pulumi run refuses.
    [Fact]
    public void ProdWithoutContext_IsAWarningInCheck()
    {
        var plan = StackText.Evaluate(Prod());

        var finding = Assert.Single(plan.Diagnostics, d => d.Code == DeliveryCodes.ProdTargetMissing.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("context", finding.Path);
        Assert.NotNull(plan.Manifests);
    }

    [Theory]
    [InlineData("  egress-infra:context: prod-eu\n")]
    [InlineData("  egress-infra:kubeconfig: /etc/kube/prod\n")]
    [InlineData("  egress-infra:renderYamlToDirectory: out\n")]
    public void ProdWithATarget_HasNoFinding(string extra)
    {
        var plan = StackText.Evaluate(Prod("\n" + extra));

        Assert.DoesNotContain(plan.Diagnostics, d => d.Code == DeliveryCodes.ProdTargetMissing.Code);
    }

    [Theory]
    [InlineData("  egress-infra:context: \"\"\n")]
    [InlineData("  egress-infra:context: \"  \"\n")]
    public void ProdWithABlankContext_StillHasNoTarget(string extra)
    {
        var plan = StackText.Evaluate(Prod("\n" + extra));

        Assert.Contains(plan.Diagnostics, d => d.Code == DeliveryCodes.ProdTargetMissing.Code);
    }

    [Fact]
    public void DevWithoutContext_HasNoFinding()
    {
        var plan = StackText.Evaluate(StackText.WithServices(Services));

        Assert.DoesNotContain(plan.Diagnostics, d => d.Code == DeliveryCodes.ProdTargetMissing.Code);
    }
}
