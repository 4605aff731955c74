using EgressInfra.Core.Changes;
using EgressInfra.Core.Config;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Explain;

/// <summary>
/// Denied destinations grouped by the seed's four symptom families (plain HTTP 404/502, broken HTTPS,
/// TCP reset/hang/wrong server, server-name trouble), plus the namespace and port cases. Each states
/// what a pod sees and the smallest change that fixes it.
/// </summary>
public class EgressExplainerDeniedTests
{
    // Family 1: plain HTTP answered by the sidecar with 502 (404 on older Istio).
    [Fact]
    public void PlainHttp_UndeclaredHost_Is502FromEnvoyOr404OnOlderIstio()
    {
        var e = ExplainFixture.Shipped("dev", "sandbox", "example.org", 80);

        Assert.Equal(ExplainOutcome.NoEntry, e.Outcome);
        Assert.Equal(ServiceProtocol.Http, e.Protocol);
        Assert.Contains("502", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Contains("404", e.Symptom.Observed, StringComparison.Ordinal);
        Assert.Contains("BlackHoleCluster", e.Symptom.ProxyLog, StringComparison.Ordinal);
        Assert.Contains("F1", e.Symptom.FailureModes);
        // The dev stack lists presets only, so the new service is the first hand-written one.
        var edit = Assert.Single(e.Change!.Edits);
        Assert.Equal("egress.services[0]", edit.Path);
        Assert.Contains("resolution: DNS", ChangeSnippets.Yaml(edit), StringComparison.Ordinal);
        Assert.True(e.Acceptance!.Accepted);
        Assert.True(e.Acceptance.Verified);
    }

    // The probe expects its deniedHost (example.com by default) to be denied, and the binder rejects a stack
    // that declares it (EGR005). Allowing example.com must therefore move the probe's check, or it cannot deploy.
    [Fact]
    public void ProbesDeniedHost_TheChangeAlsoMovesTheProbeToAHostNothingDeclares()
    {
        var e = ExplainFixture.Shipped("dev", "sandbox", "example.com", 80);

        Assert.Equal(ExplainOutcome.NoEntry, e.Outcome);
        Assert.Equal(["egress.services[0]", "probe.deniedHost"], e.Change!.Edits.Select(x => x.Path));
        Assert.Equal("deniedHost: example.net\n", ChangeSnippets.Yaml(e.Change.Edits[1]));
        Assert.Contains(e.Change.Notes, n => n.Contains("EGR005", StringComparison.Ordinal) && n.Contains("example.net", StringComparison.Ordinal));
        Assert.True(e.Acceptance!.Accepted, string.Join("\n", e.Acceptance.Errors));
        Assert.True(e.Acceptance.Verified);

        // Without the probe edit the same service would be rejected: the edit is needed, not decoration.
        var tree = StackFile.Parse(RepoPaths.ReadText("Pulumi.dev.yaml"), "Pulumi.dev.yaml").ProjectConfig!;
        var alone = ChangeEvaluator.Evaluate(tree, [e.Change.Edits[0]]);
        Assert.Contains(alone.Errors, d => d.Code == "EGR005" && d.Path == "probe.deniedHost");
    }

    [Fact]
    public void ProbesDeniedHost_IsLeftAloneInAStackWithoutTheProbe()
    {
        var stack = StackText.WithServices("""
            - name: stripe
              hosts: [api.stripe.com]
              ports: [{ number: 443, protocol: TLS }]
            """);

        var e = ExplainFixture.Text(stack, "payments", "example.com", 443);

        Assert.Equal("egress.services[1]", Assert.Single(e.Change!.Edits).Path);
        Assert.True(e.Acceptance!.Accepted);
    }

    // Family 2: HTTPS broken by an HTTP declaration on 443 (F2).
    [Theory]
    [InlineData("HTTP", "reset during the TLS handshake")]
    [InlineData("HTTP2", "reset during the TLS handshake")]
    [InlineData("HTTP_PROXY", "wrong version number")]
    public void BrokenHttps_TlsToAPortDeclaredHttp_FailsAsIstiodBuildsTheChain(string declared, string observed)
    {
        var stack = StackText.WithServices($$"""
            - name: legacy
              hosts: [api.example.com]
              ports: [{ number: 443, protocol: {{declared}} }]
            """);

        var e = ExplainFixture.Text(stack, "payments", "api.example.com", 443, ServiceProtocol.Tls);

        Assert.Equal(ExplainOutcome.ProtocolMismatch, e.Outcome);
        Assert.False(e.Allowed);
        Assert.Contains(observed, e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Contains("F2", e.Symptom.FailureModes);
        var edit = Assert.Single(e.Change!.Edits);
        Assert.Equal("egress.services[0].ports[0].protocol", edit.Path);
        Assert.Equal("protocol: TLS\n", ChangeSnippets.Yaml(edit));
        Assert.True(e.Acceptance!.Verified);
    }

    [Fact]
    public void BrokenHttps_UndeclaredHost_IsResetDuringTheHandshake()
    {
        var e = ExplainFixture.Shipped("prod", "payments", "api.github.com", 443, ServiceProtocol.Https);

        Assert.Equal(ExplainOutcome.NoEntry, e.Outcome);
        Assert.Contains("SSL_ERROR_SYSCALL", e.Symptom!.Observed, StringComparison.Ordinal);
    }

    // Family 3: TCP reset, hang, or the wrong server.
    [Fact]
    public void Tcp_UndeclaredDestination_IsResetAndTheFixWarnsAboutAddresses()
    {
        var e = ExplainFixture.Shipped("prod", "orders", "reporting-db.prod.internal", 5432, ServiceProtocol.Tcp);

        Assert.Equal(ExplainOutcome.NoEntry, e.Outcome);
        Assert.Contains("Connection reset by peer", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Contains(e.Change!.Notes, n => n.Contains("takes every destination on port 5432", StringComparison.Ordinal));
    }

    [Fact]
    public void Tcp_AnotherEntryOwnsThePortWithoutAddresses_SendsTrafficToTheWrongServer()
    {
        var stack = StackText.WithServices("""
            - name: db-a
              hosts: [db-a.example.com]
              ports: [{ number: 5432, protocol: TCP }]
            """);

        var e = ExplainFixture.Text(stack, "payments", "db-b.example.com", 5432);

        Assert.Equal(ExplainOutcome.WrongUpstream, e.Outcome);
        Assert.False(e.Allowed);
        Assert.Equal("db-a", e.Match!.Service);
        Assert.Contains("reaches db-a.example.com instead of db-b.example.com", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Contains("F4", e.Symptom.FailureModes);
        Assert.Contains(e.Change!.Notes, n => n.Contains("db-a still owns port 5432", StringComparison.Ordinal));
    }

    [Fact]
    public void Tcp_WrongServerOnTls_ShowsTheOtherServersCertificate()
    {
        var stack = StackText.WithServices("""
            - name: catch-443
              hosts: [tls.example.com]
              ports: [{ number: 443, protocol: TCP }]
            """);

        var e = ExplainFixture.Text(stack, "payments", "api.example.org", 443, ServiceProtocol.Tls);

        Assert.Equal(ExplainOutcome.WrongUpstream, e.Outcome);
        Assert.Contains("certificate", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Contains("F3", e.Symptom.FailureModes);
    }

    // The same catch-all EGR203 reports: Istio gives Mongo, Redis and MySQL a TCP chain with no match.
    [Theory]
    [InlineData("Mongo")]
    [InlineData("redis")]
    [InlineData("MYSQL")]
    public void Database_On443WithoutAddresses_OwnsThePort_AndTheTlsClientReachesThatServer(string protocol)
    {
        var stack = StackText.WithServices($$"""
            - name: cache
              hosts: [cache.example.com]
              ports: [{ number: 443, protocol: {{protocol}} }]
            """);

        var e = ExplainFixture.Text(stack, "payments", "api.example.org", 443, ServiceProtocol.Tls);

        Assert.Equal(ExplainOutcome.WrongUpstream, e.Outcome);
        Assert.Equal("cache", e.Match!.Service);
        Assert.Contains("owns port 443 for every destination", e.Reason, StringComparison.Ordinal);
        Assert.Contains("reaches cache.example.com (", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Contains("the TLS handshake fails", e.Symptom.Observed, StringComparison.Ordinal);
        Assert.Contains("F3", e.Symptom.FailureModes);
    }

    [Fact]
    public void Database_On443WithoutAddresses_ResolutionNone_LetsEveryDestinationPass()
    {
        var stack = StackText.WithServices("""
            - name: cache
              hosts: [cache.example.com]
              resolution: NONE
              ports: [{ number: 443, protocol: Redis }]
            """);

        var e = ExplainFixture.Text(stack, "payments", "api.example.org", 443, ServiceProtocol.Tls);

        Assert.Equal(ExplainOutcome.PortWide, e.Outcome);
        Assert.Equal("cache", e.Match!.Service);
    }

    [Fact]
    public void Tcp_ServerFirstProtocolDenied_WaitsForAGreeting()
    {
        var e = ExplainFixture.Shipped("prod", "orders", "mysql.prod.internal", 3306);

        Assert.Equal(ServiceProtocol.MySql, e.Protocol);
        Assert.Contains("greeting", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Contains("F13", e.Symptom.FailureModes);
    }

    [Fact]
    public void Tcp_ServerFirstProtocolOnAnHttpPort_Hangs()
    {
        var stack = StackText.WithServices("""
            - name: mail
              hosts: [smtp.example.com]
              ports: [{ number: 587, protocol: HTTP }]
            """);

        var e = ExplainFixture.Text(stack, "payments", "smtp.example.com", 587, ServiceProtocol.Tcp);

        Assert.Equal(ExplainOutcome.ProtocolMismatch, e.Outcome);
        Assert.Contains("hangs", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Equal("egress.services[0].ports[0].protocol", Assert.Single(e.Change!.Edits).Path);
    }

    // Family 4: server-name trouble (wildcards and SNI).
    [Fact]
    public void ServerName_WildcardDoesNotCoverTheApex_AndTheFixAddsTheApex()
    {
        var stack = StackText.WithServices("""
            - name: example
              hosts: ["*.example.com"]
              ports: [{ number: 443, protocol: TLS }]
            """);

        var e = ExplainFixture.Text(stack, "payments", "example.com", 443);

        Assert.Equal(ExplainOutcome.WildcardApex, e.Outcome);
        Assert.Contains("SSL_ERROR_SYSCALL", e.Symptom!.Observed, StringComparison.Ordinal);
        var edit = Assert.Single(e.Change!.Edits);
        Assert.Equal("egress.services[0].hosts[1]", edit.Path);
        Assert.True(e.Acceptance!.Accepted);
        Assert.True(e.Acceptance.Verified);
    }

    [Fact]
    public void ServerName_PlainHttpToATlsPort_HasNoSniAndNeedsNoStackChange()
    {
        var e = ExplainFixture.Shipped("prod", "payments", "api.stripe.com", 443, ServiceProtocol.Http);

        Assert.Equal(ExplainOutcome.ProtocolMismatch, e.Outcome);
        Assert.Contains("no SNI", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Empty(e.Change!.Edits);
        Assert.Contains("speak TLS", e.Change.Summary, StringComparison.Ordinal);
        Assert.Null(e.Acceptance);
    }

    // Scope: namespace and port.
    [Fact]
    public void WrongNamespace_ServiceGrantedElsewhere_AddsTheNamespaceToTheService()
    {
        var e = ExplainFixture.Shipped("prod", "orders", "api.stripe.com", 443);

        Assert.Equal(ExplainOutcome.WrongNamespace, e.Outcome);
        Assert.Contains("granted to payments only", e.Reason, StringComparison.Ordinal);
        Assert.Contains("F10", e.Symptom!.FailureModes);
        var edit = Assert.Single(e.Change!.Edits);
        Assert.Equal("egress.services[0].namespaces[1]", edit.Path);
        Assert.Equal("- orders\n", ChangeSnippets.Yaml(edit));
        Assert.Equal("restrictive", e.Acceptance!.Profile);
        Assert.True(e.Acceptance.Accepted);
        Assert.True(e.Acceptance.Verified);
    }

    [Fact]
    public void WrongPort_HostDeclaredOnAnotherPort_AddsThePortToTheService()
    {
        var e = ExplainFixture.Shipped("prod", "payments", "api.stripe.com", 8443, ServiceProtocol.Tls);

        Assert.Equal(ExplainOutcome.PortNotDeclared, e.Outcome);
        Assert.Contains("only on 443/TLS", e.Reason, StringComparison.Ordinal);
        var edit = Assert.Single(e.Change!.Edits);
        Assert.Equal("egress.services[0].ports[1]", edit.Path);
        Assert.Equal(
            ["pulumi config set --path 'egress.services[0].ports[1].number' 8443 --type int", "pulumi config set --path 'egress.services[0].ports[1].protocol' TLS"],
            ChangeSnippets.PulumiCommands(edit));
        Assert.True(e.Acceptance!.Verified);
    }

    [Fact]
    public void UngovernedNamespace_DependsOnTheMeshDefault_AndTheFixGovernsIt()
    {
        var e = ExplainFixture.Shipped("prod", "billing", "api.stripe.com", 443);

        Assert.Equal(ExplainOutcome.NotGoverned, e.Outcome);
        Assert.Contains("mesh-wide", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Equal(["egress.namespaces[2]", "egress.services[0].namespaces[1]"], e.Change!.Edits.Select(x => x.Path));
        Assert.True(e.Acceptance!.Verified);
    }

    // A new service carries owner and reason, so that the restrictive profile (EGR309) accepts it once the
    // user fills in what only they know; with no owner to copy, both are placeholders.
    [Fact]
    public void NewService_CarriesOwnerAndReasonPlaceholders_AndIsJudgedAsFilledIn()
    {
        var e = ExplainFixture.Shipped("prod", "billing", "api.example.com", 443);

        var edit = e.Change!.Edits.Single(x => x.Path == "egress.services[3]");
        var yaml = ChangeSnippets.Yaml(edit);
        Assert.Contains($"owner: \"{EgressExplainer.TeamPlaceholder}\"", yaml, StringComparison.Ordinal);
        Assert.Contains("reason: \"<why billing needs api.example.com:443>\"", yaml, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --path 'egress.services[3].owner' '<team>'", ChangeSnippets.PulumiCommands(edit));
        Assert.Equal(["egress.services[3].owner", "egress.services[3].reason"], e.Change.Placeholders.Select(p => p.Path));
        Assert.Contains(e.Change.Notes, n => n.StartsWith("replace the placeholders owner <team> and reason <why", StringComparison.Ordinal));
        Assert.Equal("restrictive", e.Acceptance!.Profile);
        Assert.True(e.Acceptance.Accepted, string.Join("\n", e.Acceptance.Errors));
    }

    [Fact]
    public void NewService_CopiesTheOneOwnerOfTheNamespacesServices()
    {
        var e = ExplainFixture.Shipped("prod", "payments", "hooks.slack.com", 443);

        var yaml = ChangeSnippets.Yaml(Assert.Single(e.Change!.Edits));
        Assert.Contains("owner: team-payments\n", yaml, StringComparison.Ordinal);
        Assert.Equal(["egress.services[3].reason"], e.Change.Placeholders.Select(p => p.Path));
        Assert.Contains(e.Change.Notes, n => n.Contains("owner team-payments is the owner of payments's other services", StringComparison.Ordinal));
    }

    // A package source stays a package source when written by hand: restrictive rejects it, and says so.
    [Fact]
    public void NewService_ForAPresetsHost_IsRejectedInProdAndNamesThePreset()
    {
        var e = ExplainFixture.Shipped("prod", "orders", "pypi.org", 443);

        Assert.Equal(ExplainOutcome.NoEntry, e.Outcome);
        Assert.False(e.Acceptance!.Accepted);
        Assert.Contains(e.Acceptance.Errors, d => d.Code == "EGR302");
        Assert.DoesNotContain(e.Acceptance.Errors, d => d.Code == "EGR309");
        Assert.Contains(e.Change!.Notes, n => n.Contains("catalog preset pypi", StringComparison.Ordinal));
    }

    // A preset's item takes namespaces; its hosts and ports are the catalog's.
    [Fact]
    public void PresetGrantedElsewhere_AddsTheNamespaceToThePresetsItem()
    {
        var stack = """
            config:
              egress-infra:environment: dev
              egress-infra:egress:
                namespaces: [web, batch]
                presets:
                  - { name: pypi, namespaces: [web], owner: team-web, reason: pip install }
            """;

        var e = ExplainFixture.Text(stack, "batch", "files.pythonhosted.org", 443);

        Assert.Equal(ExplainOutcome.WrongNamespace, e.Outcome);
        Assert.Equal("egress.presets[0]", e.Match!.ConfigPath);
        var edit = Assert.Single(e.Change!.Edits);
        Assert.Equal("egress.presets[0].namespaces[1]", edit.Path);
        Assert.Equal("- batch\n", ChangeSnippets.Yaml(edit));
        Assert.Contains(e.Change.Notes, n => n.Contains("all of the preset pypi", StringComparison.Ordinal));
        Assert.True(e.Acceptance!.Accepted);
        Assert.True(e.Acceptance.Verified);
    }

    [Fact]
    public void PresetOnAnotherPort_TakesAServiceOfTheStacksOwn_NotAPortOnThePreset()
    {
        var e = ExplainFixture.Shipped("dev", "sandbox", "pypi.org", 80);

        Assert.Equal(ExplainOutcome.PortNotDeclared, e.Outcome);
        Assert.Equal("egress.presets[1]", e.Match!.ConfigPath);
        Assert.Null(e.Match.PortPath);
        Assert.Equal("egress.services[0]", Assert.Single(e.Change!.Edits).Path);
        Assert.Contains(e.Change.Notes, n => n.Contains("comes from the preset pypi (egress.presets[1])", StringComparison.Ordinal));
        Assert.True(e.Acceptance!.Verified);
    }

    [Fact]
    public void UngovernedNamespace_CoveredByAPresetForEveryNamespace_NeedsOnlyToBeGoverned()
    {
        var e = ExplainFixture.Shipped("dev", "ci", "github.com", 443);

        Assert.Equal(ExplainOutcome.NotGoverned, e.Outcome);
        Assert.Equal("egress.namespaces[1]", Assert.Single(e.Change!.Edits).Path);
        Assert.Contains(e.Change.Notes, n => n.Contains("preset-github (egress.presets[2]) has no `namespaces`", StringComparison.Ordinal));
        Assert.True(e.Acceptance!.Verified);
    }

    [Fact]
    public void UngovernedNamespace_CoveredByAPresetWithNamespaces_IsAddedToThePresetsItem()
    {
        var stack = """
            config:
              egress-infra:environment: dev
              egress-infra:egress:
                namespaces: [web]
                presets:
                  - { name: npm, namespaces: [web], owner: team-web, reason: npm ci }
            """;

        var e = ExplainFixture.Text(stack, "batch", "registry.npmjs.org", 443);

        Assert.Equal(["egress.namespaces[1]", "egress.presets[0].namespaces[1]"], e.Change!.Edits.Select(x => x.Path));
        Assert.True(e.Acceptance!.Accepted);
        Assert.True(e.Acceptance.Verified);
    }

    // Every change explain proposes must, applied to the stack, make explain answer ALLOWED.
    [Theory]
    [InlineData("dev", "sandbox", "example.org", 80)]
    [InlineData("dev", "sandbox", "example.com", 80)]
    [InlineData("dev", "sandbox", "example.com", 443)]
    [InlineData("dev", "sandbox", "10.1.2.3", 9000)]
    [InlineData("dev", "sandbox", "192.0.2.1", 9000)]
    [InlineData("dev", "sandbox", "gitlab.com", 22)]
    [InlineData("dev", "sandbox", "pypi.org", 80)]
    [InlineData("dev", "ci", "github.com", 443)]
    [InlineData("dev", "ci", "example.org", 443)]
    [InlineData("prod", "orders", "api.stripe.com", 443)]
    [InlineData("prod", "payments", "api.stripe.com", 8443)]
    [InlineData("prod", "payments", "hooks.slack.com", 443)]
    [InlineData("prod", "billing", "api.stripe.com", 443)]
    [InlineData("prod", "billing", "api.example.com", 443)]
    public void SuggestedChange_IsAcceptedAndMakesTheDestinationAllowed(string stack, string ns, string host, int port)
    {
        var e = ExplainFixture.Shipped(stack, ns, host, port);

        Assert.False(e.Allowed);
        Assert.True(e.Acceptance!.Accepted, string.Join("\n", e.Acceptance.Errors));
        Assert.True(e.Acceptance.Verified, e.Change!.Summary);
        Assert.DoesNotContain(e.Change.Edits, x => x.Path.StartsWith("egress.presets[", StringComparison.Ordinal) && x.Path.Contains(".ports", StringComparison.Ordinal));
    }
}
