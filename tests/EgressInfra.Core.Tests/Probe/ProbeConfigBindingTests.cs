using EgressInfra.Core.Probe;

namespace EgressInfra.Core.Tests.Probe;

public class ProbeConfigBindingTests
{
    private const string Services = """
        - name: stripe-api
          hosts: [api.stripe.com]
          ports:
            - { number: 443, protocol: TLS }
        - name: orders-db
          hosts: [orders-db.internal]
          addresses: [10.42.8.0/24]
          ports:
            - { number: 5432, protocol: TCP }
        - name: partners
          hosts: ["*.partner.example"]
          ports:
            - { number: 443, protocol: TLS }
        """;

    private static string Stack(string probeYaml) =>
        StackText.WithServices(Services) + (probeYaml.Length == 0 ? string.Empty : "\n  egress-infra:probe:\n" + Indent(probeYaml)) + "\n";

    private static string Indent(string yaml) => string.Join('\n', yaml.Split('\n').Select(l => "    " + l));

    [Fact]
    public void NoProbeKey_MeansNoProbe()
    {
        var plan = StackText.Evaluate(Stack(string.Empty));

        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        Assert.Equal(ProbeConfig.Disabled, plan.Config!.Probe);
        Assert.False(plan.Config.Probe.Enabled);
    }

    [Fact]
    public void ProbeMapping_TurnsTheProbeOnWithDefaults()
    {
        var plan = StackText.Evaluate(Stack("enabled: true"));

        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        Assert.Equal(ProbeConfig.Defaults, plan.Config!.Probe);
    }

    [Fact]
    public void EverySetting_IsBound()
    {
        var plan = StackText.Evaluate(Stack("""
            image: registry.internal/tools/curl:1
            deniedHost: blocked.example.org
            spoofAddress: 198.51.100.7
            timeoutSeconds: 3
            ttlSecondsAfterFinished: 600
            """));

        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        Assert.Equal(new ProbeConfig(true, "registry.internal/tools/curl:1", "blocked.example.org", "198.51.100.7", 3, 600), plan.Config!.Probe);
    }

    [Fact]
    public void EnabledFalse_KeepsSettingsButRunsNothing()
    {
        var plan = StackText.Evaluate(Stack("enabled: false\nimage: curl:1"));

        Assert.False(plan.Config!.Probe.Enabled);
        Assert.Equal("curl:1", plan.Config.Probe.Image);
    }

    // The deny checks only mean something if their targets are really undeclared: a declared host
    // would be reached and the probe would fail on every run.
    [Theory]
    [InlineData("deniedHost: api.stripe.com", "probe.deniedHost")]
    [InlineData("deniedHost: www.partner.example", "probe.deniedHost")]
    [InlineData("deniedHost: Not_A_Host", "probe.deniedHost")]
    [InlineData("spoofAddress: 10.42.8.9", "probe.spoofAddress")]
    [InlineData("spoofAddress: nowhere", "probe.spoofAddress")]
    public void DeniedTargetThatIsDeclaredOrMalformed_IsAnError(string setting, string path)
    {
        var plan = StackText.Evaluate(Stack(setting));

        var error = Assert.Single(plan.Errors);
        Assert.Equal(("EGR005", path), (error.Code, error.Path));
        Assert.NotNull(error.Location);
    }

    [Fact]
    public void BadShapes_AreReportedTogetherWithPaths()
    {
        var plan = StackText.Evaluate(Stack("""
            enabled: maybe
            image: ""
            timeoutSeconds: 1
            ttlSecondsAfterFinished: "60"
            imgae: curl
            """));

        var found = plan.Errors.Select(d => (d.Code, d.Path)).ToHashSet();
        Assert.Contains(("EGR002", "probe.enabled"), found);
        Assert.Contains(("EGR004", "probe.image"), found);
        Assert.Contains(("EGR007", "probe.timeoutSeconds"), found);
        Assert.Contains(("EGR002", "probe.ttlSecondsAfterFinished"), found);
        Assert.Contains(("EGR003", "probe.imgae"), found);
        Assert.Null(plan.Manifests);
    }

    [Fact]
    public void ProbeThatIsNotAMapping_IsAnError()
    {
        var plan = StackText.Evaluate(StackText.WithServices(Services) + "\n  egress-infra:probe: yes-please\n");

        Assert.Contains(plan.Errors, d => d.Code == "EGR002" && d.Path == "probe");
    }
}
