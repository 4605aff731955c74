using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary>egressctl check on the production guardrails: exit 1 with the rule's code, or exit 0 with WAIVED shown.</summary>
public class CheckCommandPolicyTests
{
    public static TheoryData<string, string> Violations => new()
    {
        { "package-manager preset", "EGR302" },
        { "wildcard host", "EGR303" },
        { "catch-all address", "EGR304" },
        { "exportTo *", "EGR308" },
        { "permissive profile", "EGR320" },
        { "expired waiver", "EGR330" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void ProdWithAViolation_ExitsOneWithTheRulesCode(string violation, string code)
    {
        var file = CliRunner.TempFile(ProdVariants.Violate(RepoPaths.ReadText("Pulumi.prod.yaml"), violation), "Pulumi.prod.yaml");

        var (exit, output, _) = CliRunner.RunOn("2026-11-24", "check", "--file", file);

        Assert.True(exit == 1, output);
        Assert.Contains($"error {code}:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ProdWithAViolation_RendersNothing()
    {
        var file = CliRunner.TempFile(ProdVariants.Violate(RepoPaths.ReadText("Pulumi.prod.yaml"), "wildcard host"), "Pulumi.prod.yaml");

        var (exit, output, err) = CliRunner.Run("render", "--file", file);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("EGR303", err, StringComparison.Ordinal);
    }

    private const string WaivedProd = """
        config:
          egress-infra:environment: prod
          egress-infra:context: prod-eu
          egress-infra:policy:
            waivers:
              - rule: no-wildcard-hosts
                service: partner-api
                reason: Partner is moving to fixed hosts.
                expires: 2027-01-31
          egress-infra:egress:
            namespaces: [payments]
            services:
              - name: partner-api
                hosts: ["*.partner.example"]
                ports: [{ number: 443, protocol: TLS }]
                owner: team-payments
                reason: The partner rotates regional host names.
        """;

    // A waived mandatory rule passes, but says so in every run, in the finding and in the summary.
    [Fact]
    public void WaivedMandatoryRule_PassesAndIsShownProminently()
    {
        var file = CliRunner.TempFile(WaivedProd);

        var (exit, output, _) = CliRunner.RunOn("2026-12-01", "check", "--file", file);

        Assert.True(exit == 0, output);
        Assert.Contains("warning EGR333: WAIVED: the mandatory rule no-wildcard-hosts (EGR303)", output, StringComparison.Ordinal);
        Assert.EndsWith("0 errors, 1 warning; 1 mandatory rule WAIVED\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WaiverPastItsExpiry_ExitsOne()
    {
        var file = CliRunner.TempFile(WaivedProd);

        var (exit, output, _) = CliRunner.RunOn("2027-02-01", "check", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("error EGR330:", output, StringComparison.Ordinal);
        Assert.Contains("error EGR303:", output, StringComparison.Ordinal);
    }

    // The dev stack passes as permissive, its presets shown as warnings.
    [Fact]
    public void ShippedDev_PassesWithPresetWarnings()
    {
        var (exit, output, _) = CliRunner.RunOn("2026-11-24", "check", "--stack", "dev", "--project-dir", RepoPaths.Root);

        Assert.True(exit == 0, output);
        Assert.Contains("warning EGR302: the preset 'pypi' is a package-manager", output, StringComparison.Ordinal);
    }
}
