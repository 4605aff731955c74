namespace EgressInfra.TestSupport;

/// <summary>
/// Variants of the shipped Pulumi.prod.yaml that each break one production guardrail, for the Core
/// and CLI tests of the acceptance list.
/// </summary>
internal static class ProdVariants
{
    public static readonly IReadOnlyList<string> All =
    [
        "package-manager preset", "wildcard host", "catch-all address", "exportTo *", "permissive profile", "expired waiver",
    ];

    public static string Violate(string prod, string violation) => violation switch
    {
        "package-manager preset" => prod.Replace(
            "    services:\n",
            "    presets:\n      - { name: pypi, owner: team-orders, reason: pip install at start-up }\n    services:\n",
            StringComparison.Ordinal),
        "wildcard host" => AddService(prod, "hosts: [\"*\"]\n        ports: [{ number: 443, protocol: TLS }]"),
        "catch-all address" => AddService(prod, "hosts: [egress.example.internal]\n        addresses: [0.0.0.0/0]\n        ports: [{ number: 443, protocol: TCP }]"),
        "exportTo *" => AddService(prod, "hosts: [api.example.com]\n        ports: [{ number: 443, protocol: TLS }]\n        exportTo: [\"*\"]"),
        "permissive profile" => prod.Replace("egress-infra:profile: restrictive", "egress-infra:profile: permissive", StringComparison.Ordinal),
        "expired waiver" => prod.Replace(
            "  egress-infra:egress:\n",
            "  egress-infra:policy:\n    waivers:\n      - { rule: no-wildcard-hosts, service: stripe-api, reason: r, expires: 2020-01-31 }\n  egress-infra:egress:\n",
            StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(violation), violation, "no such variant"),
    };

    private static string AddService(string prod, string body) =>
        prod.TrimEnd('\n') + "\n      - name: extra\n        " + body + "\n        owner: team-orders\n        reason: test\n";
}
