using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary>
/// The shipped production stack with several disguised holes at once: egressctl check reports every
/// one with file, line and config path and exits 1, and render writes nothing.
/// </summary>
public class CheckHostileProdTests
{
    private const string Holes = """
              - name: any-db
                hosts: [db.example.internal]
                addresses: [0.0.0.0/32]
                ports: [{ number: 5432, protocol: TCP }]
                resolution: NONE
                owner: team-orders
                reason: Looks like one address.
              - name: octal-web
                hosts: [web.partner.example]
                ports:
                  - number: 0120
                    protocol: TCP
                owner: team-orders
                reason: Port 120, or so it seems.
              - name: stripe-payouts
                hosts: [api.stripe.com]
                ports: [{ number: 8443, protocol: TLS }]
                namespaces: [orders]
                owner: team-orders
                reason: A second port for another namespace.
        """;

    [Fact]
    public void EveryDisguisedHoleIsReportedAtItsLine_AndNothingRenders()
    {
        var prod = RepoPaths.ReadText("Pulumi.prod.yaml").TrimEnd('\n') + "\n" + Holes.TrimEnd() + "\n";
        prod = prod.Replace("  egress-infra:egress:\n", "  egress-infra:egress:\n    namespaceImports:\n      orders: [\"*/*\"]\n", StringComparison.Ordinal);
        var file = CliRunner.TempFile(prod, "Pulumi.prod.yaml");
        var lines = prod.Split('\n');
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;

        var (exit, output, _) = CliRunner.RunOn("2026-11-24", "check", "--file", file);

        Assert.True(exit == 1, output);
        Assert.Contains($"Pulumi.prod.yaml:{LineOf("0.0.0.0/32")}:", output, StringComparison.Ordinal);
        Assert.Contains("error EGR304:", output, StringComparison.Ordinal);
        Assert.Contains($"Pulumi.prod.yaml:{LineOf("number: 0120") + 1}:", output, StringComparison.Ordinal);
        Assert.Contains("error EGR306:", output, StringComparison.Ordinal);
        Assert.Contains("error EGR318:", output, StringComparison.Ordinal);
        Assert.Contains($"Pulumi.prod.yaml:{LineOf("orders: [\"*/*\"]")}:", output, StringComparison.Ordinal);
        Assert.Contains("error EGR301:", output, StringComparison.Ordinal);

        var (renderExit, rendered, _) = CliRunner.RunOn("2026-11-24", "render", "--file", file);
        Assert.Equal(1, renderExit);
        Assert.Equal(string.Empty, rendered);
    }

    [Fact]
    public void ADevStackAimedAtTheProdContextIsHeldToProd()
    {
        var dev = RepoPaths.ReadText("Pulumi.prod.yaml").Replace("egress-infra:environment: prod", "egress-infra:environment: dev", StringComparison.Ordinal)
            .Replace("          - api.stripe.com\n", "          - \"*.stripe.com\"\n", StringComparison.Ordinal);
        var file = CliRunner.TempFile(dev, "Pulumi.payments.yaml");

        var (exit, output, _) = CliRunner.RunOn("2026-11-24", "check", "--file", file);

        Assert.True(exit == 1, output);
        Assert.Contains("error EGR317:", output, StringComparison.Ordinal);
        Assert.Contains("error EGR303:", output, StringComparison.Ordinal);
    }
}
