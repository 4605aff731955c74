using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class NoPackageSourcesRuleTests
{
    [Theory]
    [InlineData("apt")]
    [InlineData("pypi")]
    [InlineData("npm")]
    [InlineData("nuget")]
    [InlineData("maven-central")]
    [InlineData("go-proxy")]
    [InlineData("docker-hub")]
    [InlineData("github")]
    [InlineData("github-ssh")]
    [InlineData("github-ssh-443")]
    public void CodeFetchingPreset_InProd_IsAnErrorAtThePreset(string preset)
    {
        var plan = PolicyStack.Check(presets: $"- {{ name: {preset}, owner: team-a, reason: r }}");

        var finding = PolicyAssert.Finding(plan, "EGR302", "egress.presets[0]");
        Assert.Contains($"'{preset}'", finding.Message, StringComparison.Ordinal);
    }

    // Writing the host by hand instead of naming the preset changes nothing.
    [Theory]
    [InlineData("deb.debian.org")]
    [InlineData("archive.ubuntu.com")]
    [InlineData("files.pythonhosted.org")]
    [InlineData("registry.npmjs.org")]
    [InlineData("api.nuget.org")]
    [InlineData("repo1.maven.org")]
    [InlineData("registry-1.docker.io")]
    [InlineData("proxy.golang.org")]
    [InlineData("github.com")]
    [InlineData("raw.githubusercontent.com")]
    [InlineData("gitlab.com")]
    [InlineData("bitbucket.org")]
    [InlineData("*.github.com")]
    public void HandWrittenPackageHost_InProd_IsAnErrorAtTheHost(string host)
    {
        var plan = PolicyStack.Check(services: $"""
            - name: deps
              hosts: [api.example.com, "{host}"]
              ports: [{"{"} number: 443, protocol: TLS {"}"}]
              owner: team-a
              reason: r
            """);

        PolicyAssert.Finding(plan, "EGR302", "egress.services[0].hosts[1]");
    }

    // A TCP entry with a made-up host is still GitHub if its addresses are GitHub's.
    [Fact]
    public void AddressInsideGitHubsRanges_IsAnErrorAtTheAddress()
    {
        var plan = PolicyStack.Check(services: """
            - name: git
              hosts: [git.internal.example]
              addresses: [140.82.114.4/32]
              ports: [{ number: 22, protocol: TCP }]
              owner: team-a
              reason: r
            """);

        PolicyAssert.Finding(plan, "EGR302", "egress.services[0].addresses[0]");
    }

    [Fact]
    public void CodeFetchingPreset_UnderPermissive_IsAWarning()
    {
        var plan = PolicyStack.Check(environment: "dev", presets: "- { name: pypi, owner: team-a, reason: r }");

        PolicyAssert.Finding(plan, "EGR302", "egress.presets[0]", Severity.Warning);
        Assert.NotNull(plan.Manifests);
    }

    [Theory]
    [InlineData("api.stripe.com")]
    [InlineData("notgithub.com")]
    [InlineData("github.com.example.net")]
    public void ServiceDependency_Passes(string host)
    {
        var plan = PolicyStack.Check(services: $"""
            - name: dep
              hosts: ["{host}"]
              ports: [{"{"} number: 443, protocol: TLS {"}"}]
              owner: team-a
              reason: r
            """);

        PolicyAssert.NoFinding(plan, "EGR302");
    }

    [Fact]
    public void CloudApiPreset_Passes()
    {
        var plan = PolicyStack.Check(presets: "- { name: google-cloud-storage, owner: team-a, reason: exports }");

        PolicyAssert.Clean(plan);
    }
}
