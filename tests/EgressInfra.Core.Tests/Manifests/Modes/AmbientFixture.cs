using EgressInfra.Core.Pipeline;

namespace EgressInfra.Core.Tests.Manifests.Modes;

/// <summary>Small ambient stacks: the services of a test under <c>mode: ambient</c>, prod unless told otherwise.</summary>
internal static class AmbientFixture
{
    public const string Stripe = """
        - name: stripe-api
          hosts: [api.stripe.com]
          ports: [{number: 443, protocol: TLS}]
          resolution: DNS
          namespaces: [payments]
          owner: team-payments
          reason: card payments
        """;

    public const string Rates = """
        - name: fx-rates
          hosts: [rates.fx.example.com]
          ports: [{number: 80, protocol: HTTP, targetPort: 443, originateTls: true}]
          resolution: DNS
          namespaces: [payments, orders]
          owner: team-payments
          reason: currency conversion
        """;

    public static string Stack(string services, string ambient = "", string environment = "prod", string extra = "") =>
        StackText.WithServices(services, environment, extraEgress: $"mode: ambient\n{ambient}{extra}");

    public static EgressPlan Evaluate(string services, string ambient = "", string environment = "prod", string extra = "") =>
        StackText.Evaluate(Stack(services, ambient, environment, extra));

    public static EgressPlan Clean(string services, string ambient = "", string environment = "prod", string extra = "")
    {
        var plan = Evaluate(services, ambient, environment, extra);
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        return plan;
    }
}
