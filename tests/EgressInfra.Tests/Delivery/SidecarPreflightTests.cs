using EgressInfra.Core.Collections;
using EgressInfra.Core.Delivery;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Tests.Delivery;

// The preflight lists the Sidecars already where the stack registers its own, with the stack's own
// way to the cluster, and refuses to deploy beside one Istio would apply instead.
public class SidecarPreflightTests
{
    private static string Prod => PulumiConfig.FromStackText(PulumiConfig.ShippedStackText("prod"));

    [Fact]
    public async Task Listing_AsksForTheStacksSidecarNamespaces_InItsApiVersion_WithItsContext()
    {
        var cluster = new FakeCluster();

        await ProgramRun.RunAsync(Prod, "prod", cluster: cluster);

        var (access, apiVersion, namespaces) = Assert.Single(cluster.Listings);
        Assert.Equal("networking.istio.io/v1", apiVersion);
        Assert.Equal(["orders", "payments"], namespaces);
        Assert.Equal("prod-eu-west-1", access.Context);
        Assert.Null(access.Kubeconfig);
    }

    [Fact]
    public async Task Listing_GetsTheKubeconfigSetting_ThatTheProviderGets()
    {
        var cluster = new FakeCluster();
        var text = PulumiConfig.ShippedStackText("prod") + "\n  egress-infra:kubeconfig: /home/ci/.kube/prod\n";

        await ProgramRun.RunAsync(PulumiConfig.FromStackText(text), "prod", cluster: cluster);

        Assert.Equal("/home/ci/.kube/prod", Assert.Single(cluster.Listings).Access.Kubeconfig);
        Assert.DoesNotContain("/home/ci", Assert.Single(cluster.Listings).Access.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignNamespaceWideSidecar_FailsBeforeAnyChange()
    {
        var cluster = new FakeCluster { Sidecars = { new ObservedSidecar("orders", "legacy-allow-any", null) } };

        var (error, _, registered) = await ProgramRun.FailingWithRegisteredAsync(Prod, "prod", cluster: cluster);

        Assert.Contains($"{DeliveryCodes.UnownedSidecar.Code} egress.namespaces[orders]", error.Message, StringComparison.Ordinal);
        Assert.Contains("orders/legacy-allow-any", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(registered, r => !Mocks.IsRead(r) && r.Type != "pulumi:providers:kubernetes");
    }

    // A workloadSelector without labels is ranked before the stack's namespace-wide Sidecar and selects every pod.
    [Fact]
    public async Task EmptySelectorSidecar_FailsBeforeAnyChange()
    {
        var cluster = new FakeCluster { Sidecars = { new ObservedSidecar("payments", "everyone", ValueMap<string>.Empty) } };

        var (error, _) = await ProgramRun.FailingAsync(Prod, "prod", cluster: cluster);

        Assert.Contains($"{DeliveryCodes.UnownedSidecar.Code} egress.namespaces[payments]", error.Message, StringComparison.Ordinal);
    }

    // The stack's own Sidecar ("default") from an earlier run is not a foreign one.
    [Fact]
    public async Task TheStacksOwnSidecar_FromAnEarlierRun_Deploys()
    {
        var cluster = new FakeCluster { Sidecars = { new ObservedSidecar("orders", "default", null), new ObservedSidecar("payments", "default", null) } };

        var run = await ProgramRun.RunAsync(Prod, "prod", cluster: cluster);

        Assert.NotEmpty(run.KubernetesObjects());
    }

    // Sidecars that select some pods change only those pods: a warning, not a refusal.
    [Fact]
    public async Task SelectingSidecar_Deploys()
    {
        var cluster = new FakeCluster { Sidecars = { new ObservedSidecar("orders", "batch", ValueMap.Of(("app", "reports"))) } };

        var run = await ProgramRun.RunAsync(Prod, "prod", cluster: cluster);

        Assert.NotEmpty(run.KubernetesObjects());
    }

    // Fail closed: not knowing is not "none there". A warning found beside it is reported with it.
    [Fact]
    public async Task UnlistableNamespace_FailsBeforeAnyChange_WithEveryPreflightFinding()
    {
        var cluster = new FakeCluster
        {
            UnlistableNamespaces = { ["payments"] = "403 Forbidden" },
            Sidecars = { new ObservedSidecar("orders", "batch", ValueMap.Of(("app", "reports"))) },
        };

        var (error, _, registered) = await ProgramRun.FailingWithRegisteredAsync(Prod, "prod", cluster: cluster);

        Assert.Contains($"{DeliveryCodes.SidecarsUnlisted.Code} egress.namespaces[payments]", error.Message, StringComparison.Ordinal);
        Assert.Contains("403 Forbidden", error.Message, StringComparison.Ordinal);
        Assert.Contains(DeliveryCodes.SelectingSidecar.Code, error.Message, StringComparison.Ordinal);
        Assert.Contains("has 1 error;", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(registered, r => !Mocks.IsRead(r) && r.Type != "pulumi:providers:kubernetes");
    }

    [Fact]
    public async Task RenderingToADirectory_ListsNothing()
    {
        var cluster = new FakeCluster { Sidecars = { new ObservedSidecar("orders", "legacy", null) } };
        var keys = PulumiConfig.Keys(PulumiConfig.ShippedStackText("prod") + "\n  egress-infra:renderYamlToDirectory: out/prod\n");

        var run = await ProgramRun.RunAsync(PulumiConfig.FromKeys(keys), "prod", cluster: cluster);

        Assert.Empty(cluster.Listings);
        Assert.NotEmpty(run.KubernetesObjects());
    }
}
