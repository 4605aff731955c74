using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Lint;

namespace EgressInfra.Core.Tests.Pipeline;

/// <summary>
/// Where a profile rule and an analysis rule describe the same failure mode, a stack hears it once,
/// at the level its profile sets; a stack that disables the rule is not warned again under the
/// analysis code. Lint has no stack profile and keeps the analysis warning.
/// </summary>
public class ProfileSupersedesAnalysisTests
{
    private const string Wildcard = """
        - name: gcp
          hosts: ["*.googleapis.com"]
          ports:
            - { number: 443, protocol: TLS }
          owner: team-a
          reason: r
        """;

    [Fact]
    public void DisabledProfileRule_SilencesTheAnalysisCopyToo()
    {
        var text = StackText.WithServices(Wildcard).Replace(
            "  egress-infra:egress:",
            "  egress-infra:policy:\n    rules:\n      no-wildcard-hosts: disabled\n  egress-infra:egress:",
            StringComparison.Ordinal);

        var plan = StackText.Evaluate(text);

        Assert.DoesNotContain(plan.Diagnostics, d => d.Code == PolicyCodes.NoWildcardHosts.Code);
        Assert.DoesNotContain(plan.Diagnostics, d => d.Code == AnalysisCodes.WildcardGrantsSiblings.Code);
    }

    [Fact]
    public void Stack_ReportsTheProfileCodeOnce()
    {
        var plan = StackText.Evaluate(StackText.WithServices(Wildcard));

        Assert.Single(plan.Diagnostics, d => d.Code == PolicyCodes.NoWildcardHosts.Code);
        Assert.DoesNotContain(plan.Diagnostics, d => d.Code == AnalysisCodes.WildcardGrantsSiblings.Code);
    }

    [Fact]
    public void Lint_KeepsTheAnalysisWarning()
    {
        const string manifest = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: { name: gcp, namespace: app }
            spec:
              hosts: ["*.googleapis.com"]
              ports: [{ number: 443, name: tls, protocol: TLS }]
              resolution: NONE
              exportTo: ["."]
            """;

        var result = ManifestLinter.Lint([("se.yaml", manifest)]);

        Assert.Contains(result.Diagnostics, d => d.Code == AnalysisCodes.WildcardGrantsSiblings.Code && d.Severity == Severity.Warning);
    }
}
