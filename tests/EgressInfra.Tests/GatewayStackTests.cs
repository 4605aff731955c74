using System.Collections.Immutable;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Resources;
using Moq;
using Pulumi.Testing;

namespace EgressInfra.Tests;

/// <summary>The program over gateway-mode stacks: the gateway's objects are registered from the same plan as render, or nothing at all.</summary>
public class GatewayStackTests
{
    private const string GatewayStack = """
        config:
          egress-infra:environment: prod
          egress-infra:egress:
            mode: gateway
            namespaces: [payments, orders]
            services:
              - name: partner-api
                hosts: [api.partner.example]
                ports:
                  - {number: 80, protocol: HTTP, originateTls: true, targetPort: 443}
                namespaces: [orders]
                owner: team-orders
                reason: Partner order sync.
              - name: stripe-api
                hosts: [api.stripe.com]
                ports:
                  - {number: 443, protocol: TLS}
                namespaces: [payments]
                owner: team-payments
                reason: Card payments.
        """;

    [Fact]
    public async Task GatewayStack_RegistersTheRenderedObjectsOfEveryKind()
    {
        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(GatewayStack), "prod");

        var plan = EgressPipeline.Evaluate(PulumiConfig.Keys(GatewayStack));
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        var expected = plan.Manifests!.Objects
            .Select(o => $"kubernetes:{o.ApiVersion}:{o.Kind} {ObjectResources.LogicalName(o)} {ManifestTree.ToTree(o).Canonical()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, run.KubernetesObjects());
        Assert.Equal(
            ["AuthorizationPolicy", "DestinationRule", "Gateway", "NetworkPolicy", "ServiceEntry", "Sidecar", "VirtualService"],
            run.Registered.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal)).Select(r => r.Type![(r.Type!.LastIndexOf(':') + 1)..]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GatewayObjects_AreChildrenOfAComponentPerGatewayNamespace()
    {
        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(GatewayStack), "prod");

        var component = Assert.Single(run.Resources.OfType<GatewayEgress>());
        Assert.Equal("istio-egress", component.Namespace);
        Assert.Equal(
            run.Registered.Count(r => r.Name!.StartsWith("istio-egress-", StringComparison.Ordinal)),
            component.Resources.Length);
    }

    [Fact]
    public async Task GatewayStack_ExportsModeAndEnforcedPosturePerNamespace()
    {
        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(GatewayStack), "prod");

        Assert.Equal("gateway", run.Outputs["mode"]);
        var posture = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(run.Outputs["posture"]);
        Assert.Equal(new Dictionary<string, string> { ["orders"] = "enforced", ["payments"] = "enforced" }, posture.ToDictionary());
    }

    [Fact]
    public async Task SidecarModeProd_ExportsBestEffort()
    {
        var sidecar = GatewayStack.Replace("mode: gateway", "mode: sidecar", StringComparison.Ordinal);

        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(sidecar), "prod");

        var posture = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(run.Outputs["posture"]);
        Assert.All(posture.Values, p => Assert.Equal("best-effort", p));
        Assert.Empty(run.Resources.OfType<GatewayEgress>());
    }

    // A gateway stack with an error registers nothing: not the gateway's objects, not a NetworkPolicy.
    [Theory]
    [InlineData("hosts: [api.stripe.com]", "hosts: [\"*.stripe.com\"]", "EGR053")]
    [InlineData("mode: gateway", "mode: gateway\n    gateway: {namespace: payments}", "EGR055")]
    [InlineData("{number: 443, protocol: TLS}", "{number: 443, protocol: TLS, originateTls: true}", "EGR051")]
    public async Task GatewayStackWithAnError_RegistersNothing(string from, string to, string code)
    {
        var broken = GatewayStack.Replace(from, to, StringComparison.Ordinal);

        var (error, mocks) = await ProgramRun.FailingAsync(PulumiConfig.FromStackText(broken), "prod");

        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
    }
}
