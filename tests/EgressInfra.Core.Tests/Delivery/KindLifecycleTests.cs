using EgressInfra.Core.Delivery;

namespace EgressInfra.Core.Tests.Delivery;

public class KindLifecycleTests
{
    [Theory]
    [InlineData("ServiceEntry", "networking.istio.io/v1", DeliveryPhase.Path, false, "serviceentries.networking.istio.io")]
    [InlineData("Gateway", "networking.istio.io/v1", DeliveryPhase.Path, false, "gateways.networking.istio.io")]
    [InlineData("VirtualService", "networking.istio.io/v1", DeliveryPhase.Path, false, "virtualservices.networking.istio.io")]
    [InlineData("DestinationRule", "networking.istio.io/v1", DeliveryPhase.Path, false, "destinationrules.networking.istio.io")]
    [InlineData("AuthorizationPolicy", "security.istio.io/v1", DeliveryPhase.Path, true, "authorizationpolicies.security.istio.io")]
    [InlineData("Sidecar", "networking.istio.io/v1", DeliveryPhase.Enforcement, true, "sidecars.networking.istio.io")]
    [InlineData("NetworkPolicy", "networking.k8s.io/v1", DeliveryPhase.Enforcement, true, null)]
    public void KnownKinds(string kind, string apiVersion, DeliveryPhase phase, bool holdsPolicy, string? crd)
    {
        var lifecycle = KindLifecycle.Of(kind, apiVersion);

        Assert.Equal(phase, lifecycle.Phase);
        Assert.Equal(holdsPolicy, lifecycle.HoldsPolicy);
        Assert.Equal(crd, lifecycle.CrdName);
    }

    // A kind added later and not classified here must not open a namespace by accident: it is applied
    // last and protected like a Sidecar until someone decides otherwise.
    [Theory]
    [InlineData("WorkloadGroup", "networking.istio.io/v1", "workloadgroups.networking.istio.io")]
    [InlineData("PeerAuthentication", "security.istio.io/v1", "peerauthentications.security.istio.io")]
    [InlineData("ProxyConfig", "networking.istio.io/v1beta1", "proxyconfigs.networking.istio.io")]
    [InlineData("ConfigMap", "v1", null)]
    [InlineData("Ingress", "networking.k8s.io/v1", null)]
    [InlineData("Deployment", "apps/v1", null)]
    public void UnknownKinds_FailClosed(string kind, string apiVersion, string? crd)
    {
        var lifecycle = KindLifecycle.Of(kind, apiVersion);

        Assert.Equal(DeliveryPhase.Enforcement, lifecycle.Phase);
        Assert.True(lifecycle.HoldsPolicy);
        Assert.Equal(crd, lifecycle.CrdName);
    }

    [Theory]
    [InlineData("Gateway", "gateways")]
    [InlineData("AuthorizationPolicy", "authorizationpolicies")]
    [InlineData("ServiceEntry", "serviceentries")]
    [InlineData("Ingress", "ingresses")]
    [InlineData("Proxy", "proxies")]
    public void Plural_FollowsKubernetesDefault(string kind, string plural) => Assert.Equal(plural, KindLifecycle.Plural(kind));

    [Fact]
    public void All_ListsPathKindsBeforeEnforcingKinds()
    {
        var phases = KindLifecycle.All.Select(k => k.Phase).ToList();

        Assert.Equal(phases.Order(), phases);
        Assert.Contains(KindLifecycle.All, k => k.Kind == "Sidecar");
    }
}
