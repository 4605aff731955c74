using System.Collections.Immutable;
using EgressInfra.Core.Diagnostics;
using Pulumi.Testing;

namespace EgressInfra.Tests.Delivery;

// The preflight reads the cluster through the provider before anything is registered; the fake
// cluster behind the mocks plays each broken cluster.
public class PreflightTests
{
    private static ImmutableDictionary<string, object> Labels(params (string Key, string Value)[] labels) =>
        labels.ToImmutableDictionary(l => l.Key, l => (object)l.Value);

    private static async Task<(string Message, IReadOnlyList<MockResourceArgs> Registered)> FailAsync(FakeCluster cluster)
    {
        var (error, _, registered) = await ProgramRun.FailingWithRegisteredAsync(
            PulumiConfig.FromStackText(PulumiConfig.ShippedStackText("prod")), "prod", cluster: cluster);
        return (error.Message, registered);
    }

    // Only the provider (needed to read) and the reads themselves; no object, component or probe.
    private static void AssertNothingRegistered(IReadOnlyList<MockResourceArgs> registered)
    {
        var registrations = registered.Where(r => !Mocks.IsRead(r)).Select(r => r.Type).ToList();
        Assert.Equal(["pulumi:providers:kubernetes"], registrations);
    }

    [Fact]
    public async Task HealthyCluster_ReadsCrdsAndNamespaces_ThenDeploys()
    {
        var run = await ProgramRun.ShippedStackAsync("prod");

        var reads = run.Registered.Where(Mocks.IsRead).Select(r => $"{r.Type} {r.Id}").ToList();

        // Every governed namespace, and the CRD of every Istio kind the gateway-mode plan registers.
        Assert.Contains("kubernetes:core/v1:Namespace orders", reads);
        Assert.Contains("kubernetes:core/v1:Namespace payments", reads);
        foreach (var crd in new[] { "serviceentries", "sidecars", "gateways", "virtualservices", "destinationrules" })
        {
            Assert.Contains($"kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition {crd}.networking.istio.io", reads);
        }

        Assert.Contains("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition authorizationpolicies.security.istio.io", reads);
        Assert.All(reads, r => Assert.True(r.StartsWith("kubernetes:core/v1:Namespace ", StringComparison.Ordinal) || r.StartsWith("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition ", StringComparison.Ordinal), r));
        Assert.NotEmpty(run.KubernetesObjects());
    }

    [Fact]
    public async Task MissingCrd_FailsBeforeAnyChange()
    {
        var (message, registered) = await FailAsync(new FakeCluster { MissingCrds = { "sidecars.networking.istio.io" } });

        Assert.Contains($"{DeliveryCodes.CrdMissing.Code}", message, StringComparison.Ordinal);
        Assert.Contains("sidecars.networking.istio.io", message, StringComparison.Ordinal);
        AssertNothingRegistered(registered);
    }

    [Fact]
    public async Task MissingNamespace_FailsBeforeAnyChange()
    {
        var (message, registered) = await FailAsync(new FakeCluster { MissingNamespaces = { "orders" } });

        Assert.Contains($"{DeliveryCodes.NamespaceMissing.Code} egress.namespaces[orders]", message, StringComparison.Ordinal);
        AssertNothingRegistered(registered);
    }

    [Fact]
    public async Task AmbientNamespace_UnderSidecarMode_FailsBeforeAnyChange()
    {
        var cluster = new FakeCluster { NamespaceLabels = { ["payments"] = Labels(("istio.io/dataplane-mode", "ambient")) } };

        var (message, registered) = await FailAsync(cluster);

        Assert.Contains($"{DeliveryCodes.AmbientNamespaceUnderSidecars.Code} egress.namespaces[payments]", message, StringComparison.Ordinal);
        AssertNothingRegistered(registered);
    }

    [Theory]
    [InlineData("istio-injection", "disabled")]
    [InlineData("team", "orders")]
    [InlineData("istio-injection", "Enabled")]
    public async Task InjectionOff_FailsBeforeAnyChange(string key, string value)
    {
        var cluster = new FakeCluster { NamespaceLabels = { ["orders"] = Labels((key, value)) } };

        var (message, registered) = await FailAsync(cluster);

        Assert.Contains($"{DeliveryCodes.InjectionOff.Code} egress.namespaces[orders]", message, StringComparison.Ordinal);
        AssertNothingRegistered(registered);
    }

    [Fact]
    public async Task RevisionLabel_CountsAsInjectionOn()
    {
        var cluster = new FakeCluster { NamespaceLabels = { ["orders"] = Labels(("istio.io/rev", "1-24")) } };

        var run = await ProgramRun.RunAsync(PulumiConfig.FromStackText(PulumiConfig.ShippedStackText("prod")), "prod", cluster: cluster);

        Assert.NotEmpty(run.KubernetesObjects());
    }

    [Fact]
    public async Task EveryProblem_IsReportedInOneRun()
    {
        var cluster = new FakeCluster
        {
            MissingCrds = { "serviceentries.networking.istio.io", "sidecars.networking.istio.io" },
            MissingNamespaces = { "orders" },
            NamespaceLabels = { ["payments"] = Labels(("istio-injection", "disabled")) },
        };

        var (message, registered) = await FailAsync(cluster);

        Assert.Contains("has 4 errors", message, StringComparison.Ordinal);
        Assert.Contains("serviceentries.networking.istio.io", message, StringComparison.Ordinal);
        Assert.Contains("sidecars.networking.istio.io", message, StringComparison.Ordinal);
        Assert.Contains(DeliveryCodes.NamespaceMissing.Code, message, StringComparison.Ordinal);
        Assert.Contains(DeliveryCodes.InjectionOff.Code, message, StringComparison.Ordinal);
        AssertNothingRegistered(registered);
    }
}
