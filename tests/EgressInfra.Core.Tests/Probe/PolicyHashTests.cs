using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Probe;

public class PolicyHashTests
{
    private const string Stripe = """
        - name: stripe-api
          hosts: [api.stripe.com, files.stripe.com]
          ports:
            - { number: 443, protocol: TLS }
            - { number: 80, protocol: HTTP }
          owner: team-payments
          reason: cards
        """;

    private static string Hash(string services, string ns = "payments")
    {
        var plan = StackText.Evaluate(StackText.WithServices(services));
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        return PolicyHash.Compute(plan.Manifests!.Objects.Where(o => o.Metadata.Namespace == ns));
    }

    [Fact]
    public void Hash_IsLowerCaseSha256Hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", Hash(Stripe));
    }

    [Fact]
    public void SameConfig_SameHash() => Assert.Equal(Hash(Stripe), Hash(Stripe));

    // The rendered manifests are canonical, so the order things are written in is not policy.
    [Fact]
    public void ReorderedHostsAndPorts_SameHash()
    {
        var reordered = """
            - name: stripe-api
              hosts: [files.stripe.com, api.stripe.com]
              ports:
                - { number: 80, protocol: HTTP }
                - { number: 443, protocol: TLS }
              owner: team-payments
              reason: cards
            """;

        Assert.Equal(Hash(Stripe), Hash(reordered));
    }

    [Fact]
    public void ChangedPort_ChangesHash() =>
        Assert.NotEqual(Hash(Stripe), Hash(Stripe.Replace("number: 80", "number: 8080", StringComparison.Ordinal)));

    [Fact]
    public void ChangedOwnerOrReason_KeepsHash() =>
        Assert.Equal(Hash(Stripe), Hash(Stripe.Replace("team-payments", "team-billing", StringComparison.Ordinal).Replace("cards", "refunds", StringComparison.Ordinal)));

    [Fact]
    public void OtherNamespacesPolicy_DoesNotAffectThisNamespace()
    {
        var paymentsOnly = Stripe + "\n  namespaces: [payments]";
        var withOrdersService = paymentsOnly + """

            - name: sendgrid
              hosts: [api.sendgrid.com]
              ports:
                - { number: 443, protocol: TLS }
              namespaces: [orders]
            """;

        Assert.Equal(Hash(paymentsOnly), Hash(withOrdersService));
        Assert.NotEqual(Hash(paymentsOnly, "orders"), Hash(withOrdersService, "orders"));
    }

    [Fact]
    public void ShippedStacks_HaveOneDistinctHashPerNamespace()
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(RepoPaths.ReadText("Pulumi.prod.yaml"), "Pulumi.prod.yaml"));
        var plans = ProbePlanner.Plan(plan.Manifests!, ProbeConfig.Defaults);

        Assert.Equal(plans.Count, plans.Select(p => p.PolicyHash).Distinct().Count());
        Assert.All(plans, p => Assert.Equal(PolicyHash.Compute(plan.Manifests!.PolicyOf(p.Namespace)), p.PolicyHash));
    }
}
