using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class RegistryOnlyRuleTests
{
    // ALLOW_ANY reaches everything: the restrictive profile refuses it, the permissive one warns.
    [Fact]
    public void AllowAny_InProd_IsAnErrorAtTheOutboundPolicy()
    {
        var plan = PolicyStack.Check(outbound: "ALLOW_ANY");

        PolicyAssert.Finding(plan, "EGR301", "egress.outboundTrafficPolicy");
    }

    [Fact]
    public void AllowAny_UnderPermissive_IsAWarning()
    {
        var plan = PolicyStack.Check(environment: "dev", profile: "permissive", outbound: "ALLOW_ANY");

        PolicyAssert.Finding(plan, "EGR301", "egress.outboundTrafficPolicy", Severity.Warning);
        Assert.NotNull(plan.Manifests);
    }

    // An import from every namespace lets entries outside the stack widen the registry (F10).
    [Fact]
    public void ImportFromEveryNamespace_IsAnError()
    {
        var plan = PolicyStack.Check(extraEgress: "sidecarImports: [\"istio-system/*\", \"*/*\"]");

        PolicyAssert.Finding(plan, "EGR301", "egress.sidecarImports[1]");
    }

    [Fact]
    public void RegistryOnlyWithASidecarPerNamespace_Passes()
    {
        var plan = PolicyStack.Check();

        PolicyAssert.Clean(plan);
        Assert.Equal(["orders", "payments"], plan.Manifests!.Sidecars.Select(s => s.Metadata.Namespace));
        Assert.All(plan.Manifests.Sidecars, s => Assert.Equal("REGISTRY_ONLY", s.Spec.OutboundTrafficPolicy));
    }
}
