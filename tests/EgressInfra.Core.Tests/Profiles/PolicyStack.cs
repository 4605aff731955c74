using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Profiles;

/// <summary>
/// Builds stack files for policy tests: a compliant production stack by default, so that each test
/// writes only the part that trips (or passes) the rule it is about.
/// </summary>
internal static class PolicyStack
{
    /// <summary>The day the tests' clock shows unless a test says otherwise; the shipped catalog was verified on it.</summary>
    public const string Today = "2026-11-24";

    public const string Stripe = """
        - name: stripe-api
          hosts: [api.stripe.com]
          ports:
            - { number: 443, protocol: TLS }
          namespaces: [payments]
          owner: team-payments
          reason: Card payments.
        """;

    public static string Text(
        string environment = "prod",
        string? profile = null,
        string services = Stripe,
        string presets = "",
        string policy = "",
        string outbound = "REGISTRY_ONLY",
        string extraEgress = "")
    {
        var lines = new List<string> { "config:", $"  egress-infra:environment: {environment}" };
        if (profile is not null)
        {
            lines.Add($"  egress-infra:profile: {profile}");
        }

        if (policy.Length > 0)
        {
            lines.Add("  egress-infra:policy:");
            lines.Add(Indent(policy, 4));
        }

        lines.Add("  egress-infra:egress:");
        lines.Add($"    outboundTrafficPolicy: {outbound}");
        lines.Add("    namespaces: [payments, orders]");
        if (extraEgress.Length > 0)
        {
            lines.Add(Indent(extraEgress, 4));
        }

        if (presets.Length > 0)
        {
            lines.Add("    presets:");
            lines.Add(Indent(presets, 6));
        }

        if (services.Length > 0)
        {
            lines.Add("    services:");
            lines.Add(Indent(services, 6));
        }

        return string.Join('\n', lines) + "\n";
    }

    public static EgressPlan Evaluate(string text, string today = Today) =>
        EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.test.yaml"), new EvaluationOptions(FixedClock.On(today)));

    /// <summary>Evaluates <see cref="Text"/> with the given parts.</summary>
    public static EgressPlan Check(
        string environment = "prod",
        string? profile = null,
        string services = Stripe,
        string presets = "",
        string policy = "",
        string outbound = "REGISTRY_ONLY",
        string extraEgress = "",
        string today = Today) =>
        Evaluate(Text(environment, profile, services, presets, policy, outbound, extraEgress), today);

    public static IReadOnlyList<Diagnostic> WithCode(this EgressPlan plan, string code) =>
        [.. plan.Diagnostics.Where(d => d.Code == code)];

    public static string Dump(this EgressPlan plan) => string.Join("\n", plan.Diagnostics);

    private static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : pad + l));
    }
}
