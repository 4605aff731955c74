using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Manifests.Modes;

/// <summary>Gateway-mode stacks for the mode's tests: a compliant production stack, and variants of it.</summary>
internal static class GatewayStacks
{
    public const string Prod = """
        config:
          egress-infra:environment: prod
          egress-infra:egress:
            mode: gateway
            namespaces: [payments, orders, shipping]
            services:
              - name: stripe-api
                hosts: [api.stripe.com]
                ports:
                  - {number: 443, protocol: TLS}
                namespaces: [payments]
                owner: team-payments
                reason: Card payments.
              - name: partner-api
                hosts: [api.partner.example]
                ports:
                  - {number: 80, protocol: HTTP, originateTls: true, targetPort: 443}
                namespaces: [orders, shipping]
                owner: team-orders
                reason: Partner order sync.
              - name: ledger-db
                hosts: [ledger-db.prod.internal]
                addresses: [10.42.9.20/32]
                ports:
                  - {number: 5432, protocol: TCP}
                resolution: NONE
                namespaces: [payments]
                owner: team-payments
                reason: The ledger.
        """;

    public static EgressPlan Evaluate(string text) =>
        EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.prod.yaml"), new EvaluationOptions(FixedClock.On("2026-11-24")));

    /// <summary>The production stack with <paramref name="from"/> replaced (it must occur).</summary>
    public static string With(string from, string to)
    {
        Assert.Contains(from, Prod, StringComparison.Ordinal);
        return Prod.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>The production stack with one more service appended.</summary>
    public static string WithService(string yaml) =>
        Prod + string.Join('\n', yaml.Split('\n').Select(l => l.Length == 0 ? l : "      " + l)) + "\n";
}
